import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@kinga/shared';
import pg from 'pg';
import { buildActor } from '../server/src/access/access.ts';
import { loadConfig } from '../server/src/config.ts';
import type { AppContext, RequestContext } from '../server/src/context.ts';
import { openSqlite } from '../server/src/db/database.ts';
import { newId } from '../server/src/db/ids.ts';
import { migrateToLatest } from '../server/src/db/migrator.ts';
import { STAT_RECORD_COLUMNS, type StatRecordTable } from '../server/src/db/schema.ts';
import { createLogger } from '../server/src/logger.ts';
import { seedDemo } from '../server/src/modules/demo/demo.seed.ts';
import { readCsv } from '../server/src/modules/imports/csv-reader.ts';
import { readCtdcHeader } from '../server/src/modules/imports/ctdc-records.ts';
import { readImport, startImport, waitForImports } from '../server/src/modules/imports/imports.service.ts';
import { createContext } from '../server/src/server.ts';
import { preparePostgres } from './postgres.ts';
import { formatGrid } from './report.ts';

/**
 * The CTDC import: the shared CTDC file (47,102 records) through the import service (read,
 * validate every row, insert the valid ones in one transaction in multi-row statements) into a
 * fresh database, against a raw insert of the same rows, parsed beforehand, with one prepared
 * statement in one transaction on the driver. Rows per second of both and their ratio.
 */

export type Engine = 'sqlite' | 'postgres';

/** The service keeps at least half the raw insert's speed although it also parses and validates. */
export const IMPORT_TARGETS = { minRatio: 0.5 } as const;

export interface ImportRun {
  engine: Engine;
  rows: number;
  serviceMs: number;
  rawMs: number;
  serviceRowsPerSecond: number;
  rawRowsPerSecond: number;
  ratio: number;
  verdict: 'met' | 'MISSED' | 'no target';
}

/** The file's valid rows as the service would store them, parsed outside any timing. */
function parsedRows(file: string): StatRecordTable[] {
  const records = readCsv(fs.readFileSync(file, 'utf8'));
  const first = records.next();
  const header = readCtdcHeader(first.done ? [] : first.value.fields);
  if (!header.ok) throw new Error('the CTDC file has not the expected header');
  const year = new Date().getUTCFullYear();
  const rows: StatRecordTable[] = [];
  for (const r of records) {
    const result = header.reader.read(r.line, r.fields, year);
    if (result.ok) rows.push({ id: newId(), source: 'ctdc', import_id: null, case_id: null, ...result.record });
  }
  return rows;
}

/** An analyst of the demo data set, as the import's actor. */
async function analyst(ctx: AppContext): Promise<RequestContext> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'agency_id'])
    .where('email', '=', 'analyst@demo.kinga.test')
    .executeTakeFirstOrThrow();
  const roles = await ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
  return {
    actor: buildActor({
      id: user.id,
      agencyId: user.agency_id,
      roles: roles.map((r) => r.role as Role),
      mfaEnrolmentRequired: false,
    }),
    requestId: `bench-${newId()}`,
  };
}

/** Imports the file through the service into a fresh database of the engine; answers rows and milliseconds. */
async function throughService(file: string, env: Record<string, string>): Promise<{ rows: number; ms: number }> {
  const ctx = await createContext(loadConfig(env), createLogger('silent'));
  try {
    await seedDemo(ctx);
    const rc = await analyst(ctx);
    const content = fs.readFileSync(file);
    const started = performance.now();
    const { import: running } = await startImport(ctx, rc, {
      kind: 'ctdc',
      fileNameHeader: encodeURIComponent(path.basename(file)),
      content,
    });
    await waitForImports(ctx);
    const ms = performance.now() - started;
    const done = await readImport(ctx, rc, running.id);
    if (done.status !== 'completed') throw new Error(`the import ended ${done.status}`);
    return { rows: done.importedRows, ms };
  } finally {
    await ctx.audit.drain();
    await ctx.database.close();
  }
}

function values(row: StatRecordTable): unknown[] {
  return STAT_RECORD_COLUMNS.map((c) => row[c]);
}

const INSERT_SQL = (placeholder: (i: number) => string) =>
  `insert into stat_records (${STAT_RECORD_COLUMNS.join(', ')}) values (${STAT_RECORD_COLUMNS.map((_, i) => placeholder(i)).join(', ')})`;

/** The same rows with one prepared statement in one transaction, on SQLite with Kinga's pragmas. */
async function rawSqlite(dir: string, rows: readonly StatRecordTable[]): Promise<number> {
  const handle = openSqlite(path.join(dir, 'raw.db'));
  try {
    await migrateToLatest(handle.db);
    const sqlite = handle.sqlite;
    if (!sqlite) throw new Error('no SQLite connection');
    const statement = sqlite.prepare(INSERT_SQL(() => '?'));
    const started = performance.now();
    sqlite.transaction(() => {
      for (const row of rows) statement.run(...values(row));
    })();
    return performance.now() - started;
  } finally {
    await handle.close();
  }
}

/** The same rows with one named (prepared) statement in one transaction on PostgreSQL. */
async function rawPostgres(url: string, rows: readonly StatRecordTable[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('delete from stat_records');
    const text = INSERT_SQL((i) => `$${i + 1}`);
    const started = performance.now();
    await client.query('begin');
    for (const row of rows) await client.query({ name: 'bench_insert_stat_record', text, values: values(row) });
    await client.query('commit');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

function run(engine: Engine, rows: number, serviceMs: number, rawMs: number): ImportRun {
  const serviceRowsPerSecond = (rows / serviceMs) * 1000;
  const rawRowsPerSecond = (rows / rawMs) * 1000;
  const ratio = serviceRowsPerSecond / rawRowsPerSecond;
  return {
    engine,
    rows,
    serviceMs,
    rawMs,
    serviceRowsPerSecond,
    rawRowsPerSecond,
    ratio,
    verdict: engine === 'sqlite' ? (ratio >= IMPORT_TARGETS.minRatio ? 'met' : 'MISSED') : 'no target',
  };
}

/** One engine: the service import into one fresh database, the raw insert into another. */
export async function runImports(
  engine: Engine,
  settings: { ctdcFile: string; keepData: boolean },
): Promise<ImportRun | { skipped: string }> {
  const rows = parsedRows(settings.ctdcFile);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-bench-imports-'));
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    KINGA_DEMO: 'off',
    DATA_DIR: dir,
    KINGA_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
  };
  try {
    if (engine === 'sqlite') {
      const service = await throughService(settings.ctdcFile, env);
      const rawMs = await rawSqlite(dir, rows);
      return run(engine, service.rows, service.ms, rawMs);
    }
    const setup = await preparePostgres();
    if (!setup.ok) return { skipped: `PostgreSQL skipped: ${setup.reason}` };
    try {
      const service = await throughService(settings.ctdcFile, { ...env, DATABASE_URL: setup.database.url });
      const rawMs = await rawPostgres(setup.database.url, rows);
      return run(engine, service.rows, service.ms, rawMs);
    } finally {
      await setup.database.dispose(settings.keepData);
    }
  } finally {
    if (!settings.keepData) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatImportsReport(runs: readonly ImportRun[]): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  return formatGrid(
    ['engine', 'rows', 'service ms', 'service rows/s', 'raw ms', 'raw rows/s', 'ratio', 'verdict'],
    runs.map((r) => [
      r.engine,
      n(r.rows),
      n(r.serviceMs),
      n(r.serviceRowsPerSecond),
      n(r.rawMs),
      n(r.rawRowsPerSecond),
      r.ratio.toFixed(2),
      r.verdict,
    ]),
  );
}
