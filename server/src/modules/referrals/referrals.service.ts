import type { ReferralDto, ReferralStatus, referralInputSchema } from '@kinga/shared';
import type { z } from 'zod';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { conflict, notFound, refused } from '../../http/errors.ts';
import { isSupervisor, loadCase } from '../cases/case-access.ts';
import { caseAudit } from '../cases/cases.service.ts';
import { activeConsent, assertReceivingAgency } from '../consents/consents.service.ts';
import { requireActingSide, requireSide, referralScope } from './referral-access.ts';
import { presentReferral, type ReferralDirection } from './referrals.presenter.ts';
import * as repo from './referrals.repository.ts';

type ReferralInput = z.output<typeof referralInputSchema>;

const invalidState = () => conflict('invalid_referral_state', 'The referral is not in a state that allows this');

/** The referrals and transfers of one case, for its owning agency; the read is audited. */
export async function listCaseReferrals(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
): Promise<{ items: ReferralDto[]; nextCursor: null }> {
  const { row, view } = await loadCase(ctx, ctx.db, rc.actor, code);
  if (view.kind !== 'full') {
    throw refused('referrals_not_visible', "Only the owning agency sees a case's referrals", 'case', row.id);
  }
  const rows = await repo.listCaseReferrals(ctx.db, row.id);
  await ctx.audit.record(caseAudit(rc, 'referral.list', row.id));
  const now = nowIso();
  const directionOf = (r: repo.ReferralListRow): ReferralDirection => {
    if (r.from_agency_id === rc.actor.agencyId) return 'outgoing';
    return r.to_agency_id === rc.actor.agencyId ? 'incoming' : 'observer';
  };
  // The owning agency reads every referral's text, also those a previous holder of the case sent.
  return { items: rows.map((r) => presentReferral(ctx.dataKeys, r, directionOf(r), now, true)), nextCursor: null };
}

/**
 * Refers (or transfers) a registered, open case to another agency. The consent gate: an active
 * referral consent naming that agency, or a supervisor's recorded reason to go without one.
 * A referral waits for the receiver's answer until `respond_by`; a transfer first waits for a
 * supervisor of the sending agency.
 */
export async function createReferral(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  input: ReferralInput,
): Promise<ReferralDto> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { row, view } = await loadCase(ctx, trx, rc.actor, code);
    if (view.kind !== 'full') {
      throw refused('read_only_case', 'Only the owning agency refers a case', 'case', row.id);
    }
    if (input.consentOverrideReason !== undefined && !isSupervisor(rc.actor)) {
      throw refused('supervisor_required', 'Only a case supervisor refers without consent', 'case', row.id);
    }
    if (row.draft === 1) throw conflict('case_is_draft', 'Register the case before referring it');
    if (!view.canEdit) throw conflict('case_closed', 'The case is closed; reopen it first');
    await assertReceivingAgency(trx, input.toAgencyId, row.agency_id, 'body.toAgencyId');
    if (await repo.hasOpenReferral(trx, row.id, input.kind, input.toAgencyId)) {
      throw conflict(
        'referral_open',
        input.kind === 'transfer'
          ? 'A transfer of this case is already under way'
          : 'An open referral of this case to this agency exists already',
      );
    }
    const consent = await activeConsent(trx, row.id, 'referral', input.toAgencyId);
    // With a standing consent the consent is the basis; an override reason is not recorded then.
    const override = consent ? undefined : input.consentOverrideReason;
    if (!consent && override === undefined) {
      throw conflict('consent_required', 'Record the consent of the person to be referred to this agency first');
    }
    const id = newId();
    const now = nowIso();
    const transfer = input.kind === 'transfer';
    await repo.insertReferral(trx, {
      id,
      case_id: row.id,
      kind: input.kind,
      status: transfer ? 'awaiting_approval' : 'pending',
      from_agency_id: row.agency_id,
      to_agency_id: input.toAgencyId,
      services: JSON.stringify(input.services),
      reason: input.reason,
      details_enc: ctx.dataKeys.seal(input.details, 'referrals', id, 'details_enc'),
      consent_id: consent?.id ?? null,
      consent_override_by: override !== undefined ? rc.actor.userId : null,
      consent_override_reason_enc: ctx.dataKeys.seal(override, 'referrals', id, 'consent_override_reason_enc'),
      created_by: rc.actor.userId,
      created_at: now,
      approved_by: null,
      approved_at: null,
      respond_by: transfer ? null : respondBy(ctx, now),
      responded_by: null,
      responded_at: null,
      decline_reason_enc: null,
      completed_at: null,
      revoked_by: null,
      revoked_at: null,
      updated_at: now,
    });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'referral.create', row.id));
    return id;
  });
  return readReferral(ctx, rc, id, { audit: false });
}

function respondBy(ctx: AppContext, now: string): string {
  return nowIso(Date.parse(now) + ctx.config.referralResponseMs);
}

/** Incoming and outgoing referrals of the caller's agency, or every referral for observers; audited. */
export async function listReferrals(
  ctx: AppContext,
  rc: RequestContext,
  query: repo.ListReferralsQuery,
): Promise<{ items: ReferralDto[]; nextCursor: string | null }> {
  const now = nowIso();
  const page = await repo.listReferrals(ctx.db, referralScope(ctx, rc.actor, query.direction), query, now);
  await ctx.audit.record(caseAudit(rc, 'referral.list', null));
  return { items: page.rows.map((r) => present(ctx, rc, r, now)), nextCursor: page.nextCursor };
}

