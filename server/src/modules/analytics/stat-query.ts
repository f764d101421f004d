import {
  STAT_FLAG_COLUMNS,
  STAT_FLAG_FAMILIES,
  flagBit,
  type StatDimension,
  type StatFilters,
  type StatFlagFamily,
  type StatTable,
} from '@kinga/shared';
import { sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

/**
 * The one way figures are read: counts over `stat_records` (de-identified, CTDC categories;
 * cases are there only while a statistics consent stands), filtered and grouped in SQL on
 * both engines. Nothing here returns a record.
 */

type StatQuery<O> = SelectQueryBuilder<Database, 'stat_records', O>;

/** Single-valued dimensions and the column (or expression) that holds them. */
const DIMENSION_COLUMNS: Record<Exclude<StatDimension, StatFlagFamily | 'month'>, keyof Database['stat_records']> = {
  year: 'year',
  source: 'source',
  dataSource: 'data_source',
  gender: 'gender',
  ageBand: 'age_band',
  citizenship: 'citizenship',
  countryOfOrigin: 'country_origin',
  countryOfTransit: 'country_transit',
  countryOfExploitation: 'country_exploitation',
  countyOfOrigin: 'county_origin',
  countyOfExploitation: 'county_exploitation',
};

export function isFlagFamily(dimension: StatDimension): dimension is StatFlagFamily {
  return dimension in STAT_FLAG_FAMILIES;
}

/** `(column & bit) <> 0`: the record has this value of a multi-valued attribute. */
export function hasFlag(family: StatFlagFamily, value: string): RawBuilder<boolean> {
  const bit = flagBit(STAT_FLAG_FAMILIES[family], value);
  return sql<boolean>`(${sql.ref(STAT_FLAG_COLUMNS[family])} & ${sql.lit(bit)}) <> 0`;
}

/** A period bound as year and optional month: `2016` or `2016-03`. */
function parsePeriod(value: string): { year: number; month: number | null } {
  const [year, month] = value.split('-');
  return { year: Number(year), month: month ? Number(month) : null };
}

/** Narrows a query over `stat_records` by the filters. Every value is a bound parameter. */
export function applyStatFilters<O>(query: StatQuery<O>, filters: StatFilters): StatQuery<O> {
  let q = query;
  if (filters.from) {
    const { year, month } = parsePeriod(filters.from);
    q =
      month === null
        ? q.where('year', '>=', year)
        : q.where((eb) => eb.or([eb('year', '>', year), eb.and([eb('year', '=', year), eb('month', '>=', month)])]));
  }
  if (filters.to) {
    const { year, month } = parsePeriod(filters.to);
    q =
      month === null
        ? q.where('year', '<=', year)
        : q.where((eb) => eb.or([eb('year', '<', year), eb.and([eb('year', '=', year), eb('month', '<=', month)])]));
  }
  if (filters.source) q = q.where('source', '=', filters.source);
  if (filters.gender) q = q.where('gender', '=', filters.gender);
  if (filters.ageBand) q = q.where('age_band', '=', filters.ageBand);
  if (filters.citizenship) q = q.where('citizenship', '=', filters.citizenship);
  if (filters.countryOfExploitation) q = q.where('country_exploitation', '=', filters.countryOfExploitation);
  if (filters.county !== undefined) {
    const county = filters.county;
    q = q.where((eb) => eb.or([eb('county_origin', '=', county), eb('county_exploitation', '=', county)]));
  }
  if (filters.exploitation) {
    const condition = hasFlag('exploitation', filters.exploitation);
    q = q.where(() => condition);
  }
  return q;
}

/** The filtered records, as a query to select aggregates from. */
export function statRecords(db: Db | Tx, filters: StatFilters): StatQuery<object> {
  return applyStatFilters(db.selectFrom('stat_records'), filters);
}

/** A key as answers carry it: text, or null for unknown. Columns hold text or numbers. */
function keyOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(Number(value));
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A column or expression grouped on, selected under an alias. */
function groupExpression(
  dimension: Exclude<StatDimension, StatFlagFamily>,
  alias: string,
): (eb: ExpressionBuilder<Database, 'stat_records'>) => RawBuilder<unknown> {
  if (dimension === 'month') return () => sql`${sql.ref('year')} * 100 + ${sql.ref('month')}`.as(alias) as never;
  const column = DIMENSION_COLUMNS[dimension];
  return () => sql.ref(column).as(alias) as never;
}

function decodeKey(dimension: StatDimension, value: unknown): string | null {
  if (dimension !== 'month') return keyOf(value);
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return monthKey(Math.floor(n / 100), n % 100);
}

/**
 * Counts of the filtered records by up to two dimensions, at most one of them multi-valued.
 * Cells list the categories that occur (for a multi-valued dimension, null is "none
 * recorded"); `total` is the number of records.
 */
export async function countBy(
  db: Db | Tx,
  filters: StatFilters,
  dimensions: readonly StatDimension[],
  id = dimensions.join('_') || 'total',
): Promise<StatTable> {
  if (dimensions.length > 2) throw new Error('At most two dimensions');
  const families = dimensions.filter(isFlagFamily);
  if (families.length > 1) throw new Error('At most one multi-valued dimension');
  const plain = dimensions.filter((d): d is Exclude<StatDimension, StatFlagFamily> => !isFlagFamily(d));
  const family = families[0];

  let query = statRecords(db, filters).select((eb) => eb.fn.countAll<number | string>().as('n'));
  plain.forEach((dimension, i) => {
    query = query.select(groupExpression(dimension, `d${i}`) as never);
  });
  if (family) {
    const values = STAT_FLAG_FAMILIES[family];
    const column = sql.ref(STAT_FLAG_COLUMNS[family]);
    values.forEach((value, i) => {
      const bit = sql.lit(flagBit(values, value));
      query = query.select(sql<number>`sum(case when (${column} & ${bit}) <> 0 then 1 else 0 end)`.as(`f${i}`));
    });
    query = query.select(sql<number>`sum(case when ${column} = 0 then 1 else 0 end)`.as('fnone'));
  }
  if (plain.length > 0) query = query.groupBy(plain.map((_, i) => sql.ref(`d${i}`)) as never);

  const rows = (await query.execute()) as Record<string, unknown>[];
  const cells: StatTable['cells'] = [];
  let total = 0;
  for (const row of rows) {
    total += Number(row.n);
    const plainKeys = plain.map((dimension, i) => decodeKey(dimension, row[`d${i}`]));
    if (!family) {
      cells.push({ keys: plainKeys, count: Number(row.n) });
      continue;
    }
    const values = STAT_FLAG_FAMILIES[family];
    const flagPosition = dimensions.indexOf(family);
    const withFlag = (key: string | null) => {
      const keys = [...plainKeys];
      keys.splice(flagPosition, 0, key);
      return keys;
    };
    values.forEach((value, i) => {
      const count = Number(row[`f${i}`] ?? 0);
      if (count > 0) cells.push({ keys: withFlag(value), count });
    });
    const none = Number(row.fnone ?? 0);
    if (none > 0) cells.push({ keys: withFlag(null), count: none });
  }
  cells.sort(compareCells);
  return { id, dimensions: [...dimensions], cells, total };
}

/** Cells in key order, unknown last, so answers are stable. */
function compareCells(a: StatTable['cells'][number], b: StatTable['cells'][number]): number {
  for (let i = 0; i < a.keys.length; i++) {
    const x = a.keys[i] ?? null;
    const y = b.keys[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isFinite(nx) && Number.isFinite(ny) && /^\d+$/.test(x) && /^\d+$/.test(y)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}
