import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { PostgresDatabase } from './postgres.ts';

export const READ_ACTION = 'user.read';

/** Counts audit rows of one action in a stopped server's SQLite file, opened read-only. */
export function countSqliteAuditRows(dataDir: string, action: string): number {
  const db = new SQLite(path.join(dataDir, 'kinga.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select count(*) as n from audit_events where action = ?').get(action) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

/** Counts audit rows of one action in a stopped server's PostgreSQL database. */
export function countPostgresAuditRows(database: PostgresDatabase, action: string): Promise<number> {
  return database.countRows('select count(*) as n from audit_events where action = $1', [action]);
}
