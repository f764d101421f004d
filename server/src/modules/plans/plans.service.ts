import {
  PILLARS,
  type ComparisonDto,
  type ElementFields,
  type Language,
  type Pillar,
  type PlanDto,
  type PlanSummaryDto,
  type PlanTransition,
  type PlanVersionDto,
  type PlanVersionStatus,
  type planInputSchema,
  type transitionInputSchema,
  type updatePlanSchema,
} from '@kinga/shared';
import type { z } from 'zod';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { countryProfile } from '../../country.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { badRequest, conflict, notFound, refused, validationFailed } from '../../http/errors.ts';
import { compareElements } from './plan-comparison.ts';
import { elementDto, findVersion, loadElements, type PlanElement } from './plan-elements.ts';
import { presentPlan, presentPlanSummary, presentStep, presentVersionSummary } from './plans.presenter.ts';
import * as repo from './plans.repository.ts';
import { reportingPeriodsFor } from './reporting-periods.ts';

type PlanInput = z.output<typeof planInputSchema>;
type UpdatePlanInput = z.output<typeof updatePlanSchema>;
type TransitionInput = z.output<typeof transitionInputSchema>;

/** Titles of the default pillars in the language the plan is started in. */
export const PILLAR_TITLES: Record<Language, Record<Pillar, string>> = {
  en: { prevention: 'Prevention', protection: 'Protection', prosecution: 'Prosecution', partnership: 'Partnership' },
  sw: { prevention: 'Kuzuia', protection: 'Ulinzi', prosecution: 'Mashtaka', partnership: 'Ushirikiano' },
};

/** Statuses in which a version is still being worked on; a plan has at most one such version. */
const OPEN_STATUSES: readonly PlanVersionStatus[] = ['draft', 'in_review'];

/** An audit row about a plan record: identifiers only, never titles or comment text. */
export function planAudit(rc: RequestContext, action: string, entityType: string, entityId: string): AuditEntry {
  return {
    action,
    outcome: 'success',
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType,
    entityId,
    requestId: rc.requestId,
  };
}

export const versionLocked = () =>
  conflict('version_locked', 'Only a draft version can be changed; start a new draft from this version');

export async function getPlanOrThrow(db: Db | Tx, planId: string): Promise<repo.PlanRow> {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw notFound('Plan');
  return plan;
}

export async function getVersionOrThrow(db: Db | Tx, planId: string, number: number): Promise<repo.VersionRow> {
  const version = await findVersion(db, planId, number);
  if (!version) throw notFound('Plan version');
  return version;
}

/** Plans, newest first; every signed-in role reads them (nothing here is personal data). */
export async function listPlans(
  ctx: AppContext,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: PlanSummaryDto[]; nextCursor: string | null }> {
  const page = await repo.listPlans(ctx.db, query);
  const versions = await repo.versionsOf(
    ctx.db,
    page.rows.map((p) => p.id),
  );
  const items = page.rows.map((plan) =>
    presentPlanSummary(
      plan,
      versions.filter((v) => v.plan_id === plan.id),
    ),
  );
  return { items, nextCursor: page.nextCursor };
}

/**
 * Creates a plan in the instance's currency with version 1 as a draft, the four default
 * pillars when asked for, and the plan's reporting periods.
 */
