import { hasPermission, type Actor } from '../../access/access.ts';
import type { AppContext } from '../../context.ts';
import { hiddenRecord, refused } from '../../http/errors.ts';
import { isSupervisor } from '../cases/case-access.ts';
import type { ReferralDirection } from './referrals.presenter.ts';
import type { ReferralListRow, ReferralScope } from './referrals.repository.ts';

/**
 * Who may see and act on a referral; the referral module's only access rules.
 *
 * - The sending agency's staff (case:write) see and revoke what their agency sent; with
 *   KINGA_CASE_SCOPE=assigned a worker only for cases assigned to or created by them.
 * - The receiving agency's staff (case:write) see and answer what was sent to them, once
 *   it is sent: a transfer waiting for the sender's supervisor is not.
 * - The secretariat and analysts (case:read without case:write) observe every referral,
 *   without its free text.
 * - Anyone else: the referral does not exist (404).
 */
type ReferralAccessRow = Pick<
  ReferralListRow,
  'id' | 'status' | 'from_agency_id' | 'to_agency_id' | 'case_owner_id' | 'case_created_by'
>;

function onlyOwnCases(ctx: AppContext, actor: Actor): boolean {
  return ctx.config.caseScope === 'assigned' && !isSupervisor(actor);
}

/** The caller's side of a referral, or null when it must look as if it did not exist. */
export function sideOf(ctx: AppContext, actor: Actor, row: ReferralAccessRow): ReferralDirection | null {
  if (!hasPermission(actor, 'case:read')) return null;
  if (!hasPermission(actor, 'case:write')) return 'observer';
  if (row.from_agency_id === actor.agencyId) {
    const mine = row.case_owner_id === actor.userId || row.case_created_by === actor.userId;
    if (!onlyOwnCases(ctx, actor) || mine) return 'outgoing';
  }
  if (row.to_agency_id === actor.agencyId && row.status !== 'awaiting_approval') return 'incoming';
  return null;
}

/** The side, or a 404 audited as a refused read. */
export function requireSide(ctx: AppContext, actor: Actor, row: ReferralAccessRow): ReferralDirection {
  const side = sideOf(ctx, actor, row);
  if (!side) throw hiddenRecord('referral', row.id, 'Referral');
  return side;
}

/** For an answer or a revocation: the caller must be on the given side (403 for the other party). */
export function requireActingSide(
  ctx: AppContext,
  actor: Actor,
  row: ReferralAccessRow,
  wanted: 'incoming' | 'outgoing',
): void {
  const side = requireSide(ctx, actor, row);
  if (side === wanted) return;
  throw wanted === 'incoming'
    ? refused('receiver_required', 'Only the receiving agency answers a referral', 'referral', row.id)
    : refused('sender_required', 'Only the sending agency does this', 'referral', row.id);
}

/** The list scope of an actor, mirroring sideOf. */
export function referralScope(
  ctx: AppContext,
  actor: Actor,
  direction: 'incoming' | 'outgoing' | undefined,
): ReferralScope {
  if (!hasPermission(actor, 'case:read')) return { kind: 'none' };
  // Observers are party to nothing: the direction filter does not narrow what they see.
  if (!hasPermission(actor, 'case:write')) return { kind: 'all' };
  return {
    kind: 'party',
    agencyId: actor.agencyId,
    direction,
    ...(onlyOwnCases(ctx, actor) ? { onlyUserId: actor.userId } : {}),
  };
}
