import type { Db, Tx } from '../../db/database.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { loadElements, versionInForce, type PlanElement, type VersionRow } from '../plans/plan-elements.ts';
import * as repo from './monitoring.repository.ts';

/**
 * Monitoring always reads the plan's version in force (the adopted one): its activities, who
 * leads them, its indicators. Without one there is nothing to monitor (409 no_adopted_version).
 */
export interface MonitoredPlan {
  plan: repo.PlanRow;
  version: VersionRow;
  elements: PlanElement[];
  byKey: Map<string, PlanElement>;
  activities: PlanElement[];
  indicators: PlanElement[];
  /** Agencies leading at least one activity, in outline order of their first activity. */
  leadAgencyIds: string[];
}

export async function getPlanOrThrow(db: Db | Tx, planId: string): Promise<repo.PlanRow> {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw notFound('Plan');
  return plan;
}

/** The plan with its version in force; 404 without the plan, 409 `no_adopted_version` without an adopted version. */
export async function loadMonitoredPlan(db: Db | Tx, planId: string): Promise<MonitoredPlan> {
  const plan = await getPlanOrThrow(db, planId);
  const version = await versionInForce(db, planId);
  if (!version) throw noAdoptedVersion();
  return monitoredPlanOf(plan, version, await loadElements(db, version.id));
}

export function noAdoptedVersion() {
  return conflict('no_adopted_version', 'The plan has no adopted version to monitor yet');
}

export function monitoredPlanOf(plan: repo.PlanRow, version: VersionRow, elements: PlanElement[]): MonitoredPlan {
  const activities = elements.filter((e) => e.kind === 'activity');
  const leadAgencyIds: string[] = [];
  for (const a of activities) {
    if (a.leadAgencyId !== null && !leadAgencyIds.includes(a.leadAgencyId)) leadAgencyIds.push(a.leadAgencyId);
  }
  return {
    plan,
    version,
    elements,
    byKey: new Map(elements.map((e) => [e.key, e])),
    activities,
    indicators: elements.filter((e) => e.kind === 'indicator'),
    leadAgencyIds,
  };
}

/** The activities an agency leads in the version in force, in outline order. */
export function activitiesLedBy(mp: MonitoredPlan, agencyId: string): PlanElement[] {
  return mp.activities.filter((a) => a.leadAgencyId === agencyId);
}

export async function getPeriodOrThrow(db: Db | Tx, planId: string, periodId: string): Promise<repo.PeriodRow> {
  const period = await repo.findPeriod(db, planId, periodId);
  if (!period) throw notFound('Reporting period');
  return period;
}

/** Today's date in UTC (YYYY-MM-DD): due dates and period ends are calendar dates. */
export function todayUtc(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** A report is missing once its due date has passed and it is neither submitted nor accepted. */
export function isMissing(period: Pick<repo.PeriodRow, 'due_on'>, status: string | null, today: string): boolean {
  return today > period.due_on && !(status !== null && (repo.HANDED_IN as readonly string[]).includes(status));
}

/** Reports and actuals are given only for a period that has started. */
export function hasStarted(period: Pick<repo.PeriodRow, 'starts_on'>, today: string): boolean {
  return period.starts_on <= today;
}

/**
 * The period a dashboard or indicator list judges: the one asked for (404 if it is not the
 * plan's), else the latest period that has ended, else the first one; null without periods.
 */
export function judgedPeriod(
  periods: readonly repo.PeriodRow[],
  periodId: string | undefined,
  today: string,
): repo.PeriodRow | null {
  if (periodId !== undefined) {
    const asked = periods.find((p) => p.id === periodId);
    if (!asked) throw notFound('Reporting period');
    return asked;
  }
  const ended = periods.filter((p) => p.ends_on < today);
  return ended.at(-1) ?? periods[0] ?? null;
}

/** Lead agencies whose report of each period is missing, as (period, agency) pairs in period order. */
export async function missingReports(
  db: Db | Tx,
  mp: MonitoredPlan,
  periods: readonly repo.PeriodRow[],
  today: string,
): Promise<{ period: repo.PeriodRow; agencyId: string }[]> {
  const states = await repo.listReportStates(db, mp.plan.id);
  const statusOf = new Map(states.map((s) => [`${s.period_id} ${s.agency_id}`, s.status]));
  const missing: { period: repo.PeriodRow; agencyId: string }[] = [];
  for (const period of periods) {
    for (const agencyId of mp.leadAgencyIds) {
      if (isMissing(period, statusOf.get(`${period.id} ${agencyId}`) ?? null, today))
        missing.push({ period, agencyId });
    }
  }
  return missing;
}
