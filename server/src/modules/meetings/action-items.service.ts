import type { ActionItemDto, actionItemInputSchema, updateActionItemSchema } from '@kinga/shared';
import type { z } from 'zod';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { hiddenRecord, notFound, refused, validationFailed } from '../../http/errors.ts';
import * as repo from './action-items.repository.ts';
import { presentActionItem } from './meetings.presenter.ts';
import * as meetings from './meetings.repository.ts';
import { meetingAudit, requireManage, todayUtc } from './meetings.service.ts';

type ActionItemInput = z.output<typeof actionItemInputSchema>;
type UpdateActionItemInput = z.output<typeof updateActionItemSchema>;

export async function listActionItems(
  ctx: AppContext,
  rc: RequestContext,
  query: repo.ListActionItemsQuery,
): Promise<{ items: ActionItemDto[]; nextCursor: string | null }> {
  const today = todayUtc();
  const page = await repo.listActionItems(ctx.db, query, rc.actor, today);
  return { items: page.rows.map((r) => presentActionItem(r, today)), nextCursor: page.nextCursor };
}

async function assertOwnersExist(
  trx: Tx,
  owners: { ownerAgencyId?: string | null | undefined; ownerUserId?: string | null | undefined },
): Promise<void> {
  const issues: { path: string; message: string; code: string }[] = [];
  if (owners.ownerAgencyId && (await meetings.missingIds(trx, 'agencies', [owners.ownerAgencyId])).size > 0) {
    issues.push({ path: 'body.ownerAgencyId', message: 'No such agency', code: 'unknown_agency' });
  }
  if (owners.ownerUserId && (await meetings.missingIds(trx, 'users', [owners.ownerUserId])).size > 0) {
    issues.push({ path: 'body.ownerUserId', message: 'No such user', code: 'unknown_user' });
  }
  if (issues.length > 0) throw validationFailed(issues);
}

export async function createActionItem(
  ctx: AppContext,
  rc: RequestContext,
  meetingId: string,
  input: ActionItemInput,
): Promise<ActionItemDto> {
  requireManage(rc, 'meeting', meetingId);
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await meetings.findMeeting(trx, meetingId);
    if (!meeting) throw notFound('Meeting');
    if (input.decisionId && !(await meetings.findDecision(trx, meetingId, input.decisionId))) {
      throw validationFailed([
        { path: 'body.decisionId', message: 'Not a decision of this meeting', code: 'unknown_decision' },
      ]);
    }
    await assertOwnersExist(trx, input);
    const now = nowIso();
    const id = newId();
    await repo.insertActionItem(trx, {
      id,
      meeting_id: meetingId,
      decision_id: input.decisionId,
      text: input.text,
      owner_agency_id: input.ownerAgencyId,
      owner_user_id: input.ownerUserId,
      due_on: input.dueOn,
      status: 'open',
      completed_at: null,
      created_by: rc.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await meetings.updateMeeting(trx, meetingId, { updated_at: now });
    await ctx.audit.inTransaction(trx, meetingAudit(rc, 'action_item.create', 'action_item', id));
    return presentActionItem(await findOrThrow(trx, id), todayUtc());
  });
}

async function findOrThrow(trx: Tx, id: string): Promise<repo.ActionItemListRow> {
  const row = await repo.findActionItem(trx, id);
  if (!row) throw notFound('Action item');
  return row;
}

/** Whether the caller answers for the item: its owner, or a focal point of its owner agency. */
function isOwner(actor: Actor, row: repo.ActionItemRow): boolean {
  if (row.owner_user_id !== null && row.owner_user_id === actor.userId) return true;
  return row.owner_agency_id !== null && row.owner_agency_id === actor.agencyId && actor.roles.includes('focal_point');
}

/**
 * The secretariat changes anything of an action item; its owner (the person, or a focal point
 * of the owner agency) reports progress through the status only; anyone else does not see it
 * to change (404).
 */
export async function updateActionItem(
  ctx: AppContext,
  rc: RequestContext,
  id: string,
  input: UpdateActionItemInput,
): Promise<ActionItemDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findActionItem(trx, id);
    if (!current) throw notFound('Action item');
    if (!hasPermission(rc.actor, 'plan:manage')) {
      if (!isOwner(rc.actor, current)) throw hiddenRecord('action_item', id, 'Action item');
      if (Object.keys(input).some((k) => k !== 'status')) {
        throw refused('status_only', 'As its owner you may change only the status', 'action_item', id);
      }
    }
    await assertOwnersExist(trx, input);
    const ownerAgencyId = input.ownerAgencyId === undefined ? current.owner_agency_id : input.ownerAgencyId;
    const ownerUserId = input.ownerUserId === undefined ? current.owner_user_id : input.ownerUserId;
    if (ownerAgencyId === null && ownerUserId === null) {
      throw validationFailed([
        { path: 'body.ownerAgencyId', message: 'name an owner agency or person', code: 'owner_required' },
      ]);
    }
    const now = nowIso();
    const patch: Partial<repo.ActionItemRow> = { updated_at: now };
    if (input.text !== undefined) patch.text = input.text;
    if (input.ownerAgencyId !== undefined) patch.owner_agency_id = input.ownerAgencyId;
    if (input.ownerUserId !== undefined) patch.owner_user_id = input.ownerUserId;
    if (input.dueOn !== undefined) patch.due_on = input.dueOn;
    if (input.status !== undefined && input.status !== current.status) {
      patch.status = input.status;
      patch.completed_at = input.status === 'done' ? now : null;
    }
    await repo.updateActionItem(trx, id, patch);
    await ctx.audit.inTransaction(trx, meetingAudit(rc, 'action_item.update', 'action_item', id));
    return presentActionItem(await findOrThrow(trx, id), todayUtc());
  });
}
