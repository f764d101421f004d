import {
  STAT_FLAG_COLUMNS,
  STAT_FLAG_FAMILIES,
  flagBit,
  flagValues,
  type StatDimension,
  type StatFilters,
  type StatFlagFamily,
  type StatTable,
} from '@kinga/shared';
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

/**
 * The one way figures are read: counts over `stat_records` (de-identified, CTDC categories;
 * cases are there only while a statistics consent stands), filtered and grouped in SQL on
 * both engines. Nothing here returns a record.
 */

type StatQuery<O> = SelectQueryBuilder<Database, 'stat_records', O>;

/** Single-valued dimensions and the column (or expression) that holds them. */
const DIMENSION_COLUMNS: Record<
  Exclude<StatDimension, StatFlagFamily | 'month' | 'originOrCitizenship'>,
  keyof Database['stat_records']
> = {
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

/**
 * A column as a value the planner will not look up in an index: `coalesce(column, null)` is the
 * column on both engines. Filters and filtered groupings read the table in one pass: SQLite
 * (which has no statistics unless ANALYZE runs) would otherwise take a per-dimension index
 * and fetch each of hundreds of thousands of rows from the table one by one, which measured
 * ten to thirty times slower than a scan on 1,000,000 records (bench suite `analytics`).
 */
function scanned(column: keyof Database['stat_records']): RawBuilder<unknown> {
  return sql`coalesce(${sql.ref(column)}, null)`;
}

/** Narrows a query over `stat_records` by the filters. Every value is a bound parameter. */
export function applyStatFilters<O>(query: StatQuery<O>, filters: StatFilters): StatQuery<O> {
  let q = query;
  const year = scanned('year');
  const month = scanned('month');
  if (filters.from) {
    const from = parsePeriod(filters.from);
    q =
      from.month === null
        ? q.where(year, '>=', from.year)
        : q.where((eb) =>
            eb.or([eb(year, '>', from.year), eb.and([eb(year, '=', from.year), eb(month, '>=', from.month)])]),
          );
  }
  if (filters.to) {
    const to = parsePeriod(filters.to);
    q =
      to.month === null
        ? q.where(year, '<=', to.year)
        : q.where((eb) => eb.or([eb(year, '<', to.year), eb.and([eb(year, '=', to.year), eb(month, '<=', to.month)])]));
  }
  if (filters.source) q = q.where(scanned('source'), '=', filters.source);
  if (filters.gender) q = q.where(scanned('gender'), '=', filters.gender);
  if (filters.ageBand) q = q.where(scanned('age_band'), '=', filters.ageBand);
  if (filters.citizenship) q = q.where(scanned('citizenship'), '=', filters.citizenship);
  if (filters.countryOfExploitation) q = q.where(scanned('country_exploitation'), '=', filters.countryOfExploitation);
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

/**
 * The columns a dimension is grouped on. Plain columns only, never an expression, so that an
 * index on the column serves the GROUP BY (an index-only scan instead of a sort): a month is
 * grouped on year and month, a multi-valued attribute on its bitmask (few distinct masks),
 * and both are decoded here.
 */
function groupColumns(dimension: StatDimension): (keyof Database['stat_records'])[] {
  if (dimension === 'month') return ['year', 'month'];
  if (dimension === 'originOrCitizenship') return ['country_origin', 'citizenship'];
  if (isFlagFamily(dimension)) return [STAT_FLAG_COLUMNS[dimension] as keyof Database['stat_records']];
  return [DIMENSION_COLUMNS[dimension]];
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
  if (dimensions.filter(isFlagFamily).length > 1) throw new Error('At most one multi-valued dimension');

  const columns = dimensions.map((dimension, i) =>
    groupColumns(dimension).map((column, j) => ({ column, alias: `d${i}_${j}` })),
  );
  const flat = columns.flat();
  let query = statRecords(db, filters).select((eb) => eb.fn.countAll<number | string>().as('n'));
  // Unfiltered, a plain column lets its index serve the GROUP BY; filtered, the one scan serves all.
  const filtered = Object.values(filters).some((value) => value !== undefined);
  for (const { column, alias } of flat) {
    query = query.select((filtered ? scanned(column) : sql.ref(column)).as(alias) as never);
  }
  if (flat.length > 0) query = query.groupBy(flat.map(({ alias }) => sql.ref(alias)) as never);

  const rows = (await query.execute()) as Record<string, unknown>[];
  // Groups that decode to the same keys (masks sharing a value) are summed.
  const counts = new Map<string, { keys: (string | null)[]; count: number }>();
  let total = 0;
  for (const row of rows) {
    const n = Number(row.n);
    total += n;
    let keySets: (string | null)[][] = [[]];
    dimensions.forEach((dimension, i) => {
      const values = (columns[i] ?? []).map(({ alias }) => row[alias]);
      const keys = decodeKeys(dimension, values);
      keySets = keySets.flatMap((prefix) => keys.map((key) => [...prefix, key]));
    });
    for (const keys of keySets) {
      const mapKey = JSON.stringify(keys);
      const cell = counts.get(mapKey);
      if (cell) cell.count += n;
      else counts.set(mapKey, { keys, count: n });
    }
  }
  const cells = dimensions.length === 0 ? [] : [...counts.values()];
  cells.sort(compareCells);
  return { id, dimensions: [...dimensions], cells, total };
}

/** The keys one group falls under for a dimension: one key, or for a bitmask each value set (null: none). */
function decodeKeys(dimension: StatDimension, values: readonly unknown[]): (string | null)[] {
  if (dimension === 'month') {
    const [year, month] = values;
    if (year === null || year === undefined || month === null || month === undefined) return [null];
    return [monthKey(Number(year), Number(month))];
  }
  if (dimension === 'originOrCitizenship') return [keyOf(values[0] ?? values[1])];
  if (isFlagFamily(dimension)) {
    const set = flagValues(STAT_FLAG_FAMILIES[dimension], Number(values[0] ?? 0));
    return set.length ? set : [null];
  }
  return [keyOf(values[0])];
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
