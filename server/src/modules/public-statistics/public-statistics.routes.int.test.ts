import {
  AGE_BANDS,
  STAT_EXPLOITATION,
  type PublicStatisticsDto,
  type StatisticsSettings,
  type StatTable,
} from '@kinga/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../db/ids.ts';
import {
  DEMO,
  TEST_ENGINE,
  client,
  createTestApp,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  nextAddress,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { buildActor } from '../../access/access.ts';
import { countBy } from '../analytics/stat-query.ts';
import { protectForActor, statisticsK } from './protection.ts';
import { PUBLIC_READS_PER_MINUTE } from './public-statistics.service.ts';

const YEARS = [2015, 2016, 2017, 2018];
const CITIZENSHIPS = ['KE', 'UG', 'TZ', 'ET', 'SO', 'BI', null];
const GENDERS = ['Female', 'Male', null];

/**
 * A deterministic synthetic set of de-identified records: skewed, so that some categories are
 * large and some small, like real figures. Four records of transgender or non-conforming
 * victims in 2017 are a category that must never be published.
 */
function syntheticRecords(): Record<string, unknown>[] {
  let seed = 20260;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const skewed = <T>(values: readonly T[]): T => values[Math.floor(next() ** 2 * values.length)]!;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < 600; i++) {
    rows.push({
      id: newId(),
      source: next() < 0.7 ? 'ctdc' : 'case',
      year: skewed(YEARS),
      month: next() < 0.5 ? 1 + Math.floor(next() * 12) : null,
      gender: skewed(GENDERS),
      age_band: skewed([...AGE_BANDS.slice(2, 8), null]),
      citizenship: skewed(CITIZENSHIPS),
      country_exploitation: skewed(['KE', 'SA', 'AE', 'QA', null]),
      exploitation: next() < 0.15 ? 0 : 1 + Math.floor(next() ** 3 * (2 ** STAT_EXPLOITATION.length - 1)),
      labour: 0,
      sex_types: 0,
      control: 0,
      recruiter: 0,
      recruitment: 0,
    });
  }
  for (let i = 0; i < 4; i++) {
    rows.push({ ...rows[i]!, id: newId(), year: 2017, gender: 'TransgenderOrNonConforming' });
  }
  return rows;
}

function tableOf(body: PublicStatisticsDto, id: string): StatTable {
  const table = body.tables.find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
}

function publishedNumbers(body: PublicStatisticsDto): number[] {
  return [body.total, ...body.tables.flatMap((t) => [t.total, ...t.cells.map((c) => c.count)])].filter(
    (n): n is number => n !== null,
  );
}

