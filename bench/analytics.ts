import fs from 'node:fs';
import path from 'node:path';
import {
  AGE_BANDS,
  DASHBOARD_TABLES,
  STAT_CONTROL,
  STAT_EXPLOITATION,
  STAT_LABOUR,
  STAT_RECRUITER,
  STAT_RECRUITMENT,
  STAT_SEX_TYPES,
  flagMask,
  type StatFilters,
} from '@kinga/shared';
import SQLite from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import pg from 'pg';
import { openDatabase, openSqlite } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrator.ts';
import { STAT_RECORD_COLUMNS, type Database } from '../server/src/db/schema.ts';
import { dashboardTables } from '../server/src/modules/analytics/analytics.service.ts';
import { preparePostgres, type PostgresDatabase } from './postgres.ts';
import { formatGrid } from './report.ts';

/**
 * The analytics dashboard at scale: 1,000,000 de-identified records (CTDC categories, skewed
 * like the CTDC global file), the full dashboard query set (every DASHBOARD_TABLES entry plus the
 * total) through the service's `dashboardTables`, against the same compiled SQL run straight on
 * the driver. Cold is the first run on a newly opened connection; warm is the median of later runs.
 */

export type Engine = 'sqlite' | 'postgres';

/** On SQLite: the full set within a second cold, and the service within 1.5 × the raw SQL. */
export const ANALYTICS_TARGETS = { maxColdMs: 1000, maxRatio: 1.5 } as const;

export interface AnalyticsSettings {
  records: number;
  durationSeconds: number;
  keepData: boolean;
}

/** The filter sets measured: everything, and a filtered view as the dashboard page sends it. */
export const ANALYTICS_FILTERS: readonly { name: string; filters: StatFilters }[] = [
  { name: 'all', filters: {} },
  { name: 'filtered', filters: { from: '2015', to: '2020', exploitation: 'SexualExploitation' } },
];

export interface AnalyticsShape {
  name: string;
  queries: number;
  total: number;
  serviceColdMs: number;
  rawColdMs: number;
  serviceWarmMs: number;
  rawWarmMs: number;
  /** Service warm median over raw warm median. */
  ratio: number;
  verdict: 'met' | 'MISSED' | 'no target';
}

export interface AnalyticsRun {
  engine: Engine;
  source: string;
  records: number;
  generateSeconds: number;
  shapes: AnalyticsShape[];
}

// ---- data ----------------------------------------------------------------------------------