export async function createPlan(ctx: AppContext, rc: RequestContext, input: PlanInput): Promise<PlanDto> {
  const now = nowIso();
  const plan: repo.PlanRow = {
    id: newId(),
    title: input.title,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    currency: countryProfile(ctx.config.country).currency,
    reporting_frequency: input.reportingFrequency,
    submission_deadline: input.submissionDeadline,
    created_by: rc.actor.userId,
    created_at: now,
    updated_at: now,
  };
  const version: repo.VersionRow = {
    id: newId(),
    plan_id: plan.id,
    number: 1,
    status: 'draft' satisfies PlanVersionStatus,
    based_on: null,
    created_by: rc.actor.userId,
    created_at: now,
    updated_at: now,
  };
  const pillars = input.defaultPillars
    ? PILLARS.map((pillar, position) =>
        newElementRow(
          version.id,
          newId(),
          { kind: 'pillar', parentKey: null, title: PILLAR_TITLES[input.language][pillar], description: null, pillar },
          position,
          now,
        ),
      )
    : [];
  const periods = reportingPeriodsFor(input.periodStart, input.periodEnd, input.reportingFrequency).map((p) => ({
    id: newId(),
    plan_id: plan.id,
    label: p.label,
    starts_on: p.startsOn,
    ends_on: p.endsOn,
    due_on: p.dueOn,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPlan(trx, plan);
    await repo.insertVersion(trx, version);
    await repo.insertStep(trx, stepRow(version.id, 'create', rc, now, null, null));
    await repo.insertElements(trx, pillars);
    await repo.insertReportingPeriods(trx, periods);
    await ctx.audit.inTransaction(trx, planAudit(rc, 'plan.create', 'plan', plan.id));
  });
  return presentPlan(plan, [version]);
}

/** A plan with its versions. */
export async function getPlan(ctx: AppContext, actor: Actor, planId: string): Promise<PlanDto> {
  requirePlanRead(actor, planId);
  const plan = await getPlanOrThrow(ctx.db, planId);
  return presentPlan(plan, await repo.versionsOf(ctx.db, [plan.id]));
}

export async function updatePlan(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  input: UpdatePlanInput,
): Promise<PlanDto> {
  await ctx.db.transaction().execute(async (trx) => {
    const patch: Partial<repo.PlanRow> & { updated_at: string } = { updated_at: nowIso() };
    if (input.title !== undefined) patch.title = input.title;
    if (input.submissionDeadline !== undefined) patch.submission_deadline = input.submissionDeadline;
    if (!(await repo.touchPlan(trx, planId, patch))) throw notFound('Plan');
    await ctx.audit.inTransaction(trx, planAudit(rc, 'plan.update', 'plan', planId));
  });
  return getPlan(ctx, rc.actor, planId);
}

/**
 * One version: its steps with the decisions they rest on, and its elements in outline order
 * with their numbers, lead agency names and open comment threads. `editable` tells the
 * caller whether it may change the version now.
 */
export async function getPlanVersion(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  number: number,
): Promise<PlanVersionDto> {
  requirePlanRead(actor, planId);
  const version = await getVersionOrThrow(ctx.db, planId, number);
  const [elements, steps, openThreads] = await Promise.all([
    loadElements(ctx.db, version.id),
    repo.stepsOf(ctx.db, version.id),
    repo.openThreadCounts(ctx.db, version.id),
  ]);
  return {
    ...presentVersionSummary(version),
    planId,
    editable: version.status === ('draft' satisfies PlanVersionStatus) && hasPermission(actor, 'plan:manage'),
    steps: steps.map(presentStep),
    elements: await presentElements(ctx.db, elements, openThreads),
  };
}

/** Elements as the API answers them, with their lead agencies' names and open threads. */
export async function presentElements(
  db: Db | Tx,
  elements: readonly PlanElement[],
  openThreads: ReadonlyMap<string | null, number>,
) {
  const names = await repo.agencyNames(
    db,
    elements.flatMap((e) => (e.leadAgencyId ? [e.leadAgencyId] : [])),
  );
  return elements.map((e) =>
    elementDto(e, {
      leadAgencyName: e.leadAgencyId ? (names.get(e.leadAgencyId) ?? null) : null,
      openComments: openThreads.get(e.key) ?? 0,
    }),
  );
}

/**
 * Starts a new draft from a returned, adopted or superseded version (by default the latest),
 * copying its structure with the same element keys so the two compare element by element.
 * Refused while another version is a draft or in review.
 */
export async function createVersion(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  input: { from?: number | undefined },
): Promise<PlanVersionDto> {
  const number = await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    if (!(await repo.touchPlan(trx, planId, { updated_at: now }))) throw notFound('Plan');
    const versions = await repo.versionsOf(trx, [planId]);
    const latest = versions[versions.length - 1];
    const source = input.from === undefined ? latest : versions.find((v) => v.number === input.from);
    if (!source || !latest) {
      throw validationFailed([{ path: 'body.from', message: 'The plan has no such version', code: 'unknown_version' }]);
    }
    if (input.from !== undefined && source.status === ('draft' satisfies PlanVersionStatus)) {
      throw conflict('source_is_draft', 'A draft cannot be copied; keep editing it instead');
    }
    const open = versions.find((v) => OPEN_STATUSES.includes(v.status as PlanVersionStatus));
    if (open) {
      throw conflict(
        'version_open',
        `Version ${open.number} is ${open.status === 'draft' ? 'a draft' : 'in review'}; finish it before starting another`,
      );
    }
    const version: repo.VersionRow = {
      id: newId(),
      plan_id: planId,
      number: latest.number + 1,
      status: 'draft' satisfies PlanVersionStatus,
      based_on: source.number,
      created_by: rc.actor.userId,
      created_at: now,
      updated_at: now,
    };
    const copies = (await repo.elementRowsOf(trx, source.id)).map((row): repo.ElementRow => ({
      ...row,
      id: newId(),
      version_id: version.id,
      created_at: now,
      updated_at: now,
    }));
    await repo.insertVersion(trx, version);
    await repo.insertStep(trx, stepRow(version.id, 'create', rc, now, null, `based on ${source.number}`));
    await repo.insertElements(trx, copies);
    await ctx.audit.inTransaction(trx, planAudit(rc, 'plan.version.create', 'plan_version', version.id));
    return version.number;
  });
  return getPlanVersion(ctx, rc.actor, planId, number);
}

type Transition = Extract<PlanTransition, 'submit' | 'return' | 'adopt'>;

