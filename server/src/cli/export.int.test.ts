import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../test/crash/scratch-database.ts';
import { TEST_ENGINE, describeIntegration } from '../../test/harness.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../db/ids.ts';

describeIntegration('operator CLI: export ctdc', () => {
  let db: ScratchDatabase;
  let ctx: AppContext;
  let dir: string;

  beforeAll(async () => {
    db = await createScratchDatabase(TEST_ENGINE);
    ctx = await db.open();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-export-'));
    const made = await runCli(
      db,
      ['admin', 'create', '--email', 'ops@example.org', '--name', 'Achieng Otieno', '--password-stdin'],
      {
        stdin: 'Mto Tana unapita Garissa 2026',
      },
    );
    expect(made.code, made.stderr).toBe(0);
    const rows = Array.from({ length: 240 }, (_, i) => ({
      id: newId(),
      source: i % 3 === 0 ? 'case' : 'ctdc',
      year: 2016 + (i % 3),
      data_source: 'CaseManagement',
      gender: i % 2 === 0 ? 'Female' : 'Male',
      age_band: ['9-17', '18-20', '30-38'][i % 3]!,
      citizenship: ['KE', 'UG'][i % 2]!,
      country_exploitation: ['KE', 'SA'][(i >> 1) % 2]!,
      exploitation: 1 + (i % 2),
      labour: 0,
      sex_types: 0,
      control: 0,
      recruiter: 0,
      recruitment: 0,
    }));
    await ctx.db.insertInto('stat_records').values(rows).execute();
  }, 60_000);
  afterAll(async () => {
    await ctx?.database.close();
    await db?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a k-anonymous CSV with CTDC names and its codebook, and records the release', async () => {
    const out = path.join(dir, 'k.csv');
    const result = await runCli(db, ['export', 'ctdc', '--method', 'k', '--k', '5', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('records from 240');
    const [header, ...lines] = fs.readFileSync(out, 'utf8').trim().split('\r\n');
    expect(header).toBe(
      'yearOfRegistration,Datasource,gender,ageBroad,citizenship,CountryOfExploitation,isForcedLabour,isSexualExploit,isForcedMarriage,isForcedMilitary,isOrganRemoval,isOtherExploit,isAbduction',
    );
    expect(lines.length).toBeGreaterThan(200);
    const codebook = fs.readFileSync(path.join(dir, 'k-codebook.md'), 'utf8');
    expect(codebook).toContain('k = 5');
    expect(codebook).toContain('Counter Trafficking Data Collaborative');
    const release = await ctx.db.selectFrom('releases').selectAll().executeTakeFirstOrThrow();
    expect(release.method).toBe('k_anonymity');
    const creator = await ctx.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', release.created_by)
      .executeTakeFirstOrThrow();
    expect(creator.email).toBe('ops@example.org');
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', release.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['release.create', 'release.download']));
  }, 60_000);

  it('writes a DP synthetic release of own cases only', async () => {
    const out = path.join(dir, 'dp.csv');
    const result = await runCli(db, [
      'export',
      'ctdc',
      '--method',
      'dp',
      '--source',
      'case',
      '--epsilon',
      '2',
      '--attributes',
      'yearOfRegistration,gender,ageBroad,citizenship',
      '--out',
      out,
      '--user',
      'ops@example.org',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('records from 80');
    expect(fs.readFileSync(out, 'utf8').split('\r\n')[0]).toBe('yearOfRegistration,gender,ageBroad,citizenship');
    expect(fs.readFileSync(path.join(dir, 'dp-codebook.md'), 'utf8')).not.toContain(
      'Counter Trafficking Data Collaborative',
    );
  }, 60_000);

  it('refuses bad parameters as a usage error (64) and an unknown account (1)', async () => {
    const bad = await runCli(db, [
      'export',
      'ctdc',
      '--method',
      'dp',
      '--epsilon',
      '0',
      '--out',
      path.join(dir, 'x.csv'),
    ]);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('dp.epsilon');
    expect((await runCli(db, ['export', 'ctdc', '--method', 'k', '--epsilon', '2'])).code).toBe(64);
    expect((await runCli(db, ['export', 'ctdc', '--attributes', 'name'])).code).toBe(64);
    expect((await runCli(db, ['export', 'ctdc', '--method', 'x'])).code).toBe(64);
    const nobody = await runCli(db, [
      'export',
      'ctdc',
      '--user',
      'nobody@example.org',
      '--out',
      path.join(dir, 'y.csv'),
    ]);
    expect(nobody.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'y.csv'))).toBe(false);
  }, 60_000);
});
