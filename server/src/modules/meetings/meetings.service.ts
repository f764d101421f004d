import type {
  MeetingPersonDto,
  attendanceInputSchema,
  DecisionDto,
  DecisionListItemDto,
  decisionInputSchema,
  listDecisionsQuerySchema,
  listMeetingsQuerySchema,
  MeetingDto,
  meetingInputSchema,
  MeetingListItemDto,
  updateMeetingSchema,
} from '@kinga/shared';
import type { z } from 'zod';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { conflict, notFound, refused, validationFailed } from '../../http/errors.ts';
import { listMeetingActionItems } from './action-items.repository.ts';
import {
  presentDecision,
  presentDecisionListItem,
  presentMeeting,
  presentMeetingListItem,
} from './meetings.presenter.ts';
import * as repo from './meetings.repository.ts';

type MeetingInput = z.output<typeof meetingInputSchema>;
type UpdateMeetingInput = z.output<typeof updateMeetingSchema>;
type AttendanceInput = z.output<typeof attendanceInputSchema>;
type DecisionInput = z.output<typeof decisionInputSchema>;

/** Today's date in UTC: action items are overdue from the day after their due date. */
export function todayUtc(): string {
  return nowIso().slice(0, 10);
}

/** An audit row of a meetings write: ids only. */
export function meetingAudit(rc: RequestContext, action: string, entityType: string, entityId: string): AuditEntry {
  return {
    action,
    outcome: 'success',
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType,
    entityId,
    requestId: rc.requestId,
  };
}

/** Route gates check plan:manage already; services check again so no other caller skips it. */
export function requireManage(rc: RequestContext, entityType: string, entityId?: string): void {
  if (!hasPermission(rc.actor, 'plan:manage')) throw refused('forbidden', 'You may not do this', entityType, entityId);
}

/** Stored times are UTC ISO text, which sorts as text; clients may send any offset. */
function utc(time: string): string {
  return new Date(time).toISOString();
}

export async function listMeetings(
  ctx: AppContext,
  query: z.output<typeof listMeetingsQuerySchema>,
): Promise<{ items: MeetingListItemDto[]; nextCursor: string | null }> {
  const page = await repo.listMeetings(ctx.db, query);
  return {
    items: page.rows.map((r) => presentMeetingListItem(r, Number(r.open_action_items ?? 0))),
    nextCursor: page.nextCursor,
  };
}

/** A meeting with its attendance, decisions and action items (every role with plan:read). */
export async function getMeeting(ctx: AppContext, actor: Actor, meetingId: string): Promise<MeetingDto> {
  if (!hasPermission(actor, 'plan:read')) throw refused('forbidden', 'You may not do this', 'meeting', meetingId);
  return readMeeting(ctx.db, meetingId);
}

async function readMeeting(db: Db | Tx, meetingId: string): Promise<MeetingDto> {
  const row = await repo.findMeeting(db, meetingId);
  if (!row) throw notFound('Meeting');
  const [attendees, decisions, actionItems] = await Promise.all([
    repo.listAttendees(db, meetingId),
    repo.listMeetingDecisions(db, meetingId),
    listMeetingActionItems(db, meetingId),
  ]);
  return presentMeeting(row, { attendees, decisions, actionItems }, todayUtc());
}

async function assertPlanExists(trx: Tx, planId: string | null | undefined, path: string): Promise<void> {
  if (!planId) return;
  if ((await repo.missingIds(trx, 'plans', [planId])).size > 0) {
    throw validationFailed([{ path, message: 'No such plan', code: 'unknown_plan' }]);
  }
}

