import {
  PARENT_KINDS,
  type ElementFields,
  type PlanElementDto,
  type PlanElementKind,
  type updateElementSchema,
} from '@kinga/shared';
import type { z } from 'zod';
import type { AppContext, RequestContext } from '../../context.ts';
import { countryProfile } from '../../country.ts';
import type { Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import { loadElements } from './plan-elements.ts';
import * as repo from './plans.repository.ts';
import {
  elementColumns,
  getPlanOrThrow,
  getVersionOrThrow,
  newElementRow,
  planAudit,
  presentElements,
  versionLocked,
} from './plans.service.ts';

type UpdateElementInput = z.output<typeof updateElementSchema>;
type Issue = { path: string; message: string; code: string };

/**
 * Editing a draft's structure: pillars, objectives, activities and indicators. Every edit
 * first marks the draft as changed with a condition on its status, so an edit of a version
 * that is not (or no longer) a draft is refused with `version_locked` and changes nothing.
 */

/** Adds an element as the last child of its parent (or the last pillar). */
export async function addElement(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  number: number,
  fields: ElementFields,
): Promise<PlanElementDto> {
  const { versionId, key } = await ctx.db.transaction().execute(async (trx) => {
    const { plan, version, rows, now } = await openDraft(trx, planId, number);
    await checkFields(ctx, trx, plan, rows, fields, 'body');
    const siblings = rows.filter((r) => r.parent_key === fields.parentKey);
    const position = siblings.reduce((max, r) => Math.max(max, r.position + 1), 0);
    const row = newElementRow(version.id, newId(), fields, position, now);
    await repo.insertElements(trx, [row]);
    await ctx.audit.inTransaction(trx, planAudit(rc, 'plan.element.create', 'plan_element', row.id));
    return { versionId: version.id, key: row.element_key };
  });
  return readElement(ctx, versionId, key);
}

/**
 * Replaces an element's fields (its kind stays) and, with `position`, moves it among its
 * siblings. A new parent takes the element last among its children unless a position is
 * given; the siblings it leaves close ranks.
 */
export async function updateElement(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  number: number,
  key: string,
  input: UpdateElementInput,
): Promise<PlanElementDto> {
  const versionId = await ctx.db.transaction().execute(async (trx) => {
    const { plan, version, rows, now } = await openDraft(trx, planId, number);
    const current = rows.find((r) => r.element_key === key);
    if (!current) throw notFound('Plan element');
    const { fields } = input;
    if (fields.kind !== current.kind) {
      throw validationFailed([
        {
          path: 'body.fields.kind',
          message: `The element is ${withArticle(current.kind)}; its kind cannot change`,
          code: 'kind_changed',
        },
      ]);
    }
    await checkFields(ctx, trx, plan, rows, fields, 'body.fields');
    const moved = fields.parentKey !== current.parent_key;
    const positions = new Map<string, number>();
    if (moved) {
      placeAmong(rows, current.parent_key, current, null, positions);
      placeAmong(rows, fields.parentKey, current, input.position ?? Number.MAX_SAFE_INTEGER, positions);
    } else if (input.position !== undefined) {
      placeAmong(rows, current.parent_key, current, input.position, positions);
    }
    await repo.updateElement(
      trx,
      current.id,
      elementColumns(fields, positions.get(current.id) ?? current.position, now),
    );
    for (const row of rows) {
      const position = positions.get(row.id);
      if (row.id !== current.id && position !== undefined && position !== row.position) {
        await repo.updateElement(trx, row.id, { position });
      }
    }
    await ctx.audit.inTransaction(trx, planAudit(rc, 'plan.element.update', 'plan_element', current.id));
    return version.id;
  });
  return readElement(ctx, versionId, key);
}

/** Removes an element with everything under it; its siblings close ranks. */
export async function removeElement(
  ctx: AppContext,
  rc: RequestContext,
  planId: string,
  number: number,
  key: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { version, rows } = await openDraft(trx, planId, number);
    const element = rows.find((r) => r.element_key === key);
    if (!element) throw notFound('Plan element');
    const removed = new Set([key]);
    // Rows are few (a plan has hundreds of elements); grow the set until no child is left out.
    for (let grew = true; grew;) {
      grew = false;
      for (const row of rows) {
        if (row.parent_key !== null && removed.has(row.parent_key) && !removed.has(row.element_key)) {
          removed.add(row.element_key);
          grew = true;
        }
      }
    }
    await repo.deleteElements(trx, version.id, [...removed]);
    const positions = new Map<string, number>();
    placeAmong(rows, element.parent_key, element, null, positions);
    for (const row of rows) {
      const position = positions.get(row.id);
      if (position !== undefined && position !== row.position) await repo.updateElement(trx, row.id, { position });
    }
    await ctx.audit.inTransaction(trx, planAudit(rc, 'plan.element.delete', 'plan_element', element.id));
  });
}

/** Locks the plan, loads the version and claims it as a draft being changed; refuses a locked version. */
async function openDraft(trx: Tx, planId: string, number: number) {
  const now = nowIso();
  if (!(await repo.touchPlan(trx, planId, { updated_at: now }))) throw notFound('Plan');
  const plan = await getPlanOrThrow(trx, planId);
  const version = await getVersionOrThrow(trx, planId, number);
  if (!(await repo.touchDraft(trx, version.id, now))) throw versionLocked();
  return { plan, version, rows: await repo.elementRowsOf(trx, version.id), now };
}

