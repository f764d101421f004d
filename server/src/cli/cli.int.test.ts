import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../test/crash/scratch-database.ts';
import { TEST_ENGINE, describeIntegration } from '../../test/harness.ts';
import type { AppContext } from '../context.ts';

describeIntegration('operator CLI', () => {
  let db: ScratchDatabase;
  let ctx: AppContext;

  beforeAll(async () => {
    db = await createScratchDatabase(TEST_ENGINE);
    ctx = await db.open();
  });
  afterAll(async () => {
    await ctx?.database.close();
    await db?.drop();
  });

  it('--help lists every operator command; a wrong command or option is a usage error (64)', async () => {
    const help = await runCli(db, ['--help']);
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'admin create', 'user list', 'backup', 'restore', 'audit verify', 'demo seed']) {
      expect(help.stdout).toContain(command);
    }
    expect((await runCli(db, ['frobnicate'])).code).toBe(64);
    expect((await runCli(db, ['user', 'list', '--role', 'emperor'])).code).toBe(64);
  }, 60_000);

  it('a wrong setting stops the command with a message naming the variable, not its value (78)', async () => {
    const result = await runCli(db, ['migrate'], { env: { PORT: 'eighty', KINGA_DEMO: 'sometimes' } });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('KINGA_DEMO');
    expect(result.stderr).not.toContain('eighty');
  }, 30_000);

  it('migrate, demo seed (once only), user list', async () => {
    expect((await runCli(db, ['migrate'])).code).toBe(0);
    const seeded = await runCli(db, ['demo', 'seed']);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect((await runCli(db, ['demo', 'seed'])).code).toBe(1);
    const list = await runCli(db, ['user', 'list', '--role', 'case_worker']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('caseworker.a@demo.kinga.test');
    expect(list.stdout).toContain('caseworker.b@demo.kinga.test');
    expect(list.stdout).not.toContain('admin@demo.kinga.test');
    // The demo seed writes ~300 cases through the services: tens of thousands of queries on PostgreSQL.
  }, 180_000);

  it('admin create takes a strong password on stdin, refuses a common one, and audits the creation', async () => {
    const weak = await runCli(
      db,
      ['admin', 'create', '--email', 'ops@example.org', '--name', 'Wanjiku Njeri', '--password-stdin'],
      {
        stdin: 'password1234',
      },
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/not accepted/);
    const made = await runCli(
      db,
      ['admin', 'create', '--email', 'ops@example.org', '--name', 'Wanjiku Njeri', '--password-stdin'],
      {
        stdin: 'Mto Tana unapita Garissa 2026',
      },
    );
    expect(made.code, made.stderr).toBe(0);
    const user = await ctx.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('email', '=', 'ops@example.org')
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toContain('cli.admin_create');
    expect((await runCli(db, ['admin', 'create', '--email', 'ops@example.org', '--name', 'Again'])).code).toBe(1);
  }, 60_000);

  it('backup writes a private file; restore refuses a non-empty database without --force and restores with it', async () => {
    const file = path.join(db.dataDir, 'nightly.kbak');
    const backup = await runCli(db, ['backup', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const refused = await runCli(db, ['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Nothing was changed/);
    const restored = await runCli(db, ['restore', file, '--force']);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await runCli(db, ['audit', 'verify'])).code).toBe(0);
  }, 60_000);

  it('audit verify names the first row that was changed and exits 2', async () => {
    const row = await ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .orderBy('seq')
      .limit(1)
      .offset(2)
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable('audit_events').set({ action: 'user.read' }).where('seq', '=', row.seq).execute();
    const result = await runCli(db, ['audit', 'verify']);
    expect(result.code).toBe(2);
    expect(`${result.stdout}${result.stderr}`).toContain(`seq ${row.seq} (changed)`);
  }, 30_000);
});
