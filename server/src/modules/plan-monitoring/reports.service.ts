import type {
  ProgressReportDto,
  ReportingPeriodDto,
  ReportStatus,
  progressReportInputSchema,
  returnReportSchema,
  reviewInputSchema,
} from '@kinga/shared';
import type { z } from 'zod';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { conflict, hiddenRecord, HttpProblem, notFound } from '../../http/errors.ts';
import { versionInForce, loadElements } from '../plans/plan-elements.ts';
import {
  activitiesLedBy,
  getPeriodOrThrow,
  getPlanOrThrow,
  hasStarted,
  loadMonitoredPlan,
  missingReports,
  monitoredPlanOf,
  todayUtc,
  type MonitoredPlan,
} from './monitored-plan.ts';
import { reportScopeOrThrow, requireReportRead, requireReportWrite } from './monitoring-access.ts';
import * as repo from './monitoring.repository.ts';
import { presentReport } from './reports.presenter.ts';

type ReportInput = z.output<typeof progressReportInputSchema>;
type ReviewInput = z.output<typeof reviewInputSchema>;
type ReturnInput = z.output<typeof returnReportSchema>;

/** Statuses in which the reporting agency may still change its report. */
const EDITABLE: readonly (ReportStatus | null)[] = [null, 'draft', 'returned'];

/** An audit row of a report write: identifiers only, never the narrative or a comment. */
export function reportAudit(rc: RequestContext, action: string, reportId: string): AuditEntry {
  return {
    action,
    outcome: 'success',
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType: 'progress_report',
    entityId: reportId,
    requestId: rc.requestId,
  };
}

/** The plan's reporting periods, each with the number of lead agencies whose report is missing. */
export async function listPeriods(ctx: AppContext, _actor: Actor, planId: string): Promise<ReportingPeriodDto[]> {
  const plan = await getPlanOrThrow(ctx.db, planId);
  const periods = await repo.listPeriods(ctx.db, planId);
  const version = await versionInForce(ctx.db, planId);
  const counts = new Map<string, number>();
  if (version) {
    // Without a version in force nobody is expected to report: every count stays 0.
    const mp = monitoredPlanOf(plan, version, await loadElements(ctx.db, version.id));
    for (const { period } of await missingReports(ctx.db, mp, periods, todayUtc())) {
      counts.set(period.id, (counts.get(period.id) ?? 0) + 1);
    }
  }
  return periods.map((p) => ({
    id: p.id,
    label: p.label,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    dueOn: p.due_on,
    missingReports: counts.get(p.id) ?? 0,
  }));
}

function isEditableBy(actor: Actor, agencyId: string, status: string | null, period: repo.PeriodRow, today: string) {
  return (
    hasPermission(actor, 'plan:report') &&
    actor.agencyId === agencyId &&
    EDITABLE.includes(status as ReportStatus | null) &&
    hasStarted(period, today)
  );
}

/** The reports of the given lead agencies for one period, one per agency whether it has started one or not. */
async function reportsFor(
  db: Db | Tx,
  actor: Actor,
  mp: MonitoredPlan,
  period: repo.PeriodRow,
  agencyIds: readonly string[],
): Promise<ProgressReportDto[]> {
  const today = todayUtc();
  const wanted = new Set(agencyIds);
  const reports = (await repo.listReports(db, period.id)).filter((r) => wanted.has(r.agency_id));
  const reportIds = reports.map((r) => r.id);
  const [entries, evidence, names] = await Promise.all([
    repo.listEntries(db, reportIds),
    repo.listEvidence(db, reportIds),
    repo.agencyNames(db, agencyIds),
  ]);
  return agencyIds.map((agencyId) => {
    const report = reports.find((r) => r.agency_id === agencyId);
    return presentReport({
      period,
      agencyId,
      agencyName: names.get(agencyId) ?? '',
      report,
      entries: report ? entries.filter((e) => e.report_id === report.id) : [],
      evidence: report ? evidence.filter((e) => e.report_id === report.id) : [],
      activities: activitiesLedBy(mp, agencyId),
      editable: isEditableBy(actor, agencyId, report?.status ?? null, period, today),
      today,
    });
  });
}

/**
 * A period's reports: every lead agency's for the secretariat, the own agency's for a focal
 * point (none when it leads nothing), 403 for anyone else.
 */
export async function listPeriodReports(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  periodId: string,
): Promise<ProgressReportDto[]> {
  const scope = reportScopeOrThrow(actor);
  const mp = await loadMonitoredPlan(ctx.db, planId);
  const period = await getPeriodOrThrow(ctx.db, planId, periodId);
  const agencyIds = scope.kind === 'all' ? mp.leadAgencyIds : mp.leadAgencyIds.filter((id) => id === scope.agencyId);
  return reportsFor(ctx.db, actor, mp, period, agencyIds);
}

/** The plan in force, the period and the agency as a lead agency of it (404 when it leads nothing). */
async function loadReportContext(db: Db | Tx, planId: string, periodId: string, agencyId: string) {
  const mp = await loadMonitoredPlan(db, planId);
  const period = await getPeriodOrThrow(db, planId, periodId);
  const activities = activitiesLedBy(mp, agencyId);
  if (activities.length === 0) throw notFound('Report');
  const report = await repo.findReport(db, periodId, agencyId);
  return { mp, period, agencyId, activities, report };
}

/** One agency's report of a period: the secretariat, or the agency's own focal point (another agency: 404). */
export async function getReport(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  periodId: string,
  agencyId: string,
): Promise<ProgressReportDto> {
  reportScopeOrThrow(actor);
  const { mp, period, report } = await loadReportContext(ctx.db, planId, periodId, agencyId);
  requireReportRead(actor, agencyId, periodId, report?.id);
  const [dto] = await reportsFor(ctx.db, actor, mp, period, [agencyId]);
  if (!dto) throw notFound('Report');
  return dto;
}