const TRANSITIONS: Record<
  Transition,
  { from: PlanVersionStatus; to: PlanVersionStatus; needsDecision: boolean; verb: string }
> = {
  submit: { from: 'draft', to: 'in_review', needsDecision: false, verb: 'submitted' },
  return: { from: 'in_review', to: 'returned', needsDecision: true, verb: 'returned' },
  adopt: { from: 'in_review', to: 'adopted', needsDecision: true, verb: 'adopted' },
};

/**
 * Moves a version through the workflow: a draft is submitted to the committee; a version in
 * review is returned or adopted on a meeting decision. Adopting supersedes the version
 * adopted before, on the same decision. Each step is recorded and audited.
 */
export async function transitionVersion(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  number: number,
  transition: Transition,
  input: TransitionInput,
): Promise<PlanVersionDto> {
  const rule = TRANSITIONS[transition];
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    if (!(await repo.touchPlan(trx, planId, { updated_at: now }))) throw notFound('Plan');
    const version = await getVersionOrThrow(trx, planId, number);
    if (rule.needsDecision && input.decisionId === null) {
      throw badRequest(
        'decision_required',
        `A version is ${rule.verb} on a meeting decision`,
        'Record the decision in the meeting first, then name it in decisionId',
      );
    }
    if (input.decisionId !== null) {
      const decision = await repo.findDecision(trx, input.decisionId);
      if (!decision) throw badRequest('unknown_decision', 'No such meeting decision');
      if (decision.plan_id !== null && decision.plan_id !== planId) {
        throw badRequest('unknown_decision', 'The decision was taken in a meeting about another plan');
      }
    }
    if (!(await repo.setVersionStatus(trx, version.id, rule.from, rule.to, now))) {
      throw conflict('invalid_transition', `Only a version that is ${label(rule.from)} can be ${rule.verb}`);
    }
    await repo.insertStep(trx, stepRow(version.id, transition, rc, now, input.decisionId, input.note));
    const audit = [planAudit(rc, `plan.version.${transition}`, 'plan_version', version.id)];
    if (transition === 'adopt') {
      const earlier = (await repo.versionsOf(trx, [planId])).filter(
        (v) => v.id !== version.id && v.status === ('adopted' satisfies PlanVersionStatus),
      );
      for (const previous of earlier) {
        await repo.setVersionStatus(trx, previous.id, 'adopted', 'superseded', now);
        await repo.insertStep(
          trx,
          stepRow(previous.id, 'supersede', rc, now, input.decisionId, `superseded by ${version.number}`),
        );
        audit.push(planAudit(rc, 'plan.version.supersede', 'plan_version', previous.id));
      }
    }
    await ctx.audit.inTransaction(trx, ...audit);
  });
  return getPlanVersion(ctx, rc.actor, planId, number);
}

/** Two versions compared element by element (computed, never stored). */
export async function compareVersions(
  ctx: AppContext,
  planId: string,
  from: number,
  to: number,
): Promise<ComparisonDto> {
  const [older, newer] = await Promise.all([
    getVersionOrThrow(ctx.db, planId, from),
    getVersionOrThrow(ctx.db, planId, to),
  ]);
  const [before, after] = await Promise.all([loadElements(ctx.db, older.id), loadElements(ctx.db, newer.id)]);
  return { from, to, ...compareElements(before, after) };
}

/** A new element row; `title` and `lead_agency_id` mirror the fields so SQL can read them. */
export function newElementRow(
  versionId: string,
  key: string,
  fields: ElementFields,
  position: number,
  now: string,
): repo.ElementRow {
  return {
    id: newId(),
    version_id: versionId,
    element_key: key,
    created_at: now,
    ...elementColumns(fields, position, now),
  };
}

/** The columns an element's fields and position determine. */
export function elementColumns(fields: ElementFields, position: number, now: string) {
  const { kind, ...data } = fields;
  return {
    kind,
    parent_key: fields.parentKey,
    position,
    title: fields.title,
    lead_agency_id: fields.kind === 'activity' ? fields.leadAgencyId : null,
    data_json: JSON.stringify(data),
    updated_at: now,
  };
}

function stepRow(
  versionId: string,
  transition: PlanTransition,
  rc: RequestContext,
  at: string,
  decisionId: string | null,
  note: string | null,
): repo.StepRow {
  return {
    id: newId(),
    version_id: versionId,
    transition,
    actor_id: rc.actor.userId,
    at,
    decision_id: decisionId,
    note,
  };
}

function label(status: PlanVersionStatus): string {
  return status === 'in_review' ? 'in review' : `a ${status}`;
}

/** Other modules call getPlan and getPlanVersion with their caller; plans are open to every reader. */
function requirePlanRead(actor: Actor, planId: string): void {
  if (!hasPermission(actor, 'plan:read')) throw refused('forbidden', 'You may not read plans', 'plan', planId);
}
