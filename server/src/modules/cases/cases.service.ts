import type {
  CaseDto,
  CaseInput,
  CaseListItemDto,
  duplicateCheckSchema,
  ListCasesQuery,
  RevealedIdentityDto,
  searchCasesSchema,
} from '@kinga/shared';
import type { z } from 'zod';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { assertCounty } from '../../country.ts';
import type { Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { CaseEventTable } from '../../db/schema.ts';
import { badRequest, conflict, refused, validationFailed } from '../../http/errors.ts';
import { refreshCaseStatistics } from '../analytics/case-statistics.ts';
import { isSupervisor, loadCase, loadEditableCase, viewOf } from './case-access.ts';
import {
  ageBandFor,
  normaliseName,
  openIdentity,
  sealIdentity,
  searchIndex,
  type PlainIdentity,
} from './case-fields.ts';
import { EMPTY_PROFILE, EMPTY_VICTIM, presentCase, presentCaseListItem } from './cases.presenter.ts';
import * as repo from './cases.repository.ts';

type Profile = CaseDto['profile'];
type Victim = NonNullable<CaseDto['victim']>;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** An audit fact about a case: ids only. */
export function caseAudit(
  rc: RequestContext,
  action: string,
  caseId: string | null,
  outcome: AuditEntry['outcome'] = 'success',
): AuditEntry {
  return {
    action,
    outcome,
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType: 'case',
    entityId: caseId,
    requestId: rc.requestId,
  };
}

/** The list scope of an actor: own agency for those who work on cases, every registered case de-identified for the secretariat and analysts. */
export function listScope(ctx: AppContext, actor: Actor): repo.CaseListScope {
  if (hasPermission(actor, 'case:write')) {
    const onlyUserId = ctx.config.caseScope === 'assigned' && !isSupervisor(actor) ? actor.userId : undefined;
    return { kind: 'agency', agencyId: actor.agencyId, ...(onlyUserId ? { onlyUserId } : {}) };
  }
  if (hasPermission(actor, 'case:read')) return { kind: 'all-registered' };
  return { kind: 'none' };
}

// ---- intake ---------------------------------------------------------------------------------

/** Checks values that depend on configuration: counties exist only in the configured country. */
function checkPlaces(ctx: AppContext, input: CaseInput): void {
  assertCounty(ctx.config.country, input.countyCode ?? undefined, 'body.countyCode');
  input.events?.forEach((e, i) => {
    if (e.countyCode !== null && e.country !== ctx.config.country) {
      throw validationFailed([
        {
          path: `body.events.${i}.countyCode`,
          message: `A county is given only for places in ${ctx.config.country}`,
          code: 'custom',
        },
      ]);
    }
    assertCounty(ctx.config.country, e.countyCode ?? undefined, `body.events.${i}.countyCode`);
  });
}

/** Applies an intake change to a case row: identifying values sealed, the rest in clear for lists. */
async function applyIntake(
  ctx: AppContext,
  trx: Tx,
  row: repo.CaseRow,
  input: CaseInput,
  isNew: boolean,
): Promise<repo.CaseRow> {
  const now = nowIso();
  const next: repo.CaseRow = { ...row, updated_at: now };
  if (input.identity || input.contact || input.narrative !== undefined) {
    const current = isNew ? {} : openIdentity(ctx.dataKeys, row);
    const merged: PlainIdentity & { narrative?: string | null } = { ...current, ...input.identity, ...input.contact };
    if (input.narrative !== undefined) merged.narrative = input.narrative;
    Object.assign(next, sealIdentity(ctx.dataKeys, row.id, merged));
  }
  const profile: Profile = {
    ...EMPTY_PROFILE,
    ...(JSON.parse(row.profile_json) as Partial<Profile>),
    ...input.profile,
  };
  const victim: Victim = { ...EMPTY_VICTIM, ...(JSON.parse(row.victim_json) as Partial<Victim>), ...input.victim };
  next.profile_json = JSON.stringify(profile);
  next.victim_json = JSON.stringify(victim);
  next.gender = profile.gender;
  next.citizenship = profile.citizenships[0] ?? null;
  next.exploitation_types = JSON.stringify(victim.exploitationTypes);
  if (input.countyCode !== undefined) next.county_code = input.countyCode;
  // The age band needs the birth date, which only exists sealed: take it from the input or the row.
  const birthDate =
    input.identity?.birthDate !== undefined
      ? input.identity.birthDate
      : isNew
        ? null
        : ctx.dataKeys.open(row.birth_date_enc, 'cases', row.id, 'birth_date_enc');
  next.age_band = ageBandFor(birthDate, profile.estimatedAge, today());

  if (isNew) await repo.insertCase(trx, next, victim.exploitationTypes);
  else {
    await repo.updateCase(trx, row.id, next);
    if (input.victim?.exploitationTypes) await repo.replaceExploitationTypes(trx, row.id, victim.exploitationTypes);
  }
  if (input.events) {
    const events: CaseEventTable[] = input.events.map((e, position) => {
      const id = newId();
      return {
        id,
        case_id: row.id,
        position,
        type: e.type,
        country: e.country,
        county_code: e.countyCode,
        place_enc: ctx.dataKeys.seal(e.place, 'case_events', id, 'place_enc'),
        date: e.date,
      };
    });
    await repo.replaceEvents(trx, row.id, events);
  }
  // The de-identified statistics follow the case in the same transaction.
  await refreshCaseStatistics(trx, [row.id], { country: ctx.config.country });
  return next;
}

/** Registers a presumed victim as a draft of the caller's agency, assigned to the caller. */
export async function createCase(ctx: AppContext, rc: RequestContext, input: CaseInput): Promise<CaseDto> {
  checkPlaces(ctx, input);
  const code = await ctx.db.transaction().execute(async (trx) => {
    const { id, code } = await insertDraftCase(
      ctx,
      trx,
      {
        agencyId: rc.actor.agencyId,
        ownerId: rc.actor.userId,
        createdBy: rc.actor.userId,
      },
      input,
    );
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.create', id));
    return code;
  });
  return readCase(ctx, rc, code, { audit: false });
}

/**
 * Writes a new draft case inside the caller's transaction (intake and HTCDS import share it):
 * number issued, identifying values sealed. The caller checks the input and audits.
 */
export async function insertDraftCase(
  ctx: AppContext,
  trx: Tx,
  holder: { agencyId: string; ownerId: string | null; createdBy: string },
  input: CaseInput,
): Promise<{ id: string; code: string }> {
  checkPlaces(ctx, input);
  const now = nowIso();
  const year = Number(now.slice(0, 4));
  const code = repo.formatCaseCode(ctx.config.country, year, await repo.nextCaseNumber(trx, year));
  const id = newId();
  const blank: repo.CaseRow = {
    id,
    code,
    agency_id: holder.agencyId,
    owner_id: holder.ownerId,
    created_by: holder.createdBy,
    draft: 1,
    status: 'Active',
    trafficking_status: null,
    gender: null,
    age_band: null,
    citizenship: null,
    county_code: null,
    exploitation_types: '[]',
    profile_json: JSON.stringify(EMPTY_PROFILE),
    victim_json: JSON.stringify(EMPTY_VICTIM),
    follow_up_at: null,
    ...sealIdentity(ctx.dataKeys, id, {}),
    closure_requested_at: null,
    closure_requested_by: null,
    closure_status: null,
    closure_reason_enc: null,
    closure_approved_at: null,
    closure_approved_by: null,
    reopened_at: null,
    created_at: now,
    updated_at: now,
  };
  await applyIntake(ctx, trx, blank, input, true);
  return { id, code };
}

export async function updateCase(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  input: CaseInput,
): Promise<CaseDto> {
  checkPlaces(ctx, input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc.actor, code);
    await applyIntake(ctx, trx, row, input, false);
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.update', row.id));
  });
  return readCase(ctx, rc, code, { audit: false });
}

