import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { AuditLog, GENESIS_HASH, appendAudit, hashAuditRow, verifyAuditChain, type AuditEntry } from './audit.ts';

// The chain logic is engine-independent; an in-memory SQLite database stands in for storage.
let handle: DatabaseHandle;

beforeEach(async () => {
  handle = openSqlite(':memory:');
  await migrateToLatest(handle.db);
});
afterEach(() => handle.close());

const entry = (i: number): AuditEntry => ({
  action: i % 2 === 0 ? 'user.read' : 'agency.update',
  outcome: 'success',
  actorId: '01900000-0000-7000-8000-00000000000a',
  agencyId: '01900000-0000-7000-8000-00000000000b',
  entityType: 'user',
  entityId: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
  requestId: `req-${i}`,
});

async function writeChain(rows: number): Promise<void> {
  for (let i = 1; i <= rows; i += 1) {
    await handle.db.transaction().execute((trx) => appendAudit(trx, 'sqlite', [entry(i)]));
  }
}

const rowsBySeq = () => handle.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();

describe('audit chain', () => {
  it('links every row to the one before, starting from the genesis hash', async () => {
    await writeChain(3);
    const rows = await rowsBySeq();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    for (const { hash, ...rest } of rows) expect(hashAuditRow(rest)).toBe(hash);
  });

  it('verifies an intact chain, across pages', async () => {
    await writeChain(7);
    expect(await verifyAuditChain(handle.db, 3)).toMatchObject({ ok: true, rowsChecked: 7 });
  });

  it('verifies an empty chain', async () => {
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rowsChecked: 0 });
  });

  it('names a changed row: "changed" with its seq', async () => {
    await writeChain(6);
    await handle.db.updateTable('audit_events').set({ outcome: 'denied' }).where('seq', '=', 4).execute();
    expect(await verifyAuditChain(handle.db, 2)).toMatchObject({
      ok: false,
      problem: 'changed',
      firstBadSeq: 4,
      rowsChecked: 3,
    });
  });

  it('names a row removed from the middle: "removed" with the missing seq', async () => {
    await writeChain(6);
    await handle.db.deleteFrom('audit_events').where('seq', '=', 3).execute();
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, problem: 'removed', firstBadSeq: 3 });
  });

  it('detects two rows whose contents were swapped', async () => {
    await writeChain(6);
    const rows = await rowsBySeq();
    const [a, b] = [rows[1], rows[4]] as [(typeof rows)[number], (typeof rows)[number]];
    await handle.db.transaction().execute(async (trx) => {
      const { seq: _sa, ...contentA } = a;
      const { seq: _sb, ...contentB } = b;
      // Move one aside first: ids are unique.
      await trx.updateTable('audit_events').set({ id: 'swap' }).where('seq', '=', a.seq).execute();
      await trx.updateTable('audit_events').set(contentA).where('seq', '=', b.seq).execute();
      await trx.updateTable('audit_events').set(contentB).where('seq', '=', a.seq).execute();
    });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('detects a row rewritten with a recomputed hash: the next row no longer follows it', async () => {
    await writeChain(5);
    const row = (await rowsBySeq())[2];
    if (!row) throw new Error('row 3 missing');
    const { hash: _old, ...rest } = row;
    const forged = { ...rest, outcome: 'failure' as const };
    await handle.db
      .updateTable('audit_events')
      .set({ outcome: 'failure', hash: hashAuditRow(forged) })
      .where('seq', '=', 3)
      .execute();
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, problem: 'reordered', firstBadSeq: 4 });
  });

  it('detects rows renumbered to hide a removal', async () => {
    await writeChain(5);
    await handle.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    await sql`update audit_events set seq = seq - 1 where seq > 2`.execute(handle.db);
    const result = await verifyAuditChain(handle.db);
    expect(result.ok).toBe(false);
    expect(result.firstBadSeq).toBe(2);
  });

  it('keeps one gap-free chain when many requests record at once', async () => {
    const log = new AuditLog(handle.db, 'sqlite');
    await Promise.all(Array.from({ length: 60 }, (_, i) => log.record(entry(i))));
    await log.drain();
    const rows = await rowsBySeq();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rowsChecked: 60 });
  });

  it('holds identifiers only: the stored row has no field for values or personal data', async () => {
    await writeChain(1);
    const [row] = await rowsBySeq();
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        'action',
        'actor_id',
        'agency_id',
        'entity_id',
        'entity_type',
        'hash',
        'id',
        'occurred_at',
        'outcome',
        'prev_hash',
        'request_id',
        'seq',
      ].sort(),
    );
  });
});
