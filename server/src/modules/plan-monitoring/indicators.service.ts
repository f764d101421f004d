import {
  AGE_GROUP_CATEGORIES,
  DISAGGREGATIONS,
  disaggregationSchema,
  indicatorProgress,
  SEX_CATEGORIES,
  type actualInputSchema,
  type Disaggregation,
  type DisaggregationDto,
  type IndicatorProgressDto,
  type IndicatorSource,
  type indicatorSourceSchema,
} from '@kinga/shared';
import type { z } from 'zod';
import type { Actor } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { countryProfile } from '../../country.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { conflict, hiddenRecord, HttpProblem, notFound } from '../../http/errors.ts';
import type { PlanElement } from '../plans/plan-elements.ts';
import { INDICATOR_SOURCE_REGISTRY, indicatorSource, type SourceValue } from './indicator-sources.ts';
import {
  getPeriodOrThrow,
  hasStarted,
  judgedPeriod,
  loadMonitoredPlan,
  todayUtc,
  type MonitoredPlan,
} from './monitored-plan.ts';
import { actualScopeOrThrow } from './monitoring-access.ts';
import * as repo from './monitoring.repository.ts';

type ActualInput = z.output<typeof actualInputSchema>;
type IndicatorActualDto = IndicatorProgressDto['actuals'][number];
type IndicatorSourceDto = z.infer<typeof indicatorSourceSchema>;
type IndicatorFields = Extract<PlanElement['fields'], { kind: 'indicator' }>;

function indicatorFields(element: PlanElement): IndicatorFields | undefined {
  return element.fields.kind === 'indicator' ? element.fields : undefined;
}

/** The year a period belongs to (periods never span two years). */
function yearOf(period: Pick<repo.PeriodRow, 'starts_on'>): number {
  return Number(period.starts_on.slice(0, 4));
}

