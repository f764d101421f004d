import type { ActionItemStatus, listDecisionsQuerySchema, listMeetingsQuerySchema } from '@kinga/shared';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Db, Engine, Tx } from '../../db/database.ts';
import { afterCursor, containsText, decodeCursor, pageFrom } from '../../db/keyset.ts';
import type { MeetingAttendeeTable, MeetingDecisionTable, MeetingTable } from '../../db/schema.ts';

export type MeetingRow = MeetingTable;
export type DecisionRow = MeetingDecisionTable;
export type AttendeeRow = MeetingAttendeeTable;
export interface MeetingListRow extends MeetingRow {
  open_action_items: number | null;
}
export interface AttendeeListRow extends AttendeeRow {
  agency_name: string | null;
}
export interface DecisionListRow extends DecisionRow {
  meeting_title: string;
  meeting_kind: string;
  meeting_starts_at: string;
}

type ListMeetingsQuery = z.output<typeof listMeetingsQuerySchema>;
type ListDecisionsQuery = z.output<typeof listDecisionsQuerySchema>;

/** Action items that still ask for work: counted on meetings, listed as "open". */
export const OPEN_ACTION_ITEM_STATUSES: readonly ActionItemStatus[] = ['open', 'in_progress'];

/** The day after an ISO date, as the exclusive upper bound of a "to" filter on times. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/** One page of meetings by start time, each with its count of open action items. */
export async function listMeetings(db: Db, query: ListMeetingsQuery) {
  let q = db
    .selectFrom('meetings')
    .selectAll('meetings')
    .select((eb) =>
      eb
        .selectFrom('action_items')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('action_items.meeting_id', '=', 'meetings.id')
        .where('action_items.status', 'in', OPEN_ACTION_ITEM_STATUSES)
        .as('open_action_items'),
    )
    .where((eb) => {
      const and: Expression<SqlBool>[] = [];
      if (query.kind) and.push(eb('meetings.kind', '=', query.kind));
      if (query.status) and.push(eb('meetings.status', '=', query.status));
      if (query.planId) and.push(eb('meetings.plan_id', '=', query.planId));
      if (query.from) and.push(eb('meetings.starts_at', '>=', `${query.from}T00:00:00.000Z`));
      if (query.to) and.push(eb('meetings.starts_at', '<', dayAfter(query.to)));
      return eb.and(and);
    });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, eb.ref('meetings.starts_at'), eb.ref('meetings.id'), cursor, query.order));
  }
  const rows: MeetingListRow[] = await q
    .orderBy('meetings.starts_at', query.order)
    .orderBy('meetings.id', query.order)
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r.starts_at);
}

