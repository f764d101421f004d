import fs from 'node:fs';
import path from 'node:path';
import { listCasesQuerySchema } from '@kinga/shared';
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
  sql,
  type CompiledQuery,
} from 'kysely';
import pg from 'pg';
import { buildActor } from '../server/src/access/access.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/schema.ts';
import { createLogger } from '../server/src/logger.ts';
import { listCases } from '../server/src/modules/cases/cases.repository.ts';
import { listScope, today } from '../server/src/modules/cases/cases.service.ts';
import { DEMO_USERS, seedDemo } from '../server/src/modules/demo/demo.seed.ts';
import { createContext } from '../server/src/server.ts';
import {
  CASE_LIST_ACTION,
  checkAuditRows,
  countPostgresAuditRows,
  countSqliteAuditRows,
  type AuditCheck,
} from './audit-rows.ts';
import { fillCases, type CaseDataSummary } from './cases-data.ts';
import { startServer, type RunningServer } from './child-server.ts';
import { DEMO_CASEWORKER_A, getJson, sequentialGetter, signIn } from './kinga-client.ts';
import {
  measure,
  measureAlternating,
  measureSequential,
  problemsOf,
  type Measurement,
  type SequentialMeasurement,
} from './load.ts';
import { preparePostgres, type PostgresDatabase } from './postgres.ts';
import { formatGrid } from './report.ts';

/**
 * The case list at scale: a filtered, sorted page of 50 out of 100,000 cases, through the API
 * as caseworker.a, against the same SQL run straight on the driver in the same run.
 */

export type Engine = 'sqlite' | 'postgres';

/** The pages measured: the issue's filtered page, and a worker's overdue follow-ups. */
export const CASE_LIST_QUERIES = [
  {
    name: 'filtered',
    search: 'status=Active&exploitationType=ForcedLabour&countyCode=47&sort=createdAt&order=desc&limit=50',
  },
  { name: 'overdue', search: 'followUpOverdue=true&sort=followUpAt&order=asc&limit=50' },
] as const;

/** On SQLite: the API's p99 under load, and its p99 over the raw SQL's with one caller each. */
export const CASE_LIST_TARGETS = { maxP99Ms: 50, maxRatio: 2 } as const;

export interface CaseListSettings {
  cases: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  keepData: boolean;
  cpuProfile: boolean;
  /** Preload the SQLite statement probe into the server (bench/probes/). */
  probe: boolean;
}

export interface CaseListShapeResult {
  name: string;
  path: string;
  /** Cases in caseworker.a's scope that match the filters (the pages a worker could scroll). */
  matching: number;
  sql: string;
  parameters: readonly unknown[];
  /** EXPLAIN QUERY PLAN (SQLite) or EXPLAIN ANALYZE (PostgreSQL) of that SQL. */
  plan: string[];
  raw: SequentialMeasurement;
  /** The API with one keep-alive connection, one request at a time: the raw SQL's footing. */
  apiOneConnection: SequentialMeasurement;
  /** The API under autocannon's connections: the p99 a busy office would see. */
  apiLoad: Measurement;
  /** API p99 at one connection over raw SQL p99 (one caller each). */
  p99Ratio: number;
  /** Time per page through the API under load over time per raw SQL call: raw calls/s ÷ API req/s. */
  costRatio: number;
  verdict: 'met' | 'MISSED' | 'no target';
  problems: string | null;
}

export interface CaseListRun {
  engine: Engine;
  source: string;
  /** What was generated; `prepareSeconds` adds migrations, the demo seed and, on PostgreSQL, VACUUM ANALYZE. */
  data: CaseDataSummary & { scopeCases: number; prepareSeconds: number };
  shapes: CaseListShapeResult[];
  /**
   * A one-row durable commit on the same disk (SQLite: a scratch file beside the database;
   * PostgreSQL: a scratch table): the wait every audited request includes at one connection.
   */
  durableCommit: SequentialMeasurement;
  audit: AuditCheck;
}

