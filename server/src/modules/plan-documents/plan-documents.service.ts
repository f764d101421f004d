import type { DocumentFormat, documentQuerySchema } from '@kinga/shared';
import type { z } from 'zod';
import { hasPermission } from '../../access/access.ts';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { countryProfile } from '../../country.ts';
import { nowIso } from '../../db/ids.ts';
import { renderDocx } from '../../lib/documents/docx.ts';
import { documentLabels } from '../../lib/documents/labels.ts';
import type { DocumentModel } from '../../lib/documents/model.ts';
import { renderPdf } from '../../lib/documents/pdf.ts';
import { asciiSlug } from '../../lib/documents/text.ts';
import { getMeeting } from '../meetings/meetings.service.ts';
import { dashboardFor } from '../plan-monitoring/dashboard.service.ts';
import { listPeriodReports } from '../plan-monitoring/reports.service.ts';
import { getPlan, getPlanVersion } from '../plans/plans.service.ts';
import { buildMeetingMinutesDocument } from './meeting-minutes.document.ts';
import { buildPeriodReportDocument } from './period-report.document.ts';
import { buildPlanVersionDocument } from './plan-version.document.ts';

export type DocumentQueryOutput = z.output<typeof documentQuerySchema>;

export interface DocumentFile {
  /** ASCII only, e.g. `kinga-plan-v2-en.pdf`. */
  fileName: string;
  mediaType: string;
  body: Buffer;
}

const MEDIA_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function render(model: DocumentModel, format: DocumentFormat, name: string): Promise<DocumentFile> {
  const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  return { fileName: `${name}-${model.lang}.${format}`, mediaType: MEDIA_TYPES[format], body };
}

function downloadAudit(rc: RequestContext, action: string, entityType: string, entityId: string): AuditEntry {
  return {
    action,
    outcome: 'success',
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType,
    entityId,
    requestId: rc.requestId,
  };
}

/** A plan version as a PDF or DOCX document; audited as `plan.document.download`. */
export async function planVersionDocument(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  number: number,
  query: DocumentQueryOutput,
): Promise<DocumentFile> {
  const plan = await getPlan(ctx, rc.actor, planId);
  const version = await getPlanVersion(ctx, rc.actor, planId, number);
  const counties = new Map(countryProfile(ctx.config.country).counties.map((c) => [c.code, c.name]));
  const model = buildPlanVersionDocument(plan, version, {
    labels: documentLabels(query.lang, ctx.config.country),
    countyName: (code) => counties.get(code) ?? String(code),
    generatedAt: nowIso(),
  });
  const file = await render(model, query.format, `kinga-plan-v${version.number}`);
  await ctx.audit.record(downloadAudit(rc, 'plan.document.download', 'plan', planId));
  return file;
}

/**
 * A reporting period's progress report as a document; audited as `plan.report.download`.
 * The agencies' report entries are included for those who may read them (the secretariat
 * all, a focal point its own agency's) and left out for everyone else.
 */
export async function periodReportDocument(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  query: DocumentQueryOutput,
): Promise<DocumentFile> {
  const plan = await getPlan(ctx, rc.actor, planId);
  const dashboard = await dashboardFor(ctx, rc.actor, planId, periodId);
  const mayReadReports = hasPermission(rc.actor, 'plan:manage') || hasPermission(rc.actor, 'plan:report');
  const reports = mayReadReports ? await listPeriodReports(ctx, rc.actor, planId, periodId) : null;
  const model = buildPeriodReportDocument(plan, dashboard, reports, {
    labels: documentLabels(query.lang, ctx.config.country),
    generatedAt: nowIso(),
  });
  const file = await render(model, query.format, `kinga-report-${asciiSlug(dashboard.period?.label ?? 'period', 20)}`);
  await ctx.audit.record(downloadAudit(rc, 'plan.report.download', 'reporting_period', periodId));
  return file;
}

/** A meeting's minutes as a document; audited as `meeting.minutes.download`. */
export async function meetingMinutesDocument(
  ctx: AppContext,
  rc: RequestContext,
  meetingId: string,
  query: DocumentQueryOutput,
): Promise<DocumentFile> {
  const meeting = await getMeeting(ctx, rc.actor, meetingId);
  const model = buildMeetingMinutesDocument(meeting, {
    labels: documentLabels(query.lang, ctx.config.country),
    generatedAt: nowIso(),
  });
  const file = await render(model, query.format, `kinga-minutes-${meeting.startsAt.slice(0, 10)}`);
  await ctx.audit.record(downloadAudit(rc, 'meeting.minutes.download', 'meeting', meetingId));
  return file;
}
