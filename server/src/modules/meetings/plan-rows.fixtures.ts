import type { ElementInput } from '@kinga/shared';
import type { AppContext } from '../../context.ts';
import { newId, nowIso } from '../../db/ids.ts';

/**
 * Plan rows written straight to the database, for the meetings and partners tests: those
 * modules read plans but do not own their workflow, so the tests do not go through it.
 */

export async function insertPlanRow(ctx: AppContext, createdBy: string, title = 'National Plan of Action 2026–2030') {
  const now = nowIso();
  const id = newId();
  await ctx.db
    .insertInto('plans')
    .values({
      id,
      title,
      period_start: 2026,
      period_end: 2030,
      currency: 'KES',
      reporting_frequency: 'quarterly',
      submission_deadline: null,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function insertVersionRow(
  ctx: AppContext,
  planId: string,
  createdBy: string,
  options: { number?: number; status?: string } = {},
) {
  const now = nowIso();
  const id = newId();
  await ctx.db
    .insertInto('plan_versions')
    .values({
      id,
      plan_id: planId,
      number: options.number ?? 1,
      status: options.status ?? 'draft',
      based_on: null,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A workflow step of the version resting on a meeting decision. */
export async function insertStepRow(ctx: AppContext, versionId: string, actorId: string, decisionId: string) {
  await ctx.db
    .insertInto('plan_version_steps')
    .values({
      id: newId(),
      version_id: versionId,
      transition: 'adopt',
      actor_id: actorId,
      at: nowIso(),
      decision_id: decisionId,
      note: null,
    })
    .execute();
}

/** An element of a version, its fields stored as the plan module stores them (without `kind`). */
export async function insertElementRow(
  ctx: AppContext,
  versionId: string,
  fields: ElementInput,
  options: { key?: string; position?: number } = {},
) {
  const now = nowIso();
  const { kind, ...data } = fields;
  const key = options.key ?? newId();
  const parentKey = data.parentKey ?? null;
  const lead = 'leadAgencyId' in data ? (data.leadAgencyId ?? null) : null;
  await ctx.db
    .insertInto('plan_elements')
    .values({
      id: newId(),
      version_id: versionId,
      element_key: key,
      kind,
      parent_key: parentKey,
      position: options.position ?? 0,
      title: data.title,
      lead_agency_id: lead,
      data_json: JSON.stringify(data),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return key;
}
