import type {
  CommentThreadDto,
  ComparisonDto,
  ElementInput,
  PlanDto,
  PlanElementDto,
  PlanSummaryDto,
  PlanVersionDto,
} from '@kinga/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../access/access.ts';
import { newId, nowIso } from '../../db/ids.ts';
import {
  DEMO,
  auditOfResponse,
  auditRows,
  client,
  createTestApp,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  send,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';
import { getPlan, getPlanVersion } from './plans.service.ts';

const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';
/** A comment body distinctive enough to search the logs for. */
const COMMENT_MARKER = 'Zawadi-Kipchoge-comment-7731';

describeIntegration('plan drafting API', () => {
  let t: TestApp;
  let secretariat: Session;
  let focal: Session;
  let caseworker: Session;
  let supervisor: Session;
  let police: Session;
  let admin: Session;
  let labourAgency: string;
  let ngoAgency: string;

  const as = (s: Session | null) => ({
    ...client(t.app, s),
    delete: (url: string) => send(t.app, s, 'DELETE', url),
  });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', captureLogs: true });
    [secretariat, focal, caseworker, supervisor, police, admin] = await Promise.all([
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.supervisorA),
      signIn(t.app, DEMO.police),
      signIn(t.app, DEMO.admin),
    ]);
    labourAgency = focal.user.agencyId;
    ngoAgency = caseworker.user.agencyId;
  });
  afterAll(() => t?.close());

  // ---- helpers ---------------------------------------------------------------------------

  async function createPlan(body: Record<string, unknown> = {}): Promise<PlanDto> {
    const res = await as(secretariat).post('/api/v1/plans', {
      title: 'National Plan of Action to Combat Trafficking in Persons 2026–2030',
      periodStart: 2026,
      periodEnd: 2030,
      submissionDeadline: '2026-09-30',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<PlanDto>(res);
  }

  const versionUrl = (planId: string, number: number) => `/api/v1/plans/${planId}/versions/${number}`;

  async function readVersion(planId: string, number: number, who: Session = secretariat): Promise<PlanVersionDto> {
    const res = await as(who).get(versionUrl(planId, number));
    expect(res.statusCode, res.body).toBe(200);
    return json<PlanVersionDto>(res);
  }

  async function addElement(planId: string, number: number, body: ElementInput): Promise<PlanElementDto> {
    const res = await as(secretariat).post(`${versionUrl(planId, number)}/elements`, body);
    expect(res.statusCode, res.body).toBe(201);
    return json<PlanElementDto>(res);
  }

  const pillarKey = async (planId: string, number = 1, index = 0) => {
    const pillar = (await readVersion(planId, number)).elements.filter((e) => e.kind === 'pillar')[index];
    if (!pillar) throw new Error('no pillar');
    return pillar.key;
  };

  const objective = (parentKey: string, title = 'Raise public awareness of trafficking'): ElementInput => ({
    kind: 'objective',
    parentKey,
    title,
  });
  const activity = (parentKey: string, extra: Partial<Extract<ElementInput, { kind: 'activity' }>> = {}) =>
    ({
      kind: 'activity',
      parentKey,
      title: 'National awareness campaign on safe labour migration',
      area: 'awareness',
      leadAgencyId: labourAgency,
      supportingAgencyIds: [ngoAgency],
      countyCodes: [1, 47],
      startDate: '2026-03-01',
      endDate: '2027-06-30',
      budget: 4_500_000,
      ...extra,
    }) satisfies ElementInput;
  const indicator = (parentKey: string, extra: Partial<Extract<ElementInput, { kind: 'indicator' }>> = {}) =>
    ({
      kind: 'indicator',
      parentKey,
      title: 'People reached by awareness sessions',
      unit: 'people',
      baseline: 12_000,
      baselineYear: 2025,
      targets: [
        { year: 2026, value: 50_000 },
        { year: 2027, value: 80_000 },
      ],
      disaggregations: ['sex', 'county'],
      ...extra,
    }) satisfies ElementInput;

  /** A plan with one objective, one activity and one indicator under the Prevention pillar. */
  async function draftPlan() {
    const plan = await createPlan();
    const prevention = await pillarKey(plan.id);
    const obj = await addElement(plan.id, 1, objective(prevention));
    const act = await addElement(plan.id, 1, activity(obj.key));
    const ind = await addElement(plan.id, 1, indicator(act.key));
    return { plan, prevention, objective: obj, activity: act, indicator: ind };
  }

  /** A meeting with one decision, written directly (the meetings module is not ours). */
  async function insertDecision(planId: string | null, text = 'The committee adopts the draft plan.') {
    const now = nowIso();
    const meetingId = newId();
    const decisionId = newId();
    await t.ctx.db
      .insertInto('meetings')
      .values({
        id: meetingId,
        kind: 'committee_meeting',
        title: 'Steering committee, third quarterly meeting',
        status: 'held',
        starts_at: '2026-09-15T07:00:00.000Z',
        ends_at: null,
        place: 'Harambee House, Nairobi',
        link: null,
        agenda: null,
        minutes: null,
        plan_id: planId,
        created_by: secretariat.user.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.ctx.db
      .insertInto('meeting_decisions')
      .values({
        id: decisionId,
        meeting_id: meetingId,
        number: 1,
        text,
        created_by: secretariat.user.id,
        created_at: now,
      })
      .execute();
    return { meetingId, decisionId };
  }

  async function insertMembership(agencyId: string, body: 'task_force' | 'steering_committee', role = 'member') {
    await t.ctx.db
      .insertInto('coordination_memberships')
      .values({ id: newId(), body, agency_id: agencyId, role, since: '2025-01-01', created_at: nowIso() })
      .execute();
  }

  /** Everything a version holds, to show that a refused request changed nothing. */
  async function snapshot(planId: string, number: number) {
    const version = await t.ctx.db
      .selectFrom('plan_versions')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    const elements = await t.ctx.db
      .selectFrom('plan_elements')
      .selectAll()
      .where('version_id', '=', version.id)
      .orderBy('id')
      .execute();
    const steps = await t.ctx.db
      .selectFrom('plan_version_steps')
      .selectAll()
      .where('version_id', '=', version.id)
      .orderBy('id')
      .execute();
    const comments = await t.ctx.db
      .selectFrom('plan_comments')
      .selectAll()
      .where('version_id', '=', version.id)
      .orderBy('id')
      .execute();
    return { version, elements, steps, comments };
  }

  const transition = (who: Session | null, planId: string, number: number, step: string, body: object = {}) =>
    as(who).post(`${versionUrl(planId, number)}/${step}`, body);

  async function adoptVersion(planId: string, number: number) {
    expect((await transition(secretariat, planId, number, 'submit')).statusCode).toBe(200);
    const { decisionId } = await insertDecision(planId);
    const res = await transition(secretariat, planId, number, 'adopt', { decisionId });
    expect(res.statusCode, res.body).toBe(200);
    return decisionId;
  }

  const paths = (res: LightMyRequestResponse) =>
    (json<{ issues?: { path: string; code: string }[] }>(res).issues ?? []).map((i) => `${i.path} ${i.code}`);

  // ---- plans -----------------------------------------------------------------------------

  describe('POST /api/v1/plans', () => {
    it('the secretariat creates a plan: version 1 draft, four default pillars, reporting periods, audited', async () => {
      const res = await as(secretariat).post('/api/v1/plans', {
        title: 'National Plan of Action 2026–2030',
        periodStart: 2026,
        periodEnd: 2030,
        submissionDeadline: '2026-09-30',
      });
      expect(res.statusCode, res.body).toBe(201);
      const plan = json<PlanDto>(res);
      expect(plan).toMatchObject({
        title: 'National Plan of Action 2026–2030',
        periodStart: 2026,
        periodEnd: 2030,
        currency: 'KES',
        reportingFrequency: 'quarterly',
        submissionDeadline: '2026-09-30',
        latestVersion: { number: 1, status: 'draft', basedOn: null },
        adoptedVersion: null,
        versions: [{ number: 1, status: 'draft', basedOn: null }],
      });
      await expectAudit(t.ctx, res, {
        action: 'plan.create',
        outcome: 'success',
        actorId: secretariat.user.id,
        entityType: 'plan',
        entityId: plan.id,
      });

      const version = await readVersion(plan.id, 1);
      expect(
        version.elements.map((e) => [e.number, e.kind, e.fields.title, (e.fields as { pillar?: string }).pillar]),
      ).toEqual([
        ['1', 'pillar', 'Prevention', 'prevention'],
        ['2', 'pillar', 'Protection', 'protection'],
        ['3', 'pillar', 'Prosecution', 'prosecution'],
        ['4', 'pillar', 'Partnership', 'partnership'],
      ]);
      expect(version.steps).toEqual([
        expect.objectContaining({
          transition: 'create',
          actorId: secretariat.user.id,
          actorName: 'Joseph Kamau Otieno',
          decisionId: null,
          note: null,
        }),
      ]);
      expect(version).toMatchObject({ planId: plan.id, status: 'draft', editable: true });

      const periods = await t.ctx.db
        .selectFrom('reporting_periods')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .orderBy('starts_on')
        .execute();
      expect(periods).toHaveLength(20);
      expect(periods[0]).toMatchObject({
        label: '2026-Q1',
        starts_on: '2026-01-01',
        ends_on: '2026-03-31',
        due_on: '2026-04-30',
      });
      expect(periods[19]).toMatchObject({ label: '2030-Q4', ends_on: '2030-12-31' });
    });

    it('without default pillars the plan starts empty; annual reporting makes one period a year', async () => {
      const plan = await createPlan({ defaultPillars: false, reportingFrequency: 'annual', periodEnd: 2028 });
      expect((await readVersion(plan.id, 1)).elements).toEqual([]);
      const periods = await t.ctx.db
        .selectFrom('reporting_periods')
        .select('label')
        .where('plan_id', '=', plan.id)
        .execute();
      expect(periods.map((p) => p.label).sort()).toEqual(['2026', '2027', '2028']);
    });

    it('anonymous → 401; roles without plan:manage → 403, audited, nothing written', async () => {
      const count = async () => (await t.ctx.db.selectFrom('plans').select('id').execute()).length;
      const before = await count();
      const body = { title: 'Rogue plan', periodStart: 2026, periodEnd: 2030 };
      expectProblem(await as(null).post('/api/v1/plans', body), 401, 'unauthenticated');
      for (const who of [caseworker, focal, admin]) {
        const res = await as(who).post('/api/v1/plans', body);
        expectProblem(res, 403, 'forbidden');
        await expectDenied(t.ctx, res, who, { action: 'access.plan:manage' });
      }
      expect(await count()).toBe(before);
    });

    it('an invalid plan answers 400 with paths and writes nothing', async () => {
      const before = (await t.ctx.db.selectFrom('plans').select('id').execute()).length;
      const res = await as(secretariat).post('/api/v1/plans', {
        title: ' ',
        periodStart: 2030,
        periodEnd: 2026,
        reportingFrequency: 'weekly',
      });
      expectProblem(res, 400, 'validation_failed');
      expect(paths(res).map((p) => p.split(' ')[0])).toEqual(
        expect.arrayContaining(['body.title', 'body.reportingFrequency']),
      );
      const backwards = await as(secretariat).post('/api/v1/plans', {
        title: 'Backwards',
        periodStart: 2030,
        periodEnd: 2026,
      });
      expectProblem(backwards, 400, 'validation_failed');
      expect(paths(backwards)[0]).toMatch(/^body\.periodEnd /);
      expect((await t.ctx.db.selectFrom('plans').select('id').execute()).length).toBe(before);
    });
  });

  describe('GET /api/v1/plans and /api/v1/plans/{id}', () => {
    it('every role reads plans, newest first, page by page', async () => {
      const [a, b, c] = [
        await createPlan({ title: 'Plan A' }),
        await createPlan({ title: 'Plan B' }),
        await createPlan({ title: 'Plan C' }),
      ];
      expectProblem(await as(null).get('/api/v1/plans'), 401, 'unauthenticated');
      const seen: PlanSummaryDto[] = [];
      let cursor: string | null = null;
      do {
        const res = await as(caseworker).get('/api/v1/plans', { query: { limit: '2', ...(cursor ? { cursor } : {}) } });
        expect(res.statusCode, res.body).toBe(200);
        const page = json<{ items: PlanSummaryDto[]; nextCursor: string | null }>(res);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.slice(0, 3).map((p) => p.id)).toEqual([c?.id, b?.id, a?.id]);
      expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
      expect(seen[0]).toMatchObject({ latestVersion: { number: 1, status: 'draft' }, adoptedVersion: null });
      expectProblem(await as(caseworker).get('/api/v1/plans', { query: { cursor: 'garbage' } }), 400);
    });

    it('reads one plan; unknown → 404, malformed id → 400', async () => {
      const plan = await createPlan();
      for (const who of [caseworker, admin, police]) {
        const res = await as(who).get(`/api/v1/plans/${plan.id}`);
        expect(res.statusCode).toBe(200);
        expect(json<PlanDto>(res)).toMatchObject({ id: plan.id, versions: [{ number: 1 }] });
      }
      expectProblem(await as(null).get(`/api/v1/plans/${plan.id}`), 401);
      expectProblem(await as(caseworker).get(`/api/v1/plans/${UNKNOWN_ID}`), 404, 'not_found');
      expectProblem(await as(caseworker).get('/api/v1/plans/42'), 400, 'validation_failed');
    });

    it('getPlan and getPlanVersion answer other modules as the API does', async () => {
      const { plan } = await draftPlan();
      const actor = buildActor({
        id: caseworker.user.id,
        agencyId: ngoAgency,
        roles: ['case_worker'],
        mfaEnrolmentRequired: false,
      });
      expect(await getPlan(t.ctx, actor, plan.id)).toEqual(json(await as(caseworker).get(`/api/v1/plans/${plan.id}`)));
      expect(await getPlanVersion(t.ctx, actor, plan.id, 1)).toEqual(await readVersion(plan.id, 1, caseworker));
    });
  });

  describe('PATCH /api/v1/plans/{id}', () => {
    it('the secretariat changes the title and deadline, audited; others are refused', async () => {
      const plan = await createPlan();
      const res = await as(secretariat).patch(`/api/v1/plans/${plan.id}`, {
        title: 'National Plan of Action 2026–2030 (revised)',
        submissionDeadline: '2026-10-15',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<PlanDto>(res)).toMatchObject({
        title: 'National Plan of Action 2026–2030 (revised)',
        submissionDeadline: '2026-10-15',
      });
      await expectAudit(t.ctx, res, { action: 'plan.update', entityType: 'plan', entityId: plan.id });

      expectProblem(await as(null).patch(`/api/v1/plans/${plan.id}`, { title: 'x' }), 401);
      const refused = await as(focal).patch(`/api/v1/plans/${plan.id}`, { title: 'Renamed by a focal point' });
      expectProblem(refused, 403, 'forbidden');
      await expectDenied(t.ctx, refused, focal, { action: 'access.plan:manage' });
      expectProblem(await as(secretariat).patch(`/api/v1/plans/${plan.id}`, {}), 400, 'validation_failed');
      expectProblem(await as(secretariat).patch(`/api/v1/plans/${UNKNOWN_ID}`, { title: 'Nobody' }), 404);
      expect(json<PlanDto>(await as(caseworker).get(`/api/v1/plans/${plan.id}`)).title).toBe(
        'National Plan of Action 2026–2030 (revised)',
      );
    });
  });

  // ---- structure -------------------------------------------------------------------------

  describe('elements of a draft', () => {
    it('adds an objective, an activity and an indicator: numbered, mirrored columns, audited', async () => {
      const plan = await createPlan();
      const prevention = await pillarKey(plan.id);
      const res = await as(secretariat).post(`${versionUrl(plan.id, 1)}/elements`, objective(prevention));
      expect(res.statusCode, res.body).toBe(201);
      const obj = json<PlanElementDto>(res);
      expect(obj).toMatchObject({
        kind: 'objective',
        parentKey: prevention,
        number: '1.1',
        position: 0,
        openComments: 0,
      });
      const row = await t.ctx.db
        .selectFrom('plan_elements')
        .selectAll()
        .where('element_key', '=', obj.key)
        .executeTakeFirstOrThrow();
      await expectAudit(t.ctx, res, { action: 'plan.element.create', entityType: 'plan_element', entityId: row.id });

      const act = await addElement(plan.id, 1, activity(obj.key));
      expect(act).toMatchObject({
        number: '1.1.1',
        leadAgencyName: 'State Department for Labour (demo)',
        fields: {
          leadAgencyId: labourAgency,
          supportingAgencyIds: [ngoAgency],
          countyCodes: [1, 47],
          budget: 4_500_000,
        },
      });
      const ind = await addElement(plan.id, 1, indicator(act.key));
      expect(ind.number).toBe('1.1.1-I1');
      const second = await addElement(
        plan.id,
        1,
        indicator(obj.key, { title: 'Counties with an awareness plan', unit: 'counties' }),
      );
      expect(second.number).toBe('1.1-I1');

      const actRow = await t.ctx.db
        .selectFrom('plan_elements')
        .selectAll()
        .where('element_key', '=', act.key)
        .executeTakeFirstOrThrow();
      expect(actRow).toMatchObject({ lead_agency_id: labourAgency, title: act.fields.title, kind: 'activity' });

      // The title and lead agency columns follow an edit.
      const edited = await as(secretariat).patch(`${versionUrl(plan.id, 1)}/elements/${act.key}`, {
        fields: activity(obj.key, {
          title: 'Safe migration campaign',
          leadAgencyId: ngoAgency,
          supportingAgencyIds: [],
        }),
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(json<PlanElementDto>(edited)).toMatchObject({
        leadAgencyName: 'Tumaini Safe House',
        fields: { title: 'Safe migration campaign' },
      });
      await expectAudit(t.ctx, edited, {
        action: 'plan.element.update',
        entityType: 'plan_element',
        entityId: actRow.id,
      });
      const after = await t.ctx.db
        .selectFrom('plan_elements')
        .selectAll()
        .where('id', '=', actRow.id)
        .executeTakeFirstOrThrow();
      expect(after).toMatchObject({ lead_agency_id: ngoAgency, title: 'Safe migration campaign' });
    });

    it('anonymous → 401; roles without plan:manage → 403 and nothing changes', async () => {
      const { plan, objective: obj, activity: act } = await draftPlan();
      const before = await snapshot(plan.id, 1);
      const url = `${versionUrl(plan.id, 1)}/elements`;
      expectProblem(await as(null).post(url, objective(obj.parentKey ?? '')), 401);
      for (const who of [caseworker, focal, police]) {
        const add = await as(who).post(url, activity(obj.key));
        expectProblem(add, 403, 'forbidden');
        await expectDenied(t.ctx, add, who, { action: 'access.plan:manage' });
        expectProblem(await as(who).patch(`${url}/${act.key}`, { fields: activity(obj.key, { title: 'x' }) }), 403);
        expectProblem(await as(who).delete(`${url}/${act.key}`), 403);
      }
      expectProblem(await as(null).delete(`${url}/${act.key}`), 401);
      expect(await snapshot(plan.id, 1)).toEqual(before);
    });

    it('refuses what the structure does not allow, with paths, and changes nothing', async () => {
      const { plan, prevention, objective: obj, activity: act } = await draftPlan();
      const before = await snapshot(plan.id, 1);
      const url = `${versionUrl(plan.id, 1)}/elements`;
      const cases: [ElementInput, string[]][] = [
        [{ kind: 'objective', parentKey: null, title: 'Floating objective' }, ['body.parentKey parent_required']],
        [objective(act.key), ['body.parentKey parent_kind_not_allowed']],
        [{ kind: 'pillar', parentKey: prevention, title: 'Nested pillar' }, ['body.parentKey parent_not_allowed']],
        [objective(UNKNOWN_ID), ['body.parentKey unknown_parent']],
        [activity(prevention), ['body.parentKey parent_kind_not_allowed']],
        [indicator(prevention), ['body.parentKey parent_kind_not_allowed']],
        [
          activity(obj.key, {
            leadAgencyId: UNKNOWN_ID,
            supportingAgencyIds: [ngoAgency, UNKNOWN_ID.replace('01', '02')],
          }),
          ['body.leadAgencyId unknown_agency', 'body.supportingAgencyIds.1 unknown_agency'],
        ],
        [activity(obj.key, { countyCodes: [47, 48] }), ['body.countyCodes.1 unknown_county']],
        [
          activity(obj.key, { startDate: '2025-12-31', endDate: '2031-01-01' }),
          ['body.startDate outside_plan_period', 'body.endDate outside_plan_period'],
        ],
        [
          indicator(act.key, {
            targets: [
              { year: 2026, value: 1 },
              { year: 2031, value: 2 },
            ],
            baselineYear: 2031,
          }),
          ['body.targets.1.year outside_plan_period', 'body.baselineYear outside_plan_period'],
        ],
        [activity(obj.key, { startDate: '2027-01-01', endDate: '2026-01-01' }), ['body.endDate custom']],
        [{ kind: 'programme', parentKey: null, title: 'x' } as unknown as ElementInput, []],
      ];
      for (const [body, expected] of cases) {
        const res = await as(secretariat).post(url, body);
        expectProblem(res, 400, 'validation_failed');
        expect(paths(res), JSON.stringify(body)).toEqual(expect.arrayContaining(expected));
      }
      // Several broken rules are named at once.
      const many = await as(secretariat).post(
        url,
        activity(UNKNOWN_ID, { countyCodes: [99], leadAgencyId: UNKNOWN_ID }),
      );
      expect(paths(many)).toEqual([
        'body.parentKey unknown_parent',
        'body.leadAgencyId unknown_agency',
        'body.countyCodes.0 unknown_county',
      ]);
      // An edit is checked the same way, under body.fields; the kind cannot change.
      const patch = await as(secretariat).patch(`${url}/${act.key}`, {
        fields: activity(obj.key, { countyCodes: [0] }),
      });
      expectProblem(patch, 400, 'validation_failed');
      const kind = await as(secretariat).patch(`${url}/${act.key}`, { fields: objective(prevention) });
      expect(paths(kind)).toEqual(['body.fields.kind kind_changed']);
      const moved = await as(secretariat).patch(`${url}/${act.key}`, { fields: activity(prevention) });
      expect(paths(moved)).toEqual(['body.fields.parentKey parent_kind_not_allowed']);
      expectProblem(await as(secretariat).patch(`${url}/${UNKNOWN_ID}`, { fields: activity(obj.key) }), 404);
      expectProblem(await as(secretariat).delete(`${url}/${UNKNOWN_ID}`), 404);
      expectProblem(await as(secretariat).post(`${versionUrl(plan.id, 9)}/elements`, objective(prevention)), 404);
      expectProblem(await as(secretariat).post(`${versionUrl(UNKNOWN_ID, 1)}/elements`, objective(prevention)), 404);
      expect(await snapshot(plan.id, 1)).toEqual(before);
    });

    it('a new element goes last; a position reorders its siblings; a move goes last under the new parent', async () => {
      const plan = await createPlan();
      const prevention = await pillarKey(plan.id);
      const objA = await addElement(plan.id, 1, objective(prevention, 'Objective A'));
      const objB = await addElement(plan.id, 1, objective(prevention, 'Objective B'));
      const [a, b, c] = [
        await addElement(plan.id, 1, activity(objA.key, { title: 'Activity a' })),
        await addElement(plan.id, 1, activity(objA.key, { title: 'Activity b' })),
        await addElement(plan.id, 1, activity(objA.key, { title: 'Activity c' })),
      ];
      expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);
      const titles = async (parentKey: string) =>
        (await readVersion(plan.id, 1)).elements
          .filter((e) => e.parentKey === parentKey)
          .map((e) => `${e.number} ${e.fields.title}`);

      const url = `${versionUrl(plan.id, 1)}/elements`;
      const first = await as(secretariat).patch(`${url}/${c.key}`, {
        fields: activity(objA.key, { title: 'Activity c' }),
        position: 0,
      });
      expect(json<PlanElementDto>(first)).toMatchObject({ number: '1.1.1', position: 0 });
      expect(await titles(objA.key)).toEqual(['1.1.1 Activity c', '1.1.2 Activity a', '1.1.3 Activity b']);

      await addElement(plan.id, 1, activity(objB.key, { title: 'Activity d' }));
      const move = await as(secretariat).patch(`${url}/${a.key}`, {
        fields: activity(objB.key, { title: 'Activity a' }),
      });
      expect(json<PlanElementDto>(move)).toMatchObject({ parentKey: objB.key, number: '1.2.2', position: 1 });
      expect(await titles(objA.key)).toEqual(['1.1.1 Activity c', '1.1.2 Activity b']);
      expect(await titles(objB.key)).toEqual(['1.2.1 Activity d', '1.2.2 Activity a']);

      // A position past the end clamps to the end.
      await as(secretariat).patch(`${url}/${c.key}`, {
        fields: activity(objA.key, { title: 'Activity c' }),
        position: 99,
      });
      expect(await titles(objA.key)).toEqual(['1.1.1 Activity b', '1.1.2 Activity c']);
    });

    it('deleting an element removes its descendants and closes ranks, audited', async () => {
      const { plan, prevention, objective: obj, activity: act, indicator: ind } = await draftPlan();
      const other = await addElement(plan.id, 1, objective(prevention, 'Strengthen safe labour migration'));
      const objRow = await t.ctx.db
        .selectFrom('plan_elements')
        .select('id')
        .where('element_key', '=', obj.key)
        .executeTakeFirstOrThrow();
      const res = await as(secretariat).delete(`${versionUrl(plan.id, 1)}/elements/${obj.key}`);
      expect(res.statusCode, res.body).toBe(204);
      await expectAudit(t.ctx, res, { action: 'plan.element.delete', entityType: 'plan_element', entityId: objRow.id });
      const keys = (await readVersion(plan.id, 1)).elements.map((e) => e.key);
      for (const gone of [obj.key, act.key, ind.key]) expect(keys).not.toContain(gone);
      const remaining = (await readVersion(plan.id, 1)).elements.find((e) => e.key === other.key);
      expect(remaining).toMatchObject({ position: 0, number: '1.1' });
    });
  });

  // ---- workflow --------------------------------------------------------------------------

  describe('workflow', () => {
    it('a submitted version is frozen: edits answer 409 version_locked and change nothing', async () => {
      const { plan, objective: obj, activity: act } = await draftPlan();
      const res = await transition(secretariat, plan.id, 1, 'submit', { note: 'For the September meeting' });
      expect(res.statusCode, res.body).toBe(200);
      const version = json<PlanVersionDto>(res);
      expect(version).toMatchObject({ status: 'in_review', editable: false });
      expect(version.steps.map((s) => [s.transition, s.actorName, s.note])).toEqual([
        ['create', 'Joseph Kamau Otieno', null],
        ['submit', 'Joseph Kamau Otieno', 'For the September meeting'],
      ]);
      const versionRow = await t.ctx.db
        .selectFrom('plan_versions')
        .select('id')
        .where('plan_id', '=', plan.id)
        .executeTakeFirstOrThrow();
      await expectAudit(t.ctx, res, {
        action: 'plan.version.submit',
        entityType: 'plan_version',
        entityId: versionRow.id,
      });

      const before = await snapshot(plan.id, 1);
      const url = `${versionUrl(plan.id, 1)}/elements`;
      expectProblem(await as(secretariat).post(url, activity(obj.key)), 409, 'version_locked');
      expectProblem(
        await as(secretariat).patch(`${url}/${act.key}`, { fields: activity(obj.key, { budget: 1 }) }),
        409,
        'version_locked',
      );
      expectProblem(await as(secretariat).delete(`${url}/${act.key}`), 409, 'version_locked');
      // Locked comes first: even an invalid edit of a locked version says so.
      expectProblem(await as(secretariat).post(url, objective(UNKNOWN_ID)), 409, 'version_locked');
      expectProblem(await transition(secretariat, plan.id, 1, 'submit'), 409, 'invalid_transition');
      expect(await snapshot(plan.id, 1)).toEqual(before);
    });

    it('adoption needs a known meeting decision; the step names it; the adopted version is locked', async () => {
      const { plan, objective: obj } = await draftPlan();
      await transition(secretariat, plan.id, 1, 'submit');
      const before = await snapshot(plan.id, 1);
      expectProblem(await transition(secretariat, plan.id, 1, 'adopt'), 400, 'decision_required');
      expectProblem(await transition(secretariat, plan.id, 1, 'adopt', { decisionId: null }), 400, 'decision_required');
      expectProblem(
        await transition(secretariat, plan.id, 1, 'adopt', { decisionId: UNKNOWN_ID }),
        400,
        'unknown_decision',
      );
      const elsewhere = await insertDecision((await createPlan({ title: 'Another plan' })).id);
      expectProblem(
        await transition(secretariat, plan.id, 1, 'adopt', { decisionId: elsewhere.decisionId }),
        400,
        'unknown_decision',
      );
      expect(await snapshot(plan.id, 1)).toEqual(before);

      for (const who of [caseworker, focal]) {
        const res = await transition(who, plan.id, 1, 'adopt', { decisionId: UNKNOWN_ID });
        expectProblem(res, 403, 'forbidden');
        await expectDenied(t.ctx, res, who, { action: 'access.plan:manage' });
      }
      expectProblem(await transition(null, plan.id, 1, 'adopt', {}), 401);

      const { decisionId, meetingId } = await insertDecision(plan.id, 'Decision 1: the plan is adopted as presented.');
      const res = await transition(secretariat, plan.id, 1, 'adopt', { decisionId });
      expect(res.statusCode, res.body).toBe(200);
      const version = json<PlanVersionDto>(res);
      expect(version.status).toBe('adopted');
      expect(version.steps.at(-1)).toMatchObject({
        transition: 'adopt',
        actorId: secretariat.user.id,
        decisionId,
        decisionText: 'Decision 1: the plan is adopted as presented.',
        meetingId,
        meetingTitle: 'Steering committee, third quarterly meeting',
      });
      await expectAudit(t.ctx, res, { action: 'plan.version.adopt', entityType: 'plan_version' });
      expect(json<PlanDto>(await as(caseworker).get(`/api/v1/plans/${plan.id}`)).adoptedVersion).toBe(1);

      const adopted = await snapshot(plan.id, 1);
      expectProblem(
        await as(secretariat).post(`${versionUrl(plan.id, 1)}/elements`, activity(obj.key)),
        409,
        'version_locked',
      );
      expectProblem(await transition(secretariat, plan.id, 1, 'return', { decisionId }), 409, 'invalid_transition');
      expect(await snapshot(plan.id, 1)).toEqual(adopted);
    });

    it('returning needs a decision too; a returned version is locked and starts the next draft', async () => {
      const { plan, activity: act, objective: obj } = await draftPlan();
      await transition(secretariat, plan.id, 1, 'submit');
      expectProblem(await transition(secretariat, plan.id, 1, 'return', {}), 400, 'decision_required');
      const { decisionId } = await insertDecision(null, 'Return the draft: budget lines are missing.');
      const res = await transition(secretariat, plan.id, 1, 'return', { decisionId, note: 'See decision 1' });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<PlanVersionDto>(res).status).toBe('returned');
      await expectAudit(t.ctx, res, { action: 'plan.version.return' });
      expectProblem(
        await as(secretariat).patch(`${versionUrl(plan.id, 1)}/elements/${act.key}`, { fields: activity(obj.key) }),
        409,
        'version_locked',
      );
      const next = await as(secretariat).post(`/api/v1/plans/${plan.id}/versions`, {});
      expect(next.statusCode, next.body).toBe(201);
      expect(json<PlanVersionDto>(next)).toMatchObject({ number: 2, basedOn: 1, status: 'draft' });
    });

    it('a new draft after adoption copies the structure with the same keys, and the copy is independent', async () => {
      const { plan, objective: obj, activity: act, indicator: ind } = await draftPlan();
      const firstDecision = await adoptVersion(plan.id, 1);
      const v1 = await readVersion(plan.id, 1);

      expectProblem(await as(focal).post(`/api/v1/plans/${plan.id}/versions`, {}), 403, 'forbidden');
      expectProblem(await as(null).post(`/api/v1/plans/${plan.id}/versions`, {}), 401);
      expectProblem(
        await as(secretariat).post(`/api/v1/plans/${plan.id}/versions`, { from: 7 }),
        400,
        'validation_failed',
      );
      const res = await as(secretariat).post(`/api/v1/plans/${plan.id}/versions`, {});
      expect(res.statusCode, res.body).toBe(201);
      const v2 = json<PlanVersionDto>(res);
      expect(v2).toMatchObject({ number: 2, status: 'draft', basedOn: 1, editable: true });
      expect(v2.steps).toEqual([
        expect.objectContaining({ transition: 'create', note: 'based on 1', actorId: secretariat.user.id }),
      ]);
      await expectAudit(t.ctx, res, { action: 'plan.version.create', entityType: 'plan_version' });
      const strip = (v: PlanVersionDto) => v.elements.map(({ updatedAt: _u, ...e }) => e);
      expect(strip(v2)).toEqual(strip(v1));

      // Only one version is worked on at a time, and a draft is not copied.
      expectProblem(await as(secretariat).post(`/api/v1/plans/${plan.id}/versions`, {}), 409, 'version_open');
      expectProblem(
        await as(secretariat).post(`/api/v1/plans/${plan.id}/versions`, { from: 2 }),
        409,
        'source_is_draft',
      );

      // Editing the copy leaves the adopted version as it was.
      const edit = await as(secretariat).patch(`${versionUrl(plan.id, 2)}/elements/${act.key}`, {
        fields: activity(obj.key, { title: 'Campaign, second phase', budget: 6_000_000 }),
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect((await as(secretariat).delete(`${versionUrl(plan.id, 2)}/elements/${ind.key}`)).statusCode).toBe(204);
      expect(await readVersion(plan.id, 1)).toEqual(v1);

      // Adopting version 2 supersedes version 1 on the same decision.
      expect((await transition(secretariat, plan.id, 2, 'submit')).statusCode).toBe(200);
      const { decisionId } = await insertDecision(plan.id, 'Decision 4: the revised plan replaces the plan of 2026.');
      const adopt = await transition(secretariat, plan.id, 2, 'adopt', { decisionId });
      expect(adopt.statusCode, adopt.body).toBe(200);
      const rows = await auditOfResponse(t.ctx, adopt);
      expect(rows.map((r) => r.action)).toEqual(['plan.version.adopt', 'plan.version.supersede']);
      const superseded = await readVersion(plan.id, 1);
      expect(superseded.status).toBe('superseded');
      expect(superseded.steps.map((s) => [s.transition, s.decisionId])).toEqual([
        ['create', null],
        ['submit', null],
        ['adopt', firstDecision],
        ['supersede', decisionId],
      ]);
      expect(json<PlanDto>(await as(caseworker).get(`/api/v1/plans/${plan.id}`))).toMatchObject({
        adoptedVersion: 2,
        latestVersion: { number: 2, status: 'adopted' },
        versions: [
          { number: 1, status: 'superseded' },
          { number: 2, status: 'adopted' },
        ],
      });
      // A new draft may start from any earlier version that is not a draft.
      const fromOne = await as(secretariat).post(`/api/v1/plans/${plan.id}/versions`, { from: 1 });
      expect(json<PlanVersionDto>(fromOne)).toMatchObject({ number: 3, basedOn: 1 });
      expect((await readVersion(plan.id, 3)).elements.map((e) => e.key)).toEqual(v1.elements.map((e) => e.key));
    });

    it('concurrent requests cannot open two drafts or adopt twice', async () => {
      const { plan } = await draftPlan();
      const decisionId = await adoptVersion(plan.id, 1);
      const drafts = await Promise.all(
        Array.from({ length: 5 }, () => as(secretariat).post(`/api/v1/plans/${plan.id}/versions`, {})),
      );
      expect(drafts.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
      expect((await transition(secretariat, plan.id, 2, 'submit')).statusCode).toBe(200);
      const adoptions = await Promise.all(
        Array.from({ length: 4 }, () => transition(secretariat, plan.id, 2, 'adopt', { decisionId })),
      );
      expect(adoptions.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
      const statuses = await t.ctx.db
        .selectFrom('plan_versions')
        .select(['number', 'status'])
        .where('plan_id', '=', plan.id)
        .orderBy('number')
        .execute();
      expect(statuses).toEqual([
        { number: 1, status: 'superseded' },
        { number: 2, status: 'adopted' },
      ]);
    });

    it('GET a version: editable only for a draft and plan:manage; unknown → 404', async () => {
      const { plan } = await draftPlan();
      expect((await readVersion(plan.id, 1, secretariat)).editable).toBe(true);
      expect((await readVersion(plan.id, 1, caseworker)).editable).toBe(false);
      expectProblem(await as(null).get(versionUrl(plan.id, 1)), 401);
      expectProblem(await as(caseworker).get(versionUrl(plan.id, 2)), 404, 'not_found');
      expectProblem(await as(caseworker).get(versionUrl(plan.id, 0)), 400, 'validation_failed');
      expectProblem(await as(caseworker).get(versionUrl(UNKNOWN_ID, 1)), 404);
    });
  });

  // ---- comparison ------------------------------------------------------------------------

  describe('GET /api/v1/plans/{id}/compare', () => {
    it('compares two versions with known differences: one added, one removed, one changed field', async () => {
      const { plan, prevention, objective: obj, activity: act, indicator: ind } = await draftPlan();
      const removed = await addElement(plan.id, 1, activity(obj.key, { title: 'Radio shows in Swahili' }));
      await adoptVersion(plan.id, 1);
      await as(secretariat).post(`/api/v1/plans/${plan.id}/versions`, {});
      const added = await addElement(plan.id, 2, objective(prevention, 'Train labour attachés in Gulf states'));
      await as(secretariat).patch(`${versionUrl(plan.id, 2)}/elements/${act.key}`, {
        fields: activity(obj.key, { budget: 5_000_000 }),
      });
      await as(secretariat).delete(`${versionUrl(plan.id, 2)}/elements/${removed.key}`);

      expectProblem(await as(null).get(`/api/v1/plans/${plan.id}/compare`, { query: { from: '1', to: '2' } }), 401);
      const res = await as(caseworker).get(`/api/v1/plans/${plan.id}/compare`, { query: { from: '1', to: '2' } });
      expect(res.statusCode, res.body).toBe(200);
      const comparison = json<ComparisonDto>(res);
      expect(comparison).toEqual({
        from: 1,
        to: 2,
        changes: [
          {
            key: act.key,
            kind: 'activity',
            change: 'changed',
            title: act.fields.title,
            number: '1.1.1',
            fields: [{ field: 'budget', before: 4_500_000, after: 5_000_000 }],
          },
          {
            key: added.key,
            kind: 'objective',
            change: 'added',
            title: 'Train labour attachés in Gulf states',
            number: '1.2',
            fields: [],
          },
          {
            key: removed.key,
            kind: 'activity',
            change: 'removed',
            title: 'Radio shows in Swahili',
            number: '1.1.2',
            fields: [],
          },
        ],
        // Four pillars, the objective and the indicator.
        unchanged: 6,
      });
      expect(comparison.changes.some((c) => c.key === ind.key)).toBe(false);

      expectProblem(
        await as(caseworker).get(`/api/v1/plans/${plan.id}/compare`, { query: { from: '1', to: '5' } }),
        404,
      );
      expectProblem(
        await as(caseworker).get(`/api/v1/plans/${plan.id}/compare`, { query: { from: 'one', to: '2' } }),
        400,
      );
      expectProblem(await as(caseworker).get(`/api/v1/plans/${plan.id}/compare`), 400);
    });
  });

  // ---- comments --------------------------------------------------------------------------

  describe('comments', () => {
    let plan: PlanDto;
    let act: PlanElementDto;
    let ind: PlanElementDto;

    beforeAll(async () => {
      ({ plan, activity: act, indicator: ind } = await draftPlan());
      // The Ministry of Labour sits on the task force; agency A observes the steering committee.
      await insertMembership(labourAgency, 'task_force');
      await insertMembership(supervisor.user.agencyId, 'steering_committee', 'observer');
    });

    const commentsUrl = (number = 1) => `${versionUrl(plan.id, number)}/comments`;

    it('a member agency comments on an element; the thread is listed and counted, the body is not audited or logged', async () => {
      const res = await as(focal).post(commentsUrl(), {
        elementKey: act.key,
        body: `Budget looks low. ${COMMENT_MARKER}`,
      });
      expect(res.statusCode, res.body).toBe(201);
      const thread = json<CommentThreadDto>(res);
      expect(thread).toMatchObject({
        elementKey: act.key,
        resolved: false,
        comments: [
          {
            authorId: focal.user.id,
            authorName: 'Grace Akinyi Omondi',
            agencyName: 'State Department for Labour (demo)',
          },
        ],
      });
      expect(thread.id).toBe(thread.comments[0]?.id);
      const audit = await expectAudit(t.ctx, res, {
        action: 'plan.comment.create',
        entityType: 'plan_comment',
        entityId: thread.id,
      });
      expect(JSON.stringify(audit)).not.toContain(COMMENT_MARKER);

      const reply = await as(supervisor).post(commentsUrl(), {
        threadId: thread.id,
        body: 'Agreed, add the county costs.',
      });
      expect(reply.statusCode, reply.body).toBe(201);
      expect(json<CommentThreadDto>(reply).comments.map((c) => c.authorName)).toEqual([
        'Grace Akinyi Omondi',
        'Daniel Kiprono Ruto',
      ]);
      expect(json<CommentThreadDto>(reply).comments[1]?.elementKey).toBe(act.key);

      const list = await as(caseworker).get(commentsUrl(), { query: { elementKey: act.key } });
      expect(list.statusCode).toBe(200);
      expect(json<CommentThreadDto[]>(list)).toEqual([json<CommentThreadDto>(reply)]);
      const version = await readVersion(plan.id, 1, caseworker);
      expect(version.elements.find((e) => e.key === act.key)?.openComments).toBe(1);
      expect(version.elements.find((e) => e.key === ind.key)?.openComments).toBe(0);

      await t.ctx.audit.drain();
      expect(t.logs()).not.toContain(COMMENT_MARKER);
      const auditText = JSON.stringify(await auditRows(t.ctx));
      expect(auditText).not.toContain(COMMENT_MARKER);
    });

    it('a non-member agency → 403 not_a_member; a role without plan:comment → 403; the secretariat always may', async () => {
      const before = await snapshot(plan.id, 1);
      const res = await as(police).post(commentsUrl(), { elementKey: act.key, body: 'Police view on the activity' });
      expectProblem(res, 403, 'not_a_member');
      await expectDenied(t.ctx, res, police, { action: 'access.plan:comment' });
      const worker = await as(caseworker).post(commentsUrl(), { body: 'A case worker view' });
      expectProblem(worker, 403, 'forbidden');
      await expectDenied(t.ctx, worker, caseworker, { action: 'access.plan:comment' });
      expectProblem(await as(admin).post(commentsUrl(), { body: 'x' }), 403);
      expectProblem(await as(null).post(commentsUrl(), { body: 'x' }), 401);
      expect(await snapshot(plan.id, 1)).toEqual(before);

      const own = await as(secretariat).post(commentsUrl(), {
        elementKey: null,
        body: 'General remark on the whole draft',
      });
      expect(own.statusCode, own.body).toBe(201);
      expect(json<CommentThreadDto>(own).elementKey).toBeNull();
    });

    it('an unknown element or thread → 404; a thread of another version → 404; nothing written', async () => {
      const other = await draftPlan();
      const foreign = json<CommentThreadDto>(
        await as(focal).post(`${versionUrl(other.plan.id, 1)}/comments`, {
          elementKey: other.activity.key,
          body: 'Elsewhere',
        }),
      );
      const before = await snapshot(plan.id, 1);
      expectProblem(await as(focal).post(commentsUrl(), { elementKey: UNKNOWN_ID, body: 'On nothing' }), 404);
      expectProblem(await as(focal).post(commentsUrl(), { threadId: UNKNOWN_ID, body: 'Reply to nothing' }), 404);
      expectProblem(await as(focal).post(commentsUrl(), { threadId: foreign.id, body: 'Cross-plan reply' }), 404);
      expectProblem(await as(focal).post(commentsUrl(), { body: '' }), 400, 'validation_failed');
      expectProblem(await as(focal).post(`${versionUrl(plan.id, 4)}/comments`, { body: 'No such version' }), 404);
      expect(await snapshot(plan.id, 1)).toEqual(before);
      expectProblem(await as(focal).post(`/api/v1/plans/${plan.id}/comments/${foreign.id}/resolve`), 404);
    });

    it('the author or the secretariat resolves and reopens a thread; others are refused', async () => {
      const thread = json<CommentThreadDto>(
        await as(focal).post(commentsUrl(), { elementKey: ind.key, body: 'Which survey gives the baseline?' }),
      );
      const url = `/api/v1/plans/${plan.id}/comments/${thread.id}`;
      const byOther = await as(supervisor).post(`${url}/resolve`);
      expectProblem(byOther, 403, 'forbidden');
      await expectDenied(t.ctx, byOther, supervisor, { entityType: 'plan_comment', entityId: thread.id });
      expectProblem(await as(caseworker).post(`${url}/resolve`), 403);
      expectProblem(await as(null).post(`${url}/resolve`), 401);

      const resolved = await as(focal).post(`${url}/resolve`);
      expect(resolved.statusCode, resolved.body).toBe(200);
      expect(json<CommentThreadDto>(resolved)).toMatchObject({ resolved: true, resolvedByName: 'Grace Akinyi Omondi' });
      await expectAudit(t.ctx, resolved, {
        action: 'plan.comment.resolve',
        entityType: 'plan_comment',
        entityId: thread.id,
      });
      expectProblem(await as(focal).post(`${url}/resolve`), 409, 'thread_resolved');

      const open = json<CommentThreadDto[]>(await as(caseworker).get(commentsUrl(), { query: { state: 'open' } }));
      expect(open.map((th) => th.id)).not.toContain(thread.id);
      const done = json<CommentThreadDto[]>(await as(caseworker).get(commentsUrl(), { query: { state: 'resolved' } }));
      expect(done.map((th) => th.id)).toEqual([thread.id]);
      expect((await readVersion(plan.id, 1)).elements.find((e) => e.key === ind.key)?.openComments).toBe(0);

      const reopened = await as(secretariat).post(`${url}/reopen`);
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(json<CommentThreadDto>(reopened)).toMatchObject({
        resolved: false,
        resolvedAt: null,
        resolvedByName: null,
      });
      await expectAudit(t.ctx, reopened, { action: 'plan.comment.reopen' });
      expectProblem(await as(secretariat).post(`${url}/reopen`), 409, 'thread_open');
    });

    it('a version in review still takes comments; an adopted one does not (409)', async () => {
      await transition(secretariat, plan.id, 1, 'submit');
      const inReview = await as(focal).post(commentsUrl(), {
        elementKey: act.key,
        body: 'Last remark before the meeting',
      });
      expect(inReview.statusCode, inReview.body).toBe(201);
      const { decisionId } = await insertDecision(plan.id);
      expect((await transition(secretariat, plan.id, 1, 'adopt', { decisionId })).statusCode).toBe(200);
      const before = await snapshot(plan.id, 1);
      expectProblem(
        await as(focal).post(commentsUrl(), { elementKey: act.key, body: 'Too late' }),
        409,
        'comments_closed',
      );
      expect(await snapshot(plan.id, 1)).toEqual(before);
      // Reading and resolving threads of an adopted version still works.
      expect(json<CommentThreadDto[]>(await as(caseworker).get(commentsUrl())).length).toBeGreaterThan(0);
      const thread = json<CommentThreadDto>(inReview);
      expect((await as(focal).post(`/api/v1/plans/${plan.id}/comments/${thread.id}/resolve`)).statusCode).toBe(200);
    });
  });
});