describeIntegration('public statistics', () => {
  let t: TestApp;
  let admin: Session;
  let focal: Session;
  let supervisor: Session;
  let analyst: Session;
  const as = (s: Session | null) => client(t.app, s);
  const read = (query: Record<string, string> = {}, session: Session | null = null) =>
    as(session).get('/api/public/statistics', { query, remoteAddress: nextAddress() });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    await t.ctx.db
      .insertInto('stat_records')
      .values(syntheticRecords() as never)
      .execute();
    [admin, focal, supervisor, analyst] = await Promise.all([
      signIn(t.app, DEMO.admin),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.analyst),
    ]);
  });
  afterAll(() => t?.close());

  it('anyone reads the national figures without signing in, cacheable for a minute', async () => {
    const res = await read();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const body = json<PublicStatisticsDto>(res);
    expect(body.total).toBe(604);
    expect(body.protection).toMatchObject({ exact: false, k: 11 });
    expect(body.protection.suppressedCells).toBeGreaterThan(0);
    expect(body.tables.map((table) => table.id)).toEqual([
      'byYear',
      'gender',
      'ageBand',
      'genderAge',
      'exploitation',
      'citizenship',
      'countryOfExploitation',
    ]);
    const byYear = tableOf(body, 'byYear');
    expect(byYear.cells.reduce((sum, c) => sum + (c.count ?? 0), 0)).toBeLessThanOrEqual(604);
    const citizenship = tableOf(body, 'citizenship');
    expect(citizenship.cells.length).toBeLessThanOrEqual(body.topCategories);
    const counts = citizenship.cells.map((c) => c.count!);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('withholds counts below k, and enough others that they cannot be worked out', async () => {
    const body = json<PublicStatisticsDto>(await read());
    for (const n of publishedNumbers(body)) expect(n === 0 || n >= 11).toBe(true);
    // Four records: hidden in the gender table and as a row of gender × age band.
    const gender = tableOf(body, 'gender');
    expect(gender.cells.find((c) => c.keys[0] === 'TransgenderOrNonConforming')).toEqual({
      keys: ['TransgenderOrNonConforming'],
      count: null,
    });
    // A lone hidden cell would be the total minus the others: at least two are hidden.
    expect(gender.cells.filter((c) => c.count === null).length).toBeGreaterThanOrEqual(2);
    const genderAge = tableOf(body, 'genderAge');
    expect(
      genderAge.cells.filter((c) => c.keys[0] === 'TransgenderOrNonConforming').every((c) => c.count === null),
    ).toBe(true);
    // Narrowed to 2017 and that gender, even the total is hidden.
    const narrow = json<PublicStatisticsDto>(await read({ gender: 'TransgenderOrNonConforming', from: '2017' }));
    expect(narrow.total).toBeNull();
    expect(publishedNumbers(narrow).every((n) => n === 0)).toBe(true);
  });

  it('is protected for everyone: a caller with case access gets the same public figures', async () => {
    const anonymous = json<PublicStatisticsDto>(await read());
    const withCases = json<PublicStatisticsDto>(await read({}, supervisor));
    expect(withCases).toEqual(anonymous);
  });

  it('bad filters are a 400, not an error', async () => {
    const queries: Record<string, string>[] = [
      { from: '2016-13' },
      { gender: 'Unknown' },
      { county: 'x' },
      { from: '2018', to: '2016' },
      { citizenship: "' or 1=1 --" },
      { caseCode: 'KE-2026-000001' },
    ];
    for (const query of queries) {
      expectProblem(await read(query), 400);
    }
  });

  it('random queries answer below 500', async () => {
    const queryArb = fc.dictionary(
      fc.constantFrom('from', 'to', 'source', 'gender', 'ageBand', 'exploitation', 'citizenship', 'county', 'x'),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.integer().map(String),
        fc.constantFrom('2016', '2016-02', 'KE', 'Female', '0-8', 'ForcedLabour', '1e309', '-1', ''),
      ),
    );
    await fc.assert(
      fc.asyncProperty(queryArb, async (query) => {
        const res = await read(query);
        expect(res.statusCode, `${JSON.stringify(query)} → ${res.body}`).toBeLessThan(500);
      }),
      { numRuns: TEST_ENGINE === 'postgres' ? 30 : 80 },
    );
  }, 60_000);

  it(`limits one address to ${PUBLIC_READS_PER_MINUTE} reads a minute`, async () => {
    const remoteAddress = nextAddress();
    for (let i = 0; i < PUBLIC_READS_PER_MINUTE; i++) {
      const res = await as(null).get('/api/public/statistics', { query: { from: '2019' }, remoteAddress });
      expect(res.statusCode).toBe(200);
    }
    const refused = await as(null).get('/api/public/statistics', { remoteAddress });
    expectProblem(refused, 429);
    expect((await as(null).get('/api/public/statistics', { remoteAddress: nextAddress() })).statusCode).toBe(200);
  }, 60_000);

  it('property: for any filters, no published number is between 1 and k - 1', async () => {
    const filtersArb = fc.record(
      {
        from: fc.constantFrom('2015', '2016', '2016-06', '2017'),
        to: fc.constantFrom('2017', '2018', '2018-03'),
        source: fc.constantFrom('case', 'ctdc'),
        gender: fc.constantFrom(...GENDERS.filter((g): g is string => g !== null), 'TransgenderOrNonConforming'),
        ageBand: fc.constantFrom(...AGE_BANDS.slice(2, 8)),
        exploitation: fc.constantFrom(...STAT_EXPLOITATION),
        citizenship: fc.constantFrom('KE', 'UG', 'SO'),
        countryOfExploitation: fc.constantFrom('KE', 'SA'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filtersArb, fc.constantFrom(5, 11), async (filters, k) => {
        await t.ctx.db
          .insertInto('instance_settings')
          .values({ key: 'statistics_k', value: String(k) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(k) }))
          .execute();
        const res = await read(filters);
        if (res.statusCode === 400) return; // a period that ends before it starts
        expect(res.statusCode).toBe(200);
        const body = json<PublicStatisticsDto>(res);
        expect(body.protection.k).toBe(k);
        for (const n of publishedNumbers(body)) expect(n === 0 || n >= k, `${n} with k=${k}`).toBe(true);
      }),
      { numRuns: TEST_ENGINE === 'postgres' ? 25 : 60 },
    );
    await t.ctx.db.deleteFrom('instance_settings').where('key', '=', 'statistics_k').execute();
  }, 60_000);

  it('protectForActor: exact for roles that read cases, suppressed for the others', async () => {
    expect(await statisticsK(t.ctx.db)).toBe(11);
    const tables = [await countBy(t.ctx.db, {}, ['gender'])];
    const actor = (roles: Parameters<typeof buildActor>[0]['roles']) =>
      buildActor({ id: admin.user.id, agencyId: admin.user.agencyId, roles, mfaEnrolmentRequired: false });
    const exact = await protectForActor(t.ctx, actor(['case_supervisor']), tables);
    expect(exact).toEqual({ tables, protection: { exact: true, k: 11, suppressedCells: 0 } });
    const hidden = await protectForActor(t.ctx, actor(['focal_point']), tables);
    expect(hidden.protection).toMatchObject({ exact: false, k: 11 });
    expect(hidden.protection.suppressedCells).toBeGreaterThanOrEqual(2);
    expect(hidden.tables[0]!.cells.find((c) => c.keys[0] === 'TransgenderOrNonConforming')!.count).toBeNull();
  });

  it('settings: anonymous 401; every role reads k; only administrators and the secretariat change it', async () => {
    expectProblem(await as(null).get('/api/v1/analytics/settings'), 401, 'unauthenticated');
    expectProblem(await as(null).put('/api/v1/analytics/settings', { k: 5 }), 401, 'unauthenticated');
    for (const who of [focal, analyst]) {
      const res = await as(who).get('/api/v1/analytics/settings');
      expect(res.statusCode).toBe(200);
      expect(json<StatisticsSettings>(res)).toEqual({ k: 11 });
    }
    for (const who of [focal, analyst, supervisor]) {
      const res = await as(who).put('/api/v1/analytics/settings', { k: 5 });
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, who);
    }
    expect(json<StatisticsSettings>(await as(admin).get('/api/v1/analytics/settings'))).toEqual({ k: 11 });
  });

  it('settings: an administrator changes k, audited; the public figures follow it', async () => {
    const res = await as(admin).put('/api/v1/analytics/settings', { k: 20 });
    expect(res.statusCode).toBe(200);
    expect(json<StatisticsSettings>(res)).toEqual({ k: 20 });
    await expectAudit(t.ctx, res, {
      action: 'analytics.settings.update',
      outcome: 'success',
      actorId: admin.user.id,
      entityType: 'statistics_settings',
    });
    expect(json<StatisticsSettings>(await as(focal).get('/api/v1/analytics/settings'))).toEqual({ k: 20 });
    const body = json<PublicStatisticsDto>(await read());
    expect(body.protection.k).toBe(20);
    for (const n of publishedNumbers(body)) expect(n === 0 || n >= 20).toBe(true);
    expect((await as(admin).put('/api/v1/analytics/settings', { k: 11 })).statusCode).toBe(200);
  });

  it('settings: a bad k is a 400 and changes nothing', async () => {
    for (const body of [{ k: 1 }, { k: 101 }, { k: 2.5 }, { k: '11' }, {}, { k: 11, extra: true }]) {
      expectProblem(await as(admin).put('/api/v1/analytics/settings', body), 400);
    }
    expect(json<StatisticsSettings>(await as(admin).get('/api/v1/analytics/settings'))).toEqual({ k: 11 });
  });
});