/** What registration needs; a draft may lack any of it. */
function missingForRegistration(row: repo.CaseRow): { path: string; message: string; code: string }[] {
  const profile = JSON.parse(row.profile_json) as Profile;
  const victim = JSON.parse(row.victim_json) as Victim;
  const issues: { path: string; message: string; code: string }[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) issues.push({ path, message, code: 'required' });
  };
  need(profile.gender !== null, 'profile.gender', 'Record the sex or gender (or "not specified")');
  need(row.age_band !== null, 'profile.estimatedAge', 'Record the birth date or an estimated age');
  need(profile.citizenships.length > 0, 'profile.citizenships', 'Record at least one citizenship');
  need(victim.exploitationTypes.length > 0, 'victim.exploitationTypes', 'Record at least one type of exploitation');
  need(row.county_code !== null, 'countyCode', 'Record the county where the person was identified');
  return issues;
}

/** A draft becomes a registered, active case once what registration needs is there. */
export async function submitCase(ctx: AppContext, rc: RequestContext, code: string): Promise<CaseDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc.actor, code);
    if (row.draft === 0) throw conflict('already_registered', 'The case is already registered');
    const issues = missingForRegistration(row);
    if (issues.length) throw validationFailed(issues);
    await repo.updateCase(trx, row.id, { draft: 0, status: 'Active', updated_at: nowIso() });
    await refreshCaseStatistics(trx, [row.id], { country: ctx.config.country });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.submit', row.id));
  });
  return readCase(ctx, rc, code, { audit: false });
}

