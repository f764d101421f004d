import type { IndicatorProgressDto } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../../test/factories.ts';
import {
  agencyIdOf,
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
import { insertPlan, type InsertedPlan } from '../../../test/plan-factories.ts';
import { LAST_YEAR, monitoredPlanSpec, NEXT_YEAR, THIS_YEAR, type LeadAgencies } from './plan-monitoring.fixtures.ts';

const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';

/** The label of the latest quarter that has ended today. */
function latestEndedQuarter(): string {
  const quarter = Math.floor(new Date().getUTCMonth() / 3);
  return quarter === 0 ? `${LAST_YEAR}-Q4` : `${THIS_YEAR}-Q${quarter}`;
}

describeIntegration('plan monitoring: indicator actuals and progress', () => {
  let t: TestApp;
  let secretariat: Session;
  let focal: Session;
  let policeFocal: Session;
  let caseworker: Session;
  let agencies: LeadAgencies;
  let plan: InsertedPlan;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [secretariat, focal, caseworker] = await Promise.all([
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.caseworkerA),
    ]);
    agencies = {
      labour: focal.user.agencyId,
      police: await agencyIdOf(t.ctx, 'Anti-Human Trafficking Police Unit (demo)'),
      tumaini: await agencyIdOf(t.ctx, 'Tumaini Safe House'),
    };
    const policeUser = await insertUser(t.ctx, { agencyId: agencies.police, roles: ['focal_point'] });
    policeFocal = await signIn(t.app, policeUser.email, policeUser.password);
    plan = await insertPlan(t.ctx, monitoredPlanSpec(agencies));
  });
  afterAll(() => t?.close());

  const actualUrl = (label: string, ref: string, p: InsertedPlan = plan) =>
    `/api/v1/plans/${p.id}/periods/${p.period(label).id}/actuals/${p.key(ref)}`;
  const indicatorsAt = async (label?: string, who: Session = caseworker) => {
    const res = await client(t.app, who).get(
      `/api/v1/plans/${plan.id}/indicators`,
      label ? { query: { periodId: plan.period(label).id } } : {},
    );
    expect(res.statusCode, res.body).toBe(200);
    const list = json<IndicatorProgressDto[]>(res);
    return (ref: string) => {
      const found = list.find((i) => i.key === plan.key(ref));
      if (!found) throw new Error(`indicator ${ref} missing`);
      return found;
    };
  };

  describe('entering actuals', () => {
    it("a focal point enters an actual of its activity's indicator with its breakdown; audited", async () => {
      const res = await client(t.app, focal).put(actualUrl(`${LAST_YEAR}-Q1`, 'i1'), {
        value: 20,
        disaggregation: { sex: { female: 12, male: 8 }, county: { '1': 10, '47': 6, unknown: 4 } },
        note: 'Two sessions, Mombasa and Nairobi',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(json(res)).toMatchObject({
        periodLabel: `${LAST_YEAR}-Q1`,
        value: 20,
        computed: false,
        disaggregation: { sex: { female: 12, male: 8 }, county: { '1': 10, '47': 6, unknown: 4 } },
        note: 'Two sessions, Mombasa and Nairobi',
        enteredByName: focal.user.name,
      });
      const audit = await expectAudit(t.ctx, res, {
        action: 'indicator_actual.save',
        outcome: 'success',
        actorId: focal.user.id,
        entityType: 'indicator_actual',
      });
      expect(JSON.stringify(audit)).not.toContain('Mombasa');
    });

    it('a second entry for the same period replaces the first', async () => {
      const url = actualUrl(`${LAST_YEAR}-Q2`, 'i1');
      expect((await client(t.app, focal).put(url, { value: 10 })).statusCode).toBe(200);
      const res = await client(t.app, focal).put(url, { value: 30, disaggregation: { sex: { female: 30 } } });
      expect(json(res)).toMatchObject({ value: 30, note: null, disaggregation: { sex: { female: 30 } } });
      const rows = await t.ctx.db
        .selectFrom('indicator_actuals')
        .select('value')
        .where('period_id', '=', plan.period(`${LAST_YEAR}-Q2`).id)
        .where('indicator_key', '=', plan.key('i1'))
        .execute();
      expect(rows.map((r) => Number(r.value))).toEqual([30]);
    });

    it("another agency's indicator, or one of an objective, is 404 for a focal point", async () => {
      const res = await client(t.app, focal).put(actualUrl(`${LAST_YEAR}-Q1`, 'i3'), { value: 2 });
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, focal, { entityType: 'plan_element', entityId: plan.key('i3') });
      expectProblem(await client(t.app, focal).put(actualUrl(`${LAST_YEAR}-Q1`, 'i0'), { value: 2 }), 404);
      const police = await client(t.app, policeFocal).put(actualUrl(`${LAST_YEAR}-Q1`, 'i3'), { value: 2 });
      expect(police.statusCode, police.body).toBe(200);
    });

    it('the secretariat enters any indicator; roles without plan:manage or plan:report are refused', async () => {
      const res = await client(t.app, secretariat).put(actualUrl(`${LAST_YEAR}-Q1`, 'i0'), { value: 10 });
      expect(res.statusCode, res.body).toBe(200);
      await expectAudit(t.ctx, res, { action: 'indicator_actual.save', actorId: secretariat.user.id });
      const refused = await client(t.app, caseworker).put(actualUrl(`${LAST_YEAR}-Q1`, 'i0'), { value: 99 });
      expectProblem(refused, 403);
      await expectDenied(t.ctx, refused, caseworker);
    });

    it('a computed indicator takes no entries (409 computed_indicator)', async () => {
      for (const who of [secretariat, focal]) {
        expectProblem(
          await client(t.app, who).put(actualUrl(`${LAST_YEAR}-Q1`, 'ic'), { value: 5 }),
          409,
          'computed_indicator',
        );
      }
    });

    it('checks the breakdown against the indicator (422)', async () => {
      const url = actualUrl(`${LAST_YEAR}-Q3`, 'i1');
      const cases: [unknown, string, string][] = [
        [{ age_group: { child: 1 } }, 'body.disaggregation.age_group', 'not_disaggregated'],
        [{ sex: { girls: 1 } }, 'body.disaggregation.sex.girls', 'unknown_category'],
        [{ county: { '99': 1 } }, 'body.disaggregation.county.99', 'unknown_category'],
        [{ county: { Kilifi: 1 } }, 'body.disaggregation.county.Kilifi', 'unknown_category'],
        [{ sex: { female: 15, male: 10 } }, 'body.disaggregation.sex', 'exceeds_value'],
      ];
      for (const [disaggregation, path, code] of cases) {
        const res = await client(t.app, focal).put(url, { value: 20, disaggregation });
        const problem = expectProblem(res, 422, 'invalid_disaggregation');
        expect(problem.issues).toEqual([expect.objectContaining({ path, code })]);
      }
      // Breakdowns may add up to less than the value (the rest is not broken down).
      expect(
        (await client(t.app, focal).put(url, { value: 20, disaggregation: { sex: { male: 5 } } })).statusCode,
      ).toBe(200);
    });

    it('bad values are 400; unknown indicators, elements that are no indicator, foreign periods 404', async () => {
      const url = actualUrl(`${LAST_YEAR}-Q3`, 'i0');
      expectProblem(await client(t.app, secretariat).put(url, { value: 'many' }), 400);
      expectProblem(
        await client(t.app, secretariat).put(url, { value: 1, disaggregation: { sex: { female: -1 } } }),
        400,
      );
      const period = plan.period(`${LAST_YEAR}-Q3`).id;
      expectProblem(
        await client(t.app, secretariat).put(`/api/v1/plans/${plan.id}/periods/${period}/actuals/${UNKNOWN_ID}`, {
          value: 1,
        }),
        404,
      );
      expectProblem(await client(t.app, secretariat).put(actualUrl(`${LAST_YEAR}-Q3`, 'a1'), { value: 1 }), 404);
      const other = await insertPlan(t.ctx, monitoredPlanSpec(agencies));
      expectProblem(
        await client(t.app, secretariat).put(
          `/api/v1/plans/${plan.id}/periods/${other.period(`${LAST_YEAR}-Q3`).id}/actuals/${plan.key('i0')}`,
          { value: 1 },
        ),
        404,
      );
    });

    it('a period that has not started takes no actual (409)', async () => {
      expectProblem(
        await client(t.app, secretariat).put(actualUrl(`${NEXT_YEAR}-Q4`, 'i0'), { value: 1 }),
        409,
        'period_not_started',
      );
    });
  });

  describe('progress against targets', () => {
    it('sums a counting indicator over the year up to the judged period', async () => {
      const at = await indicatorsAt(`${LAST_YEAR}-Q2`);
      expect(at('i1')).toMatchObject({
        number: '1.1.1-I1',
        title: 'Labour inspectors trained',
        year: LAST_YEAR,
        target: 100,
        actual: 50,
        progress: 0.5,
        status: 'on_track',
      });
      expect(at('i1').actuals.map((a) => [a.periodLabel, a.value, a.computed])).toEqual([
        [`${LAST_YEAR}-Q1`, 20, false],
        [`${LAST_YEAR}-Q2`, 30, false],
      ]);
      // After the first quarter: 20 of 100 when a quarter of the year is gone is at risk.
      expect((await indicatorsAt(`${LAST_YEAR}-Q1`))('i1')).toMatchObject({ actual: 20, status: 'at_risk' });
    });

    it('takes the latest value of a level indicator', async () => {
      const url = actualUrl(`${LAST_YEAR}-Q2`, 'i0');
      expect((await client(t.app, secretariat).put(url, { value: 25 })).statusCode).toBe(200);
      expect((await indicatorsAt(`${LAST_YEAR}-Q2`))('i0')).toMatchObject({
        year: LAST_YEAR,
        target: 40,
        actual: 25,
        progress: 0.625,
        status: 'on_track',
      });
    });

    it('no target for the year, or nothing reported, says so', async () => {
      const at = await indicatorsAt(`${LAST_YEAR}-Q2`);
      expect(at('i3')).toMatchObject({ target: null, actual: 2, status: 'no_target' });
      const thisYear = await indicatorsAt(`${THIS_YEAR}-Q1`);
      expect(thisYear('i1')).toMatchObject({ year: THIS_YEAR, target: 200, actual: null, status: 'no_data' });
    });

    it('computed indicators appear with computed actuals and are never stored', async () => {
      const at = await indicatorsAt(`${LAST_YEAR}-Q2`);
      expect(at('ic').source).toBe('cases.victims_identified');
      expect(at('ic').actuals).toEqual([
        expect.objectContaining({ periodLabel: `${LAST_YEAR}-Q1`, value: 0, computed: true, enteredByName: null }),
        expect.objectContaining({ periodLabel: `${LAST_YEAR}-Q2`, value: 0, computed: true }),
      ]);
      const stored = await t.ctx.db
        .selectFrom('indicator_actuals')
        .select('id')
        .where('indicator_key', '=', plan.key('ic'))
        .execute();
      expect(stored).toEqual([]);
    });

    it('judges the latest period that has ended by default', async () => {
      const res = await client(t.app, focal).get(`/api/v1/plans/${plan.id}/indicators`);
      expect(res.statusCode).toBe(200);
      const list = json<IndicatorProgressDto[]>(res);
      expect(list.map((i) => i.number)).toEqual(['1.1.1-I1', '1.1.1-I2', '1.1.3-I1', '1.1-I1']);
      const latest = latestEndedQuarter();
      const i1 = list.find((i) => i.key === plan.key('i1'));
      expect(i1?.actuals.at(-1)?.periodLabel).toBe(latest);
      expect(i1?.year).toBe(Number(latest.slice(0, 4)));
      expectProblem(
        await client(t.app, focal).get(`/api/v1/plans/${plan.id}/indicators`, { query: { periodId: UNKNOWN_ID } }),
        404,
      );
    });

    it('lists the indicator sources to every plan reader', async () => {
      const res = await client(t.app, caseworker).get('/api/v1/indicator-sources');
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual([
        { name: 'manual', disaggregations: ['sex', 'age_group', 'county'] },
        { name: 'cases.victims_identified', disaggregations: ['sex', 'age_group', 'county'] },
        { name: 'cases.victims_referred', disaggregations: ['sex', 'age_group', 'county'] },
        { name: 'referrals.completed', disaggregations: ['sex', 'age_group', 'county'] },
      ]);
    });
  });
});
