import type { StatFlowsDto, StatTable } from '@kinga/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../db/ids.ts';
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

/** Groups of identical de-identified records: how many, and their places. */
const GROUPS: { n: number; row: Record<string, unknown> }[] = [
  // CTDC records: citizenship only, exploited in Kenya.
  { n: 15, row: { source: 'ctdc', year: 2016, citizenship: 'UG', country_exploitation: 'KE' } },
  // Kenyans flown through the Emirates to Saudi Arabia.
  {
    n: 12,
    row: { year: 2024, country_origin: 'KE', county_origin: 40, country_transit: 'AE', country_exploitation: 'SA' },
  },
  // Rural counties to Nairobi and Mombasa.
  {
    n: 20,
    row: { year: 2025, country_origin: 'KE', county_origin: 12, country_exploitation: 'KE', county_exploitation: 47 },
  },
  {
    n: 11,
    row: { year: 2025, country_origin: 'KE', county_origin: 3, country_exploitation: 'KE', county_exploitation: 1 },
  },
  // A small flow: hidden from roles without case access.
  {
    n: 3,
    row: {
      year: 2025,
      country_origin: 'KE',
      county_origin: 40,
      country_transit: 'KE',
      country_exploitation: 'KE',
      county_exploitation: 47,
    },
  },
];
const TOTAL = GROUPS.reduce((n, g) => n + g.n, 0);

function cell(table: StatTable, ...keys: (string | null)[]): number | null | undefined {
  return table.cells.find((c) => JSON.stringify(c.keys) === JSON.stringify(keys))?.count;
}

function allTables(dto: StatFlowsDto): StatTable[] {
  return [...Object.values(dto.countries), ...Object.values(dto.counties)];
}

