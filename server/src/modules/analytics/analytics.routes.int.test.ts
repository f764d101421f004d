import {
  DASHBOARD_TABLES,
  STAT_CONTROL,
  STAT_EXPLOITATION,
  STAT_FLAG_COLUMNS,
  STAT_FLAG_FAMILIES,
  STAT_LABOUR,
  STAT_RECRUITER,
  STAT_RECRUITMENT,
  flagMask,
  flagValues,
  type CaseDto,
  type GlotipDto,
  type ScreeningDto,
  type StatDashboardDto,
  type StatDimension,
  type StatTable,
} from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseInput, registerCase } from '../../../test/case-factories.ts';
import {
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  expectProblem,
  json,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { newId } from '../../db/ids.ts';
import type { StatRecordTable } from '../../db/schema.ts';
import { rebuildCaseStatistics } from './case-statistics.ts';

const DASHBOARD = '/api/v1/analytics/dashboard';
const GLOTIP = '/api/v1/analytics/glotip';
const GLOTIP_CSV = '/api/v1/analytics/glotip.csv';
const K = 11;

/** Imported-looking CTDC records, written straight to the table: 30 women, 8 men, 2 of unknown sex. */
function ctdcRecords(): StatRecordTable[] {
  const rows: StatRecordTable[] = [];
  const add = (n: number, over: Partial<StatRecordTable>) => {
    for (let i = 0; i < n; i++) {
      rows.push({
        id: newId(),
        source: 'ctdc',
        import_id: null,
        case_id: null,
        line: rows.length + 2,
        year: 2016,
        month: null,
        data_source: 'CaseManagement',
        gender: 'Female',
        age_band: '18-20',
        citizenship: 'UG',
        country_origin: null,
        country_transit: null,
        country_exploitation: 'KE',
        county_origin: null,
        county_exploitation: null,
        exploitation: flagMask(STAT_EXPLOITATION, ['SexualExploitation']),
        labour: 0,
        sex_types: 0,
        control: 0,
        recruiter: 0,
        recruitment: 0,
        ...over,
      });
    }
  };
  add(20, {});
  add(10, { year: 2017, month: 4, age_band: '9-17', citizenship: 'KE', control: flagMask(STAT_CONTROL, ['Threats']) });
  add(8, {
    gender: 'Male',
    age_band: null,
    exploitation: flagMask(STAT_EXPLOITATION, ['ForcedLabour', 'SexualExploitation', 'ForcedMarriage']),
    labour: flagMask(STAT_LABOUR, ['Construction']),
  });
  add(2, { gender: null, year: 2018, exploitation: 0, citizenship: null, country_exploitation: null });
  return rows;
}

describeIntegration('analytics', () => {
  let t: TestApp;
  let workerA: Session;
  let supervisorA: Session;
  let analyst: Session;
  let focal: Session;
  let admin: Session;
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    for (const [name, email] of Object.entries(DEMO)) sessions[name] = await signIn(t.app, email);
    workerA = sessions.caseworkerA!;
    supervisorA = sessions.supervisorA!;
    analyst = sessions.analyst!;
    focal = sessions.focal!;
    admin = sessions.admin!;
    await t.ctx.db.insertInto('stat_records').values(ctdcRecords()).execute();
  });
  afterAll(() => t?.close());

  const statRowOf = (caseId: string) =>
    t.ctx.db.selectFrom('stat_records').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  const caseIdOf = async (code: string) =>
    (await t.ctx.db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const consent = (code: string, purpose = 'statistics') =>
    client(t.app, workerA).post(`/api/v1/cases/${code}/consents`, {
      purpose,
      method: 'written',
      givenOn: '2026-01-10',
    });
  const dashboard = async (session: Session, query = '') => {
    const res = await client(t.app, session).get(`${DASHBOARD}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return json<StatDashboardDto>(res);
  };

  describe('case projection', () => {
    it('counts a case only once registered, with a standing statistics consent', async () => {
      const before = (await dashboard(analyst)).total;
      const draft = await registerCase(t.app, workerA, buildCaseInput(), { draft: true });
      const id = await caseIdOf(draft.code);
      expect(await statRowOf(id)).toBeUndefined();

      expect((await consent(draft.code, 'case_management')).statusCode).toBe(201);
      expect((await consent(draft.code)).statusCode).toBe(201);
      expect(await statRowOf(id), 'a draft is not counted even with consent').toBeUndefined();

      const submitted = await client(t.app, workerA).post(`/api/v1/cases/${draft.code}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
      const row = await statRowOf(id);
      const year = new Date().getUTCFullYear();
      expect(row).toMatchObject({
        source: 'case',
        data_source: 'CaseManagement',
        import_id: null,
        year,
        month: new Date().getUTCMonth() + 1,
        gender: 'Female',
        age_band: '27-29',
        citizenship: 'KE',
        country_origin: 'KE',
        county_origin: 47,
        country_transit: null,
        country_exploitation: 'SA',
        county_exploitation: null,
        exploitation: flagMask(STAT_EXPLOITATION, ['ForcedLabour']),
        labour: flagMask(STAT_LABOUR, ['DomesticWork']),
        control: flagMask(STAT_CONTROL, ['TakesEarnings', 'WithholdsDocuments']),
        recruiter: flagMask(STAT_RECRUITER, ['Friend']),
        recruitment: flagMask(STAT_RECRUITMENT, ['ThroughFriendsOrSocialEvents']),
      });
      expect(Object.keys(row ?? {})).not.toContain('code');
      expect((await dashboard(analyst)).total).toBe((before ?? 0) + 1);
    });

    it('a registered case without consent is not counted; withdrawing the consent removes it', async () => {
      const registered = await registerCase(t.app, workerA);
      const id = await caseIdOf(registered.code);
      expect(await statRowOf(id)).toBeUndefined();
      const given = await consent(registered.code);
      expect(given.statusCode, given.body).toBe(201);
      expect(await statRowOf(id)).toBeDefined();
      const withdrawn = await client(t.app, workerA).post(
        `/api/v1/cases/${registered.code}/consents/${json<{ id: string }>(given).id}/withdraw`,
        { reason: 'The person asked to be left out of statistics' },
      );
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(await statRowOf(id)).toBeUndefined();
    });

    it('follows edits of the route and the victim profile', async () => {
      const registered = await registerCase(t.app, workerA);
      await consent(registered.code);
      const id = await caseIdOf(registered.code);
      const patched = await client(t.app, workerA).patch(`/api/v1/cases/${registered.code}`, {
        profile: { ...buildCaseInput().profile, gender: 'Masculine', citizenships: ['UG', 'KE'] },
        victim: { ...buildCaseInput().victim, exploitationTypes: ['SexualExploitation', 'ForcedBegging'] },
        events: [
          { type: 'Recruitment', country: 'UG', countyCode: null, place: null, date: null },
          { type: 'Transit', country: 'KE', countyCode: 12, place: null, date: null },
          { type: 'Exploitation', country: 'KE', countyCode: 1, place: null, date: null },
        ],
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(await statRowOf(id)).toMatchObject({
        gender: 'Male',
        citizenship: 'UG',
        country_origin: 'UG',
        county_origin: null,
        country_transit: 'KE',
        country_exploitation: 'KE',
        county_exploitation: 1,
        exploitation: flagMask(STAT_EXPLOITATION, ['ForcedLabour', 'SexualExploitation']),
        labour: flagMask(STAT_LABOUR, ['Begging', 'DomesticWork']),
      });
    });

    it('a case determined not to be a victim leaves the statistics', async () => {
      const registered = await registerCase(t.app, workerA);
      await consent(registered.code);
      const id = await caseIdOf(registered.code);
      expect(await statRowOf(id)).toBeDefined();
      const screened = await client(t.app, workerA).post(`/api/v1/cases/${registered.code}/screenings`, {
        acts: [],
        means: [],
        purposes: [],
        iloIndicators: [],
        ageAtExploitation: 24,
      });
      expect(screened.statusCode, screened.body).toBe(201);
      const screening = json<ScreeningDto>(screened);
      const decided = await client(t.app, supervisorA).post(
        `/api/v1/cases/${registered.code}/screenings/${screening.id}/determination`,
        { decision: 'override', status: 'NotAVictimOfTrafficking', reason: 'Consenting adult migrant worker' },
      );
      expect(decided.statusCode, decided.body).toBe(200);
      const dto = json<CaseDto>(await client(t.app, workerA).get(`/api/v1/cases/${registered.code}`));
      expect(dto.traffickingStatus).toBe('NotAVictimOfTrafficking');
      expect(await statRowOf(id)).toBeUndefined();
    });

    it('rebuilding gives the same records as the writes did', async () => {
      const project = async () =>
        (
          await t.ctx.db
            .selectFrom('stat_records')
            .selectAll()
            .where('source', '=', 'case')
            .orderBy('case_id')
            .execute()
        ).map(({ id: _id, ...rest }) => rest);
      const before = await project();
      expect(before.length).toBeGreaterThanOrEqual(2);
      expect(await rebuildCaseStatistics(t.ctx.db)).toBe(before.length);
      expect(await project()).toEqual(before);
    });
  });

  describe('dashboard', () => {
    /** Counts computed here from the rows, independently of the SQL. */
    async function expectedTable(dimensions: readonly StatDimension[], keep: (r: StatRecordTable) => boolean) {
      const rows = (await t.ctx.db.selectFrom('stat_records').selectAll().execute()).filter(keep);
      const keysOf = (r: StatRecordTable, d: StatDimension): (string | null)[] => {
        if (d in STAT_FLAG_FAMILIES) {
          const family = d as keyof typeof STAT_FLAG_FAMILIES;
          const mask = Number(r[STAT_FLAG_COLUMNS[family] as keyof StatRecordTable]);
          const values = flagValues(STAT_FLAG_FAMILIES[family], mask);
          return values.length ? values : [null];
        }
        const single: Record<string, string | number | null> = {
          year: r.year,
          month: r.month === null ? null : `${r.year}-${String(r.month).padStart(2, '0')}`,
          source: r.source,
          gender: r.gender,
          ageBand: r.age_band,
          citizenship: r.citizenship,
          countryOfExploitation: r.country_exploitation,
        };
        const v = single[d];
        return [v === null || v === undefined ? null : String(v)];
      };
      const counts = new Map<string, number>();
      for (const r of rows) {
        let combos: (string | null)[][] = [[]];
        for (const d of dimensions) combos = combos.flatMap((c) => keysOf(r, d).map((k) => [...c, k]));
        for (const c of combos) counts.set(JSON.stringify(c), (counts.get(JSON.stringify(c)) ?? 0) + 1);
      }
      return { total: rows.length, counts };
    }

    const asMap = (table: StatTable) => new Map(table.cells.map((c) => [JSON.stringify(c.keys), c.count]));

    it('gives every table of the dashboard with counts equal to counts made independently', async () => {
      const dto = await dashboard(analyst);
      expect(dto.protection).toMatchObject({ exact: true, suppressedCells: 0 });
      expect(dto.tables.map((x) => x.id)).toEqual(Object.keys(DASHBOARD_TABLES));
      const all = await expectedTable([], () => true);
      expect(dto.total).toBe(all.total);
      for (const table of dto.tables) {
        const expected = await expectedTable(table.dimensions, () => true);
        expect(asMap(table), table.id).toEqual(expected.counts);
        expect(table.total, table.id).toBe(expected.total);
      }
    });

    it('applies filters', async () => {
      const female = await dashboard(analyst, '?gender=Female&from=2016&to=2017');
      const expected = await expectedTable(
        ['ageBand'],
        (r) => r.gender === 'Female' && r.year >= 2016 && r.year <= 2017,
      );
      expect(female.total).toBe(expected.total);
      const genderAge = female.tables.find((x) => x.id === 'genderAge');
      expect(genderAge?.cells.every((c) => c.keys[0] === 'Female')).toBe(true);

      const marriage = await dashboard(analyst, '?exploitation=ForcedMarriage');
      expect(marriage.total).toBe(8);
      const month = await dashboard(analyst, '?from=2017-04&to=2017-04&source=ctdc');
      expect(month.total).toBe(10);
      const kenyans = await dashboard(analyst, '?citizenship=KE&source=ctdc');
      expect(kenyans.total).toBe(10);
    });

    it('suppresses cells below k for roles without case access, exact for those with it', async () => {
      const exact = await dashboard(analyst, '?source=ctdc');
      for (const session of [focal, admin]) {
        const dto = await dashboard(session, '?source=ctdc');
        expect(dto.protection).toMatchObject({ exact: false, k: K });
        expect(dto.protection.suppressedCells).toBeGreaterThan(0);
        dto.tables.forEach((table, i) => {
          const truth = asMap(exact.tables[i]!);
          for (const cell of table.cells) {
            const real = truth.get(JSON.stringify(cell.keys));
            if (real !== undefined && real !== null && real > 0 && real < K) expect(cell.count).toBeNull();
            if (cell.count !== null) expect(cell.count).toBe(real);
          }
        });
        const gender = dto.tables.find((x) => x.id === 'genderAge');
        expect(gender?.cells.find((c) => c.keys[0] === 'Male')?.count).toBeNull();
      }
      expect(exact.tables.find((x) => x.id === 'genderAge')?.cells.find((c) => c.keys[0] === 'Male')?.count).toBe(8);
    });

    it('answers every role (all hold analytics:read) and refuses anonymous callers', async () => {
      for (const [name, session] of Object.entries(sessions)) {
        const res = await client(t.app, session).get(DASHBOARD);
        expect(res.statusCode, name).toBe(200);
      }
      for (const url of [DASHBOARD, GLOTIP, GLOTIP_CSV]) expectProblem(await client(t.app, null).get(url), 401);
    });

    it('refuses bad filters with 400', async () => {
      for (const query of [
        '?gender=Woman',
        '?from=2016-13',
        '?from=16',
        '?from=2018&to=2016',
        '?ageBand=12',
        '?exploitation=Sex',
        '?citizenship=XX',
        '?county=0',
        '?county=abc',
        '?unknown=1',
      ]) {
        expectProblem(await client(t.app, analyst).get(`${DASHBOARD}${query}`), 400);
      }
      expectProblem(await client(t.app, analyst).get(`${GLOTIP}?gender=Female`), 400);
      expectProblem(await client(t.app, analyst).get(`${GLOTIP_CSV}?to=20x6`), 400);
    });
  });

  describe('GLOTIP', () => {
    it('counts victims by year, sex, age group, citizenship and each form of exploitation', async () => {
      const res = await client(t.app, analyst).get(`${GLOTIP}?from=2016&to=2018`);
      expect(res.statusCode, res.body).toBe(200);
      const dto = json<GlotipDto>(res);
      expect(dto.country).toBe('KE');
      expect(dto.total).toBe(40);
      const cell = (o: Partial<GlotipDto['cells'][number]>) =>
        dto.cells.filter((c) => Object.entries(o).every(([k, v]) => c[k as keyof typeof c] === v));
      expect(
        cell({ year: 2016, sex: 'Female', age: 'Adult', citizenship: 'Foreign', form: 'SexualExploitation' }),
      ).toEqual([
        { year: 2016, sex: 'Female', age: 'Adult', citizenship: 'Foreign', form: 'SexualExploitation', count: 20 },
      ]);
      expect(cell({ year: 2017, sex: 'Female', age: 'Child', citizenship: 'National' })[0]?.count).toBe(10);
      // A victim with several forms counts in each of them.
      const men = cell({ year: 2016, sex: 'Male', age: 'Unknown' });
      expect(men.map((c) => [c.form, c.count])).toEqual([
        ['SexualExploitation', 8],
        ['ForcedLabour', 8],
        ['OtherForms', 8],
      ]);
      expect(cell({ year: 2018, sex: 'Unknown', citizenship: 'Unknown', form: 'Unknown' })[0]?.count).toBe(2);
    });

    it('suppresses small cells for roles without case access and offers a CSV', async () => {
      const dto = json<GlotipDto>(await client(t.app, focal).get(`${GLOTIP}?from=2016&to=2018`));
      expect(dto.protection.exact).toBe(false);
      expect(dto.cells.find((c) => c.sex === 'Male')?.count).toBeNull();
      expect(dto.cells.find((c) => c.count === 20)).toBeDefined();

      const csv = await client(t.app, focal).get(`${GLOTIP_CSV}?from=2016&to=2018`);
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toContain('glotip-KE-2016_2018.csv');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Year,Sex,Age,Citizenship,Form of exploitation,Detected victims');
      expect(lines).toContain('2016,Female,18 years or over,Foreign,Sexual exploitation,20');
      expect(lines).toContain('2016,Male,Unknown,Foreign,Forced labour,<11');
      expect(lines).toContain('2017,Female,0 to 17 years,Kenya,Sexual exploitation,<11');
    });
  });
});
