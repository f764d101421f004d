import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countPostgresAuditRows, countSqliteAuditRows, READ_ACTION } from './audit-rows.ts';
import { startServer, type RunningServer } from './child-server.ts';
import { firstUserId, getJson, signIn } from './kinga-client.ts';
import { measure, problemsOf, type Measurement } from './load.ts';
import { preparePostgres, type PostgresDatabase } from './postgres.ts';
import { formatTable, type Row } from './report.ts';

/**
 * The authenticated, audited read of one record against Fastify's bare hello-JSON route,
 * both as child processes run as in production. Reports numbers; misses are printed, not failed.
 */

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const KINGA_ENTRY = 'server/src/main.ts';
const HELLO_ENTRY = 'bench/hello-server.ts';
const PROBE_ENTRY = './bench/probes/sqlite-statements.ts';

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

/**
 * autocannon stops a run by closing its connections, abandoning the request each one has in
 * flight; the server still answers and audits those. So the rows must lie between the 2xx
 * answers counted (no answer without a durable row) and the requests sent (no row without a request).
 */
interface AuditCheck {
  action: string;
  rows: number;
  /** 2xx answers of the warm-up and the measured run together, plus the one probe read. */
  ok: number;
  /** Requests written, counting those abandoned in flight when a run stopped. */
  sent: number;
  /** Requests abandoned in flight: sent minus answered. */
  abandoned: number;
  consistent: boolean;
  /** Every request sent has its row. */
  everySentAudited: boolean;
}

async function main(): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const resultsDir = path.join(BENCH_DIR, 'results');
  const runDir = path.join(resultsDir, stamp);
  fs.mkdirSync(runDir, { recursive: true });
  const failures: string[] = [];
  const machine = environment();

  console.log(
    `Kinga benchmark: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s per run`,
  );
  console.log(
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, logs in ${path.relative(REPO_ROOT, runDir)}/`,
  );
  warnIfBusy();
  console.log('');

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
  for (const r of runs) {
    if (!r.audit) continue;
    const a = r.audit;
    const verdict = !a.consistent
      ? 'INCONSISTENT'
      : a.rows === a.ok
        ? 'equal'
        : a.everySentAudited
          ? 'equal to requests sent'
          : 'consistent';
    console.log(
      `Audit ${r.engine}/${r.logLevel}: ${a.rows} '${READ_ACTION}' rows; ${a.ok} 2xx answers (warm-up + run + probe) + ${a.abandoned} requests ` +
        `abandoned in flight when autocannon stopped = ${a.sent} sent → ${verdict}`,
    );
  }
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

  const file = path.join(resultsDir, `${stamp}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ startedAt: stamp, environment: machine, settings, targets: TARGETS, baseline, runs, skipped, failures }, null, 2)}\n`,
  );
  console.log(`\nResults: ${path.relative(REPO_ROOT, file)}`);

  if (failures.length > 0) {
    console.error(`\nBENCHMARK FAILED — these numbers cannot be trusted:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
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
      audit: {
        action: READ_ACTION,
        rows,
        ok,
        sent,
        abandoned: sent - ok,
        consistent: ok <= rows && rows <= sent,
        everySentAudited: rows === sent,
      },
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
