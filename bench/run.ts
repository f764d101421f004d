import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CASE_LIST_ACTION,
  checkAuditRows,
  countPostgresAuditRows,
  countSqliteAuditRows,
  describeAuditCheck,
  READ_ACTION,
  type AuditCheck,
} from './audit-rows.ts';
import {
  ANALYTICS_QUERY_COUNT,
  ANALYTICS_TARGETS,
  formatAnalyticsReport,
  runAnalytics,
  type AnalyticsRun,
} from './analytics.ts';
import { RELEASE_TARGETS, formatReleasesReport, runReleases } from './releases.ts';
import { IMPORT_TARGETS, formatImportsReport, runImports, type ImportRun } from './imports.ts';
import { CASE_LIST_TARGETS, formatCaseListReport, runCaseList, type CaseListRun } from './case-list.ts';
import { startServer, type RunningServer } from './child-server.ts';
import { firstUserId, getJson, signIn } from './kinga-client.ts';
import { measure, problemsOf, type Measurement } from './load.ts';
import { preparePostgres, type PostgresDatabase } from './postgres.ts';
import { formatTable, type Row } from './report.ts';
import { sharedData } from '../server/test/shared-data.ts';

/**
 * Two suites, each against a baseline measured in the same run: `users`, the authenticated,
 * audited read of one record against Fastify's bare hello-JSON route, both as child processes
 * run as in production; `cases`, a filtered page of 50 out of 100,000 cases through the API
 * against the same SQL on the driver (case-list.ts). Reports numbers; misses are printed, not failed.
 */

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const KINGA_ENTRY = 'server/src/main.ts';
const HELLO_ENTRY = 'bench/hello-server.ts';
const PROBE_ENTRY = './bench/probes/sqlite-statements.ts';

const SUITES = ['users', 'cases', 'analytics', 'releases', 'imports'] as const;
type Suite = (typeof SUITES)[number];

const settings = {
  connections: positiveIntFromEnv('BENCH_CONNECTIONS', 50),
  durationSeconds: positiveIntFromEnv('BENCH_DURATION', 10),
  warmupSeconds: positiveIntFromEnv('BENCH_WARMUP', 2),
  engines: listFromEnv('BENCH_ENGINES', ['sqlite', 'postgres']),
  // warn is how production runs (no line per request); info shows what request logging costs.
  logLevels: listFromEnv('BENCH_LOG_LEVELS', ['warn', 'info']),
  cpuProfile: process.env.BENCH_CPU_PROFILE === '1',
  // Counts and times SQLite statements in the server (bench/probes/); slows it slightly.
  probe: process.env.BENCH_PROBE === '1',
  keepData: process.env.BENCH_KEEP_DATA === '1',
  // `--only cases` on the command line, or BENCH_SUITES=cases.
  suites: suitesFromArgs(),
  cases: positiveIntFromEnv('BENCH_CASES', 100_000),
  statRecords: positiveIntFromEnv('BENCH_STAT_RECORDS', 1_000_000),
};

/** Targets on SQLite with request logging off. */
const TARGETS = { minRatio: 0.35, maxP99Ms: 25 } as const;

type Engine = 'sqlite' | 'postgres';

interface TargetRun {
  engine: Engine;
  logLevel: string;
  measurement: Measurement;
  warmupOk: number;
  warmupSent: number;
  ratio: number;
  audit: AuditCheck | null;
  verdict: 'met' | 'MISSED' | 'no target';
  problems: string | null;
}

async function main(): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const resultsDir = path.join(BENCH_DIR, 'results');
  const runDir = path.join(resultsDir, stamp);
  fs.mkdirSync(runDir, { recursive: true });
  const failures: string[] = [];
  const machine = environment();

  console.log(
    `Kinga benchmark (${[...settings.suites].join(', ')}): ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s per run`,
  );
  console.log(
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, logs in ${path.relative(REPO_ROOT, runDir)}/`,
  );
  warnIfBusy();
  console.log('');

  const users = settings.suites.has('users') ? await runUsersSuite(runDir, failures) : null;
  const cases = settings.suites.has('cases') ? await runCasesSuite(runDir, failures) : null;
  const analytics = settings.suites.has('analytics') ? await runAnalyticsSuite(runDir, failures) : null;
  const releases = settings.suites.has('releases') ? runReleasesSuite(failures) : null;
  const imports = settings.suites.has('imports') ? await runImportsSuite(failures) : null;

  const file = path.join(resultsDir, `${stamp}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ startedAt: stamp, environment: machine, settings: { ...settings, suites: [...settings.suites] }, targets: TARGETS, ...users, caseList: cases, analytics, releases, imports, failures }, null, 2)}\n`,
  );
  console.log(`\nResults: ${path.relative(REPO_ROOT, file)}`);

  if (failures.length > 0) {
    console.error(`\nBENCHMARK FAILED — these numbers cannot be trusted:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