const notEditable = () =>
  conflict('report_not_editable', 'The report is submitted or accepted and can no longer change');
const periodNotStarted = () => conflict('period_not_started', 'The reporting period has not started yet');

/** What a write to an agency's report of a period works on. */
export type ReportContext = Awaited<ReturnType<typeof loadReportContext>>;

/**
 * Loads the caller's own agency's report for a write: 404 for another agency's or for an
 * agency that leads nothing, 409 before the period has started.
 */
export async function loadOwnReport(
  trx: Tx,
  rc: RequestContext,
  planId: string,
  periodId: string,
  agencyId: string,
): Promise<ReportContext> {
  requireReportWrite(rc.actor, agencyId, periodId);
  const loaded = await loadReportContext(trx, planId, periodId, agencyId);
  if (!hasStarted(loaded.period, todayUtc())) throw periodNotStarted();
  return loaded;
}

/** Whether the reporting agency may still change a report in this status. */
export function isEditableStatus(status: string): boolean {
  return EDITABLE.includes(status as ReportStatus);
}

/**
 * The editable report of the caller's agency, created as a draft when it has none yet; 409
 * once submitted or accepted. A returned report becomes a draft again.
 */
export async function openDraft(trx: Tx, rc: RequestContext, loaded: ReportContext, now: string): Promise<string> {
  const { mp, period, report } = loaded;
  if (report && !isEditableStatus(report.status)) throw notEditable();
  if (report) {
    await repo.updateReport(trx, report.id, { status: 'draft', version_id: mp.version.id, updated_at: now });
    return report.id;
  }
  const reportId = newId();
  await repo.insertReport(trx, {
    id: reportId,
    period_id: period.id,
    version_id: mp.version.id,
    agency_id: loaded.agencyId,
    status: 'draft',
    submitted_at: null,
    submitted_by: null,
    reviewed_at: null,
    reviewed_by: null,
    review_comment: null,
    created_by: rc.actor.userId,
    created_at: now,
    updated_at: now,
  });
  return reportId;
}

/**
 * Saves the draft of the caller's agency's report: its entries become exactly the given ones.
 * Each entry must name an activity the agency leads in the version in force (else 404).
 */
export async function saveReport(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  agencyId: string,
  input: ReportInput,
): Promise<ProgressReportDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const loaded = await loadOwnReport(trx, rc, planId, periodId, agencyId);
    const led = new Set(loaded.activities.map((a) => a.key));
    const foreign = input.entries.find((e) => !led.has(e.activityKey));
    if (foreign) throw hiddenRecord('plan_element', foreign.activityKey, 'Activity');
    const reportId = await openDraft(trx, rc, loaded, now);
    await repo.replaceEntries(trx, reportId, input.entries, now);
    await ctx.audit.inTransaction(trx, reportAudit(rc, 'progress_report.save', reportId));
  });
  return getReport(ctx, rc.actor, planId, periodId, agencyId);
}

/** Hands the draft in; every activity the agency leads needs an entry (else 422 naming the missing ones). */
export async function submitReport(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  agencyId: string,
): Promise<ProgressReportDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const { activities, report } = await loadOwnReport(trx, rc, planId, periodId, agencyId);
    if (report && !isEditableStatus(report.status)) throw notEditable();
    const entered = new Set((report ? await repo.listEntries(trx, [report.id]) : []).map((e) => e.activity_key));
    const missing = activities.filter((a) => !entered.has(a.key));
    if (!report || missing.length > 0) {
      throw new HttpProblem(
        422,
        'report_incomplete',
        'Report the status of every activity your agency leads before submitting',
        `Missing: ${missing.map((a) => a.number).join(', ')}`,
        missing.map((a) => ({
          path: `entries.${a.key}`,
          message: `No entry for activity ${a.number}`,
          code: 'missing_entry',
        })),
      );
    }
    const now = nowIso();
    await repo.updateReport(trx, report.id, {
      status: 'submitted',
      submitted_at: now,
      submitted_by: rc.actor.userId,
      updated_at: now,
    });
    await ctx.audit.inTransaction(trx, reportAudit(rc, 'progress_report.submit', report.id));
  });
  return getReport(ctx, rc.actor, planId, periodId, agencyId);
}

/** The secretariat's review of a submitted report: accepted, or returned with a comment for the agency. */
async function reviewReport(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  agencyId: string,
  outcome: 'accepted' | 'returned',
  comment: string | null,
): Promise<ProgressReportDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const { report } = await loadReportContext(trx, planId, periodId, agencyId);
    if (report?.status !== 'submitted') {
      throw conflict('report_not_submitted', 'Only a submitted report can be accepted or returned');
    }
    const now = nowIso();
    await repo.updateReport(trx, report.id, {
      status: outcome,
      reviewed_at: now,
      reviewed_by: rc.actor.userId,
      review_comment: comment,
      updated_at: now,
    });
    const action = outcome === 'accepted' ? 'progress_report.accept' : 'progress_report.return';
    await ctx.audit.inTransaction(trx, reportAudit(rc, action, report.id));
  });
  return getReport(ctx, rc.actor, planId, periodId, agencyId);
}

export function acceptReport(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  agencyId: string,
  input: ReviewInput,
): Promise<ProgressReportDto> {
  return reviewReport(ctx, rc, planId, periodId, agencyId, 'accepted', input.comment);
}

export function returnReport(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  agencyId: string,
  input: ReturnInput,
): Promise<ProgressReportDto> {
  return reviewReport(ctx, rc, planId, periodId, agencyId, 'returned', input.comment);
}
