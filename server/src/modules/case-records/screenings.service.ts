import {
  suggestTraffickingStatus,
  type AgencyType,
  type DECISION_MAKING_ORGS,
  type determinationInputSchema,
  type screeningInputSchema,
  type ScreeningDto,
  type ScreeningObservations,
} from '@kinga/shared';
import type { z } from 'zod';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { refreshCaseStatistics } from '../analytics/case-statistics.ts';
import { caseAudit } from '../cases/cases.service.ts';
import { loadCaseFor, loadEditableCase } from './case-record-access.ts';
import { presentScreening } from './screenings.presenter.ts';
import * as repo from './screenings.repository.ts';

type ScreeningInput = z.output<typeof screeningInputSchema>;
type DeterminationInput = z.output<typeof determinationInputSchema>;
type DecisionMakingOrg = (typeof DECISION_MAKING_ORGS)[number];

/** HTCDS vic_TraffickingStatusDecisionMakingOrg of a deciding agency, from its HTCDS organisation type. */
const DECISION_ORG_OF_AGENCY_TYPE: Record<AgencyType, DecisionMakingOrg> = {
  LawEnforcement: 'Police',
  NGO: 'NGO',
  FaithBased: 'NGO',
  InternationalOrganisation: 'NGO',
  LegalService: 'CourtOrProsecution',
  CentralGovernment: 'NonPoliceGovernmentalOrganization',
  LocalGovernment: 'NonPoliceGovernmentalOrganization',
  Health: 'NonPoliceGovernmentalOrganization',
  Immigration: 'NonPoliceGovernmentalOrganization',
  Other: 'Other',
};

/** The organisation type that takes a determination, from the deciding agency's type; unknown types are `Other`. */
export function decisionOrgOf(agencyType: string | null): DecisionMakingOrg {
  return agencyType !== null && Object.hasOwn(DECISION_ORG_OF_AGENCY_TYPE, agencyType)
    ? DECISION_ORG_OF_AGENCY_TYPE[agencyType as AgencyType]
    : 'Other';
}

/**
 * The case's trafficking status follows its latest screening only: the determination, else the
 * suggestion. A case found not to be a victim leaves the statistics (and returns if that changes).
 */
async function syncTraffickingStatus(
  ctx: AppContext,
  trx: Tx,
  caseId: string,
  current: string | null,
  now: string,
): Promise<void> {
  const status = await repo.latestScreeningStatus(trx, caseId);
  if (status === current) return;
  await repo.setCaseTraffickingStatus(trx, caseId, status, now);
  await refreshCaseStatistics(trx, [caseId], { country: ctx.config.country });
}

/** The screenings of a case, newest first, for the owning agency and views that hold the screening section. */
export async function listScreenings(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
): Promise<{ items: ScreeningDto[]; nextCursor: null }> {
  const { row, view } = await loadCaseFor(ctx, ctx.db, rc, code, 'screening', {
    code: 'screening_not_visible',
    title: "You may not see this case's screenings",
  });
  const rows = await repo.listScreenings(ctx.db, row.id);
  await ctx.audit.record(caseAudit(rc, 'case.screening.list', row.id));
  return { items: rows.map((r) => presentScreening(ctx.dataKeys, r, view)), nextCursor: null };
}

/**
 * Records what a screener observed. The suggestion is computed here, never taken from the
 * client, and becomes the case's trafficking status until a supervisor decides.
 */
export async function createScreening(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  input: ScreeningInput,
): Promise<ScreeningDto> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc, code);
    const observations: ScreeningObservations = {
      acts: input.acts,
      means: input.means,
      purposes: input.purposes,
      iloIndicators: input.iloIndicators,
      ageAtExploitation: input.ageAtExploitation,
    };
    const suggestion = suggestTraffickingStatus(observations);
    const id = newId();
    const now = nowIso();
    await repo.insertScreening(trx, {
      id,
      case_id: row.id,
      observations_json: JSON.stringify(observations),
      age_at_exploitation: input.ageAtExploitation,
      suggested_status: suggestion.suggestedStatus,
      suggestion_json: JSON.stringify(suggestion),
      notes_enc: ctx.dataKeys.seal(input.notes ?? null, 'screenings', id, 'notes_enc'),
      screened_by: rc.actor.userId,
      screened_at: now,
      determination_state: 'pending',
      determined_status: null,
      decided_by: null,
      decided_at: null,
      decision_org: null,
      decision_agency_id: null,
      decision_reason_enc: null,
    });
    await syncTraffickingStatus(ctx, trx, row.id, row.trafficking_status, now);
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.screening.create', row.id));
    return id;
  });
  return readScreening(ctx, rc, code, id);
}

/**
 * A supervisor of the owning agency confirms the suggestion or overrides it with a reason.
 * A screening is decided once; the decision sets the case's status when it is the latest screening.
 */
export async function determineScreening(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  screeningId: string,
  input: DeterminationInput,
): Promise<ScreeningDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc, code, { supervisor: true });
    const screening = await repo.findScreening(trx, row.id, screeningId);
    if (!screening) throw notFound('Screening');
    const alreadyDecided = () => conflict('already_determined', 'This screening has already been decided');
    if (screening.determination_state !== 'pending') throw alreadyDecided();
    const now = nowIso();
    const recorded = await repo.recordDetermination(trx, screening.id, {
      determination_state: input.decision === 'confirm' ? 'confirmed' : 'overridden',
      determined_status: input.decision === 'confirm' ? screening.suggested_status : input.status,
      decided_by: rc.actor.userId,
      decided_at: now,
      decision_org: decisionOrgOf(await repo.agencyTypeOf(trx, rc.actor.agencyId)),
      decision_agency_id: rc.actor.agencyId,
      decision_reason_enc:
        input.decision === 'override'
          ? ctx.dataKeys.seal(input.reason, 'screenings', screening.id, 'decision_reason_enc')
          : null,
    });
    if (!recorded) throw alreadyDecided();
    await syncTraffickingStatus(ctx, trx, row.id, row.trafficking_status, now);
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.screening.determine', row.id));
  });
  return readScreening(ctx, rc, code, screeningId);
}

/** One screening as the writer now sees it; the write's audit row covers this read. */
async function readScreening(ctx: AppContext, rc: RequestContext, code: string, id: string): Promise<ScreeningDto> {
  const { row, view } = await loadCaseFor(ctx, ctx.db, rc, code, 'screening', {
    code: 'screening_not_visible',
    title: "You may not see this case's screenings",
  });
  const screening = await repo.findScreening(ctx.db, row.id, id);
  if (!screening) throw notFound('Screening');
  return presentScreening(ctx.dataKeys, screening, view);
}