/** The audited read of one user against the hello-JSON baseline, per engine and log level. */
async function runUsersSuite(runDir: string, failures: string[]) {
  const baseline = await runBaseline(runDir);
  const baselineProblems = problemsOf(baseline);
  if (baselineProblems) failures.push(`baseline: ${baselineProblems}`);

  const runs: TargetRun[] = [];
  const skipped: string[] = [];
  for (const engine of settings.engines as Engine[]) {
    if (engine !== 'sqlite' && engine !== 'postgres')
      throw new Error(`BENCH_ENGINES: unknown engine ${String(engine)}`);
    for (const logLevel of settings.logLevels) {
      try {
        const run = await runTarget(engine, logLevel, baseline, runDir);
        if (run === null) {
          skipped.push(`${engine}: skipped`);
          break;
        }
        runs.push(run);
        if (run.problems) failures.push(`${engine} (LOG_LEVEL=${logLevel}): ${run.problems}`);
        if (run.audit && !run.audit.consistent) {
          failures.push(
            `${engine} (LOG_LEVEL=${logLevel}): ${run.audit.rows} '${READ_ACTION}' audit rows, outside ${run.audit.ok} 2xx answers … ${run.audit.sent} requests sent`,
          );
        }
      } catch (error) {
        failures.push(`${engine} (LOG_LEVEL=${logLevel}): ${(error as Error).message}`);
      }
    }
  }

  const rows: Row[] = [
    {
      run: 'baseline: Fastify hello JSON',
      requestsPerSecond: baseline.requestsPerSecond,
      p50: baseline.latencyMs.p50,
      p99: baseline.latencyMs.p99,
      ok: baseline.ok,
      bad: baseline.errors + baseline.timeouts + baseline.non2xx,
      ratio: null,
      cpuUs: baseline.serverCpuUsPerRequest,
      verdict: '',
    },
    ...runs.map((r) => ({
      run: `${r.engine} GET /api/v1/users/:id (log ${r.logLevel})`,
      requestsPerSecond: r.measurement.requestsPerSecond,
      p50: r.measurement.latencyMs.p50,
      p99: r.measurement.latencyMs.p99,
      ok: r.measurement.ok,
      bad: r.measurement.errors + r.measurement.timeouts + r.measurement.non2xx,
      ratio: r.ratio,
      cpuUs: r.measurement.serverCpuUsPerRequest,
      verdict: r.verdict,
    })),
  ];
  console.log(`\n${formatTable(rows)}`);
  console.log(`Targets (SQLite, LOG_LEVEL=warn): ratio ≥ ${TARGETS.minRatio}, p99 ≤ ${TARGETS.maxP99Ms} ms.`);
  for (const r of runs) if (r.audit) console.log(describeAuditCheck(`${r.engine}/${r.logLevel}`, r.audit));
  for (const s of skipped) console.log(s);

  const headline = runs.find((r) => r.engine === 'sqlite' && r.logLevel === 'warn');
  if (headline) {
    const line = `SQLite headline: ${fmt(headline.measurement.requestsPerSecond)} req/s = ${headline.ratio.toFixed(3)} × baseline, p99 ${headline.measurement.latencyMs.p99} ms`;
    console.log(`\n${headline.verdict === 'met' ? 'TARGET MET' : 'TARGET MISSED'} — ${line}`);
    const baseCpu = baseline.serverCpuUsPerRequest;
    const cpu = headline.measurement.serverCpuUsPerRequest;
    if (baseCpu && cpu) {
      console.log(
        `Server CPU per request: ${cpu} µs vs ${baseCpu} µs for the baseline (CPU-bound ratio ${(baseCpu / cpu).toFixed(3)}; fsync waits not included)`,
      );
    }
    if (headline.verdict === 'MISSED') {
      if (headline.ratio < TARGETS.minRatio)
        console.log(`MISSED: ratio ${headline.ratio.toFixed(3)} < ${TARGETS.minRatio}`);
      if (headline.measurement.latencyMs.p99 > TARGETS.maxP99Ms)
        console.log(`MISSED: p99 ${headline.measurement.latencyMs.p99} ms > ${TARGETS.maxP99Ms} ms`);
    }
  }

  return { baseline, runs, skipped };
}

