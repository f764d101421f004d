import { CTDC_AGE_BANDS, RELEASE_ATTRIBUTES, type ReleaseDto, type ReleaseListDto } from '@kinga/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../db/ids.ts';
import {
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';

const COUNTRIES = ['KE', 'UG', 'TZ', 'ET', 'SO'];
const DESTINATIONS = ['KE', 'SA', 'AE', 'QA'];
const BANDS = ['9-17', '18-20', '21-23', '24-26', '30-38'];

/** 400 de-identified records, deterministic: CTDC imports and Kinga cases, a few rare combinations. */
function records(): Record<string, unknown>[] {
  return Array.from({ length: 400 }, (_, i) => ({
    id: newId(),
    source: i % 4 === 0 ? 'case' : 'ctdc',
    year: 2015 + (i % 4),
    month: null,
    data_source: i % 5 === 0 ? 'Hotline' : 'CaseManagement',
    gender: i % 3 === 0 ? 'Male' : 'Female',
    age_band: i % 11 === 0 ? null : BANDS[i % BANDS.length]!,
    citizenship: COUNTRIES[(i * 7) % COUNTRIES.length]!,
    country_exploitation: i % 13 === 0 ? null : DESTINATIONS[(i * 3) % DESTINATIONS.length]!,
    exploitation: i % 2 === 0 ? 1 : 2, // ForcedLabour or SexualExploitation
    labour: i % 2 === 0 ? 16 : 0, // DomesticWork
    sex_types: 0,
    control: i % 3 === 0 ? 1 : 0,
    recruiter: 0,
    recruitment: i % 37 === 0 ? 1 << 10 : 0,
  }));
}

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split(/\r\n/)
    .map((line) => line.split(','));
}

const K_BODY = {
  title: 'Profiles by year',
  method: 'k_anonymity',
  source: 'all',
  attributes: ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'CountryOfExploitation', 'isForcedLabour'],
  kAnonymity: {
    k: 11,
    quasiIdentifiers: ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'CountryOfExploitation'],
    maxSuppression: 0.1,
  },
};

const DP_BODY = {
  title: 'Synthetic profiles',
  method: 'dp_synthetic',
  source: 'all',
  attributes: [
    'yearOfRegistration',
    'Datasource',
    'gender',
    'ageBroad',
    'citizenship',
    'isForcedLabour',
    'isSexualExploit',
  ],
  dp: { epsilon: 4, delta: 1e-6, reportingLength: 3, fabricationThreshold: 0 },
};