// ---- reading ---------------------------------------------------------------------------------

/** One case as the caller may see it; the read is audited (durably, before the answer). */
export async function readCase(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  options = { audit: true },
): Promise<CaseDto> {
  const { row, view } = await loadCase(ctx, ctx.db, rc.actor, code);
  const names = await repo.caseNames(ctx.db, row);
  const events = view.sections.includes('route') ? await repo.listEvents(ctx.db, row.id) : [];
  const extra = {
    closureRequestedByName: await repo.userName(ctx.db, row.closure_requested_by),
    closureApprovedByName: await repo.userName(ctx.db, row.closure_approved_by),
    determination: await repo.latestDetermination(ctx.db, row.id),
  };
  if (options.audit) await ctx.audit.record(caseAudit(rc, 'case.read', row.id));
  return presentCase(ctx.dataKeys, { ...row, ...names }, view, events, extra, today());
}

export async function listCases(ctx: AppContext, rc: RequestContext, query: ListCasesQuery) {
  const page = await repo.listCases(ctx.db, listScope(ctx, rc.actor), query, rc.actor.userId, today());
  await ctx.audit.record(caseAudit(rc, 'case.list', null));
  const day = today();
  return { items: page.rows.map((r) => presentCaseListItem(r, day)), nextCursor: page.nextCursor };
}

/** Exact match on one identifier through its blind index: the value is neither decrypted nor logged. */
export async function searchCases(
  ctx: AppContext,
  rc: RequestContext,
  input: z.output<typeof searchCasesSchema>,
): Promise<{ items: CaseListItemDto[]; nextCursor: null }> {
  const scope = listScope(ctx, rc.actor);
  if (scope.kind !== 'agency') throw refused('identifiers_not_visible', 'Your role does not see identifying details');
  if (input.field === 'birthDate' && !/^\d{4}-\d{2}-\d{2}$/.test(input.value)) {
    throw validationFailed([
      { path: 'body.value', message: 'A birth date is written YYYY-MM-DD', code: 'invalid_format' },
    ]);
  }
  const { column, index } = searchIndex(ctx.dataKeys, input.field, input.value);
  await ctx.audit.record(caseAudit(rc, 'case.search', null));
  if (!index) return { items: [], nextCursor: null };
  const page = await repo.listCases(
    ctx.db,
    scope,
    { limit: 200, sort: 'createdAt', order: 'desc', blind: { column, index } },
    rc.actor.userId,
    today(),
  );
  const day = today();
  return { items: page.rows.map((r) => presentCaseListItem(r, day)), nextCursor: null };
}

/** The identifying details this caller may see; every reveal is audited before the answer leaves. */
export async function revealIdentity(ctx: AppContext, rc: RequestContext, code: string): Promise<RevealedIdentityDto> {
  const { row, view } = await loadCase(ctx, ctx.db, rc.actor, code);
  const has = (s: 'identity' | 'contact') => view.kind !== 'deidentified' && view.sections.includes(s);
  if (!has('identity') && !has('contact')) {
    throw refused('identifiers_not_visible', "You may not see this person's identifying details", 'case', row.id);
  }
  const plain = openIdentity(ctx.dataKeys, row);
  await ctx.audit.record(caseAudit(rc, 'case.identity.reveal', row.id));
  return {
    identity: has('identity')
      ? {
          firstName: plain.firstName ?? null,
          middleName: plain.middleName ?? null,
          lastName: plain.lastName ?? null,
          birthDate: plain.birthDate ?? null,
          identityNumber: plain.identityNumber ?? null,
        }
      : null,
    contact: has('contact')
      ? { phone: plain.phone ?? null, email: plain.email ?? null, address: plain.address ?? null }
      : null,
    narrative: view.kind === 'full' ? plain.narrative : null,
  };
}