/** The case list at 100,000 cases, per engine, against its raw SQL. */
async function runCasesSuite(runDir: string, failures: string[]) {
  console.log(
    `\nCase list: ${settings.cases.toLocaleString('en-US')} synthetic cases per engine, signed in as caseworker.a`,
  );
  const runs: CaseListRun[] = [];
  const skipped: string[] = [];
  for (const engine of settings.engines as Engine[]) {
    if (engine !== 'sqlite' && engine !== 'postgres')
      throw new Error(`BENCH_ENGINES: unknown engine ${String(engine)}`);
    try {
      const run = await runCaseList(engine, settings, runDir, REPO_ROOT);
      if ('skipped' in run) {
        console.log(run.skipped);
        skipped.push(run.skipped);
        continue;
      }
      runs.push(run);
      for (const s of run.shapes) if (s.problems) failures.push(`case list ${engine} ${s.name}: ${s.problems}`);
      if (!run.audit.consistent) {
        failures.push(
          `case list ${engine}: ${run.audit.rows} '${run.audit.action}' audit rows, outside ${run.audit.ok} 2xx answers … ${run.audit.sent} requests sent`,
        );
      }
    } catch (error) {
      failures.push(`case list ${engine}: ${(error as Error).message}`);
    }
  }
  if (runs.length === 0) return { targets: CASE_LIST_TARGETS, runs, skipped };
  console.log(`\n${formatCaseListReport(runs, settings.connections)}`);
  console.log(
    `Targets (SQLite): API p99 at ${settings.connections} connections ≤ ${CASE_LIST_TARGETS.maxP99Ms} ms; ` +
      `p99 ratio (API at one connection ÷ raw SQL, one call at a time each) ≤ ${CASE_LIST_TARGETS.maxRatio}. ` +
      `Cost ratio: raw SQL calls/s ÷ API req/s under load. Every API request also appends a '${CASE_LIST_ACTION}' audit row (group-committed).`,
  );
  for (const r of runs) console.log(describeAuditCheck(`case list ${r.engine}`, r.audit));
  const headline = runs.find((r) => r.engine === 'sqlite')?.shapes[0];
  if (headline) {
    const line = `SQLite ${headline.path}: p99 ${headline.apiLoad.latencyMs.p99} ms at ${settings.connections} connections, p99 ratio ${headline.p99Ratio.toFixed(2)}`;
    console.log(`\n${headline.verdict === 'met' ? 'CASE LIST TARGET MET' : 'CASE LIST TARGET MISSED'} — ${line}`);
  }
  for (const s of runs.find((r) => r.engine === 'sqlite')?.shapes ?? []) {
    if (s.apiLoad.latencyMs.p99 > CASE_LIST_TARGETS.maxP99Ms)
      console.log(`MISSED: ${s.name} p99 ${s.apiLoad.latencyMs.p99} ms > ${CASE_LIST_TARGETS.maxP99Ms} ms`);
    if (s.p99Ratio > CASE_LIST_TARGETS.maxRatio)
      console.log(`MISSED: ${s.name} p99 ratio ${s.p99Ratio.toFixed(2)} > ${CASE_LIST_TARGETS.maxRatio}`);
  }
  return { targets: CASE_LIST_TARGETS, runs, skipped };
}

/** The analytics dashboard over 1,000,000 de-identified records, per engine, against its raw SQL. */
/** Data releases on the CTDC global file: DP synthesis (L = 3) against counting the real marginals. */
function runReleasesSuite(failures: string[]) {
  console.log('\nData releases: DP-marginals synthesis and k-anonymity of the CTDC global file (engine only)');
  try {
    const run = runReleases(REPO_ROOT);
    console.log(`\n${formatReleasesReport(run)}`);
    if (run.verdict === 'MISSED') console.log(`MISSED: DP synthesis above ${RELEASE_TARGETS.maxDpMs} ms`);
    return { targets: RELEASE_TARGETS, run };
  } catch (error) {
    failures.push(`releases: ${(error as Error).message}`);
    return null;
  }
}