/** Pending referrals to the caller's agency or transfers waiting for its supervisor, oldest first (work view). */
export async function referralQueue(
  ctx: AppContext,
  rc: RequestContext,
  queue: 'incoming' | 'transfersToApprove',
  limit: number,
): Promise<ReferralDto[]> {
  const now = nowIso();
  const incoming = queue === 'incoming';
  const page = await repo.listReferrals(
    ctx.db,
    referralScope(ctx, rc.actor, incoming ? 'incoming' : 'outgoing'),
    {
      limit,
      sort: 'createdAt',
      order: 'asc',
      status: incoming ? 'pending' : 'awaiting_approval',
      ...(incoming ? {} : { kind: 'transfer' as const }),
    },
    now,
  );
  return page.rows.map((r) => present(ctx, rc, r, now));
}

function present(ctx: AppContext, rc: RequestContext, row: repo.ReferralListRow, now: string): ReferralDto {
  return presentReferral(ctx.dataKeys, row, requireSide(ctx, rc.actor, row), now);
}

async function referralOrThrow(db: Db | Tx, id: string): Promise<repo.ReferralListRow> {
  const row = await repo.findReferral(db, id);
  if (!row) throw notFound('Referral');
  return row;
}

/** One referral's summary, for its parties and observers; the read is audited against the case. */
export async function readReferral(
  ctx: AppContext,
  rc: RequestContext,
  id: string,
  options = { audit: true },
): Promise<ReferralDto> {
  const row = await referralOrThrow(ctx.db, id);
  const side = requireSide(ctx, rc.actor, row);
  if (options.audit) await ctx.audit.record(caseAudit(rc, 'referral.read', row.case_id));
  return presentReferral(ctx.dataKeys, row, side, nowIso());
}

interface Step {
  action: string;
  side: 'incoming' | 'outgoing';
  from: readonly ReferralStatus[];
  /** Only a case supervisor of that side takes the step. */
  supervisor?: boolean;
  patch: (row: repo.ReferralListRow, now: string) => Partial<repo.ReferralRow>;
  /** More of the same workflow, in the same transaction. */
  then?: (trx: Tx, row: repo.ReferralListRow, now: string) => Promise<void>;
}

/** One step of a referral's life: who may take it, from which statuses, and what it changes; audited. */
async function takeStep(ctx: AppContext, rc: RequestContext, id: string, step: Step): Promise<ReferralDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await referralOrThrow(trx, id);
    requireActingSide(ctx, rc.actor, row, step.side);
    if (step.supervisor && !isSupervisor(rc.actor)) {
      throw refused('supervisor_required', 'A case supervisor must do this', 'referral', row.id);
    }
    const now = nowIso();
    if (!(await repo.transition(trx, id, step.from, { ...step.patch(row, now), updated_at: now }))) {
      throw invalidState();
    }
    await step.then?.(trx, row, now);
    await ctx.audit.inTransaction(trx, caseAudit(rc, step.action, row.case_id));
  });
  return readReferral(ctx, rc, id, { audit: false });
}

/** A supervisor of the sending agency lets a transfer go: it now waits for the receiver's answer. */
export function approveTransfer(ctx: AppContext, rc: RequestContext, id: string): Promise<ReferralDto> {
  return takeStep(ctx, rc, id, {
    action: 'referral.approve',
    side: 'outgoing',
    from: ['awaiting_approval'],
    supervisor: true,
    patch: (_row, now) => ({
      status: 'pending',
      approved_by: rc.actor.userId,
      approved_at: now,
      respond_by: respondBy(ctx, now),
    }),
  });
}

/**
 * The receiver accepts. A referral opens the consented sections of the case to the receiving
 * agency (case-access reads it live); a transfer hands the case over to the accepting worker
 * and is then complete.
 */
export function acceptReferral(ctx: AppContext, rc: RequestContext, id: string): Promise<ReferralDto> {
  return takeStep(ctx, rc, id, {
    action: 'referral.accept',
    side: 'incoming',
    from: ['pending'],
    patch: (row, now) => ({
      status: row.kind === 'transfer' ? 'completed' : 'accepted',
      responded_by: rc.actor.userId,
      responded_at: now,
      ...(row.kind === 'transfer' ? { completed_at: now } : {}),
    }),
    then: async (trx, row, now) => {
      if (row.kind !== 'transfer') return;
      const moved = await repo.moveCase(trx, row.case_id, {
        fromAgencyId: row.from_agency_id,
        toAgencyId: row.to_agency_id,
        ownerId: rc.actor.userId,
        now,
      });
      // The sending agency no longer holds the case (another transfer completed first).
      if (!moved) throw invalidState();
    },
  });
}

export function declineReferral(ctx: AppContext, rc: RequestContext, id: string, reason: string): Promise<ReferralDto> {
  return takeStep(ctx, rc, id, {
    action: 'referral.decline',
    side: 'incoming',
    from: ['pending'],
    patch: (row, now) => ({
      status: 'declined',
      responded_by: rc.actor.userId,
      responded_at: now,
      decline_reason_enc: ctx.dataKeys.seal(reason, 'referrals', row.id, 'decline_reason_enc'),
    }),
  });
}

/** The receiver has given the services asked for; what the referral opened closes. */
export function completeReferral(ctx: AppContext, rc: RequestContext, id: string): Promise<ReferralDto> {
  return takeStep(ctx, rc, id, {
    action: 'referral.complete',
    side: 'incoming',
    from: ['accepted'],
    patch: (_row, now) => ({ status: 'completed', completed_at: now }),
  });
}

/** The sender takes a referral back; an accepted one stops opening the case to the receiver at once. */
export function revokeReferral(ctx: AppContext, rc: RequestContext, id: string): Promise<ReferralDto> {
  return takeStep(ctx, rc, id, {
    action: 'referral.revoke',
    side: 'outgoing',
    from: ['awaiting_approval', 'pending', 'accepted'],
    patch: (_row, now) => ({ status: 'revoked', revoked_by: rc.actor.userId, revoked_at: now }),
  });
}
