import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Engine, Tx } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import { hotQuery } from '../db/hot-query.ts';
import type { AuditEventTable } from '../db/schema.ts';

/** One audit fact. Identifiers only: never field values or personal data. */
export interface AuditEntry {
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  actorId?: string | null;
  agencyId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  requestId?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

// PostgreSQL advisory lock that serialises appends to the chain across app processes.
const CHAIN_LOCK_KEY = 746_921_001;

/** The hash that seals a row: every stored field but the hash itself, and the previous row's hash. */
export function hashAuditRow(row: Omit<AuditEventTable, 'hash'>): string {
  const fields = [
    row.seq,
    row.id,
    row.occurred_at,
    row.actor_id,
    row.agency_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.outcome,
    row.request_id,
    row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Appends entries to the hash chain inside the caller's transaction, so a write and its
 * audit rows commit together or not at all.
 */
export async function appendAudit(trx: Tx, engine: Engine, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // SQLite runs one transaction at a time on Kinga's single connection; PostgreSQL needs the lock.
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`.execute(trx);
  const [last] = await selectChainHead(trx);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows: AuditEventTable[] = [];
  const occurredAt = nowIso();
  for (const e of entries) {
    seq += 1;
    const row = {
      seq,
      id: newId(),
      occurred_at: occurredAt,
      actor_id: e.actorId ?? null,
      agency_id: e.agencyId ?? null,
      action: e.action,
      entity_type: e.entityType ?? null,
      entity_id: e.entityId ?? null,
      outcome: e.outcome,
      request_id: e.requestId ?? null,
      prev_hash: prevHash,
    };
    const hash = hashAuditRow(row);
    rows.push({ ...row, hash });
    prevHash = hash;
  }
  if (engine === 'sqlite') {
    // In-process SQLite: one cached single-row statement beats a new multi-row statement per batch size.
    for (const row of rows) await insertAuditRow(trx, row);
    return;
  }
  // PostgreSQL: one round trip per chunk; chunks stay under the bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

const selectChainHead = hotQuery('audit.head', (db) =>
  db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);

const AUDIT_COLUMNS = [
  'seq',
  'id',
  'occurred_at',
  'actor_id',
  'agency_id',
  'action',
  'entity_type',
  'entity_id',
  'outcome',
  'request_id',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditEventTable)[];

const insertAuditStatement = hotQuery('audit.insert', (db, ...values: unknown[]) =>
  db
    .insertInto('audit_events')
    .values(Object.fromEntries(AUDIT_COLUMNS.map((column, i) => [column, values[i]])) as unknown as AuditEventTable),
);

function insertAuditRow(trx: Tx, row: AuditEventTable) {
  return insertAuditStatement(trx, ...AUDIT_COLUMNS.map((column) => row[column]));
}

interface Pending {
  entry: AuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Audit rows that do not belong to a write of their own (reads, refusals, failed sign-ins)
 * are group-committed: callers wait until their row is durable, and concurrent callers share
 * one transaction and one fsync.
 */
export class AuditLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  /** Appends within a transaction the caller already holds. */
  inTransaction(trx: Tx, ...entries: AuditEntry[]): Promise<void> {
    return appendAudit(trx, this.engine, entries);
  }

  /** Appends on its own, durably, before the promise resolves. */
  record(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  /** Resolves when every queued entry is durable. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    // Let the requests of this turn of the event loop join the batch.
    await new Promise((r) => setImmediate(r));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.db.transaction().execute((trx) =>
            appendAudit(
              trx,
              this.engine,
              batch.map((p) => p.entry),
            ),
          );
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}

export interface AuditVerification {
  ok: boolean;
  rowsChecked: number;
  /** The first row whose content, position or predecessor does not match the chain. */
  firstBadSeq?: number;
  problem?: 'changed' | 'removed' | 'reordered';
  message: string;
}

/** Walks the chain in order and names the first row that was changed, removed or reordered. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return fail(expectedSeq, 'removed', checked, `row ${expectedSeq} is missing (next row is ${row.seq})`);
      }
      const { hash, ...rest } = row;
      if (hashAuditRow(rest) !== hash) {
        return fail(row.seq, 'changed', checked, `row ${row.seq} was changed after it was written`);
      }
      if (row.prev_hash !== prevHash) {
        return fail(
          row.seq,
          'reordered',
          checked,
          `row ${row.seq} does not follow row ${row.seq - 1}: rows were removed or reordered`,
        );
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  return { ok: true, rowsChecked: checked, message: `audit chain intact: ${checked} rows` };
}

function fail(seq: number, problem: AuditVerification['problem'], checked: number, message: string): AuditVerification {
  return { ok: false, rowsChecked: checked, firstBadSeq: seq, problem, message };
}
