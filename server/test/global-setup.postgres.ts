import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, databaseUrl, quoteIdent, withAdmin } from './postgres.ts';

/**
 * Finds PostgreSQL for the int-postgres project: TEST_DATABASE_URL when set, else the local
 * cluster (started, with a `kinga` role, when we are root on a Debian-style install). Without
 * one the project is skipped, except in CI, where that is a failure.
 */

const LOCAL_ADMIN_URL = 'postgres://kinga:kinga@127.0.0.1:5432/postgres';
const STALE_AFTER_MS = 6 * 3_600_000;
const here = path.dirname(fileURLToPath(import.meta.url));

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const found = await findPostgres();
  if ('reason' in found) {
    const message = `PostgreSQL is not reachable (${found.reason}). Set TEST_DATABASE_URL to an admin URL of a role with CREATEDB.`;
    if (process.env.CI === 'true') throw new Error(`int-postgres: ${message}`);
    console.warn(`\n[int-postgres] SKIPPED: ${message}\n`);
    project.provide('kingaPostgres', null);
    return undefined;
  }
  const adminUrl = found.url;
  await prepareTemplate(adminUrl);
  await dropDatabases(adminUrl, isStale);
  // The prefix carries the start time, so databases left by a crashed run can be recognised later.
  const prefix = `${TEST_DATABASE_PREFIX}${Date.now().toString(36)}_${randomBytes(3).toString('hex')}_`;
  project.provide('kingaPostgres', { adminUrl, template: TEMPLATE_DATABASE, prefix });
  return async () => {
    await dropDatabases(adminUrl, (name) => name.startsWith(prefix));
  };
}

async function canConnect(url: string): Promise<string | undefined> {
  try {
    await withAdmin(url, (client) => client.query('select 1'));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function findPostgres(): Promise<{ url: string } | { reason: string }> {
  const explicit = process.env.TEST_DATABASE_URL;
  if (explicit) {
    const problem = await canConnect(explicit);
    return problem ? { reason: `TEST_DATABASE_URL: ${problem}` } : { url: explicit };
  }
  const first = await canConnect(LOCAL_ADMIN_URL);
  if (!first) return { url: LOCAL_ADMIN_URL };
  const started = startLocalCluster();
  if (started) return { reason: `${first}; ${started}` };
  const again = await canConnect(LOCAL_ADMIN_URL);
  return again ? { reason: again } : { url: LOCAL_ADMIN_URL };
}

/** Starts the local cluster on port 5432 and makes sure the `kinga` role exists; answers why it could not. */
function startLocalCluster(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root, so the local cluster was not started';
  let clusters: string;
  try {
    clusters = execFileSync('pg_lsclusters', ['--no-header'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return 'pg_lsclusters is not installed';
  }
  const lines = clusters
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 4);
  const cluster = lines.find((f) => f[2] === '5432') ?? lines[0];
  if (!cluster) return 'no local PostgreSQL cluster';
  const [version, name, , status] = cluster;
  if (status !== 'online') {
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version ?? '', name ?? '', 'start'], {
        stdio: 'ignore',
      });
    } catch {
      return `pg_ctlcluster could not start ${version} ${name}`;
    }
  }
  const ensureRole = `
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kinga') THEN
        CREATE ROLE kinga LOGIN CREATEDB PASSWORD 'kinga';
      ELSE
        ALTER ROLE kinga LOGIN CREATEDB;
      END IF;
    END $$;`;
  try {
    execFileSync('su', ['postgres', '-c', 'psql -q -v ON_ERROR_STOP=1'], {
      input: ensureRole,
      stdio: ['pipe', 'ignore', 'pipe'],
      cwd: '/tmp',
    });
  } catch {
    return 'could not create the kinga role';
  }
  return undefined;
}

/** A fingerprint of the migrations: the template is rebuilt only when they change. */
function migrationsFingerprint(): string {
  const dir = path.join(here, '../src/db');
  const files = [
    path.join(dir, 'migrator.ts'),
    ...fs
      .readdirSync(path.join(dir, 'migrations'))
      .sort()
      .map((f) => path.join(dir, 'migrations', f)),
  ];
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex');
}

async function prepareTemplate(adminUrl: string): Promise<void> {
  const fingerprint = migrationsFingerprint();
  const current = await withAdmin(adminUrl, async (client) => {
    const result = await client.query<{ comment: string | null }>(
      'select shobj_description(oid, $2) as comment from pg_database where datname = $1',
      [TEMPLATE_DATABASE, 'pg_database'],
    );
    return result.rows[0];
  });
  if (current?.comment === fingerprint) return;

  await withAdmin(adminUrl, async (client) => {
    await client.query(`drop database if exists ${quoteIdent(TEMPLATE_DATABASE)} with (force)`);
    await client.query(`create database ${quoteIdent(TEMPLATE_DATABASE)}`);
  });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-pg-template-'));
  const handle = openDatabase({ databaseUrl: databaseUrl(adminUrl, TEMPLATE_DATABASE), dataDir: scratch, poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  await withAdmin(adminUrl, async (client) => {
    await client.query(`comment on database ${quoteIdent(TEMPLATE_DATABASE)} is '${fingerprint}'`);
  });
}

/** Databases of a run that crashed long ago; the prefix holds the run's start time. */
function isStale(name: string): boolean {
  const started = /^kinga_test_([0-9a-z]+)_[0-9a-f]+_/.exec(name)?.[1];
  return started !== undefined && Number.parseInt(started, 36) < Date.now() - STALE_AFTER_MS;
}

async function dropDatabases(adminUrl: string, which: (name: string) => boolean): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    const rows = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'kinga\\_test\\_%'",
    );
    for (const { datname } of rows.rows) {
      if (which(datname)) await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
    }
  });
}
