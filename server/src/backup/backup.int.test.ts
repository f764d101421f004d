import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINE, describeIntegration } from '../../test/harness.ts';
import { canCreate, createScratchDatabase, type ScratchDatabase } from '../../test/crash/scratch-database.ts';
import { buildActor } from '../access/access.ts';
import { verifyAuditChain } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Engine } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import { insertAgency, newAgencyRow } from '../modules/agencies/agencies.repository.ts';
import { createAgency } from '../modules/agencies/agencies.service.ts';
import { DEMO_AGENCIES, seedDemo } from '../modules/demo/demo.seed.ts';
import { issuePasswordToken } from '../modules/users/password-tokens.ts';
import { BackupError } from './backup-format.ts';
import { BACKUP_TABLES } from './backup-tables.ts';
import { createBackup, restoreBackup } from './backup.ts';

const MASTER_KEY = randomBytes(32).toString('base64');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-backup-test-'));

// The project's engine to itself; on the PostgreSQL run also across engines, both ways.
const PAIRS: [Engine, Engine][] =
  TEST_ENGINE === 'sqlite'
    ? [['sqlite', 'sqlite']]
    : [
        ['postgres', 'postgres'],
        ['sqlite', 'postgres'],
        ['postgres', 'sqlite'],
      ];

/** Demo data plus records of every backed-up table, sessions and throttles included (which must not travel). */
async function fillWithRecords(ctx: AppContext): Promise<void> {
  await seedDemo(ctx);
  const admin = await ctx.db
    .selectFrom('users')
    .select(['id', 'agency_id'])
    .where('email', '=', 'admin@demo.kinga.test')
    .executeTakeFirstOrThrow();
  const rc = {
    actor: buildActor({
      id: admin.id,
      agencyId: admin.agency_id,
      roles: ['administrator'],
      mfaEnrolmentRequired: false,
    }),
    requestId: 'req-backup-test',
  };
  for (let i = 0; i < 25; i += 1) {
    await createAgency(ctx, rc, {
      name: `Backup test agency ${i} — Ünïcode “quotes” 🚸`,
      type: 'NGO',
      countyCode: (i % 47) + 1,
      address: i % 2 ? null : 'Moi Avenue\nNairobi',
    });
  }
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    const secret = ctx.keyring.encrypt('totp', 'JBSWY3DPEHPK3PXP', `users:${admin.id}:totp_secret_enc`);
    await trx
      .updateTable('users')
      .set({ totp_secret_enc: secret, totp_enabled: 1, totp_last_step: 58_000_000_123 })
      .where('id', '=', admin.id)
      .execute();
    await trx
      .insertInto('recovery_codes')
      .values({ id: newId(), user_id: admin.id, code_hash: 'hash-1', used_at: null, created_at: now })
      .execute();
    await issuePasswordToken(trx, admin.id, 'reset');
    await trx
      .insertInto('sessions')
      .values({
        id_hash: 'session-1',
        user_id: admin.id,
        csrf_token: 'csrf',
        created_at: now,
        last_seen_at: now,
        idle_expires_at: now,
        absolute_expires_at: now,
      })
      .execute();
    await trx
      .insertInto('throttles')
      .values({ key: 'login:10.0.0.1', window_started_at: now, failures: 2, blocked_until: null })
      .execute();
    await ctx.audit.inTransaction(trx, { action: 'test.fill', outcome: 'success' });
  });
}

type TableDump = Record<string, Record<string, unknown>[]>;

/** Every backed-up table's rows, in a stable order that does not depend on the engine's collation. */
async function dumpTables(ctx: AppContext): Promise<TableDump> {
  const dump: TableDump = {};
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(ctx.db);
    dump[table.name] = rows
      .map((r) => ({ ...r }))
      .sort((a, b) =>
        compareKeys(
          table.key.map((k) => a[k]),
          table.key.map((k) => b[k]),
        ),
      );
  }
  return dump;
}

function compareKeys(a: unknown[], b: unknown[]): number {
  for (const [i, x] of a.entries()) {
    const y = b[i];
    if (typeof x === 'number' && typeof y === 'number' && x !== y) return x - y;
    const [sx, sy] = [String(x), String(y)];
    if (sx !== sy) return sx < sy ? -1 : 1;
  }
  return 0;
}