async function runAnalyticsSuite(runDir: string, failures: string[]) {
  console.log(
    `\nAnalytics dashboard: ${settings.statRecords.toLocaleString('en-US')} stat_records per engine, ${ANALYTICS_QUERY_COUNT} queries per dashboard`,
  );
  const runs: AnalyticsRun[] = [];
  const skipped: string[] = [];
  for (const engine of settings.engines as Engine[]) {
    try {
      const run = await runAnalytics(
        engine,
        { records: settings.statRecords, durationSeconds: settings.durationSeconds, keepData: settings.keepData },
        runDir,
      );
      if ('skipped' in run) {
        console.log(run.skipped);
        skipped.push(run.skipped);
        continue;
      }
      runs.push(run);
    } catch (error) {
      failures.push(`analytics ${engine}: ${(error as Error).message}`);
    }
  }
  if (runs.length === 0) return { targets: ANALYTICS_TARGETS, runs, skipped };
  console.log(`\n${formatAnalyticsReport(runs)}`);
  console.log(
    `Targets (SQLite): the full dashboard set ≤ ${ANALYTICS_TARGETS.maxColdMs} ms cold (first run on a new connection); ` +
      `service warm median ÷ raw SQL warm median ≤ ${ANALYTICS_TARGETS.maxRatio}.`,
  );
  for (const s of runs.find((r) => r.engine === 'sqlite')?.shapes ?? []) {
    if (s.verdict === 'MISSED')
      console.log(`MISSED: analytics ${s.name} cold ${s.serviceColdMs.toFixed(0)} ms, ratio ${s.ratio.toFixed(2)}`);
  }
  return { targets: ANALYTICS_TARGETS, runs, skipped };
}

/** The CTDC file through the import service against a raw prepared insert of the same parsed rows. */
async function runImportsSuite(failures: string[]) {
  const ctdcFile = sharedData('ctdc', 'ctdc_global_k_anonymized_2018.csv');
  if (!fs.existsSync(ctdcFile)) return { targets: IMPORT_TARGETS, runs: [], skipped: [`no CTDC file at ${ctdcFile}`] };
  console.log('\nCTDC import: the shared CTDC file (47,102 records) per engine, service against raw prepared inserts');
  const runs: ImportRun[] = [];
  const skipped: string[] = [];
  for (const engine of settings.engines as Engine[]) {
    try {
      const run = await runImports(engine, { ctdcFile, keepData: settings.keepData });
      if ('skipped' in run) {
        console.log(run.skipped);
        skipped.push(run.skipped);
        continue;
      }
      runs.push(run);
    } catch (error) {
      failures.push(`imports ${engine}: ${(error as Error).message}`);
    }
  }
  if (runs.length === 0) return { targets: IMPORT_TARGETS, runs, skipped };
  console.log(`\n${formatImportsReport(runs)}`);
  console.log(
    `Target (SQLite): service rows/s ÷ raw rows/s ≥ ${IMPORT_TARGETS.minRatio}. The service also reads and validates every row, writes progress and audits.`,
  );
  for (const r of runs)
    if (r.verdict === 'MISSED') console.log(`MISSED: imports ${r.engine} ratio ${r.ratio.toFixed(2)}`);
  return { targets: IMPORT_TARGETS, runs, skipped };
}

async function runBaseline(runDir: string): Promise<Measurement> {
  const server = await startServer({
    name: 'hello',
    entry: HELLO_ENTRY,
    env: { NODE_ENV: 'production' },
    readyPath: '/',
    repoRoot: REPO_ROOT,
    logFile: path.join(runDir, 'hello.log'),
  });
  try {
    return (await load('baseline', server, `${server.baseUrl}/`, {})).measurement;
  } finally {
    await server.stop();
  }
}