/** mulberry32: a small deterministic generator, so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted choices (weights need not sum to 1). */
function weighted<T>(rnd: () => number, choices: readonly (readonly [T, number])[]): T {
  const sum = choices.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * sum;
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

/** Countries roughly as CTDC's victims are spread: a few dominate, a long tail follows. */
const COUNTRIES = [
  'UA',
  'PH',
  'MD',
  'US',
  'KE',
  'ID',
  'UG',
  'KH',
  'BY',
  'HT',
  'MM',
  'GH',
  'NG',
  'ET',
  'RO',
  'LK',
  'NP',
  'BD',
  'VN',
  'TH',
  'CN',
  'AF',
  'LA',
  'BF',
  'BG',
  'KG',
  'KZ',
  'MX',
  'IN',
  'SN',
  'ML',
  'TZ',
  'SO',
  'ER',
  'RW',
  'BI',
  'CD',
  'SD',
  'SS',
  'YE',
] as const;
const ZIPF = COUNTRIES.map((c, i) => [c, 1 / (i + 1)] as const);
const FIELDS = STAT_RECORD_COLUMNS;
type Field = (typeof FIELDS)[number];
type Record_ = Record<Field, string | number | null>;

function bits(rnd: () => number, values: readonly string[], p: number, max: number): number {
  const chosen: string[] = [];
  for (const v of values) if (chosen.length < max && rnd() < p) chosen.push(v);
  return flagMask(values, chosen);
}

/** One synthetic record: CTDC-like shares of sex, age, forms of exploitation and countries; ~30 % unknowns. */
export function syntheticRecord(rnd: () => number, i: number): Record_ {
  const isCase = rnd() < 0.05;
  const year = weighted(
    rnd,
    Array.from({ length: 23 }, (_, k) => [2002 + k, 1 + k * k * 0.2] as const),
  );
  const sexual = rnd() < 0.5;
  const labour = !sexual || rnd() < 0.08;
  const forms = flagMask(STAT_EXPLOITATION, [
    ...(labour ? ['ForcedLabour'] : []),
    ...(sexual ? ['SexualExploitation'] : []),
    ...(rnd() < 0.03 ? ['ForcedMarriage'] : []),
    ...(rnd() < 0.005 ? ['ForcedMilitary'] : []),
    ...(rnd() < 0.002 ? ['OrganRemoval'] : []),
    ...(rnd() < 0.04 ? ['Other'] : []),
  ]);
  const unknownForm = rnd() < 0.12;
  const citizenship = rnd() < 0.3 ? null : weighted(rnd, ZIPF);
  const exploited = rnd() < 0.4 ? null : rnd() < 0.6 ? citizenship : weighted(rnd, ZIPF);
  const kenyan = (c: string | null) => (c === 'KE' && rnd() < 0.7 ? 1 + Math.floor(rnd() * 47) : null);
  return {
    id: `0190${i.toString(16).padStart(8, '0')}-0000-7000-8000-000000000000`,
    source: isCase ? 'case' : 'ctdc',
    import_id: null,
    case_id: isCase ? `case-${i}` : null,
    line: isCase ? null : i + 2,
    year,
    month: isCase || rnd() < 0.4 ? 1 + Math.floor(rnd() * 12) : null,
    data_source: isCase
      ? 'CaseManagement'
      : weighted(rnd, [
          ['CaseManagement', 0.6],
          ['Hotline', 0.3],
          [null, 0.1],
        ]),
    gender: weighted(rnd, [
      ['Female', 0.7],
      ['Male', 0.27],
      ['TransgenderOrNonConforming', 0.005],
      [null, 0.025],
    ]),
    age_band:
      rnd() < 0.35
        ? null
        : weighted(
            rnd,
            AGE_BANDS.map((b, k) => [b, k < 2 ? 1.2 : 1 / (1 + k * 0.3)] as const),
          ),
    citizenship,
    country_origin: citizenship && rnd() < 0.8 ? citizenship : null,
    country_transit: rnd() < 0.1 ? weighted(rnd, ZIPF) : null,
    country_exploitation: exploited,
    county_origin: kenyan(citizenship),
    county_exploitation: kenyan(exploited),
    exploitation: unknownForm ? 0 : forms,
    labour: labour && !unknownForm ? bits(rnd, STAT_LABOUR, 0.09, 2) : 0,
    sex_types: sexual && !unknownForm ? bits(rnd, STAT_SEX_TYPES, 0.3, 2) : 0,
    control: rnd() < 0.5 ? 0 : bits(rnd, STAT_CONTROL, 0.18, 6),
    recruiter:
      rnd() < 0.6
        ? 0
        : flagMask(STAT_RECRUITER, [
            weighted(
              rnd,
              STAT_RECRUITER.map((r) => [r, 1] as const),
            ),
          ]),
    recruitment: rnd() < 0.7 ? 0 : bits(rnd, STAT_RECRUITMENT, 0.12, 2),
  };
}

/** Writes `count` records into a migrated SQLite file: one prepared statement, one transaction. */
function fillSqlite(file: string, count: number): void {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  const insert = sqlite.prepare(
    `insert into stat_records (${FIELDS.join(', ')}) values (${FIELDS.map((f) => `@${f}`).join(', ')})`,
  );
  const rnd = random(20260501);
  // A bulk load: the migration's indexes are dropped and made again afterwards, as they were.
  const indexes = sqlite
    .prepare<[], { name: string; sql: string }>(
      "select name, sql from sqlite_master where type = 'index' and tbl_name = 'stat_records' and sql is not null",
    )
    .all();
  sqlite.transaction(() => {
    for (const index of indexes) sqlite.exec(`drop index ${index.name}`);
    for (let i = 0; i < count; i++) insert.run(syntheticRecord(rnd, i));
    for (const index of indexes) sqlite.exec(index.sql);
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

const PG_TYPES: Record<Field, string> = {
  id: 'text',
  source: 'text',
  import_id: 'text',
  case_id: 'text',
  line: 'int',
  year: 'int',
  month: 'int',
  data_source: 'text',
  gender: 'text',
  age_band: 'text',
  citizenship: 'text',
  country_origin: 'text',
  country_transit: 'text',
  country_exploitation: 'text',
  county_origin: 'int',
  county_exploitation: 'int',
  exploitation: 'int',
  labour: 'int',
  sex_types: 'int',
  control: 'int',
  recruiter: 'int',
  recruitment: 'int',
};

/** Writes `count` records into PostgreSQL in batches of arrays (`unnest`), then VACUUM ANALYZE as autovacuum would. */
async function fillPostgres(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rnd = random(20260501);
    const text = `insert into stat_records (${FIELDS.join(', ')}) select * from unnest(${FIELDS.map((f, i) => `$${i + 1}::${PG_TYPES[f]}[]`).join(', ')})`;
    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      "select indexname, indexdef from pg_indexes where tablename = 'stat_records' and indexname <> 'stat_records_pkey'",
    );
    for (const index of indexes.rows) await client.query(`drop index ${index.indexname}`);
    const batch = 20_000;
    for (let start = 0; start < count; start += batch) {
      const columns = FIELDS.map(() => [] as (string | number | null)[]);
      for (let i = start; i < Math.min(count, start + batch); i++) {
        const r = syntheticRecord(rnd, i);
        FIELDS.forEach((f, k) => columns[k]!.push(r[f]));
      }
      await client.query(text, columns);
    }
    for (const index of indexes.rows) await client.query(index.indexdef);
    await client.query('vacuum (analyze) stat_records');
  } finally {
    await client.end();
  }
}

// ---- measuring -----------------------------------------------------------------------------

/** The SQL the service sends for a filter set, captured on a Kysely that only compiles. */
async function captureQueries(engine: Engine, filters: StatFilters): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => (engine === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => (engine === 'sqlite' ? new SqliteIntrospector(k) : new PostgresIntrospector(k)),
      createQueryCompiler: () => (engine === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  await dashboardTables(db, filters);
  await db.destroy();
  return captured;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs `fn` repeatedly for about `seconds` (at least 5 times), the two sides taking turns; returns both medians. */
async function alternate(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  seconds: number,
): Promise<[number, number]> {
  const ta: number[] = [];
  const tb: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (ta.length < 5 || performance.now() < end) {
    ta.push(await timed(a));
    tb.push(await timed(b));
  }
  return [median(ta), median(tb)];
}

interface Side {
  cold(): Promise<number>;
  run(): Promise<unknown>;
  close(): Promise<void>;
}

function sqliteService(file: string, filters: StatFilters): Side & { total(): Promise<number> } {
  const handle = openSqlite(file);
  return {
    cold: () => timed(() => dashboardTables(handle.db, filters)),
    run: () => dashboardTables(handle.db, filters),
    total: async () => Number((await dashboardTables(handle.db, filters)).total.total),
    close: () => handle.close(),
  };
}

function sqliteRaw(file: string, queries: readonly CompiledQuery[]): Side {
  const sqlite = new SQLite(file, { readonly: true });
  const statements: SQLite.Statement[] = [];
  const runAll = () => {
    queries.forEach((q, i) => {
      const statement = (statements[i] ??= sqlite.prepare(q.sql));
      statement.all(...(q.parameters as unknown[]));
    });
    return Promise.resolve();
  };
  return {
    cold: () => timed(runAll),
    run: runAll,
    close: () => Promise.resolve(void sqlite.close()),
  };
}

function postgresService(url: string, filters: StatFilters): Side & { total(): Promise<number> } {
  const handle = openDatabase({ databaseUrl: url, dataDir: '' });
  return {
    cold: () => timed(() => dashboardTables(handle.db, filters)),
    run: () => dashboardTables(handle.db, filters),
    total: async () => Number((await dashboardTables(handle.db, filters)).total.total),
    close: () => handle.close(),
  };
}

function postgresRaw(url: string, queries: readonly CompiledQuery[]): Side {
  // The same pool size and the same concurrency as the service: all queries of the set at once.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const runAll = () => Promise.all(queries.map((q) => pool.query(q.sql, [...q.parameters])));
  return { cold: () => timed(runAll), run: runAll, close: () => pool.end() };
}

/** Generates the records into a fresh database of one engine and measures every filter set. */
export async function runAnalytics(
  engine: Engine,
  settings: AnalyticsSettings,
  runDir: string,
): Promise<AnalyticsRun | { skipped: string }> {
  let postgres: PostgresDatabase | null = null;
  let file = '';
  let source = 'SQLite file';
  if (engine === 'postgres') {
    const setup = await preparePostgres();
    if (!setup.ok) return { skipped: `PostgreSQL analytics skipped: ${setup.reason}` };
    postgres = setup.database;
    source = postgres.source;
  }
  try {
    const started = performance.now();
    if (postgres) {
      const handle = openDatabase({ databaseUrl: postgres.url, dataDir: '' });
      await migrateToLatest(handle.db);
      await handle.close();
      await fillPostgres(postgres.url, settings.records);
    } else {
      const dir = path.join(runDir, 'data-analytics-sqlite');
      fs.mkdirSync(dir, { recursive: true });
      file = path.join(dir, 'kinga.db');
      const handle = openSqlite(file);
      await migrateToLatest(handle.db);
      await handle.close();
      fillSqlite(file, settings.records);
    }
    const generateSeconds = Math.round((performance.now() - started) / 100) / 10;
    console.log(
      `${engine}: ${settings.records.toLocaleString('en-US')} stat_records written in ${generateSeconds} s (with migrations${postgres ? ', VACUUM ANALYZE' : ''})`,
    );

    const shapes: AnalyticsShape[] = [];
    for (const shape of ANALYTICS_FILTERS) {
      const queries = await captureQueries(engine, shape.filters);
      const service = postgres ? postgresService(postgres.url, shape.filters) : sqliteService(file, shape.filters);
      const raw = postgres ? postgresRaw(postgres.url, queries) : sqliteRaw(file, queries);
      try {
        // Cold: the first run on each newly opened connection (the raw side first, then the service).
        const rawColdMs = await raw.cold();
        const serviceColdMs = await service.cold();
        const [serviceWarmMs, rawWarmMs] = await alternate(
          () => service.run(),
          () => raw.run(),
          settings.durationSeconds,
        );
        const total = await service.total();
        const ratio = serviceWarmMs / rawWarmMs;
        shapes.push({
          name: shape.name,
          queries: queries.length,
          total,
          serviceColdMs,
          rawColdMs,
          serviceWarmMs,
          rawWarmMs,
          ratio,
          verdict:
            engine !== 'sqlite'
              ? 'no target'
              : serviceColdMs <= ANALYTICS_TARGETS.maxColdMs && ratio <= ANALYTICS_TARGETS.maxRatio
                ? 'met'
                : 'MISSED',
        });
      } finally {
        await service.close();
        await raw.close();
      }
    }
    return { engine, source, records: settings.records, generateSeconds, shapes };
  } finally {
    await postgres?.dispose(settings.keepData);
    if (file && !settings.keepData) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

const ms = (n: number) => n.toFixed(1);

/** The report table: one row per engine and filter set. */
export function formatAnalyticsReport(runs: readonly AnalyticsRun[]): string {
  return formatGrid(
    [
      'engine',
      'filters',
      'queries',
      'records counted',
      'service cold ms',
      'raw cold ms',
      'service warm ms',
      'raw warm ms',
      'ratio',
      'verdict',
    ],
    runs.flatMap((run) =>
      run.shapes.map((s) => [
        run.engine,
        s.name,
        String(s.queries),
        s.total.toLocaleString('en-US'),
        ms(s.serviceColdMs),
        ms(s.rawColdMs),
        ms(s.serviceWarmMs),
        ms(s.rawWarmMs),
        s.ratio.toFixed(2),
        s.verdict,
      ]),
    ),
  );
}

/** Queries in one dashboard: every DASHBOARD_TABLES entry and the total. */
export const ANALYTICS_QUERY_COUNT = Object.keys(DASHBOARD_TABLES).length + 1;