export async function createMeeting(ctx: AppContext, rc: RequestContext, input: MeetingInput): Promise<MeetingDto> {
  requireManage(rc, 'meeting');
  const now = nowIso();
  const row: repo.MeetingRow = {
    id: newId(),
    kind: input.kind,
    title: input.title,
    status: 'scheduled',
    starts_at: utc(input.startsAt),
    ends_at: input.endsAt === null ? null : utc(input.endsAt),
    place: input.place,
    link: input.link,
    agenda: input.agenda,
    minutes: null,
    plan_id: input.planId,
    created_by: rc.actor.userId,
    created_at: now,
    updated_at: now,
  };
  return ctx.db.transaction().execute(async (trx) => {
    await assertPlanExists(trx, input.planId, 'body.planId');
    await repo.insertMeeting(trx, row);
    await ctx.audit.inTransaction(trx, meetingAudit(rc, 'meeting.create', 'meeting', row.id));
    return readMeeting(trx, row.id);
  });
}

export async function updateMeeting(
  ctx: AppContext,
  rc: RequestContext,
  id: string,
  input: UpdateMeetingInput,
): Promise<MeetingDto> {
  requireManage(rc, 'meeting', id);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findMeeting(trx, id);
    if (!current) throw notFound('Meeting');
    await assertPlanExists(trx, input.planId, 'body.planId');
    const patch: Partial<repo.MeetingRow> = { updated_at: nowIso() };
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.title !== undefined) patch.title = input.title;
    if (input.startsAt !== undefined) patch.starts_at = utc(input.startsAt);
    if (input.endsAt !== undefined) patch.ends_at = input.endsAt === null ? null : utc(input.endsAt);
    if (input.place !== undefined) patch.place = input.place;
    if (input.link !== undefined) patch.link = input.link;
    if (input.agenda !== undefined) patch.agenda = input.agenda;
    if (input.minutes !== undefined) patch.minutes = input.minutes;
    if (input.status !== undefined) patch.status = input.status;
    if (input.planId !== undefined) patch.plan_id = input.planId;
    const startsAt = patch.starts_at ?? current.starts_at;
    const endsAt = patch.ends_at === undefined ? current.ends_at : patch.ends_at;
    if (endsAt !== null && endsAt < startsAt) {
      throw validationFailed([{ path: 'body.endsAt', message: 'must not be before the start', code: 'custom' }]);
    }
    await repo.updateMeeting(trx, id, patch);
    await ctx.audit.inTransaction(trx, meetingAudit(rc, 'meeting.update', 'meeting', id));
    return readMeeting(trx, id);
  });
}

/** Replaces the attendance list; an attendee named by account takes the account's agency unless one is given. */
export async function setAttendance(
  ctx: AppContext,
  rc: RequestContext,
  id: string,
  input: AttendanceInput,
): Promise<MeetingDto> {
  requireManage(rc, 'meeting', id);
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await repo.findMeeting(trx, id);
    if (!meeting) throw notFound('Meeting');
    const userIds = input.attendees.flatMap((a) => (a.userId ? [a.userId] : []));
    const agencyIds = input.attendees.flatMap((a) => (a.agencyId ? [a.agencyId] : []));
    const [missingUsers, missingAgencies, agencyOfUser] = await Promise.all([
      repo.missingIds(trx, 'users', userIds),
      repo.missingIds(trx, 'agencies', agencyIds),
      repo.agenciesOfUsers(trx, userIds),
    ]);
    const issues = input.attendees.flatMap((a, i) => [
      ...(a.userId && missingUsers.has(a.userId)
        ? [{ path: `body.attendees.${i}.userId`, message: 'No such user', code: 'unknown_user' }]
        : []),
      ...(a.agencyId && missingAgencies.has(a.agencyId)
        ? [{ path: `body.attendees.${i}.agencyId`, message: 'No such agency', code: 'unknown_agency' }]
        : []),
    ]);
    if (issues.length > 0) throw validationFailed(issues);
    const rows: repo.AttendeeRow[] = input.attendees.map((a, position) => ({
      id: newId(),
      meeting_id: id,
      position,
      user_id: a.userId,
      name: a.name,
      agency_id: a.agencyId ?? (a.userId ? (agencyOfUser.get(a.userId) ?? null) : null),
      attendance: a.attendance,
    }));
    await repo.replaceAttendees(trx, id, rows);
    await repo.updateMeeting(trx, id, { updated_at: nowIso() });
    await ctx.audit.inTransaction(trx, meetingAudit(rc, 'meeting.attendance.update', 'meeting', id));
    return readMeeting(trx, id);
  });
}