/**
 * Possible duplicates of a person being registered. Matches in cases the caller may open are
 * listed; a match anywhere else is only reported as existing, with nothing about it.
 */
export async function checkDuplicates(
  ctx: AppContext,
  rc: RequestContext,
  input: z.output<typeof duplicateCheckSchema>,
) {
  const name = normaliseName(input.firstName, input.lastName);
  if (!name) throw badRequest('name_required', 'Give a first and last name to check for duplicates');
  const candidates = await repo.findPossibleDuplicates(ctx.db, {
    biName: ctx.dataKeys.blindIndex('name', name),
    biBirthDate: input.birthDate ? ctx.dataKeys.blindIndex('birthDate', input.birthDate) : null,
    ageBand: ageBandFor(input.birthDate, input.estimatedAge, today()),
    gender: input.gender ?? null,
    citizenship: input.citizenship ?? null,
    exceptCode: input.exceptCode,
  });
  const matches: { code: string; status: CaseListItemDto['status']; createdAt: string }[] = [];
  let matchElsewhere = false;
  for (const c of candidates) {
    const view = await viewOf(ctx, ctx.db, rc.actor, c);
    if (view && view.kind !== 'deidentified') {
      matches.push({ code: c.code, status: c.status as CaseListItemDto['status'], createdAt: c.created_at });
    } else matchElsewhere = true;
  }
  await ctx.audit.record(caseAudit(rc, 'case.duplicate_check', null));
  return { matches, matchElsewhere };
}

// ---- lifecycle -------------------------------------------------------------------------------

export async function assignCase(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  ownerId: string | null,
): Promise<CaseDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc.actor, code);
    // Only a supervisor hands a case to someone else; a worker may take it.
    if (ownerId !== rc.actor.userId && !isSupervisor(rc.actor)) {
      throw refused('supervisor_required', 'A case supervisor assigns cases to others', 'case', row.id);
    }
    if (ownerId) {
      const owner = await trx
        .selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select('users.id')
        .where('users.id', '=', ownerId)
        .where('users.agency_id', '=', row.agency_id)
        .where('users.status', '=', 'active')
        .where('user_roles.role', 'in', ['case_worker', 'case_supervisor', 'law_enforcement', 'hotline_operator'])
        .executeTakeFirst();
      if (!owner) {
        throw validationFailed([
          {
            path: 'body.ownerId',
            message: "Assign to an active case worker of the case's agency",
            code: 'invalid_owner',
          },
        ]);
      }
    }
    await repo.updateCase(trx, row.id, { owner_id: ownerId, updated_at: nowIso() });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.assign', row.id));
  });
  return readCase(ctx, rc, code, { audit: false });
}

export async function setFollowUp(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  input: { followUpAt: string | null; status?: 'Active' | 'FollowUp' | undefined },
): Promise<CaseDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc.actor, code);
    const patch: Partial<repo.CaseRow> = { follow_up_at: input.followUpAt, updated_at: nowIso() };
    if (input.status) patch.status = input.status;
    await repo.updateCase(trx, row.id, patch);
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.follow_up', row.id));
  });
  return readCase(ctx, rc, code, { audit: false });
}

export async function requestClosure(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  input: { status: 'Closed' | 'ClosedReferred'; reason: string },
): Promise<CaseDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc.actor, code);
    if (row.draft === 1) throw conflict('case_is_draft', 'Register the case before closing it');
    if (row.closure_requested_at)
      throw conflict('closure_already_requested', 'A closure is already waiting for approval');
    await repo.updateCase(trx, row.id, {
      closure_requested_at: nowIso(),
      closure_requested_by: rc.actor.userId,
      closure_status: input.status,
      closure_reason_enc: ctx.dataKeys.seal(input.reason, 'cases', row.id, 'closure_reason_enc'),
      closure_approved_at: null,
      closure_approved_by: null,
      updated_at: nowIso(),
    });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.closure.request', row.id));
  });
  return readCase(ctx, rc, code, { audit: false });
}

