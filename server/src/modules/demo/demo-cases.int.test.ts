import { REFERRAL_STATUSES, type ReferralDto } from '@kinga/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  client,
  createTestApp,
  DEMO,
  describeIntegration,
  json,
  signIn,
  userIdOf,
  type TestApp,
} from '../../../test/harness.ts';
import { buildActor } from '../../access/access.ts';
import { verifyAuditChain } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { createCase, revealIdentity } from '../cases/cases.service.ts';
import { seedDemoCases, type DemoCasesSummary } from './demo-cases.seed.ts';

// Seeding writes ~300 cases through the services: minutes, not seconds, on a busy CI machine.
const SEEDING_MS = 240_000;

/** What two seeded databases must agree on: codes and de-identified attributes, never keys or ciphertext. */
async function snapshot(ctx: AppContext) {
  const cases = await ctx.db
    .selectFrom('cases')
    .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
    .leftJoin('users', 'users.id', 'cases.owner_id')
    .select([
      'cases.code',
      'agencies.name as agency',
      'users.email as owner',
      'cases.draft',
      'cases.status',
      'cases.trafficking_status',
      'cases.gender',
      'cases.age_band',
      'cases.citizenship',
      'cases.county_code',
      'cases.exploitation_types',
      'cases.follow_up_at',
      'cases.closure_status',
      'cases.closure_requested_at',
      'cases.closure_approved_at',
      'cases.created_at',
      'cases.updated_at',
    ])
    .orderBy('cases.code')
    .execute();
  const events = await ctx.db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select([
      'cases.code',
      'case_events.position',
      'case_events.type',
      'case_events.country',
      'case_events.county_code',
      'case_events.date',
    ])
    .orderBy('cases.code')
    .orderBy('case_events.position')
    .execute();
  const referrals = await ctx.db
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .innerJoin('agencies as sender', 'sender.id', 'referrals.from_agency_id')
    .innerJoin('agencies as receiver', 'receiver.id', 'referrals.to_agency_id')
    .select([
      'cases.code',
      'referrals.kind',
      'referrals.status',
      'sender.name as from_agency',
      'receiver.name as to_agency',
      'referrals.services',
      'referrals.created_at',
      'referrals.respond_by',
      'referrals.responded_at',
      'referrals.completed_at',
      'referrals.revoked_at',
    ])
    .orderBy('cases.code')
    .orderBy('referrals.created_at')
    .execute();
  const screenings = await ctx.db
    .selectFrom('screenings')
    .innerJoin('cases', 'cases.id', 'screenings.case_id')
    .select([
      'cases.code',
      'screenings.suggested_status',
      'screenings.determination_state',
      'screenings.determined_status',
      'screenings.screened_at',
      'screenings.decided_at',
    ])
    .orderBy('cases.code')
    .execute();
  const consents = await ctx.db
    .selectFrom('consents')
    .innerJoin('cases', 'cases.id', 'consents.case_id')
    .select([
      'cases.code',
      'consents.purpose',
      'consents.sections',
      'consents.given_on',
      'consents.recorded_at',
      'consents.withdrawn_at',
    ])
    .orderBy('cases.code')
    .orderBy('consents.recorded_at')
    .execute();
  const services = await ctx.db
    .selectFrom('case_services')
    .innerJoin('cases', 'cases.id', 'case_services.case_id')
    .select([
      'cases.code',
      'case_services.type',
      'case_services.status',
      'case_services.start_date',
      'case_services.end_date',
    ])
    .orderBy('cases.code')
    .orderBy('case_services.created_at')
    .orderBy('case_services.type')
    .execute();
  return { cases, events, referrals, screenings, consents, services };
}

