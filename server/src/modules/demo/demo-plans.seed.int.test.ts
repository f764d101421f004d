import { PARENT_KINDS, PILLARS, type PlanElementKind } from '@kinga/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { agencyIdOf, createTestApp, DEMO, describeIntegration, type TestApp } from '../../../test/harness.ts';
import { verifyAuditChain } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { fieldsOf, findVersion, loadElements, versionInForce } from '../plans/plan-elements.ts';
import { seedDemoPlans, type DemoPlansSummary } from './demo-plans.seed.ts';
import { DEMO_AGENCIES } from './demo.seed.ts';

const DRAFT_TITLE = 'National Plan of Action to Combat Trafficking in Persons 2027–2031';
const EARLIER_TITLE = 'National Plan of Action 2022–2026';

async function planByTitle(ctx: AppContext, title: string) {
  return ctx.db.selectFrom('plans').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
}

async function agencyOfUser(ctx: AppContext, email: string): Promise<string> {
  const row = await ctx.db.selectFrom('users').select('agency_id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.agency_id;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describeIntegration('demo plans, partners and meetings', () => {
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  let t: TestApp;
  let seeded: DemoPlansSummary;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    seeded = await seedDemoPlans(t.ctx, { now });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('holds the draft 2027–2031 plan: deadline, period, currency, and version 1 returned by a committee decision', async () => {
    const { ctx } = t;
    const plan = await planByTitle(ctx, DRAFT_TITLE);
    expect(plan).toMatchObject({
      period_start: 2027,
      period_end: 2031,
      submission_deadline: '2027-09-30',
      reporting_frequency: 'quarterly',
      currency: 'KES',
    });
    const versions = await ctx.db
      .selectFrom('plan_versions')
      .select(['id', 'number', 'status', 'based_on'])
      .where('plan_id', '=', plan.id)
      .orderBy('number')
      .execute();
    expect(versions.map((v) => [v.number, v.status, v.based_on])).toEqual([
      [1, 'returned', null],
      [2, 'draft', 1],
    ]);

    const steps = await ctx.db
      .selectFrom('plan_version_steps')
      .innerJoin('plan_versions', 'plan_versions.id', 'plan_version_steps.version_id')
      .leftJoin('meeting_decisions', 'meeting_decisions.id', 'plan_version_steps.decision_id')
      .leftJoin('meetings', 'meetings.id', 'meeting_decisions.meeting_id')
      .select([
        'plan_versions.number',
        'plan_version_steps.transition',
        'plan_version_steps.actor_id',
        'plan_version_steps.at',
        'meetings.kind as meeting_kind',
        'meetings.plan_id as meeting_plan',
      ])
      .where('plan_versions.plan_id', '=', plan.id)
      .orderBy('plan_version_steps.at')
      .execute();
    expect(steps.map((s) => [s.number, s.transition])).toEqual([
      [1, 'create'],
      [1, 'submit'],
      [1, 'return'],
      [2, 'create'],
    ]);
    const returned = steps.find((s) => s.transition === 'return');
    expect(returned).toMatchObject({ meeting_kind: 'committee_meeting', meeting_plan: plan.id });
    expect(steps.find((s) => s.transition === 'submit')?.meeting_kind).toBe('drafting_session');
    const secretariat = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO.secretariat)
      .executeTakeFirstOrThrow();
    for (const s of steps) expect(s.actor_id).toBe(secretariat.id);
  });

  it('gives the current draft 4 pillars, about 10 objectives, 40 activities and 25 indicators, three of them computed', async () => {
    const { ctx } = t;
    const plan = await planByTitle(ctx, DRAFT_TITLE);
    const v2 = await findVersion(ctx.db, plan.id, 2);
    const elements = await loadElements(ctx.db, v2!.id);
    const kinds = countBy(elements, (e) => e.kind);
    expect(kinds.get('pillar')).toBe(4);
    expect(kinds.get('objective')).toBeGreaterThanOrEqual(9);
    expect(kinds.get('objective')).toBeLessThanOrEqual(11);
    expect(kinds.get('activity')).toBe(40);
    expect(kinds.get('indicator')).toBe(25);
    const pillars = elements.flatMap((e) => (e.fields.kind === 'pillar' ? [e.fields.pillar] : []));
    expect(pillars).toEqual([...PILLARS]);
    expect(elements.filter((e) => e.kind === 'pillar').map((e) => e.number)).toEqual(['1', '2', '3', '4']);

    const sources = new Set(elements.flatMap((e) => (e.fields.kind === 'indicator' ? [e.fields.source] : [])));
    for (const source of ['cases.victims_identified', 'cases.victims_referred', 'referrals.completed']) {
      expect(sources).toContain(source);
    }
    for (const e of elements) {
      if (e.fields.kind === 'activity') {
        expect(e.fields.leadAgencyId).toBe(e.leadAgencyId);
        expect(e.fields.budget).toBeGreaterThan(0);
        expect(Number(e.fields.startDate?.slice(0, 4))).toBeGreaterThanOrEqual(2027);
        expect(Number(e.fields.endDate?.slice(0, 4))).toBeLessThanOrEqual(2031);
        expect(e.fields.area).not.toBeNull();
      }
      if (e.fields.kind === 'indicator') {
        expect(e.fields.targets.map((x) => x.year)).toEqual([2027, 2028, 2029, 2030, 2031]);
        expect(e.fields.meansOfVerification).toBeTruthy();
      }
    }
    // Agencies' counties: rural origin counties and the two destination cities, and national work.
    const counties = new Set(elements.flatMap((e) => (e.fields.kind === 'activity' ? e.fields.countyCodes : [])));
    for (const code of [37, 39, 45, 44, 40, 3, 2, 23, 47, 1]) expect(counties).toContain(code);
    expect(elements.some((e) => e.fields.kind === 'activity' && e.fields.countyCodes.length === 0)).toBe(true);
  });

  it('stores every element so that fieldsOf reads it back, under a parent of an allowed kind in the same version', async () => {
    const { ctx } = t;
    const rows = await ctx.db.selectFrom('plan_elements').selectAll().execute();
    expect(rows.length).toBe(seeded.elements);
    const byVersion = new Map<string, Map<string, (typeof rows)[number]>>();
    for (const row of rows) {
      const version = byVersion.get(row.version_id) ?? new Map<string, (typeof rows)[number]>();
      version.set(row.element_key, row);
      byVersion.set(row.version_id, version);
    }
    for (const row of rows) {
      expect(JSON.parse(row.data_json)).not.toHaveProperty('kind');
      const fields = fieldsOf(row);
      expect(fields.kind).toBe(row.kind);
      expect(fields.title).toBe(row.title);
      expect(fields.parentKey).toBe(row.parent_key);
      const parent = row.parent_key ? byVersion.get(row.version_id)?.get(row.parent_key) : undefined;
      if (row.kind === 'pillar') expect(row.parent_key).toBeNull();
      else expect(PARENT_KINDS[row.kind as PlanElementKind]).toContain(parent?.kind);
    }
  });

  it('makes the two versions of the draft differ: elements added, removed and changed under the same keys', async () => {
    const { ctx } = t;
    const plan = await planByTitle(ctx, DRAFT_TITLE);
    const rowsOf = async (number: number) => {
      const version = await findVersion(ctx.db, plan.id, number);
      const rows = await ctx.db.selectFrom('plan_elements').selectAll().where('version_id', '=', version!.id).execute();
      return new Map(rows.map((r) => [r.element_key, r]));
    };
    const [v1, v2] = [await rowsOf(1), await rowsOf(2)];
    const added = [...v2.values()].filter((r) => !v1.has(r.element_key));
    const removed = [...v1.values()].filter((r) => !v2.has(r.element_key));
    const changed = [...v2.values()].filter((r) => {
      const before = v1.get(r.element_key);
      return before !== undefined && before.data_json !== r.data_json;
    });
    expect(added.map((r) => r.kind).sort()).toEqual(['activity', 'activity', 'indicator', 'indicator']);
    expect(removed.map((r) => r.kind).sort()).toEqual(['activity', 'indicator']);
    expect(changed.length).toBeGreaterThanOrEqual(5);
    expect(new Set(changed.map((r) => r.kind))).toEqual(new Set(['objective', 'activity', 'indicator']));
    // A lead agency moved between versions, so the comparison shows it.
    expect(changed.some((r) => r.lead_agency_id !== v1.get(r.element_key)?.lead_agency_id)).toBe(true);
  });

  it('has comment threads of task-force members on the current draft, one of them resolved', async () => {
    const { ctx } = t;
    const plan = await planByTitle(ctx, DRAFT_TITLE);
    const v2 = await findVersion(ctx.db, plan.id, 2);
    const comments = await ctx.db.selectFrom('plan_comments').selectAll().where('version_id', '=', v2!.id).execute();
    const threads = comments.filter((c) => c.id === c.thread_id);
    expect(threads.filter((c) => c.resolved_at === null).length).toBeGreaterThanOrEqual(3);
    expect(threads.filter((c) => c.resolved_at !== null)).toHaveLength(1);
    expect(comments.every((c) => c.resolved_at === null || c.id === c.thread_id)).toBe(true);
    expect(threads.some((c) => c.element_key === null)).toBe(true);

    const keys = new Set(
      (await ctx.db.selectFrom('plan_elements').select('element_key').where('version_id', '=', v2!.id).execute()).map(
        (r) => r.element_key,
      ),
    );
    for (const c of comments) if (c.element_key) expect(keys).toContain(c.element_key);
    const members = new Set(
      (await ctx.db.selectFrom('coordination_memberships').select('agency_id').execute()).map((r) => r.agency_id),
    );
    for (const c of comments) expect(members).toContain(c.agency_id);
    expect(new Set(comments.map((c) => c.author_id)).size).toBeGreaterThanOrEqual(3);
  });

  it('makes the Ministry of Labour and the police task-force members, with every role represented', async () => {
    const { ctx } = t;
    const memberships = await ctx.db.selectFrom('coordination_memberships').selectAll().execute();
    const taskForce = memberships.filter((m) => m.body === 'task_force');
    const committee = memberships.filter((m) => m.body === 'steering_committee');
    for (const email of [DEMO.focal, DEMO.police]) {
      expect(taskForce.map((m) => m.agency_id)).toContain(await agencyOfUser(ctx, email));
    }
    const secretariatAgency = await agencyOfUser(ctx, DEMO.secretariat);
    expect(taskForce.find((m) => m.agency_id === secretariatAgency)?.role).toBe('secretariat');
    for (const body of [taskForce, committee]) {
      expect(new Set(body.map((m) => m.role))).toEqual(new Set(['chair', 'member', 'secretariat', 'observer']));
      expect(body.filter((m) => m.role === 'chair')).toHaveLength(1);
    }

    for (const a of DEMO_AGENCIES) {
      const id = await agencyIdOf(ctx, a.name);
      const agency = await ctx.db
        .selectFrom('agencies')
        .select('mandate')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(agency.mandate?.length).toBeGreaterThan(50);
      const focal = await ctx.db
        .selectFrom('agency_focal_persons')
        .select('name')
        .where('agency_id', '=', id)
        .execute();
      expect(focal.length).toBeGreaterThanOrEqual(1);
      expect(focal.length).toBeLessThanOrEqual(2);
    }
    const presence = await ctx.db.selectFrom('partner_presence').selectAll().execute();
    const counties = new Set(presence.map((p) => p.county_code));
    for (const code of [0, 47, 1, 37, 39, 45, 44, 40, 3, 2, 23]) expect(counties).toContain(code);
    expect(new Set(presence.map((p) => p.area)).size).toBeGreaterThanOrEqual(12);
  });

  it('holds the 2022–2026 plan, adopted by a committee decision in 2022, with two quarters of reports', async () => {
    const { ctx } = t;
    const plan = await planByTitle(ctx, EARLIER_TITLE);
    const version = await versionInForce(ctx.db, plan.id);
    expect(version?.number).toBe(1);
    const adopt = await ctx.db
      .selectFrom('plan_version_steps')
      .innerJoin('meeting_decisions', 'meeting_decisions.id', 'plan_version_steps.decision_id')
      .innerJoin('meetings', 'meetings.id', 'meeting_decisions.meeting_id')
      .select(['meetings.kind', 'meetings.starts_at', 'meetings.status', 'meeting_decisions.number'])
      .where('plan_version_steps.version_id', '=', version!.id)
      .where('plan_version_steps.transition', '=', 'adopt')
      .executeTakeFirstOrThrow();
    expect(adopt).toMatchObject({ kind: 'committee_meeting', status: 'held', number: 1 });
    expect(adopt.starts_at.slice(0, 4)).toBe('2022');

    const elements = await loadElements(ctx.db, version!.id);
    const kinds = countBy(elements, (e) => e.kind);
    expect([kinds.get('pillar'), kinds.get('objective'), kinds.get('activity'), kinds.get('indicator')]).toEqual([
      4, 6, 15, 8,
    ]);

    const periods = await ctx.db
      .selectFrom('reporting_periods')
      .select(['id', 'label', 'due_on'])
      .where('plan_id', '=', plan.id)
      .orderBy('starts_on')
      .execute();
    expect(periods).toHaveLength(3);
    expect(periods[0]?.label).toBe('2026-Q2');
    expect(periods.at(-1)?.label).toBe('2026-Q4');

    const reports = await ctx.db
      .selectFrom('progress_reports')
      .innerJoin('reporting_periods', 'reporting_periods.id', 'progress_reports.period_id')
      .select([
        'progress_reports.id',
        'reporting_periods.label',
        'progress_reports.agency_id',
        'progress_reports.status',
      ])
      .where('reporting_periods.plan_id', '=', plan.id)
      .execute();
    expect(new Set(reports.map((r) => r.label))).toEqual(new Set(['2026-Q2', '2026-Q3']));
    const leads = new Set(elements.flatMap((e) => (e.leadAgencyId ? [e.leadAgencyId] : [])));
    const q2 = reports.filter((r) => r.label === '2026-Q2');
    const q3 = reports.filter((r) => r.label === '2026-Q3');
    expect(new Set(q2.map((r) => r.agency_id))).toEqual(leads);
    expect(q2.filter((r) => r.status === 'accepted').length).toBeGreaterThanOrEqual(leads.size - 1);
    expect(new Set(q3.map((r) => r.status))).toEqual(new Set(['submitted', 'returned', 'accepted']));
    expect([...leads].filter((id) => !q3.some((r) => r.agency_id === id))).toHaveLength(1);
    // The focal point's own agency has a returned report to fix.
    const labour = await agencyOfUser(ctx, DEMO.focal);
    expect(q3.find((r) => r.agency_id === labour)?.status).toBe('returned');

    // Each report covers exactly the activities its agency leads.
    const entries = await ctx.db.selectFrom('progress_entries').selectAll().execute();
    for (const r of reports) {
      const led = elements.filter((e) => e.kind === 'activity' && e.leadAgencyId === r.agency_id).map((e) => e.key);
      const reported = entries.filter((e) => e.report_id === r.id);
      expect(reported.map((e) => e.activity_key).sort()).toEqual(led.sort());
      for (const e of reported) expect(e.narrative).toBeTruthy();
    }
    const evidence = await ctx.db.selectFrom('progress_evidence').selectAll().execute();
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      const bytes = Buffer.from(e.content, 'base64');
      expect(bytes.length).toBe(e.size);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('enters actuals for both quarters for manual indicators only, with disaggregations that add up', async () => {
    const { ctx } = t;
    const plan = await planByTitle(ctx, EARLIER_TITLE);
    const version = await versionInForce(ctx.db, plan.id);
    const indicators = new Map(
      (await loadElements(ctx.db, version!.id)).flatMap((e) =>
        e.fields.kind === 'indicator' ? [[e.key, e.fields]] : [],
      ),
    );
    const actuals = await ctx.db
      .selectFrom('indicator_actuals')
      .innerJoin('reporting_periods', 'reporting_periods.id', 'indicator_actuals.period_id')
      .select(['reporting_periods.label', 'indicator_actuals.indicator_key', 'value', 'disaggregation_json'])
      .where('indicator_actuals.plan_id', '=', plan.id)
      .execute();
    expect(new Set(actuals.map((a) => a.label))).toEqual(new Set(['2026-Q2', '2026-Q3']));
    let disaggregated = 0;
    for (const a of actuals) {
      const indicator = indicators.get(a.indicator_key);
      expect(indicator?.source).toBe('manual');
      const split = JSON.parse(a.disaggregation_json) as Record<string, Record<string, number>>;
      for (const [dimension, values] of Object.entries(split)) {
        expect(indicator?.disaggregations).toContain(dimension);
        expect(Object.values(values).reduce((x, y) => x + y, 0)).toBe(Number(a.value));
        disaggregated += 1;
      }
    }
    expect(disaggregated).toBeGreaterThan(5);
  });

  it('has drafting sessions and committee meetings with attendance, numbered decisions, and open and overdue action items', async () => {
    const { ctx } = t;
    const meetings = await ctx.db.selectFrom('meetings').selectAll().execute();
    expect(meetings).toHaveLength(seeded.meetings);
    const drafting2026 = meetings.filter((m) => m.kind === 'drafting_session' && m.starts_at.startsWith('2026'));
    expect(drafting2026.filter((m) => m.status === 'held').length).toBeGreaterThanOrEqual(4);
    expect(meetings.some((m) => m.kind === 'committee_meeting' && m.starts_at.startsWith('2022'))).toBe(true);
    expect(meetings.some((m) => m.status === 'scheduled' && m.starts_at > now.toISOString())).toBe(true);
    for (const m of meetings.filter((x) => x.status === 'held')) {
      expect(m.minutes).toBeTruthy();
      expect(m.agenda).toBeTruthy();
    }

    const attendees = await ctx.db.selectFrom('meeting_attendees').selectAll().execute();
    expect(attendees.some((a) => a.user_id !== null)).toBe(true);
    expect(attendees.some((a) => a.user_id === null && a.agency_id !== null)).toBe(true);
    expect(new Set(attendees.map((a) => a.attendance))).toEqual(new Set(['present', 'apologies', 'absent']));

    const decisions = await ctx.db.selectFrom('meeting_decisions').selectAll().execute();
    for (const [, numbers] of countBy(decisions, (d) => d.meeting_id)) expect(numbers).toBeGreaterThan(0);
    for (const meetingId of new Set(decisions.map((d) => d.meeting_id))) {
      const numbers = decisions.filter((d) => d.meeting_id === meetingId).map((d) => d.number);
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    }

    const items = await ctx.db.selectFrom('action_items').selectAll().execute();
    expect(items).toHaveLength(seeded.actionItems);
    const pending = items.filter((i) => i.status === 'open' || i.status === 'in_progress');
    const overdue = pending.filter((i) => i.due_on !== null && i.due_on < today);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(pending.length - overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue.some((i) => i.owner_user_id !== null)).toBe(true);
    for (const i of items) {
      expect(i.owner_agency_id ?? i.owner_user_id).not.toBeNull();
      expect(i.completed_at !== null).toBe(i.status === 'done');
    }
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['open', 'in_progress', 'done', 'cancelled']));
  });

  it('records one audit row for the seed, keeps the chain intact, and refuses to load twice', async () => {
    const { ctx } = t;
    const rows = await ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'demo.seed.plans').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'success', entity_type: 'instance' });
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
    await expect(seedDemoPlans(ctx, { now })).rejects.toThrow(/without plans/);
    expect(await ctx.db.selectFrom('plans').select('id').execute()).toHaveLength(2);
  });
});