/** A supervisor of the owning agency approves or turns down a requested closure. */
export async function decideClosure(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<CaseDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc.actor, code);
    if (!isSupervisor(rc.actor))
      throw refused('supervisor_required', 'A case supervisor decides closures', 'case', row.id);
    if (!row.closure_requested_at || !row.closure_status)
      throw conflict('no_closure_requested', 'No closure is waiting for approval');
    const now = nowIso();
    if (decision.approve) {
      await repo.updateCase(trx, row.id, {
        status: row.closure_status,
        closure_approved_at: now,
        closure_approved_by: rc.actor.userId,
        follow_up_at: null,
        updated_at: now,
      });
      await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.close', row.id));
    } else {
      await repo.updateCase(trx, row.id, {
        closure_requested_at: null,
        closure_requested_by: null,
        closure_status: null,
        closure_reason_enc: null,
        updated_at: now,
      });
      await addSystemNote(ctx, trx, row.id, rc.actor.userId, `Closure not approved: ${decision.reason}`);
      await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.closure.reject', row.id));
    }
  });
  return readCase(ctx, rc, code, { audit: false });
}

export async function reopenCase(ctx: AppContext, rc: RequestContext, code: string, reason: string): Promise<CaseDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc.actor, code, { evenIfClosed: true });
    if (row.status !== 'Closed' && row.status !== 'ClosedReferred')
      throw conflict('case_open', 'The case is not closed');
    const now = nowIso();
    await repo.updateCase(trx, row.id, {
      status: 'Active',
      closure_requested_at: null,
      closure_requested_by: null,
      closure_status: null,
      closure_reason_enc: null,
      closure_approved_at: null,
      closure_approved_by: null,
      reopened_at: now,
      updated_at: now,
    });
    await addSystemNote(ctx, trx, row.id, rc.actor.userId, `Reopened: ${reason}`);
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.reopen', row.id));
  });
  return readCase(ctx, rc, code, { audit: false });
}

/** A note that records why a decision was taken, sealed like every note. */
async function addSystemNote(ctx: AppContext, trx: Tx, caseId: string, authorId: string, body: string): Promise<void> {
  const id = newId();
  await trx
    .insertInto('case_notes')
    .values({
      id,
      case_id: caseId,
      body_enc: ctx.dataKeys.seal(body, 'case_notes', id, 'body_enc'),
      author_id: authorId,
      created_at: nowIso(),
    })
    .execute();
}

// ---- history ---------------------------------------------------------------------------------

/** The case's own audit trail, for its owning agency. */
export async function caseHistory(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const { row, view } = await loadCase(ctx, ctx.db, rc.actor, code);
  if (view.kind !== 'full')
    throw refused('history_not_visible', "Only the owning agency sees a case's history", 'case', row.id);
  let q = ctx.db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .leftJoin('agencies', 'agencies.id', 'audit_events.agency_id')
    .select([
      'audit_events.seq',
      'audit_events.id',
      'audit_events.occurred_at',
      'audit_events.action',
      'audit_events.outcome',
      'users.name as actor_name',
      'agencies.name as agency_name',
    ])
    .where('audit_events.entity_type', '=', 'case')
    .where('audit_events.entity_id', '=', row.id);
  if (page.cursor) {
    const seq = Number(Buffer.from(page.cursor, 'base64url').toString('utf8'));
    if (!Number.isSafeInteger(seq)) throw badRequest('invalid_cursor', 'The page cursor is not valid');
    q = q.where('audit_events.seq', '<', seq);
  }
  const rows = await q
    .orderBy('audit_events.seq', 'desc')
    .limit(page.limit + 1)
    .execute();
  await ctx.audit.record(caseAudit(rc, 'case.history.read', row.id));
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      action: r.action,
      outcome: r.outcome,
      actorName: r.actor_name,
      agencyName: r.agency_name,
    })),
    nextCursor: rows.length > page.limit && last ? Buffer.from(String(last.seq)).toString('base64url') : null,
  };
}
