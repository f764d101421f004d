import pg from 'pg';

/** What the int-postgres global set-up hands to every test file (null: PostgreSQL is not available). */
export interface PostgresTestServer {
  /** A URL of a role that may create databases, pointing at the maintenance database. */
  adminUrl: string;
  /** The migrated database every test file's database is copied from. */
  template: string;
  /** Per-run prefix of the test files' databases, so a run drops only its own. */
  prefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kingaPostgres: PostgresTestServer | null;
  }
}

export const TEMPLATE_DATABASE = 'kinga_test_template';
export const TEST_DATABASE_PREFIX = 'kinga_test_';

/** The same server and credentials, another database. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Database names are made by the harness from [a-z0-9_] only; anything else is refused before it reaches SQL. */
export function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
}

/** Runs a few statements on a short-lived admin connection. */
export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  client.on('error', () => {
    // A dropped admin connection surfaces through the query that used it.
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