/** One Kinga server on a fresh database: sign in, pick a user, load the audited read, then count its audit rows. */
async function runTarget(
  engine: Engine,
  logLevel: string,
  baseline: Measurement,
  runDir: string,
): Promise<TargetRun | null> {
  const name = `kinga-${engine}-${logLevel}`;
  const dataDir = path.join(runDir, `data-${engine}-${logLevel}`);
  let postgres: PostgresDatabase | null = null;
  if (engine === 'postgres') {
    const setup = await preparePostgres();
    if (!setup.ok) {
      console.log(`PostgreSQL skipped: ${setup.reason}`);
      return null;
    }
    postgres = setup.database;
    console.log(`PostgreSQL: ${postgres.source}`);
  }
  let server: RunningServer | null = null;
  try {
    server = await startServer({
      name,
      entry: KINGA_ENTRY,
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: logLevel,
        KINGA_DEMO: 'on',
        DATA_DIR: dataDir,
        ...(postgres ? { DATABASE_URL: postgres.url } : {}),
        ...(settings.probe ? { BENCH_PROBE_OUT: path.join(runDir, `${name}.probe.json`) } : {}),
      },
      preload: settings.probe && engine === 'sqlite' ? [PROBE_ENTRY] : [],
      readyPath: '/api/health',
      repoRoot: REPO_ROOT,
      logFile: path.join(runDir, `${name}.log`),
      cpuProfileDir: settings.cpuProfile ? path.join(runDir, 'profiles') : undefined,
    });
    const cookie = await signIn(server.baseUrl);
    const userId = await firstUserId(server.baseUrl, cookie);
    const url = `${server.baseUrl}/api/v1/users/${userId}`;
    const one = await getJson<{ id: string }>(url, cookie);
    if (one.id !== userId) throw new Error(`GET ${url} answered another user`);

    const { warmup, measurement } = await load(`${engine} log=${logLevel}`, server, url, { cookie });
    await server.stop();
    server = null;

    // The single GET above was audited too.
    const ok = warmup.ok + measurement.ok + 1;
    const sent = warmup.sent + measurement.sent + 1;
    const rows = postgres
      ? await countPostgresAuditRows(postgres, READ_ACTION)
      : countSqliteAuditRows(dataDir, READ_ACTION);
    const ratio = measurement.requestsPerSecond / baseline.requestsPerSecond;
    const hasTarget = engine === 'sqlite' && logLevel === 'warn';
    const met = ratio >= TARGETS.minRatio && measurement.latencyMs.p99 <= TARGETS.maxP99Ms;
    return {
      engine,
      logLevel,
      measurement,
      warmupOk: warmup.ok,
      warmupSent: warmup.sent,
      ratio,
      audit: checkAuditRows(READ_ACTION, rows, ok, sent),
      verdict: hasTarget ? (met ? 'met' : 'MISSED') : 'no target',
      problems: [problemsOf(warmup), problemsOf(measurement)].filter(Boolean).join('; ') || null,
    };
  } finally {
    await server?.stop();
    await postgres?.dispose(settings.keepData);
    if (!settings.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A warm-up run, then the measured run. */
async function load(
  label: string,
  server: RunningServer,
  url: string,
  headers: Record<string, string>,
): Promise<{ warmup: Measurement; measurement: Measurement }> {
  const options = { url, headers, connections: settings.connections, serverCpuMs: () => server.cpuMs() };
  const warmup = await measure({ ...options, durationSeconds: settings.warmupSeconds });
  const measurement = await measure({ ...options, durationSeconds: settings.durationSeconds });
  const m = measurement.latencyMs;
  const cpu =
    measurement.serverCpuUsPerRequest === null ? '' : `  server CPU ${measurement.serverCpuUsPerRequest} µs/req`;
  console.log(
    `${label.padEnd(24)} ${fmt(measurement.requestsPerSecond).padStart(7)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  2xx ${measurement.ok}${cpu}`,
  );
  return { warmup, measurement };
}

/** Other work on the machine skews every number; say so rather than report them as if it were quiet. */
function warnIfBusy(): void {
  const [oneMinute = 0] = os.loadavg();
  if (oneMinute > os.cpus().length * 0.5) {
    console.warn(
      `WARNING: load average ${oneMinute.toFixed(1)} on ${os.cpus().length} cores — other work is running; trust ratios over absolute numbers, and repeat.`,
    );
  }
}

function environment() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    commit: git(['rev-parse', 'HEAD']),
    workTreeChanged: git(['status', '--porcelain']) !== '',
  };
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

/** `--only <suite>` (repeatable, or comma-separated), else BENCH_SUITES, else every suite. */
function suitesFromArgs(): Set<Suite> {
  const args = process.argv.slice(2);
  const named: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--only') named.push(...(args[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) named.push(...arg.slice('--only='.length).split(','));
    else throw new Error(`unknown argument ${arg}; use --only ${SUITES.join('|')}`);
  }
  const chosen = named.length ? named.map((s) => s.trim()).filter(Boolean) : listFromEnv('BENCH_SUITES', [...SUITES]);
  for (const s of chosen) {
    if (!(SUITES as readonly string[]).includes(s))
      throw new Error(`unknown suite ${s}; choose from ${SUITES.join(', ')}`);
  }
  return new Set(chosen as Suite[]);
}

function listFromEnv(name: string, fallback: string[]): string[] {
  const raw = process.env[name];
  return raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : fallback;
}

main().catch((error: unknown) => {
  console.error(`BENCHMARK FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
