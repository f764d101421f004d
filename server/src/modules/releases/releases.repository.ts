import {
  CTDC_FLAG_VARIABLES,
  STAT_FLAG_COLUMNS,
  STAT_FLAG_FAMILIES,
  flagBit,
  type ReleaseSource,
  type StatFlagFamily,
} from '@kinga/shared';
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { afterCursor, decodeCursor, pageFrom } from '../../db/keyset.ts';
import type { ReleaseTable } from '../../db/schema.ts';
import type { Histogram } from '../../lib/privacy/histogram.ts';
import { statRecords } from '../analytics/stat-query.ts';

/** A release row without its files, with the name of who built it. */
export type ReleaseSummaryRow = Omit<ReleaseTable, 'csv' | 'codebook'> & { created_by_name: string };

/** Where each release attribute comes from in `stat_records`, and how its values read in CTDC. */
interface AttributeSource {
  expression: RawBuilder<unknown>;
  decode: (value: unknown) => string | null;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** CTDC's spellings (the 2018 CSV and the 2024 codebook) of Kinga's codes. */
const DATA_SOURCE_CTDC: Record<string, string> = { CaseManagement: 'Case Management', Hotline: 'Hotline' };
const GENDER_CTDC: Record<string, string> = {
  Female: 'Female',
  Male: 'Male',
  TransgenderOrNonConforming: 'Trans/Transgender/NonConforming',
};
/** '18-20' → '18--20' (CTDC writes bands with a double hyphen; '48+' stays). */
export function ctdcAgeBand(band: string): string {
  return band.replace('-', '--');
}

function flagSources(): Record<string, AttributeSource> {
  const sources: Record<string, AttributeSource> = {};
  for (const family of Object.keys(STAT_FLAG_FAMILIES) as StatFlagFamily[]) {
    const names = CTDC_FLAG_VARIABLES[family] as Record<string, string | undefined>;
    const values = STAT_FLAG_FAMILIES[family] as readonly string[];
    for (const value of values) {
      const name = names[value];
      if (!name) continue;
      const bit = sql.lit(flagBit(values, value));
      sources[name] = {
        expression: sql`case when (${sql.ref(STAT_FLAG_COLUMNS[family])} & ${bit}) <> 0 then 1 else null end`,
        decode: (v) => (v === null || v === undefined ? null : '1'),
      };
    }
  }
  return sources;
}

const ATTRIBUTE_SOURCES: Record<string, AttributeSource> = {
  yearOfRegistration: { expression: sql.ref('year'), decode: (v) => (v === null ? null : String(Number(v))) },
  Datasource: {
    expression: sql.ref('data_source'),
    decode: (v) => {
      const code = text(v);
      return code === null ? null : (DATA_SOURCE_CTDC[code] ?? code);
    },
  },
  gender: {
    expression: sql.ref('gender'),
    decode: (v) => {
      const code = text(v);
      return code === null ? null : (GENDER_CTDC[code] ?? code);
    },
  },
  ageBroad: {
    expression: sql.ref('age_band'),
    decode: (v) => {
      const band = text(v);
      return band === null ? null : ctdcAgeBand(band);
    },
  },
  citizenship: { expression: sql.ref('citizenship'), decode: text },
  CountryOfExploitation: { expression: sql.ref('country_exploitation'), decode: text },
  ...flagSources(),
};

/**
 * The histogram a release is built from: one GROUP BY over the de-identified view for the
 * chosen attributes, source and period. No record leaves the database, only distinct value
 * combinations and how many records share each.
 */
export async function loadHistogram(
  db: Db | Tx,
  attributes: readonly string[],
  options: { source: ReleaseSource; from?: string | undefined; to?: string | undefined },
): Promise<Histogram> {
  const filters = {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.source === 'all' ? {} : { source: options.source }),
  };
  const sources = attributes.map((attribute) => {
    const source = ATTRIBUTE_SOURCES[attribute];
    if (!source) throw new Error(`Unknown release attribute ${attribute}`);
    return source;
  });
  let query = statRecords(db, filters).select((eb) => eb.fn.countAll<number | string>().as('n'));
  sources.forEach((source, i) => {
    query = query.select(source.expression.as(`a${i}`) as never);
  });
  if (sources.length > 0) query = query.groupBy(sources.map((_, i) => sql.ref(`a${i}`)) as never);
  const rows = (await query.execute()) as Record<string, unknown>[];
  return {
    attributes: [...attributes],
    rows: rows
      .map((row) => ({
        values: sources.map((source, i) => source.decode(row[`a${i}`] ?? null)),
        count: Number(row.n),
      }))
      .filter((row) => row.count > 0),
  };
}

export async function insertRelease(trx: Tx, row: ReleaseTable): Promise<void> {
  await trx.insertInto('releases').values(row).execute();
}

function summaries(db: Db | Tx) {
  return db
    .selectFrom('releases')
    .innerJoin('users', 'users.id', 'releases.created_by')
    .select([
      'releases.id',
      'releases.method',
      'releases.title',
      'releases.source',
      'releases.attributes_json',
      'releases.params_json',
      'releases.metrics_json',
      'releases.record_count',
      'releases.created_by',
      'releases.created_at',
      'users.name as created_by_name',
    ]);
}

/** One page of releases, newest first. Releases are national: every holder of analytics:release sees them all. */
export async function listReleases(db: Db, query: { limit: number; cursor?: string | undefined }) {
  let q = summaries(db);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, eb.ref('releases.created_at'), eb.ref('releases.id'), cursor, 'desc'));
  }
  const rows = await q
    .orderBy('releases.created_at', 'desc')
    .orderBy('releases.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r.created_at);
}

export function findRelease(db: Db | Tx, id: string): Promise<ReleaseSummaryRow | undefined> {
  return summaries(db).where('releases.id', '=', id).executeTakeFirst();
}

export function findReleaseFile(
  db: Db | Tx,
  id: string,
  file: 'csv' | 'codebook',
): Promise<{ id: string; title: string; content: string } | undefined> {
  const q = db.selectFrom('releases').where('id', '=', id);
  return file === 'csv'
    ? q.select(['id', 'title', 'csv as content']).executeTakeFirst()
    : q.select(['id', 'title', 'codebook as content']).executeTakeFirst();
}