describeIntegration('releases', () => {
  let t: TestApp;
  let analyst: Session;
  let worker: Session;
  let secretariat: Session;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    const rows = records();
    for (let i = 0; i < rows.length; i += 100) {
      await t.ctx.db
        .insertInto('stat_records')
        .values(rows.slice(i, i + 100) as never)
        .execute();
    }
    analyst = await signIn(t.app, DEMO.analyst);
    worker = await signIn(t.app, DEMO.caseworkerA);
    secretariat = await signIn(t.app, DEMO.secretariat);
  });
  afterAll(() => t.close());

  it('anonymous callers get 401 on every route', async () => {
    const anonymous = client(t.app, null);
    expectProblem(await anonymous.post('/api/v1/releases', K_BODY), 401);
    expectProblem(await anonymous.get('/api/v1/releases'), 401);
    const id = newId();
    expectProblem(await anonymous.get(`/api/v1/releases/${id}`), 401);
    expectProblem(await anonymous.get(`/api/v1/releases/${id}/data.csv`), 401);
    expectProblem(await anonymous.get(`/api/v1/releases/${id}/codebook`), 401);
  });

  it('a case worker is refused (403, audited) and nothing is built', async () => {
    const res = await client(t.app, worker).post('/api/v1/releases', K_BODY);
    expectProblem(res, 403);
    await expectDenied(t.ctx, res, worker);
    expectProblem(await client(t.app, worker).get('/api/v1/releases'), 403);
    const count = await t.ctx.db
      .selectFrom('releases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('bad parameters are 400 with the field named', async () => {
    const api = client(t.app, analyst);
    const cases: [unknown, string][] = [
      [{ ...K_BODY, attributes: [] }, 'attributes'],
      [{ ...K_BODY, attributes: ['gender', 'gender'] }, 'attributes'],
      [{ ...K_BODY, attributes: ['name'] }, 'attributes'],
      [{ ...K_BODY, kAnonymity: { k: 1 } }, 'kAnonymity'],
      [{ ...K_BODY, kAnonymity: { quasiIdentifiers: ['isSexualExploit'] } }, 'kAnonymity'],
      [{ ...K_BODY, dp: { epsilon: 1 } }, 'dp'],
      [{ ...DP_BODY, dp: { epsilon: 0 } }, 'dp'],
      [{ ...DP_BODY, dp: { delta: 0.5 } }, 'dp'],
      [{ ...DP_BODY, dp: { reportingLength: 5 } }, 'dp'],
      [{ ...DP_BODY, kAnonymity: { k: 5 } }, 'kAnonymity'],
      [{ ...DP_BODY, from: '2018', to: '2016' }, 'to'],
      [{ ...DP_BODY, method: 'laplace' }, 'method'],
    ];
    for (const [body, field] of cases) {
      const problem = expectProblem(await api.post('/api/v1/releases', body), 400);
      expect(JSON.stringify(problem.issues ?? problem)).toContain(field);
    }
  });

  it('builds a k-anonymous release: CTDC header, no class of quasi-identifiers below k, audited', async () => {
    const res = await client(t.app, analyst).post('/api/v1/releases', K_BODY);
    expect(res.statusCode, res.body).toBe(201);
    const release = json<ReleaseDto>(res);
    await expectAudit(t.ctx, res, { action: 'release.create', entityType: 'release', entityId: release.id });
    expect(release).toMatchObject({ method: 'k_anonymity', source: 'all', createdBy: { id: analyst.user.id } });
    expect(release.metrics.realRecords).toBe(400);
    expect(release.metrics.releasedRecords + release.metrics.recordsSuppressed).toBe(400);
    expect(release.metrics.recordsSuppressedShare).toBeLessThanOrEqual(0.1);
    expect(release.params.kAnonymity?.generalisation).toHaveProperty('citizenship');

    const csvRes = await client(t.app, analyst).get(`/api/v1/releases/${release.id}/data.csv`);
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toMatch(/^text\/csv/);
    expect(csvRes.headers['content-disposition']).toMatch(/^attachment; filename="kinga-release-.+\.csv"$/);
    await expectAudit(t.ctx, csvRes, { action: 'release.download', entityType: 'release', entityId: release.id });
    const [header, ...lines] = parseCsv(csvRes.body);
    expect(header).toEqual(K_BODY.attributes);
    expect(lines).toHaveLength(release.metrics.releasedRecords);
    const classes = new Map<string, number>();
    for (const line of lines) {
      const key = line.slice(0, 5).join('|');
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    for (const size of classes.values()) expect(size).toBeGreaterThanOrEqual(11);
    // Age bands read as CTDC writes them.
    const ages = new Set(lines.map((line) => line[2]).filter((v) => v));
    for (const age of ages) expect([...CTDC_AGE_BANDS, 'Minor', 'Adult']).toContain(age);
  });

  it('builds a DP synthetic release with its metrics, and serves its codebook (audited)', async () => {
    const res = await client(t.app, secretariat).post('/api/v1/releases', DP_BODY);
    expect(res.statusCode, res.body).toBe(201);
    const release = json<ReleaseDto>(res);
    expect(release.method).toBe('dp_synthetic');
    expect(release.metrics.noiseSigma).toHaveLength(3);
    expect(release.metrics.noiseSigma!.every((s) => s > 0)).toBe(true);
    expect(release.metrics.marginalError.oneWay).not.toBeNull();
    expect(release.metrics.marginalError.threeWay).not.toBeNull();
    expect(release.metrics.combinationsFabricated).toBe(0);
    expect(release.params.dp).toEqual(DP_BODY.dp);

    const csvRes = await client(t.app, secretariat).get(`/api/v1/releases/${release.id}/data.csv`);
    const [header, ...lines] = parseCsv(csvRes.body);
    expect(header).toEqual(DP_BODY.attributes);
    expect(lines).toHaveLength(release.metrics.releasedRecords);
    for (const line of lines) {
      expect(['', '0', '1']).toContain(line[5]);
      expect(['', 'Case Management', 'Hotline']).toContain(line[1]);
    }

    const book = await client(t.app, analyst).get(`/api/v1/releases/${release.id}/codebook`);
    expect(book.statusCode).toBe(200);
    expect(book.headers['content-type']).toMatch(/^text\/markdown/);
    await expectAudit(t.ctx, book, { action: 'release.codebook', entityType: 'release', entityId: release.id });
    expect(book.body).toContain('### yearOfRegistration');
    expect(book.body).toContain('### isSexualExploit');
    expect(book.body).toContain('ε = 4');
    expect(book.body).toContain('Counter Trafficking Data Collaborative');
  });

  it('own cases only: no CTDC citation, only case records counted', async () => {
    const res = await client(t.app, analyst).post('/api/v1/releases', {
      ...K_BODY,
      title: 'Own cases',
      source: 'case',
      kAnonymity: { k: 2, maxSuppression: 0.5 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const release = json<ReleaseDto>(res);
    expect(release.metrics.realRecords).toBe(100);
    const book = await client(t.app, analyst).get(`/api/v1/releases/${release.id}/codebook`);
    expect(book.body).not.toContain('Counter Trafficking Data Collaborative');
  });

  it('lists releases newest first with a cursor, reads one, and hides unknown ids (404)', async () => {
    const api = client(t.app, analyst);
    const first = json<ReleaseListDto>(await api.get('/api/v1/releases', { query: { limit: '2' } }));
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.title).toBe('Own cases');
    expect(first.nextCursor).not.toBeNull();
    const second = json<ReleaseListDto>(
      await api.get('/api/v1/releases', { query: { limit: '2', cursor: first.nextCursor! } }),
    );
    expect(second.items.map((r) => r.title)).toEqual(['Profiles by year']);
    expect(second.nextCursor).toBeNull();

    const one = await api.get(`/api/v1/releases/${first.items[1]!.id}`);
    expect(one.statusCode).toBe(200);
    expect(json<ReleaseDto>(one).title).toBe('Synthetic profiles');

    const missing = newId();
    expectProblem(await api.get(`/api/v1/releases/${missing}`), 404);
    const csv = await api.get(`/api/v1/releases/${missing}/data.csv`);
    expectProblem(csv, 404);
    await expectDenied(t.ctx, csv, analyst, { entityId: missing });
    expectProblem(await api.get('/api/v1/releases/not-an-id'), 400);
    expectProblem(await api.get('/api/v1/releases', { query: { cursor: 'garbage' } }), 400);
  });

  it('random and near-valid bodies never cause a 5xx (engines run on random parameters)', async () => {
    const api = client(t.app, analyst);
    const attribute = fc.constantFrom(...RELEASE_ATTRIBUTES, 'bogus');
    const nearValid = fc.record(
      {
        title: fc.string({ maxLength: 20 }),
        method: fc.constantFrom('k_anonymity', 'dp_synthetic', 'x'),
        source: fc.constantFrom('all', 'case', 'ctdc', 'y'),
        attributes: fc.uniqueArray(attribute, { maxLength: 8 }),
        from: fc.constantFrom('2015', '2016-02', '2030', 'x'),
        kAnonymity: fc.record(
          {
            k: fc.integer({ min: -1, max: 120 }),
            quasiIdentifiers: fc.uniqueArray(attribute, { maxLength: 4 }),
            maxSuppression: fc.double({ min: -1, max: 2 }),
          },
          { requiredKeys: [] },
        ),
        dp: fc.record(
          {
            epsilon: fc.double({ min: 0, max: 30 }),
            delta: fc.double({ min: 0, max: 0.01 }),
            reportingLength: fc.integer({ min: 0, max: 6 }),
            fabricationThreshold: fc.integer({ min: -1, max: 5 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['title', 'method', 'attributes'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearValid, fc.jsonValue({ maxDepth: 3 })), async (body) => {
        const res = await api.post('/api/v1/releases', body);
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 80, seed: 5 },
    );
  }, 120_000);
});
