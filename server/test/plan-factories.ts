import { elementInputSchema, type ElementInput, type PlanVersionStatus, type ReportingFrequency } from '@kinga/shared';
import type { AppContext } from '../src/context.ts';
import { newId, nowIso } from '../src/db/ids.ts';
import type { PlanElementTable, ReportingPeriodTable } from '../src/db/schema.ts';
import { reportingPeriodsFor } from '../src/modules/plans/reporting-periods.ts';

/**
 * Plans for tests, written straight to the tables (the plan workflow is tested through its
 * own routes): a plan, one version (adopted unless asked otherwise) and its elements, each
 * element's fields checked by `elementInputSchema` as the plan module stores them, and the
 * plan's reporting periods from `reportingPeriodsFor`.
 */

type WithoutParent<T> = T extends unknown ? Omit<T, 'parentKey'> : never;

/** An element and its children; `ref` names it so a test can find its key. */
export type ElementSpec = WithoutParent<ElementInput> & { ref?: string; children?: ElementSpec[] };

export interface PlanSpec {
  title?: string;
  periodStart?: number;
  periodEnd?: number;
  reportingFrequency?: ReportingFrequency;
  currency?: string;
  /** Status of the plan's one version; `adopted` by default. */
  versionStatus?: PlanVersionStatus;
  /** Author of the plan and version; the demo secretariat account, else any user. */
  createdBy?: string;
  elements?: ElementSpec[];
}

export interface InsertedPlan {
  id: string;
  versionId: string;
  versionNumber: number;
  /** Element keys by `ref`. */
  keys: Record<string, string>;
  periods: ReportingPeriodTable[];
  /** The key of the element named `ref`; throws when there is none. */
  key(ref: string): string;
  /** The period with this label (2026-Q1 …); throws when there is none. */
  period(label: string): ReportingPeriodTable;
}

let serial = 0;

async function defaultAuthor(ctx: AppContext): Promise<string> {
  const secretariat = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'secretariat@demo.kinga.test')
    .executeTakeFirst();
  if (secretariat) return secretariat.id;
  const any = await ctx.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
  return any.id;
}

/** The rows of a tree of elements, depth first, numbered by position among siblings. */
function elementRows(
  versionId: string,
  specs: readonly ElementSpec[],
  parentKey: string | null,
  keys: Record<string, string>,
  now: string,
): PlanElementTable[] {
  return specs.flatMap((spec, position) => {
    const { ref, children, ...input } = spec;
    const key = newId();
    if (ref !== undefined) keys[ref] = key;
    const fields = elementInputSchema.parse({ ...input, parentKey });
    const { kind, ...data } = fields;
    const row: PlanElementTable = {
      id: newId(),
      version_id: versionId,
      element_key: key,
      kind,
      parent_key: parentKey,
      position,
      title: fields.title,
      lead_agency_id: fields.kind === 'activity' ? fields.leadAgencyId : null,
      data_json: JSON.stringify(data),
      created_at: now,
      updated_at: now,
    };
    return [row, ...elementRows(versionId, children ?? [], key, keys, now)];
  });
}

/** A plan with one version (adopted by default), its elements and its reporting periods. */
export async function insertPlan(ctx: AppContext, spec: PlanSpec = {}): Promise<InsertedPlan> {
  serial += 1;
  const now = nowIso();
  const createdBy = spec.createdBy ?? (await defaultAuthor(ctx));
  const periodStart = spec.periodStart ?? 2025;
  const periodEnd = spec.periodEnd ?? periodStart + 4;
  const frequency = spec.reportingFrequency ?? 'quarterly';
  const planId = newId();
  const versionId = newId();
  const keys: Record<string, string> = {};
  const elements = elementRows(versionId, spec.elements ?? [], null, keys, now);
  const periods: ReportingPeriodTable[] = reportingPeriodsFor(periodStart, periodEnd, frequency).map((p) => ({
    id: newId(),
    plan_id: planId,
    label: p.label,
    starts_on: p.startsOn,
    ends_on: p.endsOn,
    due_on: p.dueOn,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('plans')
      .values({
        id: planId,
        title: spec.title ?? `National Plan of Action ${periodStart}–${periodEnd} (test ${serial})`,
        period_start: periodStart,
        period_end: periodEnd,
        currency: spec.currency ?? 'KES',
        reporting_frequency: frequency,
        submission_deadline: null,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('plan_versions')
      .values({
        id: versionId,
        plan_id: planId,
        number: 1,
        status: spec.versionStatus ?? 'adopted',
        based_on: null,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (elements.length > 0) await trx.insertInto('plan_elements').values(elements).execute();
    if (periods.length > 0) await trx.insertInto('reporting_periods').values(periods).execute();
  });
  return {
    id: planId,
    versionId,
    versionNumber: 1,
    keys,
    periods,
    key(ref) {
      const key = keys[ref];
      if (key === undefined) throw new Error(`no element named ${ref}`);
      return key;
    },
    period(label) {
      const period = periods.find((p) => p.label === label);
      if (!period) throw new Error(`no period ${label}`);
      return period;
    },
  };
}

/** A pillar > objective > activity element, for building trees tersely. */
export const pillar = (title: string, children: ElementSpec[] = [], ref?: string): ElementSpec => ({
  kind: 'pillar',
  title,
  children,
  ...(ref !== undefined ? { ref } : {}),
});
export const objective = (title: string, children: ElementSpec[] = [], ref?: string): ElementSpec => ({
  kind: 'objective',
  title,
  children,
  ...(ref !== undefined ? { ref } : {}),
});