function storedDisaggregation(json: string): DisaggregationDto {
  try {
    const parsed = disaggregationSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The computed breakdowns an indicator asks for and its source gives. */
function computedDisaggregation(
  value: SourceValue,
  asked: readonly Disaggregation[],
  given: readonly Disaggregation[],
): DisaggregationDto {
  const result: DisaggregationDto = {};
  for (const d of DISAGGREGATIONS) if (asked.includes(d) && given.includes(d)) result[d] = value.disaggregation[d];
  return result;
}

/**
 * Targets against actuals for every indicator of the version in force, judged at a period:
 * the year is the judged period's, the actual adds up (or takes the latest of) that year's
 * periods up to the judged one, the elapsed share is the months of the year gone at its end
 * ÷ 12, and `indicatorProgress` (shared/src/indicator-status.ts) gives the status.
 */
export async function indicatorProgressAt(
  db: Db | Tx,
  mp: MonitoredPlan,
  judged: repo.PeriodRow | null,
  periods: readonly repo.PeriodRow[],
): Promise<IndicatorProgressDto[]> {
  const year = judged
    ? yearOf(judged)
    : Math.min(mp.plan.period_end, Math.max(mp.plan.period_start, new Date().getUTCFullYear()));
  const yearPeriods = judged ? periods.filter((p) => yearOf(p) === year && p.ends_on <= judged.ends_on) : [];
  const elapsedShare = judged ? Number(judged.ends_on.slice(5, 7)) / 12 : 0;
  const stored = await repo.listActuals(
    db,
    mp.plan.id,
    yearPeriods.map((p) => p.id),
  );
  const storedOf = new Map(stored.map((a) => [`${a.period_id} ${a.indicator_key}`, a]));
  // Indicators sharing a source share its count for a period.
  const computed = new Map<string, Promise<SourceValue>>();
  const computeOnce = (source: IndicatorSource, period: repo.PeriodRow): Promise<SourceValue> | undefined => {
    const definition = indicatorSource(source);
    if (!definition) return undefined;
    const key = `${source} ${period.id}`;
    let value = computed.get(key);
    if (!value) {
      value = definition.compute(db, { from: period.starts_on, to: period.ends_on });
      computed.set(key, value);
    }
    return value;
  };

  const result: IndicatorProgressDto[] = [];
  for (const element of mp.indicators) {
    const fields = indicatorFields(element);
    if (!fields) continue;
    const definition = indicatorSource(fields.source);
    const actuals: IndicatorActualDto[] = [];
    for (const period of yearPeriods) {
      const pending = computeOnce(fields.source, period);
      if (pending && definition) {
        const value = await pending;
        actuals.push({
          periodId: period.id,
          periodLabel: period.label,
          value: value.value,
          disaggregation: computedDisaggregation(value, fields.disaggregations, definition.disaggregations),
          computed: true,
          note: null,
          enteredByName: null,
          enteredAt: null,
        });
        continue;
      }
      const row = storedOf.get(`${period.id} ${element.key}`);
      actuals.push({
        periodId: period.id,
        periodLabel: period.label,
        value: row ? Number(row.value) : null,
        disaggregation: row ? storedDisaggregation(row.disaggregation_json) : {},
        computed: false,
        note: row?.note ?? null,
        enteredByName: row?.entered_by_name ?? null,
        enteredAt: row?.entered_at ?? null,
      });
    }
    const values = actuals.map((a) => a.value).filter((v): v is number => v !== null);
    const actual =
      values.length === 0
        ? null
        : fields.aggregation === 'sum'
          ? values.reduce((a, b) => a + b, 0)
          : (values.at(-1) ?? null);
    const target = fields.targets.find((t) => t.year === year)?.value ?? null;
    const { status, progress } = indicatorProgress({
      direction: fields.direction,
      aggregation: fields.aggregation,
      baseline: fields.baseline,
      target,
      actual,
      elapsedShare,
    });
    result.push({
      key: element.key,
      number: element.number,
      title: fields.title,
      unit: fields.unit,
      source: fields.source,
      baseline: fields.baseline,
      year,
      target,
      actual,
      progress,
      status,
      actuals,
    });
  }
  return result;
}

/** GET …/indicators: every indicator of the version in force judged at a period (default: the latest ended). */
export async function listIndicators(
  ctx: AppContext,
  _actor: Actor,
  planId: string,
  periodId: string | undefined,
): Promise<IndicatorProgressDto[]> {
  const mp = await loadMonitoredPlan(ctx.db, planId);
  const periods = await repo.listPeriods(ctx.db, planId);
  const judged = judgedPeriod(periods, periodId, todayUtc());
  return indicatorProgressAt(ctx.db, mp, judged, periods);
}

/** The sources an indicator can use and the disaggregations each gives; `manual` gives any. */
export function listIndicatorSources(): IndicatorSourceDto[] {
  return [
    { name: 'manual', disaggregations: [...DISAGGREGATIONS] },
    ...Object.entries(INDICATOR_SOURCE_REGISTRY).map(([name, definition]) => ({
      name: name as IndicatorSource,
      disaggregations: [...definition.disaggregations],
    })),
  ];
}

type Issue = { path: string; message: string; code: string };

/** Breakdowns only by the indicator's disaggregations, in known categories, none adding up to more than the value. */
function disaggregationIssues(fields: IndicatorFields, input: ActualInput, countyKeys: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const categories: Record<Disaggregation, ReadonlySet<string>> = {
    sex: new Set(SEX_CATEGORIES),
    age_group: new Set(AGE_GROUP_CATEGORIES),
    county: countyKeys,
  };
  for (const d of DISAGGREGATIONS) {
    const breakdown = input.disaggregation[d];
    if (breakdown === undefined) continue;
    const path = `body.disaggregation.${d}`;
    if (!fields.disaggregations.includes(d)) {
      issues.push({ path, message: 'The indicator is not disaggregated this way', code: 'not_disaggregated' });
      continue;
    }
    for (const category of Object.keys(breakdown)) {
      if (!categories[d].has(category)) {
        issues.push({ path: `${path}.${category}`, message: 'Unknown category', code: 'unknown_category' });
      }
    }
    const total = Object.values(breakdown).reduce((a, b) => a + b, 0);
    if (total > input.value + 1e-9 * Math.max(1, Math.abs(input.value))) {
      issues.push({ path, message: 'The breakdown adds up to more than the value', code: 'exceeds_value' });
    }
  }
  return issues;
}

/**
 * Enters (or corrects) an indicator's actual for a period: the secretariat for any indicator,
 * a focal point only for indicators of an activity its agency leads (else 404). Computed
 * indicators take no entries (409 `computed_indicator`).
 */
export async function saveActual(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  periodId: string,
  indicatorKey: string,
  input: ActualInput,
): Promise<IndicatorActualDto> {
  const scope = actualScopeOrThrow(rc.actor);
  const countyKeys = new Set([...countryProfile(ctx.config.country).counties.map((c) => String(c.code)), 'unknown']);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const mp = await loadMonitoredPlan(trx, planId);
    const period = await getPeriodOrThrow(trx, planId, periodId);
    const element = mp.byKey.get(indicatorKey);
    const fields = element ? indicatorFields(element) : undefined;
    if (!element || !fields) throw notFound('Indicator');
    if (scope.kind === 'agency') {
      const parent = element.parentKey ? mp.byKey.get(element.parentKey) : undefined;
      if (parent?.kind !== 'activity' || parent.leadAgencyId !== scope.agencyId) {
        throw hiddenRecord('plan_element', indicatorKey, 'Indicator');
      }
    }
    if (fields.source !== 'manual') {
      throw conflict('computed_indicator', 'This indicator is computed from Kinga records; it takes no entries');
    }
    if (!hasStarted(period, todayUtc())) {
      throw conflict('period_not_started', 'The reporting period has not started yet');
    }
    const issues = disaggregationIssues(fields, input, countyKeys);
    if (issues.length > 0) {
      throw new HttpProblem(
        422,
        'invalid_disaggregation',
        'The breakdown does not fit the indicator',
        undefined,
        issues,
      );
    }
    const now = nowIso();
    const patch = {
      value: input.value,
      disaggregation_json: JSON.stringify(input.disaggregation),
      note: input.note,
      entered_by: rc.actor.userId,
      entered_at: now,
    };
    const existing = await repo.findActual(trx, periodId, indicatorKey);
    const id = existing?.id ?? newId();
    if (existing) await repo.updateActual(trx, id, patch);
    else
      await repo.insertActual(trx, { id, plan_id: planId, period_id: periodId, indicator_key: indicatorKey, ...patch });
    await ctx.audit.inTransaction(trx, {
      action: 'indicator_actual.save',
      outcome: 'success',
      actorId: rc.actor.userId,
      agencyId: rc.actor.agencyId,
      entityType: 'indicator_actual',
      entityId: id,
      requestId: rc.requestId,
    });
    return id;
  });
  const row = await repo.findActual(ctx.db, periodId, indicatorKey);
  const period = await getPeriodOrThrow(ctx.db, planId, periodId);
  if (!row || row.id !== id) throw notFound('Actual');
  return {
    periodId,
    periodLabel: period.label,
    value: Number(row.value),
    disaggregation: storedDisaggregation(row.disaggregation_json),
    computed: false,
    note: row.note,
    enteredByName: row.entered_by_name,
    enteredAt: row.entered_at,
  };
}