/**
 * New positions (0, 1, 2…) of the children of `parentKey`: without `element`, then with it
 * at `index` (clamped) unless `index` is null (the element leaves these siblings).
 */
export function placeAmong(
  rows: readonly repo.ElementRow[],
  parentKey: string | null,
  element: repo.ElementRow,
  index: number | null,
  positions: Map<string, number>,
): void {
  const siblings = rows
    .filter((r) => r.parent_key === parentKey && r.id !== element.id)
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  if (index !== null) siblings.splice(Math.min(Math.max(index, 0), siblings.length), 0, element);
  siblings.forEach((row, position) => positions.set(row.id, position));
}

/**
 * The rules the zod schema cannot know: the parent exists in this version and may hold the
 * kind; agencies exist; counties are the country's; dates and years fall in the plan period.
 * Every broken rule is reported at once, with its path in the request.
 */
async function checkFields(
  ctx: AppContext,
  trx: Tx,
  plan: repo.PlanRow,
  rows: readonly repo.ElementRow[],
  fields: ElementFields,
  prefix: string,
): Promise<void> {
  const issues: Issue[] = [];
  const at = (field: string) => `${prefix}.${field}`;
  const allowed = PARENT_KINDS[fields.kind];
  if (allowed.length === 0) {
    if (fields.parentKey !== null) {
      issues.push({
        path: at('parentKey'),
        message: `${withArticle(fields.kind, true)} has no parent`,
        code: 'parent_not_allowed',
      });
    }
  } else if (fields.parentKey === null) {
    issues.push({
      path: at('parentKey'),
      message: `${withArticle(fields.kind, true)} sits under ${kindList(allowed)}`,
      code: 'parent_required',
    });
  } else {
    // Kinds only nest downwards (PARENT_KINDS), so a valid parent is never the element or below it.
    const parent = rows.find((r) => r.element_key === fields.parentKey);
    if (!parent) {
      issues.push({ path: at('parentKey'), message: 'No such element in this version', code: 'unknown_parent' });
    } else if (!allowed.includes(parent.kind as PlanElementKind)) {
      issues.push({
        path: at('parentKey'),
        message: `${withArticle(fields.kind, true)} sits under ${kindList(allowed)}, not under ${withArticle(parent.kind)}`,
        code: 'parent_kind_not_allowed',
      });
    }
  }

  const firstDay = `${plan.period_start}-01-01`;
  const lastDay = `${plan.period_end}-12-31`;
  const period = `${plan.period_start}–${plan.period_end}`;
  if (fields.kind === 'activity') {
    const wanted = [...(fields.leadAgencyId ? [fields.leadAgencyId] : []), ...fields.supportingAgencyIds];
    const known = await repo.agencyNames(trx, wanted);
    if (fields.leadAgencyId && !known.has(fields.leadAgencyId)) {
      issues.push({ path: at('leadAgencyId'), message: 'No such agency', code: 'unknown_agency' });
    }
    fields.supportingAgencyIds.forEach((id, i) => {
      if (!known.has(id))
        issues.push({ path: at(`supportingAgencyIds.${i}`), message: 'No such agency', code: 'unknown_agency' });
    });
    const counties = new Set(countryProfile(ctx.config.country).counties.map((c) => c.code));
    fields.countyCodes.forEach((code, i) => {
      if (!counties.has(code))
        issues.push({ path: at(`countyCodes.${i}`), message: 'Unknown county', code: 'unknown_county' });
    });
    for (const field of ['startDate', 'endDate'] as const) {
      const date = fields[field];
      if (date !== null && (date < firstDay || date > lastDay)) {
        issues.push({
          path: at(field),
          message: `Must fall in the plan period ${period}`,
          code: 'outside_plan_period',
        });
      }
    }
  }
  if (fields.kind === 'indicator') {
    fields.targets.forEach((target, i) => {
      if (target.year < plan.period_start || target.year > plan.period_end) {
        issues.push({
          path: at(`targets.${i}.year`),
          message: `Must be a year of the plan period ${period}`,
          code: 'outside_plan_period',
        });
      }
    });
    // A baseline is usually measured before the plan starts; it may not lie beyond the plan's end.
    if (fields.baselineYear !== null && fields.baselineYear > plan.period_end) {
      issues.push({
        path: at('baselineYear'),
        message: `Must not be after the plan period ${period}`,
        code: 'outside_plan_period',
      });
    }
  }
  if (issues.length > 0) throw validationFailed(issues);
}

function kindList(kinds: readonly PlanElementKind[]): string {
  return kinds.map((k) => withArticle(k)).join(' or ');
}

function withArticle(kind: string, capital = false): string {
  const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
  return `${capital ? article.replace('a', 'A') : article} ${kind}`;
}

async function readElement(ctx: AppContext, versionId: string, key: string): Promise<PlanElementDto> {
  const [elements, openThreads] = await Promise.all([
    loadElements(ctx.db, versionId),
    repo.openThreadCounts(ctx.db, versionId),
  ]);
  const element = elements.find((e) => e.key === key);
  if (!element) throw notFound('Plan element');
  const [dto] = await presentElements(ctx.db, [element], openThreads);
  if (!dto) throw notFound('Plan element');
  return dto;
}
