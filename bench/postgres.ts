import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh, empty database for one benchmark run. */
export interface PostgresDatabase {
  url: string;
  /** Where the cluster came from, for the report (never the password). */
  source: string;
  countRows(sqlText: string, values: readonly unknown[]): Promise<number>;
  /** Drops the database and stops the local cluster if this run started it. */
  dispose(keepDatabase: boolean): Promise<void>;
}

export type PostgresSetup = { ok: true; database: PostgresDatabase } | { ok: false; reason: string };

const BENCH_ROLE = 'kinga_bench';

/**
 * Makes a fresh database: on the server of BENCH_DATABASE_URL (its role needs CREATEDB), or
 * else on the local Debian cluster, started if needed, with a bench role made through `su postgres`.
 */
export async function preparePostgres(): Promise<PostgresSetup> {
  const given = process.env.BENCH_DATABASE_URL;
  let adminUrl: string;
  let source: string;
  let stopCluster: (() => void) | null = null;
  if (given) {
    adminUrl = given;
    source = 'BENCH_DATABASE_URL';
  } else {
    const local = prepareLocalCluster();
    if (!local.ok) return local;
    adminUrl = local.adminUrl;
    source = local.source;
    stopCluster = local.stop;
  }

  const name = `kinga_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${randomBytes(2).toString('hex')}`;
  try {
    await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  } catch (error) {
    stopCluster?.();
    return { ok: false, reason: `cannot create a database (${(error as Error).message}); the role needs CREATEDB` };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    ok: true,
    database: {
      url: databaseUrl,
      source: `${source}, database ${name}`,
      countRows: async (sqlText, values) => {
        const result = await withClient(databaseUrl, (c) => c.query<{ n: string }>(sqlText, [...values]));
        return Number(result.rows[0]?.n ?? Number.NaN);
      },
      dispose: async (keepDatabase) => {
        if (!keepDatabase) await withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
        stopCluster?.();
      },
    },
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

type LocalCluster =
  { ok: true; adminUrl: string; source: string; stop: (() => void) | null } | { ok: false; reason: string };

function prepareLocalCluster(): LocalCluster {
  const list = run('pg_lsclusters', ['--no-header']);
  if (list.status !== 0)
    return { ok: false, reason: 'no BENCH_DATABASE_URL and no local PostgreSQL (pg_lsclusters not found)' };
  const first = list.stdout.trim().split('\n')[0]?.trim().split(/\s+/);
  const [version, cluster, port, status] = first ?? [];
  if (!version || !cluster || !port || !status)
    return { ok: false, reason: 'no BENCH_DATABASE_URL and no local PostgreSQL cluster' };
  if (process.getuid?.() !== 0)
    return { ok: false, reason: 'no BENCH_DATABASE_URL, and making a role on the local cluster needs root' };

  let stop: (() => void) | null = null;
  if (status !== 'online') {
    const started = run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start']);
    if (started.status !== 0)
      return { ok: false, reason: `cannot start cluster ${version}/${cluster}: ${started.stderr.trim()}` };
    stop = () => void run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'stop']);
  }
  // A new random password each run: the role exists only for benchmarks on this machine.
  const password = randomBytes(18).toString('base64url');
  const roleSql = `
    do $$ begin
      if not exists (select from pg_roles where rolname = '${BENCH_ROLE}') then create role ${BENCH_ROLE}; end if;
    end $$;
    alter role ${BENCH_ROLE} login createdb password '${password}';`;
  const made = run('su', ['postgres', '-c', `psql -X -q -v ON_ERROR_STOP=1 -p ${port} -d postgres`], roleSql);
  if (made.status !== 0) {
    stop?.();
    return {
      ok: false,
      reason: `cannot make role ${BENCH_ROLE} on cluster ${version}/${cluster}: ${made.stderr.trim()}`,
    };
  }
  return {
    ok: true,
    adminUrl: `postgres://${BENCH_ROLE}:${password}@127.0.0.1:${port}/postgres`,
    source: `local cluster ${version}/${cluster}${stop ? ' (started for this run)' : ''}`,
    stop,
  };
}

function run(command: string, args: string[], input?: string) {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.error ? -1 : result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
