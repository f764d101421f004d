import type { DashboardDto } from '@kinga/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertUser } from '../../../test/factories.ts';
import {
  agencyIdOf,
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
import { insertPlan, objective, pillar, type InsertedPlan } from '../../../test/plan-factories.ts';
import { LAST_YEAR, THIS_YEAR } from './plan-monitoring.fixtures.ts';

const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';
const zero = { not_started: 0, on_track: 0, delayed: 0, completed: 0, cancelled: 0, unreported: 0 };

/**
 * A known small plan over last year and this year: five activities of three agencies with
 * budgets and dates, one indicator, and reports of last year's first, second and fourth
 * quarters, judged at last year's third quarter.
 */
describeIntegration('plan monitoring: dashboard', () => {
  let t: TestApp;
  let secretariat: Session;
  let focal: Session;
  let tumainiFocal: Session;
  let admin: Session;
  let labour: string;
  let police: string;
  let tumaini: string;
  let plan: InsertedPlan;

  const reportUrl = (label: string, agencyId: string) =>
    `/api/v1/plans/${plan.id}/periods/${plan.period(label).id}/reports/${agencyId}`;
  const dashboard = async (label?: string, who: Session = admin) => {
    const res = await client(t.app, who).get(
      `/api/v1/plans/${plan.id}/dashboard`,
      label ? { query: { periodId: plan.period(label).id } } : {},
    );
    expect(res.statusCode, res.body).toBe(200);
    return json<DashboardDto>(res);
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [secretariat, focal, admin] = await Promise.all([
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.admin),
    ]);
    labour = focal.user.agencyId;
    police = await agencyIdOf(t.ctx, 'Anti-Human Trafficking Police Unit (demo)');
    tumaini = await agencyIdOf(t.ctx, 'Tumaini Safe House');
    const user = await insertUser(t.ctx, { agencyId: tumaini, roles: ['focal_point'] });
    tumainiFocal = await signIn(t.app, user.email, user.password);

    plan = await insertPlan(t.ctx, {
      periodStart: LAST_YEAR,
      periodEnd: THIS_YEAR,
      elements: [
        pillar(
          'Prevention',
          [
            objective('Safer labour migration', [
              {
                kind: 'activity',
                ref: 'a1',
                title: 'Train labour inspectors',
                leadAgencyId: labour,
                budget: 1000,
                startDate: `${LAST_YEAR}-01-01`,
                endDate: `${LAST_YEAR}-06-30`,
                children: [
                  {
                    kind: 'indicator',
                    ref: 'i1',
                    title: 'Inspectors trained',
                    unit: 'people',
                    targets: [{ year: LAST_YEAR, value: 100 }],
                  },
                ],
              },
              {
                kind: 'activity',
                ref: 'a2',
                title: 'Inspect recruitment agencies',
                leadAgencyId: labour,
                budget: 3000,
                startDate: `${LAST_YEAR}-03-01`,
                endDate: `${THIS_YEAR}-12-31`,
              },
            ]),
          ],
          'p1',
        ),
        pillar(
          'Protection',
          [
            objective('Assist victims', [
              { kind: 'activity', ref: 'a3', title: 'Rescue operations', leadAgencyId: police },
              { kind: 'activity', ref: 'a4', title: 'Run a safe house', leadAgencyId: tumaini, budget: 2000 },
              {
                kind: 'activity',
                ref: 'a5',
                title: 'Train shelter staff',
                leadAgencyId: tumaini,
                budget: 500,
                startDate: `${LAST_YEAR}-02-01`,
                endDate: `${LAST_YEAR}-05-31`,
              },
            ]),
          ],
          'p2',
        ),
      ],
    });

    const report = async (
      who: Session,
      label: string,
      agencyId: string,
      entries: [string, string][],
      submit = true,
    ) => {
      const url = reportUrl(label, agencyId);
      const saved = await client(t.app, who).put(url, {
        entries: entries.map(([ref, status]) => ({ activityKey: plan.key(ref), status })),
      });
      expect(saved.statusCode, saved.body).toBe(200);
      if (submit) expect((await client(t.app, who).post(`${url}/submit`)).statusCode).toBe(200);
    };
    await report(focal, `${LAST_YEAR}-Q1`, labour, [
      ['a1', 'on_track'],
      ['a2', 'not_started'],
    ]);
    expect(
      (await client(t.app, secretariat).post(`${reportUrl(`${LAST_YEAR}-Q1`, labour)}/accept`, {})).statusCode,
    ).toBe(200);
    await report(focal, `${LAST_YEAR}-Q2`, labour, [
      ['a1', 'completed'],
      ['a2', 'delayed'],
    ]);
    await report(focal, `${LAST_YEAR}-Q4`, labour, [
      ['a1', 'completed'],
      ['a2', 'completed'],
    ]);
    // A draft is not reported yet.
    await report(
      tumainiFocal,
      `${LAST_YEAR}-Q2`,
      tumaini,
      [
        ['a4', 'on_track'],
        ['a5', 'on_track'],
      ],
      false,
    );
    for (const [label, value] of [
      [`${LAST_YEAR}-Q1`, 30],
      [`${LAST_YEAR}-Q2`, 20],
    ] as const) {
      const url = `/api/v1/plans/${plan.id}/periods/${plan.period(label).id}/actuals/${plan.key('i1')}`;
      expect((await client(t.app, focal).put(url, { value })).statusCode).toBe(200);
    }
  });
  afterAll(() => t?.close());

  it('counts activities by pillar and agency from the latest handed-in report up to the period', async () => {
    const d = await dashboard(`${LAST_YEAR}-Q3`);
    expect(d).toMatchObject({ planId: plan.id, version: 1, currency: 'KES' });
    expect(d.period).toMatchObject({ label: `${LAST_YEAR}-Q3`, endsOn: `${LAST_YEAR}-09-30`, missingReports: 3 });
    expect(d.byPillar).toEqual([
      {
        key: plan.key('p1'),
        title: 'Prevention',
        activities: 2,
        statuses: { ...zero, completed: 1, delayed: 1 },
        budget: 4000,
      },
      { key: plan.key('p2'), title: 'Protection', activities: 3, statuses: { ...zero, unreported: 3 }, budget: 2500 },
    ]);
    expect(d.byAgency).toEqual([
      {
        agencyId: police,
        agencyName: 'Anti-Human Trafficking Police Unit (demo)',
        activities: 1,
        statuses: { ...zero, unreported: 1 },
        budget: 0,
      },
      {
        agencyId: labour,
        agencyName: 'State Department for Labour (demo)',
        activities: 2,
        statuses: { ...zero, completed: 1, delayed: 1 },
        budget: 4000,
      },
      {
        agencyId: tumaini,
        agencyName: 'Tumaini Safe House',
        activities: 2,
        statuses: { ...zero, unreported: 2 },
        budget: 2500,
      },
    ]);
  });

  it('lists late activities: past their end and not completed or cancelled, or reported delayed', async () => {
    const d = await dashboard(`${LAST_YEAR}-Q3`);
    expect(d.lateActivities).toEqual([
      {
        key: plan.key('a2'),
        number: '1.1.2',
        title: 'Inspect recruitment agencies',
        leadAgencyName: 'State Department for Labour (demo)',
        endDate: `${THIS_YEAR}-12-31`,
        status: 'delayed',
      },
      {
        key: plan.key('a5'),
        number: '2.1.3',
        title: 'Train shelter staff',
        leadAgencyName: 'Tumaini Safe House',
        endDate: `${LAST_YEAR}-05-31`,
        status: null,
      },
    ]);
    // A quarter later a2 is reported completed: only a5 is late.
    const later = await dashboard(`${LAST_YEAR}-Q4`);
    expect(later.lateActivities.map((a) => a.number)).toEqual(['2.1.3']);
    expect(later.byPillar[0]?.statuses).toEqual({ ...zero, completed: 2 });
  });

  it('spreads budgets evenly over the years each activity spans, the whole plan without dates', async () => {
    const d = await dashboard(`${LAST_YEAR}-Q3`);
    expect(d.budget).toEqual({
      total: 6500,
      byYear: [
        { year: LAST_YEAR, amount: 4000 },
        { year: THIS_YEAR, amount: 2500 },
      ],
    });
  });

  it('judges the indicators at the period and lists the missing reports up to it', async () => {
    const d = await dashboard(`${LAST_YEAR}-Q3`);
    expect(d.indicators).toEqual([
      expect.objectContaining({
        key: plan.key('i1'),
        year: LAST_YEAR,
        target: 100,
        actual: 50,
        progress: 0.5,
        status: 'at_risk',
      }),
    ]);
    const missing = d.missingReports.map((m) => `${m.periodLabel} ${m.agencyName}`);
    expect(missing).toEqual([
      `${LAST_YEAR}-Q1 Anti-Human Trafficking Police Unit (demo)`,
      `${LAST_YEAR}-Q1 Tumaini Safe House`,
      `${LAST_YEAR}-Q2 Anti-Human Trafficking Police Unit (demo)`,
      `${LAST_YEAR}-Q2 Tumaini Safe House`,
      `${LAST_YEAR}-Q3 State Department for Labour (demo)`,
      `${LAST_YEAR}-Q3 Anti-Human Trafficking Police Unit (demo)`,
      `${LAST_YEAR}-Q3 Tumaini Safe House`,
    ]);
  });

  it('defaults to the latest period that has ended, for every plan reader', async () => {
    const quarter = Math.floor(new Date().getUTCMonth() / 3);
    const expected = quarter === 0 ? `${LAST_YEAR}-Q4` : `${THIS_YEAR}-Q${quarter}`;
    for (const who of [admin, focal, secretariat]) {
      expect((await dashboard(undefined, who)).period?.label).toBe(expected);
    }
  });

  it('answers 404 for an unknown plan or a period of another plan', async () => {
    expectProblem(await client(t.app, admin).get(`/api/v1/plans/${UNKNOWN_ID}/dashboard`), 404);
    expectProblem(
      await client(t.app, admin).get(`/api/v1/plans/${plan.id}/dashboard`, { query: { periodId: UNKNOWN_ID } }),
      404,
    );
    expectProblem(
      await client(t.app, admin).get(`/api/v1/plans/${plan.id}/dashboard`, { query: { periodId: 'x' } }),
      400,
    );
  });
});
