import { DEIDENTIFIED_CASE_ROLES, SHARED_SECTIONS, type SharedSection } from '@kinga/shared';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { CaseTable } from '../../db/schema.ts';
import { findCaseByCode } from './cases.repository.ts';
import { conflict, hiddenRecord, notFound, refused } from '../../http/errors.ts';

/**
 * Who sees what of a case. This is the only place that decides it; services ask it before
 * they read or change anything, and presenters show only the sections it grants.
 *
 * - The owning agency's staff (case:write) see everything; with KINGA_CASE_SCOPE=assigned a
 *   worker sees only cases assigned to or created by them, a supervisor every case.
 * - An agency that accepted an active referral sees the sections the referral consent opens,
 *   and only while the consent stands and the referral is accepted.
 * - The secretariat and analysts see every registered case de-identified: codes and
 *   picklist values, never identity, contact, narratives, notes or attachments.
 * - Anyone else: the case does not exist (404).
 */
export type CaseView =
  | { kind: 'full'; sections: readonly SharedSection[]; canEdit: boolean }
  | { kind: 'referral'; sections: readonly SharedSection[]; referralId: string; canEdit: false }
  | { kind: 'deidentified'; sections: readonly SharedSection[]; canEdit: false };

/** What a referral made without consent (on a supervisor's override) opens to the receiver. */
export const OVERRIDE_SECTIONS: readonly SharedSection[] = ['identity', 'victim', 'services'];
const DEIDENTIFIED_SECTIONS: readonly SharedSection[] = ['victim', 'route', 'screening', 'services'];

type CaseAccessRow = Pick<CaseTable, 'id' | 'agency_id' | 'owner_id' | 'created_by' | 'draft' | 'status'>;

export function isSupervisor(actor: Actor): boolean {
  return hasPermission(actor, 'case:supervise');
}

function isDeidentifiedReader(actor: Actor): boolean {
  return hasPermission(actor, 'case:read') && actor.roles.some((r) => DEIDENTIFIED_CASE_ROLES.includes(r));
}

/** True when the actor works on the owning agency's cases and this one is within their scope. */
export function ownsCase(ctx: AppContext, actor: Actor, row: CaseAccessRow): boolean {
  if (row.agency_id !== actor.agencyId || !hasPermission(actor, 'case:write')) return false;
  if (ctx.config.caseScope === 'assigned' && !isSupervisor(actor)) {
    return row.owner_id === actor.userId || row.created_by === actor.userId;
  }
  return true;
}

/** The caller's view of a case, or null when it must look as if the case did not exist. */
export async function viewOf(ctx: AppContext, db: Db | Tx, actor: Actor, row: CaseAccessRow): Promise<CaseView | null> {
  if (!hasPermission(actor, 'case:read')) return null;
  if (ownsCase(ctx, actor, row)) {
    const closed = row.status === 'Closed' || row.status === 'ClosedReferred';
    return { kind: 'full', sections: SHARED_SECTIONS, canEdit: !closed };
  }
  if (hasPermission(actor, 'case:write')) {
    const shared = await acceptedReferralSections(db, row.id, actor.agencyId);
    if (shared) return { kind: 'referral', sections: shared.sections, referralId: shared.referralId, canEdit: false };
  }
  if (isDeidentifiedReader(actor) && row.draft === 0) {
    return { kind: 'deidentified', sections: DEIDENTIFIED_SECTIONS, canEdit: false };
  }
  return null;
}

/**
 * The sections an accepted referral opens to an agency: those of the referral consent while it
 * is not withdrawn, or the override set when a supervisor referred without consent.
 */
async function acceptedReferralSections(
  db: Db | Tx,
  caseId: string,
  agencyId: string,
): Promise<{ referralId: string; sections: SharedSection[] } | null> {
  const referrals = await db
    .selectFrom('referrals')
    .leftJoin('consents', 'consents.id', 'referrals.consent_id')
    .select(['referrals.id', 'referrals.consent_override_by', 'consents.sections', 'consents.withdrawn_at'])
    .where('referrals.case_id', '=', caseId)
    .where('referrals.to_agency_id', '=', agencyId)
    .where('referrals.kind', '=', 'referral')
    .where('referrals.status', '=', 'accepted')
    .orderBy('referrals.created_at', 'desc')
    .execute();
  for (const r of referrals) {
    if (r.sections !== null && r.withdrawn_at === null) {
      return { referralId: r.id, sections: JSON.parse(r.sections) as SharedSection[] };
    }
    if (r.consent_override_by !== null && r.sections === null) {
      return { referralId: r.id, sections: [...OVERRIDE_SECTIONS] };
    }
  }
  return null;
}

/** The view, or a 404 that is audited as a refused read. */
export async function requireView(ctx: AppContext, db: Db | Tx, actor: Actor, row: CaseAccessRow): Promise<CaseView> {
  const view = await viewOf(ctx, db, actor, row);
  if (!view) throw hiddenRecord('case', row.id, 'Case');
  return view;
}

/**
 * For a change: the caller must own the case (404 otherwise, so no other agency learns it
 * exists) and, unless `evenIfClosed`, the case must be open.
 */
export async function requireEditable(
  ctx: AppContext,
  db: Db | Tx,
  actor: Actor,
  row: CaseAccessRow,
  options: { evenIfClosed?: boolean; supervisor?: boolean } = {},
): Promise<void> {
  const view = await requireView(ctx, db, actor, row);
  if (view.kind !== 'full') throw refused('read_only_case', 'You may read this case but not change it', 'case', row.id);
  if (options.supervisor && !isSupervisor(actor)) {
    throw refused('supervisor_required', 'A case supervisor must do this', 'case', row.id);
  }
  if (!view.canEdit && !options.evenIfClosed) {
    throw conflict('case_closed', 'The case is closed; reopen it first');
  }
}

/** A case by its code with the caller's view of it; missing and hidden cases both answer 404. */
export async function loadCase(
  ctx: AppContext,
  db: Db | Tx,
  actor: Actor,
  code: string,
): Promise<{ row: CaseTable; view: CaseView }> {
  const row = await findCaseByCode(db, code);
  if (!row) throw notFound('Case');
  return { row, view: await requireView(ctx, db, actor, row) };
}

/** A case by its code for a change: the owning agency's staff, the case open unless `evenIfClosed` (see requireEditable). */
export async function loadEditableCase(
  ctx: AppContext,
  db: Db | Tx,
  actor: Actor,
  code: string,
  options: { evenIfClosed?: boolean; supervisor?: boolean } = {},
): Promise<CaseTable> {
  const row = await findCaseByCode(db, code);
  if (!row) throw notFound('Case');
  await requireEditable(ctx, db, actor, row, options);
  return row;
}
