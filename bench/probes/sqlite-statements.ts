import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';

/**
 * Preloaded into a Kinga server child (`node --import tsx --import ./bench/probes/sqlite-statements.ts`)
 * when BENCH_PROBE=1: counts and times every SQLite statement by its SQL text, and how long the
 * event loop was held up, and writes them to BENCH_PROBE_OUT on exit. For finding where a request's
 * time goes; it slows the server a little, so its runs are not the headline.
 */

interface StatementStats {
  calls: number;
  totalMs: number;
  maxMs: number;
}

const stats = new Map<string, StatementStats>();
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
const patched = new WeakSet<object>();

function keyOf(sqlText: string): string {
  // A multi-row insert differs only in how many rows it carries: keep that number, not the text.
  const rows = sqlText.match(/\), \(/g)?.length;
  const short = sqlText
    .replace(/values \(.*\)$/s, 'values (…)')
    .replace(/\s+/g, ' ')
    .slice(0, 160);
  return rows === undefined ? short : `${short} ×${rows + 1} rows`;
}

function timed(method: (...args: unknown[]) => unknown, key: () => string) {
  return function (this: unknown, ...args: unknown[]) {
    const start = process.hrtime.bigint();
    try {
      return method.apply(this, args);
    } finally {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const k = key.call(this);
      const s = stats.get(k) ?? { calls: 0, totalMs: 0, maxMs: 0 };
      s.calls += 1;
      s.totalMs += ms;
      s.maxMs = Math.max(s.maxMs, ms);
      stats.set(k, s);
    }
  };
}

const prototype = SQLite.prototype as { prepare: (this: SQLite.Database, sqlText: string) => SQLite.Statement };
const originalPrepare = prototype.prepare;
prototype.prepare = function prepare(this: SQLite.Database, sqlText: string) {
  const statement = originalPrepare.call(this, sqlText);
  const proto = Object.getPrototypeOf(statement) as Record<string, unknown>;
  if (!patched.has(proto)) {
    patched.add(proto);
    for (const name of ['run', 'get', 'all'] as const) {
      const method = proto[name] as (...args: unknown[]) => unknown;
      proto[name] = timed(method, function (this: unknown) {
        return `${name} ${keyOf((this as { source: string }).source)}`;
      });
    }
  }
  return statement;
};

process.on('exit', () => {
  const out = process.env.BENCH_PROBE_OUT;
  if (!out) return;
  const statements = [...stats.entries()]
    .map(([sqlText, s]) => ({
      sql: sqlText,
      calls: s.calls,
      totalMs: round(s.totalMs),
      meanUs: round((s.totalMs / s.calls) * 1000),
      maxMs: round(s.maxMs),
    }))
    .sort((a, b) => b.totalMs - a.totalMs);
  const eventLoopDelayMs = {
    p50: round(loopDelay.percentile(50) / 1e6),
    p99: round(loopDelay.percentile(99) / 1e6),
    max: round(loopDelay.max / 1e6),
  };
  fs.writeFileSync(out, `${JSON.stringify({ eventLoopDelayMs, statements }, null, 2)}\n`);
});

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
