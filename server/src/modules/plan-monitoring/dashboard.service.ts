import { ACTIVITY_PROGRESS_STATUSES, type ActivityProgressStatus, type DashboardDto } from '@kinga/shared';
import type { Actor } from '../../access/access.ts';
import type { AppContext } from '../../context.ts';
import { pillarOf, type PlanElement } from '../plans/plan-elements.ts';
import { indicatorProgressAt } from './indicators.service.ts';
import { judgedPeriod, loadMonitoredPlan, missingReports, todayUtc, type MonitoredPlan } from './monitored-plan.ts';
import * as repo from './monitoring.repository.ts';

type StatusCounts = DashboardDto['byPillar'][number]['statuses'];
type ActivityFields = Extract<PlanElement['fields'], { kind: 'activity' }>;

function activityFields(element: PlanElement): ActivityFields | undefined {
  return element.fields.kind === 'activity' ? element.fields : undefined;
}

function emptyCounts(): StatusCounts {
  const counts = { unreported: 0 } as StatusCounts;
  for (const s of ACTIVITY_PROGRESS_STATUSES) counts[s] = 0;
  return counts;
}

function tally(activities: readonly PlanElement[], latest: ReadonlyMap<string, ActivityProgressStatus>) {
  const statuses = emptyCounts();
  let budget = 0;
  for (const a of activities) {
    statuses[latest.get(a.key) ?? 'unreported'] += 1;
    budget += activityFields(a)?.budget ?? 0;
  }
  return { activities: activities.length, statuses, budget };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Planned budget by year: an activity's budget spread evenly over the calendar years from its
 * start to its end date; a missing start or end date is taken as the plan's first or last year.
 */
export function budgetByYear(mp: Pick<MonitoredPlan, 'plan' | 'activities'>): DashboardDto['budget'] {
  const byYear = new Map<number, number>();
  for (let y = mp.plan.period_start; y <= mp.plan.period_end; y++) byYear.set(y, 0);
  let total = 0;
  for (const a of mp.activities) {
    const fields = activityFields(a);
    const budget = fields?.budget ?? 0;
    if (!fields || budget === 0) continue;
    total += budget;
    const from = fields.startDate ? Number(fields.startDate.slice(0, 4)) : mp.plan.period_start;
    const to = Math.max(from, fields.endDate ? Number(fields.endDate.slice(0, 4)) : mp.plan.period_end);
    const share = budget / (to - from + 1);
    for (let y = from; y <= to; y++) byYear.set(y, (byYear.get(y) ?? 0) + share);
  }
  return {
    total: round2(total),
    byYear: [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, amount]) => ({ year, amount: round2(amount) })),
  };
}

/**
 * The plan's dashboard judged at a period (default: the latest that has ended): activities
 * by pillar and by lead agency counted by their latest reported status, indicators against
 * targets, late activities, the planned budget and the reports missing up to that period.
 *
 * An activity's status is the one in the most recent handed-in (submitted or accepted)
 * report up to the judged period: the latest period first, then the latest entry;
 * `unreported` when there is none.
 */
export async function dashboardFor(
  ctx: AppContext,
  _actor: Actor,
  planId: string,
  periodId?: string,
): Promise<DashboardDto> {
  const mp = await loadMonitoredPlan(ctx.db, planId);
  const periods = await repo.listPeriods(ctx.db, planId);
  const today = todayUtc();
  const judged = judgedPeriod(periods, periodId, today);
  const asOf = judged?.ends_on ?? today;

  const latest = new Map<string, ActivityProgressStatus>();
  if (judged) {
    for (const e of await repo.listReportedEntries(ctx.db, planId, judged.ends_on)) {
      if (!latest.has(e.activity_key)) latest.set(e.activity_key, e.status as ActivityProgressStatus);
    }
  }

  const consideredPeriods = judged ? periods.filter((p) => p.ends_on <= judged.ends_on) : [];
  const [indicators, missing] = await Promise.all([
    indicatorProgressAt(ctx.db, mp, judged, periods),
    missingReports(ctx.db, mp, consideredPeriods, today),
  ]);
  const names = await repo.agencyNames(ctx.db, mp.leadAgencyIds);

  const pillars = mp.elements.filter((e) => e.kind === 'pillar');
  const byPillar = pillars.map((pillar) => ({
    key: pillar.key,
    title: pillar.fields.title,
    ...tally(
      mp.activities.filter((a) => pillarOf(a, mp.byKey)?.key === pillar.key),
      latest,
    ),
  }));

  const byAgency = mp.leadAgencyIds
    .map((agencyId) => ({
      agencyId,
      agencyName: names.get(agencyId) ?? '',
      ...tally(
        mp.activities.filter((a) => a.leadAgencyId === agencyId),
        latest,
      ),
    }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName));

  const lateActivities = mp.activities.flatMap((a) => {
    const fields = activityFields(a);
    if (!fields) return [];
    const status = latest.get(a.key) ?? null;
    const overdue =
      fields.endDate !== null && fields.endDate < asOf && status !== 'completed' && status !== 'cancelled';
    if (!overdue && status !== 'delayed') return [];
    return [
      {
        key: a.key,
        number: a.number,
        title: fields.title,
        leadAgencyName: a.leadAgencyId ? (names.get(a.leadAgencyId) ?? null) : null,
        endDate: fields.endDate,
        status,
      },
    ];
  });

  return {
    planId,
    version: mp.version.number,
    period: judged
      ? {
          id: judged.id,
          label: judged.label,
          startsOn: judged.starts_on,
          endsOn: judged.ends_on,
          dueOn: judged.due_on,
          missingReports: missing.filter((m) => m.period.id === judged.id).length,
        }
      : null,
    currency: mp.plan.currency,
    byPillar,
    byAgency,
    indicators,
    lateActivities,
    budget: budgetByYear(mp),
    missingReports: missing.map((m) => ({
      periodId: m.period.id,
      periodLabel: m.period.label,
      agencyId: m.agencyId,
      agencyName: names.get(m.agencyId) ?? '',
    })),
  };
}
