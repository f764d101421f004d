import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_ENGINE, createTestApp, describeIntegration, type TestApp } from '../../test/harness.ts';

describeIntegration('database settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it.runIf(TEST_ENGINE === 'sqlite')(
    'SQLite: WAL, synchronous=FULL, foreign keys, busy timeout, and an owner-only file',
    () => {
      const sqlite = t.ctx.database.sqlite;
      if (!sqlite || !t.ctx.database.sqliteFile) throw new Error('no SQLite handle');
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(fs.statSync(t.ctx.database.sqliteFile).mode & 0o777).toBe(0o600);
    },
  );

  it.runIf(TEST_ENGINE === 'postgres')('PostgreSQL: a statement timeout on every pooled connection', async () => {
    const { rows } = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(t.ctx.db);
    expect(rows[0]?.statement_timeout).toBe('30s');
  });

  it('refuses a row that breaks a foreign key, on both engines', async () => {
    await expect(
      t.ctx.db
        .insertInto('user_roles')
        .values({ user_id: '00000000-0000-7000-8000-00000000dead', role: 'analyst' })
        .execute(),
    ).rejects.toThrow();
  });
});