/** Fills a fresh database of one engine, measures each page raw and through the API, and checks the audit rows. */
export async function runCaseList(
  engine: Engine,
  settings: CaseListSettings,
  runDir: string,
  repoRoot: string,
): Promise<CaseListRun | { skipped: string }> {
  const dataDir = path.join(runDir, `data-cases-${engine}`);
  let postgres: PostgresDatabase | null = null;
  if (engine === 'postgres') {
    const setup = await preparePostgres();
    if (!setup.ok) return { skipped: `PostgreSQL case list skipped: ${setup.reason}` };
    postgres = setup.database;
  }
  let server: RunningServer | null = null;
  try {
    const env = {
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      // The database already holds the demo accounts, so the server will not seed again.
      KINGA_DEMO: 'on',
      LOG_LEVEL: 'warn',
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      ...(settings.probe ? { BENCH_PROBE_OUT: path.join(runDir, `kinga-cases-${engine}.probe.json`) } : {}),
    };
    const prepared = await prepareData(env, settings.cases);
    console.log(
      `${engine}: ${fmt(prepared.data.cases)} cases (${fmt(prepared.data.scopeCases)} in caseworker.a's agency, ` +
        `${fmt(prepared.data.sealedCases)} with real sealed identities), ~${fmt(prepared.data.averageRowChars)} characters a row, ` +
        `written in ${prepared.data.seconds} s (${prepared.data.prepareSeconds} s with migrations, demo seed${postgres ? ', VACUUM ANALYZE' : ''})` +
        `${postgres ? `; ${postgres.source}` : ''}`,
    );

    // The raw runner stays open beside the server: its calls and the API's take turns (measureAlternating).
    const raw = engine === 'sqlite' ? sqliteRunner(dataDir) : await postgresRunner(postgres);
    let ok = 0;
    let sent = 0;
    const results: CaseListShapeResult[] = [];
    let durableCommit: SequentialMeasurement;
    try {
      const shapes = [];
      for (const shape of CASE_LIST_QUERIES) {
        const query = prepared.queries.get(shape.name);
        if (!query) throw new Error(`no SQL captured for ${shape.name}`);
        shapes.push({
          ...shape,
          query,
          matching: await raw.count(query),
          page: (await raw.codes(query)).slice(0, 50),
          plan: await raw.plan(query),
        });
      }
      // Before the server starts, so nothing else writes to the disk meanwhile.
      durableCommit = await measureSequential(() => raw.commit(), Math.min(settings.durationSeconds, 3));

      server = await startServer({
        name: `kinga-cases-${engine}`,
        entry: 'server/src/main.ts',
        env,
        readyPath: '/api/health',
        repoRoot,
        logFile: path.join(runDir, `kinga-cases-${engine}.log`),
        cpuProfileDir: settings.cpuProfile ? path.join(runDir, 'profiles') : undefined,
        preload: settings.probe && engine === 'sqlite' ? ['./bench/probes/sqlite-statements.ts'] : [],
      });
      const running = server;
      const cookie = await signIn(running.baseUrl, DEMO_CASEWORKER_A);
      for (const shape of shapes) {
        const pagePath = `/api/v1/cases?${shape.search}`;
        const url = `${running.baseUrl}${pagePath}`;
        // The API must answer the very page the raw SQL returns, or the comparison means nothing.
        const answer = await getJson<{ items: { code: string }[] }>(url, cookie);
        ok += 1;
        sent += 1;
        const codes = answer.items.map((i) => i.code);
        if (codes.join() !== shape.page.join())
          throw new Error(
            `GET ${pagePath} answered another page than the raw SQL (${codes.length} vs ${shape.page.length} rows)`,
          );

        // One caller each, raw SQL and API taking turns: the p99 ratio.
        const client = sequentialGetter(url, cookie);
        let rawSql: SequentialMeasurement;
        let one: SequentialMeasurement;
        try {
          const calls = [() => raw.run(shape.query), client.get];
          const warm = await measureAlternating(calls, settings.warmupSeconds);
          [rawSql, one] = (await measureAlternating(calls, settings.durationSeconds)) as [
            SequentialMeasurement,
            SequentialMeasurement,
          ];
          const apiCalls = (warm[1]?.calls ?? 0) + one.calls;
          ok += apiCalls;
          sent += apiCalls;
        } finally {
          client.close();
        }

        // The API under load: the p99 target, and its throughput against the raw SQL's.
        const options = {
          url,
          headers: { cookie },
          connections: settings.connections,
          serverCpuMs: () => running.cpuMs(),
          // A slow page is a result to report, not a request to drop: dropped ones would vanish from the p99.
          timeoutSeconds: 60,
        };
        const warmup = await measure({ ...options, durationSeconds: settings.warmupSeconds });
        await settle(running.baseUrl);
        const load = await measure({ ...options, durationSeconds: settings.durationSeconds });
        await settle(running.baseUrl);
        ok += warmup.ok + load.ok;
        sent += warmup.sent + load.sent;

        const p99Ratio = one.latencyMs.p99 / rawSql.latencyMs.p99;
        const costRatio = rawSql.callsPerSecond / load.requestsPerSecond;
        const met = load.latencyMs.p99 <= CASE_LIST_TARGETS.maxP99Ms && p99Ratio <= CASE_LIST_TARGETS.maxRatio;
        const cpu = load.serverCpuUsPerRequest === null ? '' : `, server CPU ${load.serverCpuUsPerRequest} µs/req`;
        console.log(
          `${engine} ${shape.name.padEnd(9)} raw SQL p50 ${rawSql.latencyMs.p50} ms p99 ${rawSql.latencyMs.p99} ms; ` +
            `API 1 conn p50 ${one.latencyMs.p50} ms p99 ${one.latencyMs.p99} ms; ` +
            `API ${settings.connections} conns ${fmt(load.requestsPerSecond)} req/s p50 ${load.latencyMs.p50} ms p99 ${load.latencyMs.p99} ms${cpu} ` +
            `(${fmt(shape.matching)} matching)`,
        );
        results.push({
          name: shape.name,
          path: pagePath,
          matching: shape.matching,
          sql: shape.query.sql,
          parameters: shape.query.parameters,
          plan: shape.plan,
          raw: rawSql,
          apiOneConnection: one,
          apiLoad: load,
          p99Ratio,
          costRatio,
          verdict: engine === 'sqlite' ? (met ? 'met' : 'MISSED') : 'no target',
          problems: [problemsOf(warmup), problemsOf(load)].filter(Boolean).join('; ') || null,
        });
      }
    } finally {
      await raw.close();
    }
    await server.stop();
    server = null;
    const rows = postgres
      ? await countPostgresAuditRows(postgres, CASE_LIST_ACTION)
      : countSqliteAuditRows(dataDir, CASE_LIST_ACTION);
    return {
      engine,
      source: postgres?.source ?? 'SQLite file',
      data: prepared.data,
      shapes: results,
      durableCommit,
      audit: checkAuditRows(CASE_LIST_ACTION, rows, ok, sent),
    };
  } finally {
    await server?.stop();
    await postgres?.dispose(settings.keepData);
    if (!settings.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * autocannon abandons a request per connection when it stops, and the server still answers
 * each one: with a slow page that is seconds of work, which must not spill into the next run.
 * A request sent after them is answered after them.
 */
async function settle(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(120_000) });
  await response.arrayBuffer();
}

/**
 * Migrates and seeds the database as the server would, fills it with synthetic cases, and
 * captures the SQL the repository compiles for each page, for caseworker.a's scope.
 */
async function prepareData(
  env: Record<string, string>,
  cases: number,
): Promise<{ data: CaseListRun['data']; queries: Map<string, CompiledQuery> }> {
  const started = performance.now();
  const config = loadConfig(env);
  const ctx = await createContext(config, createLogger('silent'));
  try {
    await seedDemo(ctx);
    const data = await fillCases(ctx, { cases, seed: 20_261_129, now: new Date(), sealEvery: 10 });
    if (ctx.engine === 'postgres') {
      // What autovacuum would have done after a load this size: planner statistics and the visibility map.
      await sql`vacuum (analyze) cases, case_exploitation_types`.execute(ctx.db);
    }
    const worker = DEMO_USERS.find((u) => u.email === DEMO_CASEWORKER_A.email);
    const user = await ctx.db
      .selectFrom('users')
      .select(['id', 'agency_id'])
      .where('email', '=', DEMO_CASEWORKER_A.email)
      .executeTakeFirstOrThrow();
    const actor = buildActor({
      id: user.id,
      agencyId: user.agency_id,
      roles: worker?.roles ?? [],
      mfaEnrolmentRequired: false,
    });
    const scope = listScope(ctx, actor);
    const scopeCases = await ctx.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', user.agency_id)
      .executeTakeFirstOrThrow();
    const queries = new Map<string, CompiledQuery>();
    for (const shape of CASE_LIST_QUERIES) {
      const query = listCasesQuerySchema.parse(Object.fromEntries(new URLSearchParams(shape.search)));
      queries.set(
        shape.name,
        await captureQuery(ctx.engine, (db) => listCases(db, scope, query, actor.userId, today())),
      );
    }
    const prepareSeconds = Math.round((performance.now() - started) / 100) / 10;
    return { data: { ...data, scopeCases: Number(scopeCases.n), prepareSeconds }, queries };
  } finally {
    await ctx.audit.drain();
    await ctx.database.close();
  }
}

/** Runs a repository function on a Kysely that only compiles, and answers the SQL and parameters it sent. */
async function captureQuery(engine: Engine, run: (db: Kysely<Database>) => Promise<unknown>): Promise<CompiledQuery> {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect:
      engine === 'sqlite'
        ? {
            createAdapter: () => new SqliteAdapter(),
            createDriver: () => new DummyDriver(),
            createIntrospector: (k) => new SqliteIntrospector(k),
            createQueryCompiler: () => new SqliteQueryCompiler(),
          }
        : {
            createAdapter: () => new PostgresAdapter(),
            createDriver: () => new DummyDriver(),
            createIntrospector: (k) => new PostgresIntrospector(k),
            createQueryCompiler: () => new PostgresQueryCompiler(),
          },
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  await run(db);
  await db.destroy();
  const [query] = captured;
  if (captured.length !== 1 || !query) throw new Error(`expected one query, captured ${captured.length}`);
  return query;
}

/** The captured SQL run straight on the driver: what the page costs without Kysely, HTTP, session or audit. */
interface RawRunner {
  run(query: CompiledQuery): unknown;
  /** How many rows match with the limit lifted. */
  count(query: CompiledQuery): Promise<number>;
  codes(query: CompiledQuery): Promise<string[]>;
  plan(query: CompiledQuery): Promise<string[]>;
  /** One durable single-row transaction, outside Kinga's tables. */
  commit(): unknown;
  close(): Promise<void>;
}

/** Without the page's limit (its last parameter), for counting. */
function unlimited(query: CompiledQuery, none: unknown): unknown[] {
  const parameters = [...query.parameters];
  if (!/limit \?$|limit \$\d+$/.test(query.sql)) throw new Error('the page query does not end in its limit');
  parameters[parameters.length - 1] = none;
  return parameters;
}

function sqliteRunner(dataDir: string): RawRunner {
  // Opened as the server opens it, beside the running server; it only reads.
  const db = new SQLite(path.join(dataDir, 'kinga.db'), { fileMustExist: true });
  // The server's durability settings, on a file of its own beside the database.
  const probe = new SQLite(path.join(dataDir, 'commit-probe.db'));
  probe.pragma('journal_mode = WAL');
  probe.pragma('synchronous = FULL');
  probe.exec('create table if not exists probe (n integer)');
  const insertProbe = probe.prepare('insert into probe (n) values (1)');
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  return {
    run: (query) => prepared(query.sql).all(...query.parameters),
    count: (query) =>
      Promise.resolve(
        (prepared(`select count(*) as n from (${query.sql})`).get(...unlimited(query, -1)) as { n: number }).n,
      ),
    codes: (query) =>
      Promise.resolve((prepared(query.sql).all(...query.parameters) as { code: string }[]).map((r) => r.code)),
    plan: (query) =>
      Promise.resolve(
        (
          db.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as {
            id: number;
            parent: number;
            detail: string;
          }[]
        ).map((r, _, all) => `${'  '.repeat(depthOf(r, all))}${r.detail}`),
      ),
    commit: () => insertProbe.run(),
    close: () => {
      db.close();
      probe.close();
      fs.rmSync(path.join(dataDir, 'commit-probe.db'), { force: true });
      return Promise.resolve();
    },
  };
}

function depthOf(row: { parent: number }, all: readonly { id: number; parent: number }[]): number {
  let depth = 0;
  let parent = row.parent;
  while (parent !== 0) {
    depth += 1;
    parent = all.find((r) => r.id === parent)?.parent ?? 0;
  }
  return depth;
}

async function postgresRunner(database: PostgresDatabase | null): Promise<RawRunner> {
  if (!database) throw new Error('no PostgreSQL database');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('create table bench_commit_probe (n integer)');
  return {
    run: (query) => client.query(query.sql, [...query.parameters]),
    count: async (query) => {
      const result = await client.query<{ n: string }>(
        `select count(*) as n from (${query.sql}) as page`,
        unlimited(query, null),
      );
      return Number(result.rows[0]?.n ?? Number.NaN);
    },
    codes: async (query) =>
      (await client.query<{ code: string }>(query.sql, [...query.parameters])).rows.map((r) => r.code),
    plan: async (query) =>
      (
        await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${query.sql}`, [
          ...query.parameters,
        ])
      ).rows.map((r) => r['QUERY PLAN']),
    commit: () => client.query('insert into bench_commit_probe (n) values (1)'),
    close: async () => {
      await client.query('drop table bench_commit_probe');
      await client.end();
    },
  };
}

/** The case-list figures as a table, then each page's query plan. */
export function formatCaseListReport(runs: readonly CaseListRun[], connections: number): string {
  const headers = [
    'case list page',
    'matching',
    'raw p50 ms',
    'raw p99 ms',
    'API 1-conn p50',
    'API 1-conn p99',
    'p99 ratio',
    `API ${connections}-conn req/s`,
    'p50 ms',
    'p99 ms',
    'cost ratio',
    'CPU µs/req',
    'target',
  ];
  const cells = runs.flatMap((run) =>
    run.shapes.map((s) => [
      `${run.engine} ${s.name}`,
      fmt(s.matching),
      s.raw.latencyMs.p50.toFixed(2),
      s.raw.latencyMs.p99.toFixed(2),
      s.apiOneConnection.latencyMs.p50.toFixed(2),
      s.apiOneConnection.latencyMs.p99.toFixed(2),
      s.p99Ratio.toFixed(2),
      fmt(s.apiLoad.requestsPerSecond),
      String(s.apiLoad.latencyMs.p50),
      String(s.apiLoad.latencyMs.p99),
      s.costRatio.toFixed(2),
      s.apiLoad.serverCpuUsPerRequest === null ? '–' : String(s.apiLoad.serverCpuUsPerRequest),
      s.verdict,
    ]),
  );
  const plans = runs.flatMap((run) =>
    run.shapes.map(
      (s) =>
        `${run.engine} ${s.name}: ${s.path}\n  SQL (as Kysely compiles it; the raw baseline runs exactly this): ${s.sql}\n` +
        `  parameters: ${JSON.stringify(s.parameters)}\n  plan:\n${s.plan.map((line) => `    ${line}`).join('\n')}`,
    ),
  );
  const commits = runs
    .map((r) => `${r.engine} p50 ${r.durableCommit.latencyMs.p50} ms, p99 ${r.durableCommit.latencyMs.p99} ms`)
    .join('; ');
  return [
    formatGrid(headers, cells),
    `Durable one-row commit on the same disk (what one audited request waits for at one connection): ${commits}`,
    ...plans,
  ].join('\n');
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
