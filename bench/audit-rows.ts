import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { PostgresDatabase } from './postgres.ts';

export const READ_ACTION = 'user.read';
export const CASE_LIST_ACTION = 'case.list';

/**
 * autocannon stops a run by closing its connections, abandoning the request each one has in
 * flight; the server still answers and audits those. So the rows must lie between the 2xx
 * answers counted (no answer without a durable row) and the requests sent (no row without a request).
 */
export interface AuditCheck {
  action: string;
  rows: number;
  /** 2xx answers of every run against the server, plus its probe reads. */
  ok: number;
  /** Requests written, counting those abandoned in flight when a run stopped. */
  sent: number;
  /** Requests abandoned in flight: sent minus answered. */
  abandoned: number;
  consistent: boolean;
  /** Every request sent has its row. */
  everySentAudited: boolean;
}

/** Compares the audit rows of one action with the answers and requests that should have written them. */
export function checkAuditRows(action: string, rows: number, ok: number, sent: number): AuditCheck {
  return {
    action,
    rows,
    ok,
    sent,
    abandoned: sent - ok,
    consistent: ok <= rows && rows <= sent,
    everySentAudited: rows === sent,
  };
}

/** One line on whether the audit rows add up. */
export function describeAuditCheck(label: string, a: AuditCheck): string {
  const verdict = !a.consistent
    ? 'INCONSISTENT'
    : a.rows === a.ok
      ? 'equal'
      : a.everySentAudited
        ? 'equal to requests sent'
        : 'consistent';
  return (
    `Audit ${label}: ${a.rows} '${a.action}' rows; ${a.ok} 2xx answers (warm-up + runs + probes) + ${a.abandoned} requests ` +
    `abandoned in flight when autocannon stopped = ${a.sent} sent → ${verdict}`
  );
}

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
