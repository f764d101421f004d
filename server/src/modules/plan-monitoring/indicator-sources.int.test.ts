import type { IndicatorProgressDto, ReferralDto } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseInput, registerCase } from '../../../test/case-factories.ts';
import {
  agencyIdOf,
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  json,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { insertPlan, objective, pillar } from '../../../test/plan-factories.ts';
import { seedDemoCases } from '../demo/demo-cases.seed.ts';
import { reportingPeriodsFor } from '../plans/reporting-periods.ts';
import { INDICATOR_SOURCE_REGISTRY, type ComputedSource, type SourceValue } from './indicator-sources.ts';

// Seeding writes ~300 cases through the services: minutes, not seconds, on a busy CI machine.
const SEEDING_MS = 240_000;
/** The demo case load is generated as of this day; its cases and referrals lie in the 2.5 years before. */
const SEEDED_AS_OF = new Date('2026-06-30T12:00:00.000Z');

interface CaseFacts {
  id: string;
  draft: number;
  trafficking_status: string | null;
  gender: string | null;
  age_band: string | null;
  county_code: number | null;
  created_at: string;
}
interface ReferralFacts {
  case_id: string;
  kind: string;
  status: string;
  approved_at: string | null;
  created_at: string;
  completed_at: string | null;
}

/**
 * The same counts the sources give, written independently over rows read back plainly: dates
 * compared as the UTC calendar day of each time, categories mapped by lookup tables.
 */
function expectedCounts(
  source: ComputedSource,
  cases: readonly CaseFacts[],
  referrals: readonly ReferralFacts[],
  range: { from: string; to: string },
): SourceValue {
  const inRange = (time: string | null) =>
    time !== null && time.slice(0, 10) >= range.from && time.slice(0, 10) <= range.to;
  const byId = new Map(cases.map((c) => [c.id, c]));
  let counted: CaseFacts[];
  switch (source) {
    case 'cases.victims_identified':
      counted = cases.filter(
        (c) => c.draft === 0 && c.trafficking_status !== 'NotAVictimOfTrafficking' && inRange(c.created_at),
      );
      break;
    case 'cases.victims_referred': {
      const sent = referrals.filter(
        (r) =>
          inRange(r.created_at) &&
          r.status !== 'awaiting_approval' &&
          !(r.kind === 'transfer' && r.approved_at === null),
      );
      const caseIds = new Set(sent.map((r) => r.case_id));
      counted = cases.filter((c) => c.draft === 0 && caseIds.has(c.id));
      break;
    }
    case 'referrals.completed':
      counted = referrals.filter((r) => inRange(r.completed_at)).map((r) => byId.get(r.case_id) as CaseFacts);
      break;
  }
  const SEX: Record<string, string> = {
    Feminine: 'female',
    TransgenderFeminine: 'female',
    Masculine: 'male',
    TransgenderMasculine: 'male',
  };
  const CHILD_BANDS = ['0-8', '9-17'];
  const sex: Record<string, number> = { female: 0, male: 0, other_unknown: 0 };
  const ageGroup: Record<string, number> = { child: 0, adult: 0, unknown: 0 };
  const county: Record<string, number> = {};
  for (const c of counted) {
    const s = (c.gender !== null && SEX[c.gender]) || 'other_unknown';
    sex[s] = (sex[s] ?? 0) + 1;
    const a = c.age_band === null ? 'unknown' : CHILD_BANDS.includes(c.age_band) ? 'child' : 'adult';
    ageGroup[a] = (ageGroup[a] ?? 0) + 1;
    const k = c.county_code === null ? 'unknown' : String(c.county_code);
    county[k] = (county[k] ?? 0) + 1;
  }
  return { value: counted.length, disaggregation: { sex, age_group: ageGroup, county } };
}

describeIntegration('indicator sources computed from cases', () => {
  let t: TestApp;
  let supervisor: Session;
  let secretariat: Session;
  let cases: CaseFacts[];
  let referrals: ReferralFacts[];

  const readFacts = async () => {
    cases = await t.ctx.db
      .selectFrom('cases')
      .select(['id', 'draft', 'trafficking_status', 'gender', 'age_band', 'county_code', 'created_at'])
      .execute();
    referrals = await t.ctx.db
      .selectFrom('referrals')
      .select(['case_id', 'kind', 'status', 'approved_at', 'created_at', 'completed_at'])
      .execute();
    cases = cases.map((c) => ({ ...c, draft: Number(c.draft) }));
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    await seedDemoCases(t.ctx, { now: SEEDED_AS_OF });
    [supervisor, secretariat] = await Promise.all([signIn(t.app, DEMO.supervisorA), signIn(t.app, DEMO.secretariat)]);
    await readFacts();
  }, SEEDING_MS);
  afterAll(() => t?.close());

  const quarters = reportingPeriodsFor(2024, 2026, 'quarterly').filter((p) => p.endsOn <= '2026-06-30');
  const ranges = [
    ...quarters.map((q) => ({ from: q.startsOn, to: q.endsOn })),
    { from: '2023-01-01', to: '2026-12-31' },
    // A single day, to check both ends of a range are whole days.
    { from: '2026-06-29', to: '2026-06-29' },
  ];
  const sources = Object.keys(INDICATOR_SOURCE_REGISTRY) as ComputedSource[];

  it('the demo load exercises every rule: drafts, non-victims, transfers held back, completions', () => {
    expect(cases.some((c) => c.draft === 1)).toBe(true);
    expect(cases.some((c) => c.trafficking_status === 'NotAVictimOfTrafficking')).toBe(true);
    expect(cases.some((c) => c.trafficking_status === null && c.draft === 0)).toBe(true);
    expect(referrals.some((r) => r.status === 'awaiting_approval')).toBe(true);
    expect(referrals.some((r) => r.completed_at !== null)).toBe(true);
    expect(cases.some((c) => c.age_band === '9-17' || c.age_band === '0-8')).toBe(true);
  });

  describe.each(sources)('%s', (source) => {
    it.each(ranges)('matches a direct count from $from to $to', async (range) => {
      const computed = await INDICATOR_SOURCE_REGISTRY[source].compute(t.ctx.db, range);
      expect(computed).toEqual(expectedCounts(source, cases, referrals, range));
    });

    it('counts something over the whole demo load', async () => {
      const all = await INDICATOR_SOURCE_REGISTRY[source].compute(t.ctx.db, { from: '2023-01-01', to: '2026-12-31' });
      expect(all.value).toBeGreaterThan(5);
      const { sex, age_group: ageGroup } = all.disaggregation;
      expect(Object.values(sex).reduce((a, b) => a + b, 0)).toBe(all.value);
      expect(Object.values(ageGroup).reduce((a, b) => a + b, 0)).toBe(all.value);
    });
  });

  it('a case registered today counts today as identified, by its sex, age group and county; a draft does not', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = await INDICATOR_SOURCE_REGISTRY['cases.victims_identified'].compute(t.ctx.db, {
      from: today,
      to: today,
    });
    await registerCase(t.app, supervisor, buildCaseInput({ countyCode: 1 }));
    await registerCase(t.app, supervisor, buildCaseInput(), { draft: true });
    const after = await INDICATOR_SOURCE_REGISTRY['cases.victims_identified'].compute(t.ctx.db, {
      from: today,
      to: today,
    });
    expect(after.value).toBe(before.value + 1);
    expect(after.disaggregation.sex.female).toBe((before.disaggregation.sex.female ?? 0) + 1);
    expect(after.disaggregation.age_group.adult).toBe((before.disaggregation.age_group.adult ?? 0) + 1);
    expect(after.disaggregation.county['1']).toBe((before.disaggregation.county['1'] ?? 0) + 1);
  });

  it('a referral counts as sent at once; a transfer only once approved, never when revoked before', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const referred = () =>
      INDICATOR_SOURCE_REGISTRY['cases.victims_referred'].compute(t.ctx.db, { from: today, to: today });
    const agencyB = await agencyIdOf(t.ctx, "Children's Services Office, Kisumu");
    const refer = async (kind: 'referral' | 'transfer') => {
      const { code } = await registerCase(t.app, supervisor);
      const res = await client(t.app, supervisor).post(`/api/v1/cases/${code}/referrals`, {
        kind,
        toAgencyId: agencyB,
        services: ['Shelter'],
        reason: kind === 'transfer' ? 'MigrationOrChangeOfLocation' : 'AdditionalServicesRequired',
        consentOverrideReason: 'Immediate danger at the current shelter',
      });
      expect(res.statusCode, res.body).toBe(201);
      return json<ReferralDto>(res).id;
    };
    const before = (await referred()).value;

    const revoked = await refer('transfer');
    expect((await client(t.app, supervisor).post(`/api/v1/referrals/${revoked}/revoke`)).statusCode).toBe(200);
    const waiting = await refer('transfer');
    expect((await referred()).value).toBe(before);

    await refer('referral');
    expect((await referred()).value).toBe(before + 1);
    expect((await client(t.app, supervisor).post(`/api/v1/referrals/${waiting}/approve`)).statusCode).toBe(200);
    expect((await referred()).value).toBe(before + 2);
  });

  it('the indicators of a plan show the computed actuals per period, disaggregated as the indicator asks', async () => {
    await readFacts();
    const plan = await insertPlan(t.ctx, {
      periodStart: 2025,
      periodEnd: 2026,
      elements: [
        pillar('Protection', [
          objective('Identify and refer victims', [
            {
              kind: 'indicator',
              ref: 'identified',
              title: 'Victims identified',
              unit: 'victims',
              source: 'cases.victims_identified',
              disaggregations: ['sex', 'county'],
              targets: [{ year: 2026, value: 40 }],
            },
            {
              kind: 'indicator',
              ref: 'referred',
              title: 'Victims referred',
              unit: 'victims',
              source: 'cases.victims_referred',
              disaggregations: ['age_group'],
            },
            {
              kind: 'indicator',
              ref: 'completed',
              title: 'Referrals completed',
              unit: 'referrals',
              source: 'referrals.completed',
            },
          ]),
        ]),
      ],
    });
    const res = await client(t.app, secretariat).get(`/api/v1/plans/${plan.id}/indicators`, {
      query: { periodId: plan.period('2026-Q2').id },
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = json<IndicatorProgressDto[]>(res);
    const q1 = { from: '2026-01-01', to: '2026-03-31' };
    const q2 = { from: '2026-04-01', to: '2026-06-30' };

    const identified = list.find((i) => i.key === plan.key('identified'));
    const [i1, i2] = [q1, q2].map((r) => expectedCounts('cases.victims_identified', cases, referrals, r));
    expect(identified?.actuals).toEqual([
      expect.objectContaining({
        periodLabel: '2026-Q1',
        value: i1?.value,
        computed: true,
        disaggregation: { sex: i1?.disaggregation.sex, county: i1?.disaggregation.county },
      }),
      expect.objectContaining({ periodLabel: '2026-Q2', value: i2?.value, computed: true }),
    ]);
    expect(identified).toMatchObject({ year: 2026, target: 40, actual: (i1?.value ?? 0) + (i2?.value ?? 0) });

    const referred = list.find((i) => i.key === plan.key('referred'));
    const r2 = expectedCounts('cases.victims_referred', cases, referrals, q2);
    expect(referred?.actuals[1]).toMatchObject({
      value: r2.value,
      disaggregation: { age_group: r2.disaggregation.age_group },
    });
    expect(referred?.status).toBe('no_target');

    const completed = list.find((i) => i.key === plan.key('completed'));
    expect(completed?.actuals.map((a) => [a.value, a.disaggregation])).toEqual([
      [expectedCounts('referrals.completed', cases, referrals, q1).value, {}],
      [expectedCounts('referrals.completed', cases, referrals, q2).value, {}],
    ]);
    expect(await t.ctx.db.selectFrom('indicator_actuals').select('id').execute()).toEqual([]);
  });
});
