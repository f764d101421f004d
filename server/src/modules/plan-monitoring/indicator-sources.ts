import {
  AGE_GROUP_CATEGORIES,
  SEX_CATEGORIES,
  type Disaggregation,
  type IndicatorSource,
  type ReferralStatus,
} from '@kinga/shared';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Indicator sources: actuals computed live from Kinga's own records, never stored. Each
 * source counts with one SQL GROUP BY (no case is loaded into the application) and
 * disaggregates by the case's de-identified attributes:
 *
 * - sex: `Feminine`, `TransgenderFeminine` → female; `Masculine`, `TransgenderMasculine` →
 *   male; any other gender or none → other_unknown;
 * - age group: age band `0-8` or `9-17` → child; any other band → adult; none → unknown;
 * - county: the case's county code; none → `unknown`.
 *
 * Definitions (a period is [from, to], whole UTC days):
 *
 * - `cases.victims_identified`: registered cases (not drafts) whose trafficking status is not
 *   `NotAVictimOfTrafficking` (cases not yet screened count), created in the period;
 * - `cases.victims_referred`: registered cases with at least one referral or transfer *sent*
 *   in the period: created in the period and not a transfer still awaiting, or revoked
 *   before, its sending supervisor's approval (status is not `awaiting_approval` and, for a
 *   transfer, `approved_at` is set). A case counts once however many referrals it has;
 * - `referrals.completed`: referrals and transfers whose `completed_at` falls in the period,
 *   each counted once, disaggregated by their case.
 *
 * A module that adds a source adds its name to INDICATOR_SOURCES and its entry here; the
 * registry's type makes a missing entry a compile error, and a unit test checks it too.
 */

export type ComputedSource = Exclude<IndicatorSource, 'manual'>;

export interface SourceValue {
  value: number;
  disaggregation: { sex: Record<string, number>; age_group: Record<string, number>; county: Record<string, number> };
}

export interface IndicatorSourceDefinition {
  /** The disaggregations the source can give. */
  disaggregations: readonly Disaggregation[];
  compute(db: Db | Tx, range: { from: string; to: string }): Promise<SourceValue>;
}

/** The bucket columns every source's inner query selects, one row per counted record. */
interface Buckets {
  sex: string;
  age_group: string;
  county_code: number | null;
}

const SEX_BUCKET = sql<string>`case
  when cases.gender in ('Feminine', 'TransgenderFeminine') then 'female'
  when cases.gender in ('Masculine', 'TransgenderMasculine') then 'male'
  else 'other_unknown' end`;
const AGE_BUCKET = sql<string>`case
  when cases.age_band is null then 'unknown'
  when cases.age_band in ('0-8', '9-17') then 'child'
  else 'adult' end`;

/** The first instant of a day and of the day after another, as stored times compare (ISO text). */
function bounds(range: { from: string; to: string }): { start: string; end: string } {
  const end = new Date(`${range.to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: `${range.from}T00:00:00.000Z`, end: end.toISOString() };
}

// The buckets are grouped in an outer query, so GROUP BY names plain columns on both engines.
async function countBuckets<TB extends keyof Database>(
  db: Db | Tx,
  rows: SelectQueryBuilder<Database, TB, Buckets>,
): Promise<SourceValue> {
  const groups = await db
    .selectFrom(rows.as('counted'))
    .select(['counted.sex', 'counted.age_group', 'counted.county_code'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .groupBy(['counted.sex', 'counted.age_group', 'counted.county_code'])
    .execute();
  const sex: Record<string, number> = Object.fromEntries(SEX_CATEGORIES.map((c) => [c, 0]));
  const ageGroup: Record<string, number> = Object.fromEntries(AGE_GROUP_CATEGORIES.map((c) => [c, 0]));
  const county: Record<string, number> = {};
  let value = 0;
  for (const g of groups) {
    const n = Number(g.n);
    const countyKey = g.county_code === null ? 'unknown' : String(g.county_code);
    value += n;
    sex[g.sex] = (sex[g.sex] ?? 0) + n;
    ageGroup[g.age_group] = (ageGroup[g.age_group] ?? 0) + n;
    county[countyKey] = (county[countyKey] ?? 0) + n;
  }
  return { value, disaggregation: { sex, age_group: ageGroup, county } };
}

function registeredCases(db: Db | Tx) {
  return db
    .selectFrom('cases')
    .select([SEX_BUCKET.as('sex'), AGE_BUCKET.as('age_group'), 'cases.county_code'])
    .where('cases.draft', '=', 0);
}

/** A referral that reached the receiving agency: see the module comment. */
function wasSent(eb: ExpressionBuilder<Database, 'referrals'>) {
  return eb.and([
    eb('referrals.status', '!=', 'awaiting_approval' satisfies ReferralStatus),
    eb.or([eb('referrals.kind', '!=', 'transfer'), eb('referrals.approved_at', 'is not', null)]),
  ]);
}

const ALL: readonly Disaggregation[] = ['sex', 'age_group', 'county'];

export const INDICATOR_SOURCE_REGISTRY: Record<ComputedSource, IndicatorSourceDefinition> = {
  'cases.victims_identified': {
    disaggregations: ALL,
    compute(db, range) {
      const { start, end } = bounds(range);
      const rows = registeredCases(db)
        .where((eb) =>
          eb.or([
            eb('cases.trafficking_status', 'is', null),
            eb('cases.trafficking_status', '!=', 'NotAVictimOfTrafficking'),
          ]),
        )
        .where('cases.created_at', '>=', start)
        .where('cases.created_at', '<', end);
      return countBuckets(db, rows);
    },
  },
  'cases.victims_referred': {
    disaggregations: ALL,
    compute(db, range) {
      const { start, end } = bounds(range);
      const rows = registeredCases(db).where((eb) =>
        eb.exists(
          eb
            .selectFrom('referrals')
            .select(sql<number>`1`.as('one'))
            .whereRef('referrals.case_id', '=', 'cases.id')
            .where('referrals.created_at', '>=', start)
            .where('referrals.created_at', '<', end)
            .where((r) => wasSent(r)),
        ),
      );
      return countBuckets(db, rows);
    },
  },
  'referrals.completed': {
    disaggregations: ALL,
    compute(db, range) {
      const { start, end } = bounds(range);
      const rows = db
        .selectFrom('referrals')
        .innerJoin('cases', 'cases.id', 'referrals.case_id')
        .select([SEX_BUCKET.as('sex'), AGE_BUCKET.as('age_group'), 'cases.county_code'])
        .where('referrals.completed_at', '>=', start)
        .where('referrals.completed_at', '<', end);
      return countBuckets(db, rows);
    },
  },
};

/** The registry entry of a computed source; undefined for `manual`. */
export function indicatorSource(name: IndicatorSource): IndicatorSourceDefinition | undefined {
  return name === 'manual' ? undefined : INDICATOR_SOURCE_REGISTRY[name];
}