/** The meeting; on PostgreSQL with a row lock when asked, so decision numbers are handed out one at a time. */
export function findMeeting(db: Db | Tx, id: string, lock?: { engine: Engine }): Promise<MeetingRow | undefined> {
  let q = db.selectFrom('meetings').selectAll().where('id', '=', id);
  if (lock?.engine === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertMeeting(trx: Tx, row: MeetingRow): Promise<void> {
  await trx.insertInto('meetings').values(row).execute();
}

export async function updateMeeting(trx: Tx, id: string, patch: Partial<MeetingRow>): Promise<void> {
  await trx.updateTable('meetings').set(patch).where('id', '=', id).execute();
}

export function listAttendees(db: Db | Tx, meetingId: string): Promise<AttendeeListRow[]> {
  return db
    .selectFrom('meeting_attendees')
    .leftJoin('agencies', 'agencies.id', 'meeting_attendees.agency_id')
    .selectAll('meeting_attendees')
    .select('agencies.name as agency_name')
    .where('meeting_attendees.meeting_id', '=', meetingId)
    .orderBy('meeting_attendees.position')
    .execute();
}

export async function replaceAttendees(trx: Tx, meetingId: string, rows: AttendeeRow[]): Promise<void> {
  await trx.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
  // Chunks keep PostgreSQL and SQLite under their bound-parameter limits (300 attendees × 7).
  for (let i = 0; i < rows.length; i += 100) {
    await trx
      .insertInto('meeting_attendees')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

export function listMeetingDecisions(db: Db | Tx, meetingId: string): Promise<DecisionRow[]> {
  return db.selectFrom('meeting_decisions').selectAll().where('meeting_id', '=', meetingId).orderBy('number').execute();
}

export function findDecision(db: Db | Tx, meetingId: string, id: string): Promise<DecisionRow | undefined> {
  return db
    .selectFrom('meeting_decisions')
    .selectAll()
    .where('id', '=', id)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** The next number of a meeting's decisions: one more than the highest, so existing decisions keep theirs. */
export async function nextDecisionNumber(trx: Tx, meetingId: string): Promise<number> {
  const row = await trx
    .selectFrom('meeting_decisions')
    .select((eb) => eb.fn.max<number | null>('number').as('max'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertDecision(trx: Tx, row: DecisionRow): Promise<void> {
  await trx.insertInto('meeting_decisions').values(row).execute();
}

export async function updateDecisionText(trx: Tx, id: string, text: string): Promise<void> {
  await trx.updateTable('meeting_decisions').set({ text }).where('id', '=', id).execute();
}

export async function deleteDecision(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('meeting_decisions').where('id', '=', id).execute();
}

/** Whether a plan workflow step or an action item rests on the decision. */
export async function isDecisionInUse(db: Db | Tx, id: string): Promise<boolean> {
  const step = await db.selectFrom('plan_version_steps').select('id').where('decision_id', '=', id).executeTakeFirst();
  if (step) return true;
  const item = await db.selectFrom('action_items').select('id').where('decision_id', '=', id).executeTakeFirst();
  return item !== undefined;
}

/** Decisions of every meeting, newest first; `planId` keeps those of meetings about that plan. */
export async function listDecisions(db: Db, query: ListDecisionsQuery) {
  let q = db
    .selectFrom('meeting_decisions')
    .innerJoin('meetings', 'meetings.id', 'meeting_decisions.meeting_id')
    .selectAll('meeting_decisions')
    .select([
      'meetings.title as meeting_title',
      'meetings.kind as meeting_kind',
      'meetings.starts_at as meeting_starts_at',
    ])
    .where((eb) => {
      const and: Expression<SqlBool>[] = [];
      if (query.planId) and.push(eb('meetings.plan_id', '=', query.planId));
      if (query.q) and.push(containsText(sql`lower(${eb.ref('meeting_decisions.text')})`, query.q));
      return eb.and(and);
    });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) =>
      afterCursor(eb, eb.ref('meeting_decisions.created_at'), eb.ref('meeting_decisions.id'), cursor, 'desc'),
    );
  }
  const rows: DecisionListRow[] = await q
    .orderBy('meeting_decisions.created_at', 'desc')
    .orderBy('meeting_decisions.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r.created_at);
}

/** Which of the ids are not rows of the table: input that names users, agencies or plans is checked with it. */
export async function missingIds(
  db: Db | Tx,
  table: 'users' | 'agencies' | 'plans',
  ids: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const found = await db.selectFrom(table).select('id').where('id', 'in', wanted).execute();
  const existing = new Set(found.map((r) => r.id));
  return new Set(wanted.filter((id) => !existing.has(id)));
}

/** The agency each user belongs to, for attendees named by account only. */
export async function agenciesOfUsers(db: Db | Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'agency_id']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.agency_id]));
}

/** Active users of one agency, by name: who can be recorded as attending or owning an action. */
export function listAgencyPeople(db: Db, agencyId: string): Promise<{ id: string; name: string; agency_id: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'agency_id'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'active')
    .orderBy('name_lower')
    .orderBy('id')
    .limit(500)
    .execute();
}