describeIntegration('demo case load', () => {
  const now = new Date();
  let first: TestApp;
  let second: TestApp | undefined;
  let seeded: DemoCasesSummary;
  let firstSnapshot: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    first = await createTestApp({ seed: 'demo' });
    seeded = await seedDemoCases(first.ctx, { now });
    firstSnapshot = await snapshot(first.ctx);
  }, SEEDING_MS);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('registers about 300 cases with real codes numbered by year, some still drafts', () => {
    const { cases } = firstSnapshot;
    expect(seeded.cases).toBe(300);
    expect(cases).toHaveLength(300);
    const drafts = cases.filter((c) => c.draft === 1);
    expect(drafts.length).toBeGreaterThan(5);
    expect(drafts.length).toBeLessThan(30);
    const perYear = new Map<string, number[]>();
    for (const c of cases) {
      expect(c.code).toMatch(/^KE-\d{4}-\d{6}$/);
      const year = c.code.slice(3, 7);
      expect(c.created_at.slice(0, 4)).toBe(year);
      perYear.set(year, [...(perYear.get(year) ?? []), Number(c.code.slice(8))]);
    }
    // Numbered 1, 2, 3, … within each year, in the order of registration.
    for (const numbers of perYear.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const byCreation = [...cases].sort((a, b) => (a.created_at < b.created_at ? -1 : 1)).map((c) => c.code);
    expect([...byCreation].sort()).toEqual(byCreation);
    const oldest = Date.parse(cases.find((c) => c.code === byCreation[0])?.created_at ?? '');
    expect(now.getTime() - oldest).toBeGreaterThan(2.3 * 365 * 86_400_000);
  });

  it('has referrals and transfers in every status, and pending ones past their deadline', () => {
    const { referrals } = firstSnapshot;
    const statuses = new Set(referrals.map((r) => r.status));
    for (const status of REFERRAL_STATUSES) expect(statuses).toContain(status);
    expect(referrals.some((r) => r.kind === 'transfer' && r.status === 'awaiting_approval')).toBe(true);
    const pending = referrals.filter((r) => r.status === 'pending');
    const overdue = pending.filter((r) => r.respond_by !== null && r.respond_by < now.toISOString());
    expect(overdue.length).toBeGreaterThan(0);
    expect(pending.length - overdue.length).toBeGreaterThan(0);
    for (const r of referrals) expect(r.from_agency).not.toBe(r.to_agency);
  });

  it('has adults and children, internal flows to Nairobi and Mombasa, and victims in the Gulf and Lebanon', () => {
    const { cases, events } = firstSnapshot;
    const bands = new Set(cases.map((c) => c.age_band));
    expect(bands.has('9-17')).toBe(true);
    expect(['18-20', '21-23', '24-26', '27-29', '30-38'].some((b) => bands.has(b))).toBe(true);
    const route = new Map<string, typeof events>();
    for (const e of events) route.set(e.code, [...(route.get(e.code) ?? []), e]);
    const internalTo = (county: number) =>
      [...route.values()].filter((stops) => {
        const from = stops.find((s) => s.type === 'Recruitment');
        const to = stops.find((s) => s.type === 'Exploitation');
        return (
          from?.country === 'KE' && from.county_code !== county && to?.country === 'KE' && to.county_code === county
        );
      }).length;
    expect(internalTo(47)).toBeGreaterThan(10);
    expect(internalTo(1)).toBeGreaterThan(5);
    const abroad = new Set(events.filter((e) => e.type === 'Exploitation').map((e) => e.country));
    for (const country of ['SA', 'AE', 'QA', 'OM', 'LB']) expect(abroad).toContain(country);
    const citizenships = new Set(cases.map((c) => c.citizenship));
    for (const country of ['KE', 'ET', 'SO', 'UG', 'BI']) expect(citizenships).toContain(country);
  });

  it('went through the services: identities sealed and revealable, determinations by supervisors, an intact audit chain', async () => {
    const { ctx } = first;
    const row = await ctx.db
      .selectFrom('cases')
      .innerJoin('users', 'users.id', 'cases.owner_id')
      .select(['cases.code', 'cases.first_name_enc', 'cases.bi_name', 'users.id as owner_id', 'users.agency_id'])
      .where('cases.draft', '=', 0)
      .where('cases.status', '=', 'Active')
      .orderBy('cases.code')
      .executeTakeFirstOrThrow();
    expect(row.first_name_enc).toBeTruthy();
    expect(row.bi_name).toBeTruthy();
    const roles = await ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', row.owner_id).execute();
    const actor = buildActor({
      id: row.owner_id,
      agencyId: row.agency_id,
      roles: roles.map((r) => r.role as never),
      mfaEnrolmentRequired: false,
    });
    const revealed = await revealIdentity(ctx, { actor, requestId: 'test' }, row.code);
    expect(revealed.identity?.firstName).toMatch(/^\p{L}/u);
    expect(row.first_name_enc).not.toContain(revealed.identity?.firstName ?? '');

    const decided = firstSnapshot.screenings.filter((s) => s.determination_state !== 'pending');
    expect(decided.length).toBeGreaterThan(150);
    const deciders = await ctx.db
      .selectFrom('screenings')
      .select('decided_by')
      .distinct()
      .where('decided_by', 'is not', null)
      .execute();
    for (const d of deciders) {
      const r = await ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', d.decided_by!).execute();
      expect(r.map((x) => x.role)).toContain('case_supervisor');
    }
    const actions = await ctx.db
      .selectFrom('audit_events')
      .select(['action', sql<number>`count(*)`.as('n')])
      .groupBy('action')
      .execute();
    const audited = new Map(actions.map((a) => [a.action, Number(a.n)]));
    expect(audited.get('case.create')).toBe(300);
    expect(audited.get('referral.create')).toBe(seeded.referrals);
    expect(audited.get('demo.seed.cases')).toBe(1);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('shows the demo accounts their case load: lists, overdue incoming referrals, supervisors’ queues', async () => {
    const { app, ctx } = first;
    const worker = client(app, await signIn(app, DEMO.caseworkerA));
    const list = await worker.get('/api/v1/cases', { query: { limit: '200' } });
    expect(list.statusCode, list.body).toBe(200);
    expect(json<{ items: unknown[] }>(list).items.length).toBeGreaterThan(50);

    // An agency with an overdue referral waiting for its answer sees it flagged.
    const late = await ctx.db
      .selectFrom('referrals')
      .innerJoin('users', 'users.agency_id', 'referrals.to_agency_id')
      .select(['users.email'])
      .where('referrals.status', '=', 'pending')
      .where('referrals.respond_by', '<', now.toISOString())
      .where('users.email', 'in', [DEMO.caseworkerA, DEMO.caseworkerB, DEMO.police, DEMO.hotline])
      .executeTakeFirstOrThrow();
    const receiver = client(app, await signIn(app, late.email));
    const overdue = await receiver.get('/api/v1/referrals', { query: { direction: 'incoming', overdue: 'true' } });
    expect(overdue.statusCode, overdue.body).toBe(200);
    const items = json<{ items: ReferralDto[] }>(overdue).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.overdue && r.status === 'pending')).toBe(true);

    const supervisor = client(app, await signIn(app, DEMO.supervisorA));
    const work = await supervisor.get('/api/v1/work');
    expect(work.statusCode, work.body).toBe(200);
    const queues = json<{ myCases: unknown[]; determinationsToConfirm: unknown[] }>(work);
    expect(queues.determinationsToConfirm.length).toBeGreaterThan(0);
  }, 60_000);

  it('lets new cases continue the numbering of the current year', async () => {
    const { ctx } = first;
    const year = new Date().getUTCFullYear();
    const thisYear = firstSnapshot.cases.filter((c) => c.code.startsWith(`KE-${year}-`)).length;
    const id = await userIdOf(ctx, DEMO.caseworkerA);
    const user = await ctx.db.selectFrom('users').select('agency_id').where('id', '=', id).executeTakeFirstOrThrow();
    const actor = buildActor({ id, agencyId: user.agency_id, roles: ['case_worker'], mfaEnrolmentRequired: false });
    const created = await createCase(ctx, { actor, requestId: 'test' }, { narrative: 'New intake after the demo.' });
    expect(created.code).toBe(`KE-${year}-${String(thisYear + 1).padStart(6, '0')}`);
  });

  it('refuses to load the demo cases twice', async () => {
    await expect(seedDemoCases(first.ctx, { now })).rejects.toThrow(/without cases/);
  });

  it(
    'is deterministic: a second fresh database gets the same codes and de-identified attributes',
    async () => {
      second = await createTestApp({ seed: 'demo' });
      await seedDemoCases(second.ctx, { now });
      const again = await snapshot(second.ctx);
      expect(again.cases).toEqual(firstSnapshot.cases);
      expect(again.events).toEqual(firstSnapshot.events);
      expect(again.referrals).toEqual(firstSnapshot.referrals);
      expect(again.screenings).toEqual(firstSnapshot.screenings);
      expect(again.consents).toEqual(firstSnapshot.consents);
      expect(again.services).toEqual(firstSnapshot.services);
    },
    SEEDING_MS,
  );
});
