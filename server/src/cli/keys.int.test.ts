import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CaseDto, CaseInput, RevealedIdentityDto, TotpSetupDto } from '@kinga/shared';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseInput, registerCase } from '../../test/case-factories.ts';
import { childEnv, runCli, type CliResult } from '../../test/cli.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../test/crash/scratch-database.ts';
import {
  auditRows,
  client,
  DEMO,
  DEMO_PASSWORD,
  describeIntegration,
  json,
  nextAddress,
  seedDemo,
  signIn,
  TEST_ENGINE,
} from '../../test/harness.ts';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { App } from '../http/app.ts';
import { createLogger } from '../logger.ts';
import { MasterKeyMismatchError, rewrapUnderNewMasterKey } from '../secrets/data-keys.ts';
import { rotateFileMasterKey } from '../secrets/key-rotation.ts';
import { Keyring, MasterKeyError, masterKeyFiles, writeKeyFile } from '../secrets/master-key.ts';
import { createContext, createHttpServer, REPO_ROOT } from '../server.ts';

/** What an authenticator app shows for the secret at a time. */
function codeAt(secret: string, timestamp = Date.now()): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate({ timestamp });
}

interface Running {
  app: App;
  ctx: AppContext;
  close(): Promise<void>;
}

/** The HTTP app over the scratch database, opened as the server opens it (master key, recovery, data keys). */
async function startApp(db: ScratchDatabase): Promise<Running> {
  const ctx = await db.open();
  const app = await createHttpServer(ctx);
  await app.ready();
  // Closing the app closes the database, as at server shutdown.
  return { app, ctx, close: () => app.close() };
}

/** Opens the database with another master key in KINGA_MASTER_KEY. */
function openWithKey(db: ScratchDatabase, key: Buffer): Promise<AppContext> {
  return createContext(loadConfig({ ...db.env, KINGA_MASTER_KEY: key.toString('base64') }), createLogger('silent'));
}

interface Registered {
  code: string;
  input: CaseInput;
}

/** Registers cases with a distinct identity through the API, as a case worker would. */
async function registerCases(app: App, count: number): Promise<Registered[]> {
  const worker = await signIn(app, DEMO.caseworkerA);
  const made: Registered[] = [];
  for (let i = 0; i < count; i += 1) {
    const input = buildCaseInput({ narrative: `Rotation witness ${randomBytes(4).toString('hex')}` });
    made.push({ code: (await registerCase(app, worker, input)).code, input });
  }
  return made;
}

/** Every case still reveals the identity it was registered with, and its event places. */
async function expectCasesReadable(app: App, cases: readonly Registered[]): Promise<void> {
  const worker = await signIn(app, DEMO.caseworkerA);
  for (const c of cases) {
    const res = await client(app, worker).post(`/api/v1/cases/${c.code}/identity`);
    expect(res.statusCode, res.body).toBe(200);
    const revealed = json<RevealedIdentityDto>(res);
    expect(revealed.identity).toMatchObject({
      firstName: c.input.identity?.firstName,
      lastName: c.input.identity?.lastName,
      identityNumber: c.input.identity?.identityNumber,
    });
    expect(revealed.contact?.phone).toBe(c.input.contact?.phone);
    expect(revealed.narrative).toBe(c.input.narrative);
    const read = json<CaseDto>(await client(app, worker).get(`/api/v1/cases/${c.code}`));
    expect(read.events?.map((e) => e.place)).toEqual(c.input.events?.map((e) => e.place));
  }
}

