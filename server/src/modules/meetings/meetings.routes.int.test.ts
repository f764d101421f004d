import type { ActionItemDto, DecisionDto, DecisionListItemDto, MeetingDto, MeetingListItemDto } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency } from '../../../test/factories.ts';
import {
  auditOfResponse,
  client,
  createTestApp,
  DEMO,
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
import { insertPlanRow, insertStepRow, insertVersionRow } from './plan-rows.fixtures.ts';

const UNKNOWN_ID = '0190a0b1-0000-7000-8000-000000000001';
type Page<T> = { items: T[]; nextCursor: string | null };

/** Asymmetric matchers typed for use inside toMatchObject (vitest types them as any). */
const anyText = (part: string) => expect.stringContaining(part) as unknown as string;
const anyString = expect.any(String) as unknown as string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeIntegration('meetings, decisions and action items', () => {
  let t: TestApp;
  let secretariat: Session;
  let focal: Session;
  let worker: Session;
  let analyst: Session;
  let admin: Session;
  const as = (s: Session | null) => client(t.app, s);
  const del = (s: Session | null, url: string) => send(t.app, s, 'DELETE', url);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [secretariat, focal, worker, analyst, admin] = await Promise.all([
      signIn(t.app, DEMO.secretariat),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.analyst),
      signIn(t.app, DEMO.admin),
    ]);
  });
  afterAll(() => t?.close());

  async function createMeeting(extra: Record<string, unknown> = {}): Promise<MeetingDto> {
    const res = await as(secretariat).post('/api/v1/meetings', {
      kind: 'drafting_session',
      title: 'Drafting session: protection pillar',
      startsAt: '2026-05-12T09:00:00+03:00',
      endsAt: '2026-05-12T13:00:00+03:00',
      place: 'Harambee House, Nairobi',
      agenda: '1. Victim assistance objectives\n2. Shelter standards',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<MeetingDto>(res);
  }

  async function addDecision(meetingId: string, text: string): Promise<DecisionDto> {
    const res = await as(secretariat).post(`/api/v1/meetings/${meetingId}/decisions`, { text });
    expect(res.statusCode, res.body).toBe(201);
    return json<DecisionDto>(res);
  }

  async function addItem(meetingId: string, body: Record<string, unknown>): Promise<ActionItemDto> {
    const res = await as(secretariat).post(`/api/v1/meetings/${meetingId}/action-items`, body);
    expect(res.statusCode, res.body).toBe(201);
    return json<ActionItemDto>(res);
  }

  // ---- meetings ----

  describe('POST /api/v1/meetings', () => {
    it('the secretariat schedules a meeting: 201, scheduled, times in UTC, audited', async () => {
      const res = await as(secretariat).post('/api/v1/meetings', {
        kind: 'committee_meeting',
        title: 'Steering committee: presentation of the draft',
        startsAt: '2026-09-15T10:00:00+03:00',
        link: 'https://meet.example/ctac',
      });
      expect(res.statusCode, res.body).toBe(201);
      const meeting = json<MeetingDto>(res);
      expect(meeting).toMatchObject({
        status: 'scheduled',
        startsAt: '2026-09-15T07:00:00.000Z',
        endsAt: null,
        link: 'https://meet.example/ctac',
        attendees: [],
        decisions: [],
        actionItems: [],
        openActionItems: 0,
      });
      await expectAudit(t.ctx, res, {
        action: 'meeting.create',
        actorId: secretariat.user.id,
        entityType: 'meeting',
        entityId: meeting.id,
      });
    });

    it('anonymous → 401; a focal point or administrator → 403, denied', async () => {
      expectProblem(await as(null).post('/api/v1/meetings', {}), 401, 'unauthenticated');
      for (const who of [focal, admin]) {
        const res = await as(who).post('/api/v1/meetings', {
          kind: 'drafting_session',
          title: 'Not mine to schedule',
          startsAt: '2026-05-12T09:00:00Z',
        });
        expectProblem(res, 403, 'forbidden');
        await expectDenied(t.ctx, res, who, { action: 'access.plan:manage' });
      }
    });

    it('links a meeting to an existing plan only', async () => {
      const planId = await insertPlanRow(t.ctx, secretariat.user.id);
      expect((await createMeeting({ planId })).planId).toBe(planId);
      const problem = expectProblem(
        await as(secretariat).post('/api/v1/meetings', {
          kind: 'drafting_session',
          title: 'Orphan',
          startsAt: '2026-05-12T09:00:00Z',
          planId: UNKNOWN_ID,
        }),
        400,
        'validation_failed',
      );
      expect(problem.issues).toEqual([expect.objectContaining({ path: 'body.planId', code: 'unknown_plan' })]);
    });

    it('refuses an end before the start', async () => {
      expectProblem(
        await as(secretariat).post('/api/v1/meetings', {
          kind: 'drafting_session',
          title: 'Backwards',
          startsAt: '2026-05-12T09:00:00Z',
          endsAt: '2026-05-12T08:00:00Z',
        }),
        400,
        'validation_failed',
      );
    });
  });

  describe('GET /api/v1/meetings', () => {
    it('every role lists meetings by start time, filtered, paged, with open action items counted', async () => {
      const planId = await insertPlanRow(t.ctx, secretariat.user.id, 'Listing plan');
      const starts = ['2031-03-01T08:00:00Z', '2031-01-01T08:00:00Z', '2031-02-01T08:00:00Z'];
      const made: MeetingDto[] = [];
      for (const startsAt of starts) made.push(await createMeeting({ planId, startsAt, endsAt: null }));
      await addItem(made[0]!.id, { text: 'Circulate the draft', ownerAgencyId: focal.user.agencyId });
      const done = await addItem(made[0]!.id, { text: 'Book the venue', ownerAgencyId: focal.user.agencyId });
      await as(secretariat).patch(`/api/v1/action-items/${done.id}`, { status: 'done' });

      expectProblem(await as(null).get('/api/v1/meetings'), 401, 'unauthenticated');
      for (const who of [worker, analyst, focal, admin]) {
        const res = await as(who).get('/api/v1/meetings', { query: { planId } });
        expect(res.statusCode).toBe(200);
        const page = json<Page<MeetingListItemDto>>(res);
        expect(page.items.map((m) => m.startsAt)).toEqual([
          '2031-03-01T08:00:00.000Z',
          '2031-02-01T08:00:00.000Z',
          '2031-01-01T08:00:00.000Z',
        ]);
        expect(page.items[0]?.openActionItems).toBe(1);
      }

      const asc = json<Page<MeetingListItemDto>>(
        await as(worker).get('/api/v1/meetings', { query: { planId, order: 'asc', limit: '2' } }),
      );
      expect(asc.items.map((m) => m.startsAt.slice(0, 7))).toEqual(['2031-01', '2031-02']);
      const next = json<Page<MeetingListItemDto>>(
        await as(worker).get('/api/v1/meetings', {
          query: { planId, order: 'asc', limit: '2', cursor: asc.nextCursor ?? '' },
        }),
      );
      expect(next.items.map((m) => m.startsAt.slice(0, 7))).toEqual(['2031-03']);
      expect(next.nextCursor).toBeNull();

      const february = json<Page<MeetingListItemDto>>(
        await as(worker).get('/api/v1/meetings', { query: { from: '2031-02-01', to: '2031-02-28' } }),
      );
      expect(february.items.map((m) => m.id)).toEqual([made[2]!.id]);
      const held = json<Page<MeetingListItemDto>>(
        await as(worker).get('/api/v1/meetings', { query: { planId, status: 'held' } }),
      );
      expect(held.items).toEqual([]);
    });
  });

  describe('GET and PATCH /api/v1/meetings/{id}', () => {
    it('every role reads a meeting; unknown → 404; anonymous → 401', async () => {
      const meeting = await createMeeting();
      const res = await as(worker).get(`/api/v1/meetings/${meeting.id}`);
      expect(res.statusCode).toBe(200);
      expect(json<MeetingDto>(res)).toMatchObject({ id: meeting.id, title: meeting.title });
      expectProblem(await as(worker).get(`/api/v1/meetings/${UNKNOWN_ID}`), 404, 'not_found');
      expectProblem(await as(null).get(`/api/v1/meetings/${meeting.id}`), 401, 'unauthenticated');
    });

    it('the secretariat records minutes and marks the meeting held; audited', async () => {
      const meeting = await createMeeting();
      const res = await as(secretariat).patch(`/api/v1/meetings/${meeting.id}`, {
        minutes: 'The task force agreed the protection objectives.',
        status: 'held',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<MeetingDto>(res)).toMatchObject({ status: 'held', minutes: anyText('agreed') });
      await expectAudit(t.ctx, res, { action: 'meeting.update', entityType: 'meeting', entityId: meeting.id });
    });

    it('a focal point may not change a meeting; an end before the start or an unknown meeting is refused', async () => {
      const meeting = await createMeeting();
      const res = await as(focal).patch(`/api/v1/meetings/${meeting.id}`, { title: 'Renamed' });
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, focal, { action: 'access.plan:manage' });
      expectProblem(
        await as(secretariat).patch(`/api/v1/meetings/${meeting.id}`, { endsAt: '2026-05-01T00:00:00Z' }),
        400,
        'validation_failed',
      );
      expectProblem(await as(secretariat).patch(`/api/v1/meetings/${UNKNOWN_ID}`, { title: 'X' }), 404);
      expectProblem(await as(secretariat).patch(`/api/v1/meetings/${meeting.id}`, {}), 400, 'validation_failed');
    });
  });

  describe('PUT /api/v1/meetings/{id}/attendance', () => {
    it('replaces the list, names agencies and takes an account’s agency; audited', async () => {
      const meeting = await createMeeting();
      const guest = await insertAgency(t.ctx, { name: 'Kilifi Interfaith Outreach (test)' });
      const first = await as(secretariat).put(`/api/v1/meetings/${meeting.id}/attendance`, {
        attendees: [
          { userId: focal.user.id, name: focal.user.name, attendance: 'present' },
          { name: 'Rev. Ali Hamisi', agencyId: guest.id, attendance: 'apologies' },
          { name: 'Observer without agency', attendance: 'absent' },
        ],
      });
      expect(first.statusCode, first.body).toBe(200);
      const attendees = json<MeetingDto>(first).attendees;
      expect(attendees.map((a) => [a.name, a.agencyName, a.attendance])).toEqual([
        [focal.user.name, 'State Department for Labour (demo)', 'present'],
        ['Rev. Ali Hamisi', guest.name, 'apologies'],
        ['Observer without agency', null, 'absent'],
      ]);
      await expectAudit(t.ctx, first, { action: 'meeting.attendance.update', entityId: meeting.id });

      const second = await as(secretariat).put(`/api/v1/meetings/${meeting.id}/attendance`, {
        attendees: [{ name: 'Only one', attendance: 'present' }],
      });
      expect(json<MeetingDto>(second).attendees.map((a) => a.name)).toEqual(['Only one']);
    });

    it('refuses unknown accounts and agencies with their paths; focal point 403; anonymous 401', async () => {
      const meeting = await createMeeting();
      const problem = expectProblem(
        await as(secretariat).put(`/api/v1/meetings/${meeting.id}/attendance`, {
          attendees: [
            { userId: UNKNOWN_ID, name: 'Ghost', attendance: 'present' },
            { name: 'Nowhere', agencyId: UNKNOWN_ID, attendance: 'present' },
          ],
        }),
        400,
        'validation_failed',
      );
      expect(problem.issues?.map((i) => [i.path, i.code])).toEqual([
        ['body.attendees.0.userId', 'unknown_user'],
        ['body.attendees.1.agencyId', 'unknown_agency'],
      ]);
      const res = await as(focal).put(`/api/v1/meetings/${meeting.id}/attendance`, { attendees: [] });
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, focal);
      expectProblem(await as(null).put(`/api/v1/meetings/${meeting.id}/attendance`, {}), 401);
      expectProblem(
        await as(secretariat).put(`/api/v1/meetings/${UNKNOWN_ID}/attendance`, { attendees: [] }),
        404,
        'not_found',
      );
    });
  });

  // ---- decisions ----

  describe('decisions', () => {
    it('are numbered per meeting; reworded and deleted by the secretariat, audited; existing decisions keep their numbers', async () => {
      const meeting = await createMeeting();
      const other = await createMeeting();
      const one = await addDecision(meeting.id, 'The draft goes to the committee in September.');
      const two = await addDecision(meeting.id, 'The shelter standards annex is added.');
      expect([one.number, two.number]).toEqual([1, 2]);
      expect((await addDecision(other.id, 'Elsewhere.')).number).toBe(1);

      const reword = await as(secretariat).patch(`/api/v1/meetings/${meeting.id}/decisions/${two.id}`, {
        text: 'The shelter standards annex is added to the draft.',
      });
      expect(reword.statusCode, reword.body).toBe(200);
      expect(json<DecisionDto>(reword)).toMatchObject({ number: 2, text: anyText('to the draft') });
      await expectAudit(t.ctx, reword, { action: 'meeting.decision.update', entityId: two.id });

      const gone = await del(secretariat, `/api/v1/meetings/${meeting.id}/decisions/${two.id}`);
      expect(gone.statusCode, gone.body).toBe(204);
      await expectAudit(t.ctx, gone, {
        action: 'meeting.decision.delete',
        entityType: 'meeting_decision',
        entityId: two.id,
      });
      const three = await addDecision(meeting.id, 'A third one.');
      expect(three.number).toBe(2);
      expect((await addDecision(meeting.id, 'A fourth one.')).number).toBe(3);
      await del(secretariat, `/api/v1/meetings/${meeting.id}/decisions/${three.id}`);
      expect((await addDecision(meeting.id, 'A fifth one.')).number).toBe(4);
      const read = json<MeetingDto>(await as(worker).get(`/api/v1/meetings/${meeting.id}`));
      expect(read.decisions.map((d) => d.number)).toEqual([1, 3, 4]);
    });

    it('a decision of another meeting, an unknown one, a focal point or anonymous caller is refused', async () => {
      const meeting = await createMeeting();
      const other = await createMeeting();
      const decision = await addDecision(other.id, 'Belongs to the other meeting.');
      expectProblem(
        await del(secretariat, `/api/v1/meetings/${meeting.id}/decisions/${decision.id}`),
        404,
        'not_found',
      );
      expectProblem(
        await as(secretariat).patch(`/api/v1/meetings/${meeting.id}/decisions/${UNKNOWN_ID}`, { text: 'x' }),
        404,
      );
      expectProblem(await as(secretariat).post(`/api/v1/meetings/${UNKNOWN_ID}/decisions`, { text: 'x' }), 404);
      const res = await as(focal).post(`/api/v1/meetings/${meeting.id}/decisions`, { text: 'Mine' });
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, focal, { action: 'access.plan:manage' });
      const delDenied = await del(focal, `/api/v1/meetings/${other.id}/decisions/${decision.id}`);
      expectProblem(delDenied, 403, 'forbidden');
      expectProblem(await del(null, `/api/v1/meetings/${other.id}/decisions/${decision.id}`), 401);
      expectProblem(await as(secretariat).post(`/api/v1/meetings/${meeting.id}/decisions`, { text: ' ' }), 400);
    });

    it('a decision a plan step rests on cannot be reworded or deleted: 409 decision_in_use', async () => {
      const meeting = await createMeeting();
      const decision = await addDecision(meeting.id, 'The committee adopts version 1.');
      const planId = await insertPlanRow(t.ctx, secretariat.user.id);
      const versionId = await insertVersionRow(t.ctx, planId, secretariat.user.id, { status: 'adopted' });
      await insertStepRow(t.ctx, versionId, secretariat.user.id, decision.id);
      const url = `/api/v1/meetings/${meeting.id}/decisions/${decision.id}`;
      const res = await del(secretariat, url);
      expectProblem(res, 409, 'decision_in_use');
      expect(await auditOfResponse(t.ctx, res)).toEqual([]);
      expectProblem(await as(secretariat).patch(url, { text: 'Changed' }), 409, 'decision_in_use');
      const read = json<MeetingDto>(await as(worker).get(`/api/v1/meetings/${meeting.id}`));
      expect(read.decisions).toEqual([expect.objectContaining({ id: decision.id, text: decision.text })]);
    });

    it('a decision an action item rests on cannot be deleted either', async () => {
      const meeting = await createMeeting();
      const decision = await addDecision(meeting.id, 'Ministries nominate focal persons.');
      await addItem(meeting.id, { text: 'Nominate', decisionId: decision.id, ownerAgencyId: focal.user.agencyId });
      expectProblem(
        await del(secretariat, `/api/v1/meetings/${meeting.id}/decisions/${decision.id}`),
        409,
        'decision_in_use',
      );
    });
  });

  describe('GET /api/v1/meeting-decisions', () => {
    it('lists decisions newest first, by plan and by words, to every role', async () => {
      const planId = await insertPlanRow(t.ctx, secretariat.user.id, 'Decisions plan');
      const meeting = await createMeeting({ planId, title: 'Committee, first sitting' });
      const elsewhere = await createMeeting();
      const first = await addDecision(meeting.id, 'Adopt the Plan of Action 2026–2030.');
      const second = await addDecision(meeting.id, 'Return the draft for costing.');
      await addDecision(elsewhere.id, 'Unrelated matter of costing.');

      expectProblem(await as(null).get('/api/v1/meeting-decisions'), 401);
      const res = await as(analyst).get('/api/v1/meeting-decisions', { query: { planId } });
      expect(res.statusCode).toBe(200);
      const page = json<Page<DecisionListItemDto>>(res);
      expect(page.items.map((d) => d.id)).toEqual([second.id, first.id]);
      expect(page.items[0]).toMatchObject({
        meetingTitle: 'Committee, first sitting',
        meetingKind: 'drafting_session',
        number: 2,
      });
      const costing = json<Page<DecisionListItemDto>>(
        await as(focal).get('/api/v1/meeting-decisions', { query: { planId, q: 'COSTING' } }),
      );
      expect(costing.items.map((d) => d.id)).toEqual([second.id]);
      const paged = json<Page<DecisionListItemDto>>(
        await as(focal).get('/api/v1/meeting-decisions', { query: { planId, limit: '1' } }),
      );
      const rest = json<Page<DecisionListItemDto>>(
        await as(focal).get('/api/v1/meeting-decisions', {
          query: { planId, limit: '1', cursor: paged.nextCursor ?? '' },
        }),
      );
      expect([...paged.items, ...rest.items].map((d) => d.id)).toEqual([second.id, first.id]);
    });
  });

  // ---- action items ----

  describe('POST /api/v1/meetings/{id}/action-items', () => {
    it('the secretariat records an action item: open, audited, with names', async () => {
      const meeting = await createMeeting();
      const decision = await addDecision(meeting.id, 'Labour drafts the safe migration objective.');
      const res = await as(secretariat).post(`/api/v1/meetings/${meeting.id}/action-items`, {
        text: 'Draft the safe migration objective',
        decisionId: decision.id,
        ownerAgencyId: focal.user.agencyId,
        ownerUserId: focal.user.id,
        dueOn: '2026-06-30',
      });
      expect(res.statusCode, res.body).toBe(201);
      const item = json<ActionItemDto>(res);
      expect(item).toMatchObject({
        status: 'open',
        meetingTitle: meeting.title,
        ownerAgencyName: 'State Department for Labour (demo)',
        ownerUserName: focal.user.name,
        decisionId: decision.id,
        completedAt: null,
      });
      await expectAudit(t.ctx, res, { action: 'action_item.create', entityType: 'action_item', entityId: item.id });
    });

    it('refuses a decision of another meeting, unknown owners, no owner, a focal point and anonymous', async () => {
      const meeting = await createMeeting();
      const other = await createMeeting();
      const foreign = await addDecision(other.id, 'Another meeting’s decision.');
      const url = `/api/v1/meetings/${meeting.id}/action-items`;
      const wrongDecision = expectProblem(
        await as(secretariat).post(url, { text: 'x', decisionId: foreign.id, ownerAgencyId: focal.user.agencyId }),
        400,
        'validation_failed',
      );
      expect(wrongDecision.issues).toEqual([
        expect.objectContaining({ path: 'body.decisionId', code: 'unknown_decision' }),
      ]);
      const unknownOwners = expectProblem(
        await as(secretariat).post(url, { text: 'x', ownerAgencyId: UNKNOWN_ID, ownerUserId: UNKNOWN_ID }),
        400,
      );
      expect(unknownOwners.issues?.map((i) => i.code)).toEqual(['unknown_agency', 'unknown_user']);
      expectProblem(await as(secretariat).post(url, { text: 'Nobody owns this' }), 400, 'validation_failed');
      const res = await as(focal).post(url, { text: 'x', ownerAgencyId: focal.user.agencyId });
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, focal, { action: 'access.plan:manage' });
      expectProblem(await as(null).post(url, {}), 401);
      expectProblem(
        await as(secretariat).post(`/api/v1/meetings/${UNKNOWN_ID}/action-items`, {
          text: 'x',
          ownerAgencyId: focal.user.agencyId,
        }),
        404,
      );
    });
  });

  describe('GET /api/v1/action-items', () => {
    it('lists open, overdue or all items by due date (undated last), by owner agency or mine', async () => {
      const owner = await insertAgency(t.ctx, { name: 'Mombasa County Labour Office (test)' });
      const meeting = await createMeeting({ title: 'Task force follow-up' });
      const late = await addItem(meeting.id, { text: 'Late', ownerAgencyId: owner.id, dueOn: day(-3) });
      const soon = await addItem(meeting.id, { text: 'Soon', ownerAgencyId: owner.id, dueOn: day(5) });
      const undated = await addItem(meeting.id, { text: 'Undated', ownerAgencyId: owner.id });
      const finished = await addItem(meeting.id, { text: 'Finished', ownerAgencyId: owner.id, dueOn: day(-10) });
      const todayDue = await addItem(meeting.id, { text: 'Due today', ownerAgencyId: owner.id, dueOn: day(0) });
      await as(secretariat).patch(`/api/v1/action-items/${finished.id}`, { status: 'done' });
      await as(secretariat).patch(`/api/v1/action-items/${soon.id}`, { status: 'in_progress' });

      const list = async (who: Session, query: Record<string, string>) => {
        const res = await as(who).get('/api/v1/action-items', { query });
        expect(res.statusCode, res.body).toBe(200);
        return json<Page<ActionItemDto>>(res).items;
      };
      expectProblem(await as(null).get('/api/v1/action-items'), 401);

      const open = await list(worker, { ownerAgencyId: owner.id });
      expect(open.map((i) => i.text)).toEqual(['Late', 'Due today', 'Soon', 'Undated']);
      expect(open.map((i) => i.overdue)).toEqual([true, false, false, false]);
      expect((await list(analyst, { ownerAgencyId: owner.id, state: 'overdue' })).map((i) => i.id)).toEqual([late.id]);
      const all = await list(analyst, { ownerAgencyId: owner.id, state: 'all' });
      expect(all.map((i) => i.text)).toEqual(['Finished', 'Late', 'Due today', 'Soon', 'Undated']);
      expect(all[0]).toMatchObject({ status: 'done', overdue: false, completedAt: anyString });

      const firstPage = json<Page<ActionItemDto>>(
        await as(worker).get('/api/v1/action-items', { query: { ownerAgencyId: owner.id, limit: '3' } }),
      );
      const secondPage = json<Page<ActionItemDto>>(
        await as(worker).get('/api/v1/action-items', {
          query: { ownerAgencyId: owner.id, limit: '3', cursor: firstPage.nextCursor ?? '' },
        }),
      );
      expect([...firstPage.items, ...secondPage.items].map((i) => i.id)).toEqual([
        late.id,
        todayDue.id,
        soon.id,
        undated.id,
      ]);

      const forFocal = await addItem(meeting.id, { text: 'For the labour focal point', ownerUserId: focal.user.id });
      const forLabour = await addItem(meeting.id, { text: 'For labour', ownerAgencyId: focal.user.agencyId });
      const mine = await list(focal, { mine: 'true', state: 'all', limit: '200' });
      expect(mine.map((i) => i.id)).toEqual(expect.arrayContaining([forFocal.id, forLabour.id]));
      expect(mine.every((i) => i.ownerUserId === focal.user.id || i.ownerAgencyId === focal.user.agencyId)).toBe(true);
      expect((await list(worker, { mine: 'true', state: 'all', limit: '200' })).map((i) => i.id)).not.toContain(
        forLabour.id,
      );
    });
  });

  describe('PATCH /api/v1/action-items/{id}', () => {
    it('the secretariat changes anything; done sets completedAt, reopening clears it; audited', async () => {
      const meeting = await createMeeting();
      const item = await addItem(meeting.id, { text: 'Draft', ownerAgencyId: focal.user.agencyId });
      const res = await as(secretariat).patch(`/api/v1/action-items/${item.id}`, {
        text: 'Draft the annex',
        ownerUserId: worker.user.id,
        dueOn: '2026-07-01',
        status: 'done',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ActionItemDto>(res)).toMatchObject({
        text: 'Draft the annex',
        ownerUserId: worker.user.id,
        dueOn: '2026-07-01',
        status: 'done',
        completedAt: anyString,
      });
      await expectAudit(t.ctx, res, { action: 'action_item.update', entityId: item.id, actorId: secretariat.user.id });
      const reopened = json<ActionItemDto>(
        await as(secretariat).patch(`/api/v1/action-items/${item.id}`, { status: 'open' }),
      );
      expect(reopened.completedAt).toBeNull();
      expectProblem(
        await as(secretariat).patch(`/api/v1/action-items/${item.id}`, { ownerAgencyId: null, ownerUserId: null }),
        400,
        'validation_failed',
      );
      expectProblem(
        await as(secretariat).patch(`/api/v1/action-items/${item.id}`, { ownerAgencyId: UNKNOWN_ID }),
        400,
        'validation_failed',
      );
    });

    it('the owner person changes only the status: other fields 403, audited as denied', async () => {
      const meeting = await createMeeting();
      const item = await addItem(meeting.id, { text: 'Collect shelter data', ownerUserId: worker.user.id });
      const res = await as(worker).patch(`/api/v1/action-items/${item.id}`, { status: 'in_progress' });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ActionItemDto>(res).status).toBe('in_progress');
      await expectAudit(t.ctx, res, { action: 'action_item.update', actorId: worker.user.id });

      const refused = await as(worker).patch(`/api/v1/action-items/${item.id}`, {
        status: 'done',
        dueOn: '2030-01-01',
      });
      expectProblem(refused, 403, 'status_only');
      await expectDenied(t.ctx, refused, worker, { entityType: 'action_item', entityId: item.id });
      const unchanged = json<MeetingDto>(await as(worker).get(`/api/v1/meetings/${meeting.id}`)).actionItems[0];
      expect(unchanged).toMatchObject({ status: 'in_progress', dueOn: null });
    });

    it('a focal point of the owner agency changes the status; another agency’s staff get 404', async () => {
      const meeting = await createMeeting();
      const item = await addItem(meeting.id, { text: 'Labour reports', ownerAgencyId: focal.user.agencyId });
      const done = await as(focal).patch(`/api/v1/action-items/${item.id}`, { status: 'done' });
      expect(done.statusCode, done.body).toBe(200);
      expect(json<ActionItemDto>(done)).toMatchObject({ status: 'done', completedAt: anyString });
      expectProblem(await as(focal).patch(`/api/v1/action-items/${item.id}`, { text: 'Mine now' }), 403, 'status_only');

      for (const who of [worker, analyst]) {
        const hidden = await as(who).patch(`/api/v1/action-items/${item.id}`, { status: 'open' });
        expectProblem(hidden, 404, 'not_found');
        await expectDenied(t.ctx, hidden, who, { entityType: 'action_item', entityId: item.id });
      }
      expectProblem(await as(null).patch(`/api/v1/action-items/${item.id}`, { status: 'open' }), 401);
      expectProblem(await as(secretariat).patch(`/api/v1/action-items/${UNKNOWN_ID}`, { status: 'open' }), 404);
    });
  });

  describe('GET /api/v1/meeting-people', () => {
    it("lists an agency's active people by name only, for the secretariat", async () => {
      const res = await as(secretariat).get(`/api/v1/meeting-people?agencyId=${focal.user.agencyId}`);
      expect(res.statusCode).toBe(200);
      const { items } = json<{ items: Record<string, unknown>[] }>(res);
      expect(items.map((p) => p.id)).toContain(focal.user.id);
      for (const person of items) expect(Object.keys(person).sort()).toEqual(['agencyId', 'id', 'name']);
    });

    it('is refused to other roles and to anonymous callers', async () => {
      const url = `/api/v1/meeting-people?agencyId=${focal.user.agencyId}`;
      expectProblem(await as(null).get(url), 401);
      const res = await as(worker).get(url);
      expectProblem(res, 403);
      await expectDenied(t.ctx, res, worker, { action: 'access.plan:manage' });
      expectProblem(await as(secretariat).get('/api/v1/meeting-people?agencyId=nope'), 400);
    });
  });
});