describeIntegration('flows', () => {
  let t: TestApp;
  let analyst: Session;
  let focal: Session;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    const rows = GROUPS.flatMap((g) =>
      Array.from({ length: g.n }, () => ({
        id: newId(),
        source: 'case',
        year: 2025,
        exploitation: 0,
        labour: 0,
        sex_types: 0,
        control: 0,
        recruiter: 0,
        recruitment: 0,
        ...g.row,
      })),
    );
    await t.ctx.db.insertInto('stat_records').values(rows).execute();
    [analyst, focal] = await Promise.all([signIn(t.app, DEMO.analyst), signIn(t.app, DEMO.focal)]);
  });
  afterAll(() => t?.close());

  it('answers exact links by country and county to a role with case access', async () => {
    const res = await client(t.app, analyst).get('/api/v1/analytics/flows');
    expect(res.statusCode, res.body).toBe(200);
    const dto = json<StatFlowsDto>(res);
    expect(dto.protection).toEqual({ exact: true, k: 11, suppressedCells: 0 });
    expect(dto.total).toBe(TOTAL);
    const { countries, counties } = dto;
    // Origin, else citizenship: the CTDC records start from Uganda.
    expect(countries.originTransit.cells).toEqual([
      { keys: ['KE', 'AE'], count: 12 },
      { keys: ['KE', 'KE'], count: 3 },
      { keys: ['KE', null], count: 31 },
      { keys: ['UG', null], count: 15 },
    ]);
    expect(countries.transitExploitation.cells).toEqual([
      { keys: ['AE', 'SA'], count: 12 },
      { keys: ['KE', 'KE'], count: 3 },
      { keys: [null, 'KE'], count: 46 },
    ]);
    expect(cell(countries.originExploitation, 'KE', 'SA')).toBe(12);
    expect(cell(countries.originExploitation, 'KE', 'KE')).toBe(34);
    expect(cell(countries.originExploitation, 'UG', 'KE')).toBe(15);
    expect(countries.exploitation.cells).toEqual([
      { keys: ['KE'], count: 49 },
      { keys: ['SA'], count: 12 },
    ]);
    expect(countries.transit.cells).toEqual([
      { keys: ['AE'], count: 12 },
      { keys: ['KE'], count: 3 },
      { keys: [null], count: 46 },
    ]);
    expect(counties.originExploitation.cells).toEqual([
      { keys: ['3', '1'], count: 11 },
      { keys: ['12', '47'], count: 20 },
      { keys: ['40', '47'], count: 3 },
      { keys: ['40', null], count: 12 },
      { keys: [null, null], count: 15 },
    ]);
    expect(cell(counties.exploitation, '47')).toBe(23);
    for (const table of allTables(dto)) expect(table.total).toBe(TOTAL);
    // The transit column conserves: what enters a transit country leaves it.
    for (const transit of ['AE', 'KE', null]) {
      const inflow = countries.originTransit.cells.filter((c) => c.keys[1] === transit);
      const outflow = countries.transitExploitation.cells.filter((c) => c.keys[0] === transit);
      const sum = (cells: typeof inflow) => cells.reduce((n, c) => n + (c.count ?? 0), 0);
      expect(sum(inflow)).toBe(sum(outflow));
    }
  });

  it('narrows by the dashboard filters', async () => {
    const ctdc = json<StatFlowsDto>(await client(t.app, analyst).get('/api/v1/analytics/flows?source=ctdc'));
    expect(ctdc.total).toBe(15);
    expect(ctdc.countries.originExploitation.cells).toEqual([{ keys: ['UG', 'KE'], count: 15 }]);
    const nairobi = json<StatFlowsDto>(await client(t.app, analyst).get('/api/v1/analytics/flows?county=47&from=2025'));
    expect(nairobi.total).toBe(23);
    expect(nairobi.counties.originExploitation.cells).toEqual([
      { keys: ['12', '47'], count: 20 },
      { keys: ['40', '47'], count: 3 },
    ]);
    const none = json<StatFlowsDto>(await client(t.app, analyst).get('/api/v1/analytics/flows?to=2015'));
    expect(none.total).toBe(0);
    expect(none.countries.originTransit.cells).toEqual([]);
  });

  it('hides small flows from a role without case access', async () => {
    const res = await client(t.app, focal).get('/api/v1/analytics/flows');
    expect(res.statusCode, res.body).toBe(200);
    const dto = json<StatFlowsDto>(res);
    expect(dto.protection.exact).toBe(false);
    expect(dto.protection.k).toBe(11);
    expect(dto.protection.suppressedCells).toBeGreaterThan(0);
    expect(cell(dto.counties.originExploitation, '40', '47')).toBeNull();
    expect(cell(dto.countries.transitExploitation, 'KE', 'KE')).toBeNull();
    for (const table of allTables(dto)) {
      for (const c of table.cells) {
        if (c.count !== null) expect(c.count === 0 || c.count >= 11, `${table.id} ${String(c.keys)}`).toBe(true);
      }
    }
    // Large flows stay published (which ones besides the small cells are hidden is the suppression's choice).
    expect(dto.total).toBe(TOTAL);
    const published = allTables(dto).flatMap((table) => table.cells.filter((c) => (c.count ?? 0) >= 11));
    expect(published.length).toBeGreaterThan(0);
  });

  it('answers every role: the figures are aggregates', async () => {
    for (const email of Object.values(DEMO)) {
      const session = await signIn(t.app, email);
      const res = await client(t.app, session).get('/api/v1/analytics/flows');
      expect(res.statusCode, `${email}: ${res.body}`).toBe(200);
    }
  });

  it('refuses anonymous callers and bad filters', async () => {
    expectProblem(await client(t.app, null).get('/api/v1/analytics/flows'), 401);
    for (const query of ['from=2016-13', 'county=abc', 'county=0', 'gender=Other', 'from=2020&to=2019', 'caseId=x']) {
      expectProblem(await client(t.app, analyst).get(`/api/v1/analytics/flows?${query}`), 400, 'validation_failed');
    }
  });
});
