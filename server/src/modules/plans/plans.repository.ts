import type { CoordinationBody, PlanVersionStatus } from '@kinga/shared';
import { sql } from 'kysely';
import type { Db, Engine, Tx } from '../../db/database.ts';
import { afterCursor, decodeCursor, pageFrom } from '../../db/keyset.ts';
import type {
  PlanCommentTable,
  PlanElementTable,
  PlanTable,
  PlanVersionStepTable,
  PlanVersionTable,
  ReportingPeriodTable,
} from '../../db/schema.ts';

export type PlanRow = PlanTable;
export type VersionRow = PlanVersionTable;
export type StepRow = PlanVersionStepTable;
export type ElementRow = PlanElementTable;
export type CommentRow = PlanCommentTable;

// ---- plans ------------------------------------------------------------------------------

/** One page of plans, newest first. Plans are national: every reader sees every plan. */
export async function listPlans(db: Db, query: { limit: number; cursor?: string | undefined }) {
  let q = db.selectFrom('plans').selectAll();
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, eb.ref('created_at'), eb.ref('id'), cursor, 'desc'));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r.created_at);
}

export function findPlan(db: Db | Tx, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPlan(trx: Tx, row: PlanRow): Promise<void> {
  await trx.insertInto('plans').values(row).execute();
}

/**
 * Updates the plan row (at least its `updated_at`); false when there is no such plan. Every
 * write to a plan starts here: on PostgreSQL the row lock it takes serialises concurrent
 * writes to one plan, so a check of a version's status cannot race a transition.
 */
export async function touchPlan(trx: Tx, id: string, patch: Partial<PlanRow> & { updated_at: string }) {
  const result = await trx.updateTable('plans').set(patch).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertReportingPeriods(trx: Tx, rows: ReportingPeriodTable[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('reporting_periods').values(rows).execute();
}

// ---- versions ---------------------------------------------------------------------------

/** The versions of the given plans, by plan and number. */
export function versionsOf(db: Db | Tx, planIds: readonly string[]): Promise<VersionRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_versions')
    .selectAll()
    .where('plan_id', 'in', [...planIds])
    .orderBy('plan_id')
    .orderBy('number')
    .execute();
}

export async function insertVersion(trx: Tx, row: VersionRow): Promise<void> {
  await trx.insertInto('plan_versions').values(row).execute();
}

/**
 * Moves a version on from one status; false when it is no longer in that status. The status
 * condition keeps the change race-free on both engines.
 */
export async function setVersionStatus(
  trx: Tx,
  id: string,
  from: PlanVersionStatus,
  to: PlanVersionStatus,
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('plan_versions')
    .set({ status: to, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a draft as changed; false when it is no longer a draft (then nothing may change). */
export async function touchDraft(trx: Tx, id: string, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('plan_versions')
    .set({ updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'draft' satisfies PlanVersionStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The version's current status, read under a row lock on PostgreSQL so that a write that
 * depends on it (a comment) waits for a concurrent transition to commit.
 */
export async function lockedVersionStatus(trx: Tx, engine: Engine, id: string): Promise<string | undefined> {
  let q = trx.selectFrom('plan_versions').select('status').where('id', '=', id);
  if (engine === 'postgres') q = q.forUpdate();
  return (await q.executeTakeFirst())?.status;
}

export async function insertStep(trx: Tx, row: StepRow): Promise<void> {
  await trx.insertInto('plan_version_steps').values(row).execute();
}

/** A version's steps, oldest first, with who took them and the decision they rest on. */
export function stepsOf(db: Db | Tx, versionId: string) {
  return db
    .selectFrom('plan_version_steps as s')
    .leftJoin('users as u', 'u.id', 's.actor_id')
    .leftJoin('meeting_decisions as d', 'd.id', 's.decision_id')
    .leftJoin('meetings as m', 'm.id', 'd.meeting_id')
    .select([
      's.id',
      's.transition',
      's.actor_id',
      'u.name as actor_name',
      's.at',
      's.decision_id',
      'd.text as decision_text',
      'm.id as meeting_id',
      'm.title as meeting_title',
      's.note',
    ])
    .where('s.version_id', '=', versionId)
    .orderBy('s.at')
    .orderBy('s.id')
    .execute();
}
export type StepListRow = Awaited<ReturnType<typeof stepsOf>>[number];

/** A meeting decision and the plan its meeting is about, if any. */
export function findDecision(db: Db | Tx, id: string) {
  return db
    .selectFrom('meeting_decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
    .select(['d.id', 'm.plan_id'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

// ---- elements ---------------------------------------------------------------------------

export function elementRowsOf(db: Db | Tx, versionId: string): Promise<ElementRow[]> {
  return db.selectFrom('plan_elements').selectAll().where('version_id', '=', versionId).execute();
}

export async function insertElements(trx: Tx, rows: readonly ElementRow[]): Promise<void> {
  // Chunks stay under either engine's bound-parameter limit (11 columns a row).
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('plan_elements')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function updateElement(trx: Tx, id: string, patch: Partial<ElementRow>): Promise<void> {
  await trx.updateTable('plan_elements').set(patch).where('id', '=', id).execute();
}

export async function deleteElements(trx: Tx, versionId: string, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 500) {
    await trx
      .deleteFrom('plan_elements')
      .where('version_id', '=', versionId)
      .where('element_key', 'in', keys.slice(i, i + 500))
      .execute();
  }
}

/** Names of the given agencies, by id. */
export async function agencyNames(db: Db | Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Unresolved comment threads of a version per element key (the version as a whole under null). */
export async function openThreadCounts(db: Db | Tx, versionId: string): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom('plan_comments')
    .select(['element_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('version_id', '=', versionId)
    .whereRef('thread_id', '=', 'id')
    .where('resolved_at', 'is', null)
    .groupBy('element_key')
    .execute();
  return new Map(rows.map((r) => [r.element_key, Number(r.n)]));
}

// ---- comments ---------------------------------------------------------------------------

/** A version's comments with their authors' and resolvers' names, oldest first. */
export function commentsOf(db: Db | Tx, versionId: string, filter: { elementKey?: string; threadId?: string } = {}) {
  let q = db
    .selectFrom('plan_comments as c')
    .innerJoin('users as author', 'author.id', 'c.author_id')
    .innerJoin('agencies as agency', 'agency.id', 'c.agency_id')
    .leftJoin('users as resolver', 'resolver.id', 'c.resolved_by')
    .selectAll('c')
    .select(['author.name as author_name', 'agency.name as agency_name', 'resolver.name as resolved_by_name'])
    .where('c.version_id', '=', versionId);
  if (filter.elementKey !== undefined) q = q.where('c.element_key', '=', filter.elementKey);
  if (filter.threadId !== undefined) q = q.where('c.thread_id', '=', filter.threadId);
  return q.orderBy('c.created_at').orderBy('c.id').execute();
}
export type CommentListRow = Awaited<ReturnType<typeof commentsOf>>[number];

/** The first comment of a thread with the plan and version it belongs to. */
export function findThread(db: Db | Tx, threadId: string) {
  return db
    .selectFrom('plan_comments as c')
    .innerJoin('plan_versions as v', 'v.id', 'c.version_id')
    .selectAll('c')
    .select(['v.plan_id', 'v.number as version_number', 'v.status as version_status'])
    .where('c.id', '=', threadId)
    .whereRef('c.thread_id', '=', 'c.id')
    .executeTakeFirst();
}

export async function insertComment(trx: Tx, row: CommentRow): Promise<void> {
  await trx.insertInto('plan_comments').values(row).execute();
}

/** Resolves or reopens a thread; false when it was already in that state. */
export async function setThreadResolved(
  trx: Tx,
  threadId: string,
  resolved: { at: string; by: string } | null,
): Promise<boolean> {
  const result = await trx
    .updateTable('plan_comments')
    .set({ resolved_at: resolved?.at ?? null, resolved_by: resolved?.by ?? null })
    .where('id', '=', threadId)
    .where('resolved_at', resolved ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** True when the agency sits on one of the bodies, in any role. */
export async function isMemberOf(db: Db | Tx, agencyId: string, bodies: readonly CoordinationBody[]): Promise<boolean> {
  const row = await db
    .selectFrom('coordination_memberships')
    .select(sql<number>`1`.as('one'))
    .where('agency_id', '=', agencyId)
    .where('body', 'in', [...bodies])
    .executeTakeFirst();
  return row !== undefined;
}
