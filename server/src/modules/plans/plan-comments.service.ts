import {
  COORDINATION_BODIES,
  type CommentThreadDto,
  type PlanVersionStatus,
  type commentInputSchema,
  type listCommentsQuerySchema,
} from '@kinga/shared';
import type { z } from 'zod';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { conflict, notFound, refused, validationFailed } from '../../http/errors.ts';
import { presentThreads } from './plans.presenter.ts';
import * as repo from './plans.repository.ts';
import { getVersionOrThrow, planAudit } from './plans.service.ts';

type CommentInput = z.output<typeof commentInputSchema>;
type ListCommentsQuery = z.output<typeof listCommentsQuerySchema>;

/**
 * Comment threads on a version or its elements. Comments are free text, not victim data,
 * but they stay out of audit rows and logs all the same: audit rows name the comment's id.
 */

/** Versions that still take comments: the draft and the one before the committee. */
const COMMENTABLE: readonly PlanVersionStatus[] = ['draft', 'in_review'];

/** Threads of a version, in the order they were opened, optionally of one element or state. */
export async function listComments(
  ctx: AppContext,
  planId: string,
  number: number,
  query: ListCommentsQuery,
): Promise<CommentThreadDto[]> {
  const version = await getVersionOrThrow(ctx.db, planId, number);
  const rows = await repo.commentsOf(
    ctx.db,
    version.id,
    query.elementKey === undefined ? {} : { elementKey: query.elementKey },
  );
  return presentThreads(rows).filter(
    (t) => query.state === 'all' || (query.state === 'resolved' ? t.resolved : !t.resolved),
  );
}

/**
 * Opens a thread or replies to one. The caller's agency must sit on the task force or the
 * steering committee (the secretariat always may), and the version must still be a draft or
 * in review. A reply belongs to its thread's element.
 */
export async function addComment(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  number: number,
  input: CommentInput,
): Promise<CommentThreadDto> {
  const { versionId, threadId } = await ctx.db.transaction().execute(async (trx) => {
    const version = await getVersionOrThrow(trx, planId, number);
    if (!(await mayComment(trx, rc.actor))) {
      throw refused(
        'not_a_member',
        'Only agencies on the task force or the steering committee comment on the plan',
        'plan_version',
        version.id,
      );
    }
    const status = await repo.lockedVersionStatus(trx, ctx.engine, version.id);
    if (!COMMENTABLE.includes(status as PlanVersionStatus)) {
      throw conflict('comments_closed', 'Comments are taken on a draft or a version in review only');
    }
    let elementKey = input.elementKey;
    if (elementKey !== null) {
      const exists = (await repo.elementRowsOf(trx, version.id)).some((r) => r.element_key === elementKey);
      if (!exists) throw notFound('Plan element');
    }
    if (input.threadId !== null) {
      const thread = await repo.findThread(trx, input.threadId);
      if (!thread || thread.version_id !== version.id) throw notFound('Comment thread');
      if (input.elementKey !== null && input.elementKey !== thread.element_key) {
        throw validationFailed([
          { path: 'body.elementKey', message: 'The thread is about another element', code: 'thread_element_mismatch' },
        ]);
      }
      elementKey = thread.element_key;
    }
    const id = newId();
    await repo.insertComment(trx, {
      id,
      version_id: version.id,
      element_key: elementKey,
      thread_id: input.threadId ?? id,
      author_id: rc.actor.userId,
      agency_id: rc.actor.agencyId,
      body: input.body,
      created_at: nowIso(),
      resolved_at: null,
      resolved_by: null,
    });
    await ctx.audit.inTransaction(trx, planAudit(rc, 'plan.comment.create', 'plan_comment', id));
    return { versionId: version.id, threadId: input.threadId ?? id };
  });
  return readThread(ctx.db, versionId, threadId);
}

/** Resolves (or reopens) a thread: its author or the secretariat (plan:manage). */
export async function setThreadResolved(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  threadId: string,
  resolve: boolean,
): Promise<CommentThreadDto> {
  const versionId = await ctx.db.transaction().execute(async (trx) => {
    const thread = await repo.findThread(trx, threadId);
    if (!thread || thread.plan_id !== planId) throw notFound('Comment thread');
    if (thread.author_id !== rc.actor.userId && !hasPermission(rc.actor, 'plan:manage')) {
      throw refused(
        'forbidden',
        'Only the author of a thread or the secretariat resolves or reopens it',
        'plan_comment',
        threadId,
      );
    }
    const now = nowIso();
    if (!(await repo.setThreadResolved(trx, threadId, resolve ? { at: now, by: rc.actor.userId } : null))) {
      throw resolve
        ? conflict('thread_resolved', 'The thread is already resolved')
        : conflict('thread_open', 'The thread is not resolved');
    }
    await ctx.audit.inTransaction(
      trx,
      planAudit(rc, resolve ? 'plan.comment.resolve' : 'plan.comment.reopen', 'plan_comment', threadId),
    );
    return thread.version_id;
  });
  return readThread(ctx.db, versionId, threadId);
}

/** The secretariat always comments; others only for an agency on a coordination body. */
async function mayComment(db: Db | Tx, actor: Actor): Promise<boolean> {
  if (actor.roles.includes('secretariat')) return true;
  return repo.isMemberOf(db, actor.agencyId, COORDINATION_BODIES);
}

async function readThread(db: Db, versionId: string, threadId: string): Promise<CommentThreadDto> {
  const [thread] = presentThreads(await repo.commentsOf(db, versionId, { threadId }));
  if (!thread) throw notFound('Comment thread');
  return thread;
}