export async function createDecision(
  ctx: AppContext,
  rc: RequestContext,
  meetingId: string,
  input: DecisionInput,
): Promise<DecisionDto> {
  requireManage(rc, 'meeting', meetingId);
  return ctx.db.transaction().execute(async (trx) => {
    // The row lock makes concurrent decisions of one meeting take their numbers in turn.
    const meeting = await repo.findMeeting(trx, meetingId, { engine: ctx.engine });
    if (!meeting) throw notFound('Meeting');
    const now = nowIso();
    const row: repo.DecisionRow = {
      id: newId(),
      meeting_id: meetingId,
      number: await repo.nextDecisionNumber(trx, meetingId),
      text: input.text,
      created_by: rc.actor.userId,
      created_at: now,
    };
    await repo.insertDecision(trx, row);
    await repo.updateMeeting(trx, meetingId, { updated_at: now });
    await ctx.audit.inTransaction(trx, meetingAudit(rc, 'meeting.decision.create', 'meeting_decision', row.id));
    return presentDecision(row);
  });
}

export async function updateDecision(
  ctx: AppContext,
  rc: RequestContext,
  meetingId: string,
  decisionId: string,
  input: DecisionInput,
): Promise<DecisionDto> {
  requireManage(rc, 'meeting_decision', decisionId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findDecision(trx, meetingId, decisionId);
    if (!row) throw notFound('Decision');
    // The wording of a decision a plan step or action item rests on is the record of what was decided.
    if (await repo.isDecisionInUse(trx, decisionId)) throw decisionInUse();
    await repo.updateDecisionText(trx, decisionId, input.text);
    await repo.updateMeeting(trx, meetingId, { updated_at: nowIso() });
    await ctx.audit.inTransaction(trx, meetingAudit(rc, 'meeting.decision.update', 'meeting_decision', decisionId));
    return presentDecision({ ...row, text: input.text });
  });
}

export async function deleteDecision(
  ctx: AppContext,
  rc: RequestContext,
  meetingId: string,
  decisionId: string,
): Promise<void> {
  requireManage(rc, 'meeting_decision', decisionId);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await repo.findDecision(trx, meetingId, decisionId);
      if (!row) throw notFound('Decision');
      if (await repo.isDecisionInUse(trx, decisionId)) throw decisionInUse();
      await repo.deleteDecision(trx, decisionId);
      await repo.updateMeeting(trx, meetingId, { updated_at: nowIso() });
      await ctx.audit.inTransaction(trx, meetingAudit(rc, 'meeting.decision.delete', 'meeting_decision', decisionId));
    });
  } catch (error) {
    // A step or action item that cited the decision between the check and the delete.
    if (isForeignKeyViolation(error)) throw decisionInUse();
    throw error;
  }
}

const decisionInUse = () =>
  conflict('decision_in_use', 'A plan step or an action item rests on this decision; it cannot change');

function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

export async function listDecisions(
  ctx: AppContext,
  query: z.output<typeof listDecisionsQuerySchema>,
): Promise<{ items: DecisionListItemDto[]; nextCursor: string | null }> {
  const page = await repo.listDecisions(ctx.db, query);
  return { items: page.rows.map(presentDecisionListItem), nextCursor: page.nextCursor };
}

/** An agency's active people by name (no contact details), for attendance and action-item owners. */
export async function listAgencyPeople(ctx: AppContext, agencyId: string): Promise<MeetingPersonDto[]> {
  const rows = await repo.listAgencyPeople(ctx.db, agencyId);
  return rows.map((r) => ({ id: r.id, name: r.name, agencyId: r.agency_id }));
}