async function count(ctx: AppContext, table: 'sessions' | 'throttles' | 'agencies'): Promise<number> {
  const row = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describeIntegration('backup and restore', () => {
  for (const [from, to] of PAIRS) {
    describe(`${from} → ${to}`, () => {
      const open: { db: ScratchDatabase; ctx: AppContext }[] = [];
      let source: AppContext;
      let target: AppContext;
      let file: string;

      beforeAll(async () => {
        for (const engine of [from, to]) {
          if (!canCreate(engine)) continue;
          const db = await createScratchDatabase(engine, MASTER_KEY);
          open.push({ db, ctx: await db.open() });
        }
        source = (open[0] as { ctx: AppContext }).ctx;
        target = (open[1] as { ctx: AppContext }).ctx;
        await fillWithRecords(source);
        file = path.join(workDir, `${from}-to-${to}.kbak`);
      });
      afterAll(async () => {
        for (const o of open) {
          await o.ctx.database.close();
          await o.db.drop();
        }
      });

      it('restores every row of every table, signs everyone out, and the audit chain verifies', async () => {
        const summary = await createBackup(source, file);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(summary.header).toMatchObject({
          format: 'kinga-backup',
          version: 1,
          engine: from,
          tables: BACKUP_TABLES.map((t) => t.name),
        });
        expect(summary.rows.agencies).toBe(DEMO_AGENCIES.length + 25);

        const restored = await restoreBackup(target, file);
        expect(restored).toMatchObject({ replaced: false, audit: { ok: true } });

        const before = await dumpTables(source);
        const after = await dumpTables(target);
        const restoreRow = after.audit_events?.pop();
        expect(restoreRow).toMatchObject({
          action: 'cli.restore',
          actor_id: null,
          seq: (before.audit_events?.length ?? 0) + 1,
        });
        expect(after).toEqual(before);
        expect(await count(target, 'sessions')).toBe(0);
        expect(await count(target, 'throttles')).toBe(0);
        expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
        // The master key travelled separately, and the encrypted field is readable with it.
        const admin = await target.db
          .selectFrom('users')
          .select(['id', 'totp_secret_enc'])
          .where('email', '=', 'admin@demo.kinga.test')
          .executeTakeFirstOrThrow();
        expect(target.keyring.decrypt('totp', admin.totp_secret_enc ?? '', `users:${admin.id}:totp_secret_enc`)).toBe(
          'JBSWY3DPEHPK3PXP',
        );
      });

      it('refuses a database that holds rows unless forced, and a forced restore replaces them', async () => {
        await expect(restoreBackup(target, file)).rejects.toThrow(/not empty.*--force.*Nothing was changed/s);
        const replaced = await restoreBackup(target, file, { force: true });
        expect(replaced).toMatchObject({ replaced: true, audit: { ok: true } });
        const before = await dumpTables(source);
        const after = await dumpTables(target);
        after.audit_events?.pop();
        expect(after).toEqual(before);
      });
    });
  }
});

describeIntegration('a failed restore changes nothing', () => {
  let db: ScratchDatabase;
  let ctx: AppContext;
  let good: string;
  let lines: string[];

  beforeAll(async () => {
    db = await createScratchDatabase(TEST_ENGINE, MASTER_KEY);
    ctx = await db.open();
    await fillWithRecords(ctx);
    good = path.join(workDir, `good-${TEST_ENGINE}.kbak`);
    await createBackup(ctx, good);
    lines = zlib.gunzipSync(fs.readFileSync(good)).toString('utf8').trimEnd().split('\n');
    // Something to lose: a record made after the backup.
    await ctx.db.transaction().execute(async (trx) => {
      await insertAgency(trx, newAgencyRow({ name: 'After the backup', type: 'NGO' }));
      await ctx.audit.inTransaction(trx, { action: 'test.after_backup', outcome: 'success' });
    });
  });
  afterAll(async () => {
    await ctx?.database.close();
    await db?.drop();
  });

  const writeVariant = (name: string, content: string | Buffer) => {
    const file = path.join(workDir, `${name}-${TEST_ENGINE}.kbak`);
    fs.writeFileSync(file, typeof content === 'string' ? zlib.gzipSync(content) : content);
    return file;
  };

  const variants: [string, () => string, RegExp][] = [
    [
      'cut short inside the gzip stream',
      () => writeVariant('cut', fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size * 0.8))),
      /truncated/,
    ],
    [
      'cut short at a line boundary (no end marker)',
      () => writeVariant('no-end', `${lines.slice(0, -2).join('\n')}\n`),
      /end marker is missing/,
    ],
    [
      'a row count that does not match',
      () => writeVariant('count', `${lines.filter((_l, i) => i !== lines.length - 2).join('\n')}\n`),
      /incomplete/,
    ],
    [
      'a row that breaks a constraint (duplicate key)',
      () =>
        writeVariant(
          'dup',
          `${[...lines.slice(0, 4), lines[3], ...lines.slice(4)].join('\n').replace(/"agencies":(\d+)/, (_m, n: string) => `"agencies":${Number(n) + 1}`)}\n`,
        ),
      /changed nothing/,
    ],
    [
      'corrupt JSON',
      () =>
        writeVariant(
          'json',
          `${lines.slice(0, 3).join('\n')}\n{"table":"agencies","row":{\n${lines.slice(3).join('\n')}\n`,
        ),
      /not valid JSON/,
    ],
  ];

  for (const [label, make, message] of variants) {
    it(`${label}: clear error, forced restore leaves the database as it was`, async () => {
      const file = make();
      const before = await dumpTables(ctx);
      const agencies = await count(ctx, 'agencies');
      const error = await restoreBackup(ctx, file, { force: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(message);
      expect(await dumpTables(ctx)).toEqual(before);
      expect(await count(ctx, 'agencies')).toBe(agencies);
      expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
    });
  }

  it('refuses a backup made with another master key unless told to go ahead', async () => {
    const other = await createScratchDatabase(TEST_ENGINE);
    const otherCtx = await other.open();
    try {
      await expect(restoreBackup(otherCtx, good)).rejects.toThrow(/master key in place is not the one/);
      await expect(restoreBackup(otherCtx, good, { allowKeyMismatch: true })).resolves.toMatchObject({
        audit: { ok: true },
      });
    } finally {
      await otherCtx.database.close();
      await other.drop();
    }
  });

  it('refuses a backup of other migrations', async () => {
    const header = JSON.parse(lines[0] ?? '{}') as { migrations: string[] };
    const newer = writeVariant(
      'newer',
      `${[JSON.stringify({ ...header, migrations: [...header.migrations, '9999-future'] }), ...lines.slice(1)].join('\n')}\n`,
    );
    await expect(restoreBackup(ctx, newer, { force: true })).rejects.toThrow(/newer Kinga.*9999-future/);
  });

  it('a backup refuses to run while the database holds a table it does not know', async () => {
    await sql`create table stray_records (id text primary key)`.execute(ctx.db);
    try {
      await expect(createBackup(ctx, path.join(workDir, 'stray.kbak'))).rejects.toThrow(/stray_records/);
    } finally {
      await sql`drop table stray_records`.execute(ctx.db);
    }
  });
});
