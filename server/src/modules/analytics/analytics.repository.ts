import { STAT_EXPLOITATION, flagMask, type GlotipQuery } from '@kinga/shared';
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { statRecords } from './stat-query.ts';

/** One group of the GLOTIP count: victims, and how many of them suffered each form. */
export interface GlotipGroupRow {
  year: number;
  sex: string;
  age: string;
  citizenship: string;
  victims: number;
  sexual: number;
  labour: number;
  other: number;
  none: number;
}

const SEXUAL = flagMask(STAT_EXPLOITATION, ['SexualExploitation']);
const LABOUR = flagMask(STAT_EXPLOITATION, ['ForcedLabour']);
/** GLOTIP "other forms": every CTDC form except sexual exploitation and forced labour. */
const OTHER = flagMask(STAT_EXPLOITATION, ['ForcedMarriage', 'ForcedMilitary', 'OrganRemoval', 'Other']);

/**
 * Victims by year × sex × age group × citizenship, with per-form sums, in one GROUP BY over
 * `stat_records` (CASE expressions map CTDC categories onto GLOTIP's). `country` is the
 * configured country: its citizens are "National".
 */
export async function glotipGroups(db: Db | Tx, query: GlotipQuery, country: string): Promise<GlotipGroupRow[]> {
  const form = (mask: number) =>
    sql<number>`sum(case when (${sql.ref('exploitation')} & ${sql.lit(mask)}) <> 0 then 1 else 0 end)`;
  const rows = await statRecords(db, query)
    .select([
      sql.ref('year').as('g_year') as never,
      sql<string>`case when ${sql.ref('gender')} = 'Female' then 'Female' when ${sql.ref('gender')} = 'Male' then 'Male' else 'Unknown' end`.as(
        'g_sex',
      ),
      sql<string>`case when ${sql.ref('age_band')} is null then 'Unknown' when ${sql.ref('age_band')} in ('0-8', '9-17') then 'Child' else 'Adult' end`.as(
        'g_age',
      ),
      sql<string>`case when ${sql.ref('citizenship')} is null then 'Unknown' when ${sql.ref('citizenship')} = ${sql.lit(country.replace(/[^A-Z]/g, ''))} then 'National' else 'Foreign' end`.as(
        'g_citizenship',
      ),
      (eb) => eb.fn.countAll<number | string>().as('victims'),
      form(SEXUAL).as('sexual'),
      form(LABOUR).as('labour'),
      form(OTHER).as('other'),
      sql<number>`sum(case when ${sql.ref('exploitation')} = 0 then 1 else 0 end)`.as('none'),
    ])
    .groupBy([sql.ref('g_year'), sql.ref('g_sex'), sql.ref('g_age'), sql.ref('g_citizenship')] as never)
    .execute();
  return (rows as Record<string, unknown>[]).map((r) => ({
    year: Number(r.g_year),
    sex: String(r.g_sex),
    age: String(r.g_age),
    citizenship: String(r.g_citizenship),
    victims: Number(r.victims),
    sexual: Number(r.sexual ?? 0),
    labour: Number(r.labour ?? 0),
    other: Number(r.other ?? 0),
    none: Number(r.none ?? 0),
  }));
}