/** Enrols the demo administrator's second factor through the API; returns the secret. */
async function enrolAdminTotp(app: App): Promise<string> {
  const admin = await signIn(app, DEMO.admin);
  const setup = json<TotpSetupDto>(await client(app, admin).post('/api/v1/profile/totp/setup'));
  const confirmed = await client(app, admin).post('/api/v1/profile/totp/confirm', { code: codeAt(setup.secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return setup.secret;
}

async function totpSecretOf(ctx: AppContext): Promise<string> {
  const row = await ctx.db
    .selectFrom('users')
    .select(['id', 'totp_secret_enc'])
    .where('email', '=', DEMO.admin)
    .executeTakeFirstOrThrow();
  return ctx.keyring.decrypt('totp', row.totp_secret_enc ?? '', `users:${row.id}:totp_secret_enc`);
}

/** No key, in any form an operator's terminal or log could show, in a command's output. */
function expectNoKeyPrinted(result: CliResult, keys: readonly Buffer[]): void {
  const output = `${result.stdout}\n${result.stderr}`;
  for (const key of keys) {
    for (const form of [key.toString('base64'), key.toString('base64url'), key.toString('hex')]) {
      expect(output).not.toContain(form);
    }
  }
}

/** Starts the real server process and waits for it to stop on its own. */
async function startServerExpectingExit(db: ScratchDatabase, env: Record<string, string>): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: childEnv(db, { PORT: '0', HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

describeIntegration('keys: master key in DATA_DIR/master.key', () => {
  let db: ScratchDatabase;
  let files: { current: string; next: string };
  let cases: Registered[];
  let totpSecret: string;
  let oldKey: Buffer;
  let newKey: Buffer;

  beforeAll(async () => {
    db = await createScratchDatabase(TEST_ENGINE);
    // No KINGA_MASTER_KEY: the key file is made at the first start, as on a default installation.
    delete db.env.KINGA_MASTER_KEY;
    files = masterKeyFiles(db.dataDir);
    const running = await startApp(db);
    await seedDemo(running.ctx);
    cases = await registerCases(running.app, 2);
    totpSecret = await enrolAdminTotp(running.app);
    await running.close();
    oldKey = Buffer.from(fs.readFileSync(files.current, 'utf8'), 'base64');
  });
  afterAll(() => db?.drop());

  it('keys status lists the data keys by purpose and says the key in place unlocks them', async () => {
    const result = await runCli(db, ['keys', 'status']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(files.current);
    expect(result.stdout).toMatch(/field \(current\)\s+\S+\s+\d{4}-\d\d-\d\dT\S+\s+yes/);
    expect(result.stdout).toMatch(/blind \(current\)/);
    expect(result.stdout).toContain('Data keys by purpose: blind 1, field 1');
    expect(result.stdout).toContain('Two-factor secrets: 1, 1 open with this key');
    expect(result.stdout).toContain('OK: the master key in place unlocks every data key');
    expectNoKeyPrinted(result, [oldKey]);
    const help = await runCli(db, ['--help']);
    for (const command of ['keys status', 'keys rotate-master', 'keys add-data-key']) {
      expect(help.stdout).toContain(command);
    }
  }, 60_000);

  it('rotate-master --keep-old replaces master.key, keeps the old key 0600 only where asked, and warns about old backups', async () => {
    const keepOld = path.join(db.dataDir, 'old-master.key');
    const result = await runCli(db, ['keys', 'rotate-master', '--keep-old', keepOld]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('2 data keys rewrapped');
    expect(result.stdout).toContain('1 two-factor secrets re-encrypted');
    expect(result.stderr).toMatch(/WARNING: backups made before this rotation need the OLD master key/);
    expect(fs.existsSync(files.next)).toBe(false);
    newKey = Buffer.from(fs.readFileSync(files.current, 'utf8'), 'base64');
    expect(newKey).toHaveLength(32);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(fs.statSync(files.current).mode & 0o777).toBe(0o600);
    expect(fs.statSync(keepOld).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(keepOld, 'utf8'), 'base64').equals(oldKey)).toBe(true);
    expectNoKeyPrinted(result, [oldKey, newKey]);
  }, 60_000);

  it('after the rotation, cases registered before it reveal their identity and the second factor still verifies', async () => {
    const running = await startApp(db);
    try {
      await expectCasesReadable(running.app, cases);
      expect(await totpSecretOf(running.ctx)).toBe(totpSecret);
      // The step after the one used at enrolment: a code is accepted once only.
      const session = await signIn(
        running.app,
        DEMO.admin,
        DEMO_PASSWORD,
        codeAt(totpSecret, Date.now() + 30_000),
        nextAddress(),
      );
      expect(session.user.mfaEnabled).toBe(true);
      const rotations = await auditRows(running.ctx, { action: 'cli.keys_rotate_master' });
      expect(rotations).toHaveLength(1);
    } finally {
      await running.close();
    }
  }, 60_000);

  it('the old key no longer opens the database: MasterKeyMismatchError, and exit 78 with a message for the server and the CLI', async () => {
    await expect(openWithKey(db, oldKey)).rejects.toBeInstanceOf(MasterKeyMismatchError);
    const env = { KINGA_MASTER_KEY: oldKey.toString('base64') };
    const cli = await runCli(db, ['audit', 'verify'], { env });
    expect(cli.code).toBe(78);
    expect(cli.stderr).toContain("does not unlock this database's data keys");
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    const status = await runCli(db, ['keys', 'status'], { env });
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/field \(current\)\s+\S+\s+\S+\s+NO/);
    expect(status.stderr).toContain('NOT UNLOCKED');
    const server = await startServerExpectingExit(db, env);
    expect(server.code).toBe(78);
    expect(server.stderr).toContain("does not unlock this database's data keys");
    expect(server.stderr).not.toMatch(/\n\s+at /);
    expectNoKeyPrinted(server, [oldKey, newKey]);
  }, 90_000);

  it('add-data-key: new values are sealed with the new field key, older ones keep theirs and stay readable', async () => {
    const result = await runCli(db, ['keys', 'add-data-key']);
    expect(result.code, result.stderr).toBe(0);
    const status = await runCli(db, ['keys', 'status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Data keys by purpose: blind 1, field 2');
    const running = await startApp(db);
    try {
      const keys = await running.ctx.db
        .selectFrom('data_keys')
        .select(['id', 'purpose'])
        .where('purpose', '=', 'field')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const [first, added] = keys.map((k) => k.id);
      expect(result.stdout).toContain(added);
      const [later] = await registerCases(running.app, 1);
      const sealedWith = async (code: string) => {
        const row = await running.ctx.db
          .selectFrom('cases')
          .select('first_name_enc')
          .where('code', '=', code)
          .executeTakeFirstOrThrow();
        return row.first_name_enc?.split('.')[1];
      };
      expect(await sealedWith(later?.code ?? '')).toBe(added);
      expect(await sealedWith(cases[0]?.code ?? '')).toBe(first);
      cases.push(later as Registered);
      await expectCasesReadable(running.app, cases);
      const audit = await auditRows(running.ctx, { action: 'cli.keys_add_data_key' });
      expect(audit.map((a) => a.entity_id)).toEqual([added]);
    } finally {
      await running.close();
    }
  }, 90_000);

  describe('a crash in the middle of a rotation is settled at the next start', () => {
    it('crash before the commit (master.key.next written, database untouched): the stale new key is deleted', async () => {
      const before = fs.readFileSync(files.current);
      writeKeyFile(files.next, randomBytes(32));
      const running = await startApp(db);
      try {
        expect(fs.existsSync(files.next)).toBe(false);
        expect(fs.readFileSync(files.current).equals(before)).toBe(true);
        await expectCasesReadable(running.app, cases);
        expect(await totpSecretOf(running.ctx)).toBe(totpSecret);
      } finally {
        await running.close();
      }
    }, 60_000);

    it('crash while master.key.next was being written (empty file): deleted, nothing else changes', async () => {
      const before = fs.readFileSync(files.current);
      fs.writeFileSync(files.next, '', { mode: 0o600 });
      const status = await runCli(db, ['keys', 'status']);
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toContain('An interrupted rotation was undone');
      expect(fs.existsSync(files.next)).toBe(false);
      expect(fs.readFileSync(files.current).equals(before)).toBe(true);
    }, 60_000);

    it('crash after the commit, before the rename: the rename is finished and the new key opens everything', async () => {
      const ctx = await db.open();
      const rotated = randomBytes(32);
      try {
        writeKeyFile(files.next, rotated);
        await rewrapUnderNewMasterKey(ctx.db, ctx.keyring, new Keyring(rotated));
      } finally {
        await ctx.database.close();
      }
      const running = await startApp(db);
      try {
        expect(fs.existsSync(files.next)).toBe(false);
        expect(Buffer.from(fs.readFileSync(files.current, 'utf8'), 'base64').equals(rotated)).toBe(true);
        expect(fs.statSync(files.current).mode & 0o777).toBe(0o600);
        await expectCasesReadable(running.app, cases);
        expect(await totpSecretOf(running.ctx)).toBe(totpSecret);
      } finally {
        await running.close();
      }
      await expect(openWithKey(db, newKey)).rejects.toBeInstanceOf(MasterKeyMismatchError);
      newKey = rotated;
    }, 60_000);

    it('neither key opens the database: start-up stops, and both files are left for the operator', async () => {
      const before = fs.readFileSync(files.current);
      const stranger = randomBytes(32);
      const ctx = await db.open();
      try {
        await rewrapUnderNewMasterKey(ctx.db, ctx.keyring, new Keyring(stranger));
      } finally {
        await ctx.database.close();
      }
      writeKeyFile(files.next, randomBytes(32));
      try {
        await expect(db.open()).rejects.toBeInstanceOf(MasterKeyMismatchError);
        expect(fs.existsSync(files.next)).toBe(true);
        expect(fs.readFileSync(files.current).equals(before)).toBe(true);
      } finally {
        // Back to the key file in place, for the tests after this one.
        fs.rmSync(files.next);
        const ctx2 = await openWithKey(db, stranger);
        await rewrapUnderNewMasterKey(ctx2.db, ctx2.keyring, new Keyring(newKey));
        await ctx2.database.close();
      }
    }, 60_000);
  });

  it('a missing master.key is not replaced by a new one while the database holds wrapped keys', async () => {
    const aside = `${files.current}.aside`;
    fs.renameSync(files.current, aside);
    try {
      await expect(db.open()).rejects.toThrow(MasterKeyError);
      await expect(db.open()).rejects.toThrow(/is missing/);
      expect(fs.existsSync(files.current)).toBe(false);
      const cli = await runCli(db, ['user', 'list']);
      expect(cli.code).toBe(78);
      expect(cli.stderr).toContain('is missing');
    } finally {
      fs.renameSync(aside, files.current);
    }
    const running = await startApp(db);
    await expectCasesReadable(running.app, cases);
    await running.close();
  }, 60_000);

  it('a rotation whose transaction fails changes nothing and leaves no key file behind', async () => {
    const before = fs.readFileSync(files.current);
    const keepOld = path.join(db.dataDir, 'failed-old.key');
    const ctx = await db.open();
    try {
      const failing = rotateFileMasterKey(ctx.database, db.dataDir, {
        keepOldAt: keepOld,
        inTransaction: () => Promise.reject(new Error('disk full')),
      });
      await expect(failing).rejects.toThrow(/disk full.*Nothing was changed/);
    } finally {
      await ctx.database.close();
    }
    expect(fs.existsSync(files.next)).toBe(false);
    expect(fs.existsSync(keepOld)).toBe(false);
    expect(fs.readFileSync(files.current).equals(before)).toBe(true);
    const running = await startApp(db);
    await expectCasesReadable(running.app, cases);
    await running.close();
  }, 60_000);
});

describeIntegration('keys: master key in KINGA_MASTER_KEY', () => {
  let db: ScratchDatabase;
  let cases: Registered[];
  let totpSecret: string;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  beforeAll(async () => {
    db = await createScratchDatabase(TEST_ENGINE, oldKey.toString('base64'));
    const running = await startApp(db);
    await seedDemo(running.ctx);
    cases = await registerCases(running.app, 2);
    totpSecret = await enrolAdminTotp(running.app);
    await running.close();
  });
  afterAll(() => db?.drop());

  it('refuses without a valid, different KINGA_NEW_MASTER_KEY (78), naming the variable and never its value', async () => {
    const missing = await runCli(db, ['keys', 'rotate-master']);
    expect(missing.code).toBe(78);
    expect(missing.stderr).toContain('KINGA_NEW_MASTER_KEY');
    const short = randomBytes(16).toString('base64');
    const invalid = await runCli(db, ['keys', 'rotate-master'], { env: { KINGA_NEW_MASTER_KEY: short } });
    expect(invalid.code).toBe(78);
    expect(invalid.stderr).toContain('KINGA_NEW_MASTER_KEY: must be 32 bytes in base64');
    expect(invalid.stderr).not.toContain(short);
    const same = await runCli(db, ['keys', 'rotate-master'], {
      env: { KINGA_NEW_MASTER_KEY: oldKey.toString('base64') },
    });
    expect(same.code).toBe(78);
    const keepOld = await runCli(db, ['keys', 'rotate-master', '--keep-old', path.join(db.dataDir, 'old.key')], {
      env: { KINGA_NEW_MASTER_KEY: newKey.toString('base64') },
    });
    expect(keepOld.code).toBe(64);
    expect(fs.existsSync(path.join(db.dataDir, 'old.key'))).toBe(false);
    for (const r of [missing, invalid, same, keepOld]) expectNoKeyPrinted(r, [oldKey, newKey]);
    // Nothing moved: the key in place still opens everything.
    const ctx = await db.open();
    await ctx.database.close();
  }, 90_000);

  it('rewraps under KINGA_NEW_MASTER_KEY, tells the operator to replace KINGA_MASTER_KEY, and prints no key', async () => {
    const env = { KINGA_NEW_MASTER_KEY: newKey.toString('base64') };
    const result = await runCli(db, ['keys', 'rotate-master'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Rewrapped under KINGA_NEW_MASTER_KEY: 2 data keys and 1 two-factor secrets');
    expect(result.stdout).toMatch(/replace KINGA_MASTER_KEY with the value of KINGA_NEW_MASTER_KEY/);
    expect(result.stderr).toMatch(/WARNING: backups made before this rotation need the OLD master key/);
    expectNoKeyPrinted(result, [oldKey, newKey]);
    // No key file is involved when the key comes from the environment.
    expect(fs.readdirSync(db.dataDir).filter((f) => f.startsWith('master.key'))).toEqual([]);
    // A rerun (the operator has not replaced the variable yet) changes nothing and says so.
    const again = await runCli(db, ['keys', 'rotate-master'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already wrapped by KINGA_NEW_MASTER_KEY');
  }, 60_000);

  it('the old key is refused (MasterKeyMismatchError, server exit 78); the new one opens every case and second factor', async () => {
    await expect(db.open()).rejects.toBeInstanceOf(MasterKeyMismatchError);
    const server = await startServerExpectingExit(db, {});
    expect(server.code).toBe(78);
    expect(server.stderr).toContain("does not unlock this database's data keys");
    db.env.KINGA_MASTER_KEY = newKey.toString('base64');
    const running = await startApp(db);
    try {
      await expectCasesReadable(running.app, cases);
      expect(await totpSecretOf(running.ctx)).toBe(totpSecret);
      const session = await signIn(
        running.app,
        DEMO.admin,
        DEMO_PASSWORD,
        codeAt(totpSecret, Date.now() + 30_000),
        nextAddress(),
      );
      expect(session.user.mfaEnabled).toBe(true);
      expect(await auditRows(running.ctx, { action: 'cli.keys_rotate_master' })).toHaveLength(1);
    } finally {
      await running.close();
    }
    const status = await runCli(db, ['keys', 'status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('KINGA_MASTER_KEY (environment)');
  }, 90_000);
});
