import type { ConsentDto, ConsentPurpose, consentInputSchema } from '@kinga/shared';
import type { z } from 'zod';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { conflict, notFound, refused, validationFailed } from '../../http/errors.ts';
import { findAgency } from '../agencies/agencies.repository.ts';
import { refreshCaseStatistics } from '../analytics/case-statistics.ts';
import { loadCase } from '../cases/case-access.ts';
import { caseAudit } from '../cases/cases.service.ts';
import { presentConsent } from './consents.presenter.ts';
import * as repo from './consents.repository.ts';

type ConsentInput = z.output<typeof consentInputSchema>;

/**
 * The consent that stands for a purpose (for a referral: naming that agency), or undefined.
 * The referral gate asks it; case-access reads consents live, so a withdrawal takes effect at once.
 */
export function activeConsent(
  db: Db | Tx,
  caseId: string,
  purpose: ConsentPurpose,
  agencyId?: string,
): Promise<repo.ConsentRow | undefined> {
  return repo.findActiveConsent(db, caseId, purpose, agencyId);
}

/** A case is shared only with an active agency other than the one that holds it; anything else is a 400. */
export async function assertReceivingAgency(
  db: Db | Tx,
  agencyId: string,
  owningAgencyId: string,
  path: string,
): Promise<void> {
  const agency = agencyId === owningAgencyId ? undefined : await findAgency(db, agencyId);
  if (agency?.status !== 'active') {
    throw validationFailed([
      { path, message: 'Name an active agency other than the one that holds the case', code: 'invalid_agency' },
    ]);
  }
}

/** The case for a consent change: only the owning agency records or withdraws consent. */
async function ownedCase(ctx: AppContext, db: Db | Tx, rc: RequestContext, code: string, evenIfClosed: boolean) {
  const loaded = await loadCase(ctx, db, rc.actor, code);
  if (loaded.view.kind !== 'full') {
    throw refused('read_only_case', 'Only the owning agency records consent', 'case', loaded.row.id);
  }
  if (!loaded.view.canEdit && !evenIfClosed) throw conflict('case_closed', 'The case is closed; reopen it first');
  return loaded;
}

/** The consents of a case, for its owning agency only; the read is audited. */
export async function listConsents(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
): Promise<{ items: ConsentDto[]; nextCursor: null }> {
  const { row, view } = await loadCase(ctx, ctx.db, rc.actor, code);
  if (view.kind !== 'full') {
    throw refused('consents_not_visible', "Only the owning agency sees a case's consents", 'case', row.id);
  }
  const rows = await repo.listConsents(ctx.db, row.id);
  await ctx.audit.record(caseAudit(rc, 'case.consent.list', row.id));
  return { items: rows.map((r) => presentConsent(ctx.dataKeys, r)), nextCursor: null };
}

/** Records a consent; a referral consent names an active agency other than the owning one. */
export async function recordConsent(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  input: ConsentInput,
): Promise<ConsentDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await ownedCase(ctx, trx, rc, code, false);
    const agencyId = input.purpose === 'referral' ? (input.agencyId ?? null) : null;
    if (agencyId !== null) await assertReceivingAgency(trx, agencyId, row.agency_id, 'body.agencyId');
    const id = newId();
    await repo.insertConsent(trx, {
      id,
      case_id: row.id,
      purpose: input.purpose,
      agency_id: agencyId,
      sections: JSON.stringify(input.purpose === 'referral' ? (input.sections ?? []) : []),
      method: input.method,
      given_on: input.givenOn,
      guardian_name_enc: ctx.dataKeys.seal(input.guardianName, 'consents', id, 'guardian_name_enc'),
      best_interest_note_enc: ctx.dataKeys.seal(input.bestInterestNote, 'consents', id, 'best_interest_note_enc'),
      recorded_by: rc.actor.userId,
      recorded_at: nowIso(),
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_reason_enc: null,
    });
    if (input.purpose === 'statistics') await refreshCaseStatistics(trx, [row.id], { country: ctx.config.country });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.consent.create', row.id));
    return presentConsent(ctx.dataKeys, await consentOrThrow(trx, row.id, id));
  });
}

/**
 * Withdraws a consent. Allowed on a closed case too: a person's withdrawal is honoured
 * whatever the state of the case. What a referral consent opened closes at once.
 */
export async function withdrawConsent(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  consentId: string,
  reason: string,
): Promise<ConsentDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await ownedCase(ctx, trx, rc, code, true);
    const consent = await consentOrThrow(trx, row.id, consentId);
    const withdrawn = await repo.markWithdrawn(trx, consent.id, {
      withdrawn_at: nowIso(),
      withdrawn_by: rc.actor.userId,
      withdrawal_reason_enc: ctx.dataKeys.seal(reason, 'consents', consent.id, 'withdrawal_reason_enc'),
    });
    if (!withdrawn) throw conflict('consent_withdrawn', 'The consent is already withdrawn');
    if (consent.purpose === 'statistics') await refreshCaseStatistics(trx, [row.id], { country: ctx.config.country });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.consent.withdraw', row.id));
    return presentConsent(ctx.dataKeys, await consentOrThrow(trx, row.id, consent.id));
  });
}

async function consentOrThrow(db: Db | Tx, caseId: string, id: string): Promise<repo.ConsentListRow> {
  const consent = await repo.findConsent(db, caseId, id);
  if (!consent) throw notFound('Consent');
  return consent;
}
