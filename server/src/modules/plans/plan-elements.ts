import {
  elementInputSchema,
  type ElementFields,
  type PlanElementDto,
  type PlanElementKind,
  type PlanVersionStatus,
} from '@kinga/shared';
import type { Db, Tx } from '../../db/database.ts';
import type { PlanElementTable, PlanVersionTable } from '../../db/schema.ts';

/**
 * Reading a plan version's structure; shared by the plan, monitoring, partner and document
 * modules so they agree on what a version holds and how its elements are numbered.
 */

export type VersionRow = PlanVersionTable;
export type ElementRow = PlanElementTable;

/** An element as the modules use it: its parsed fields and outline number. */
export interface PlanElement {
  id: string;
  key: string;
  kind: PlanElementKind;
  parentKey: string | null;
  position: number;
  number: string;
  fields: ElementFields;
  leadAgencyId: string | null;
  updatedAt: string;
}

export async function findVersion(db: Db | Tx, planId: string, number: number): Promise<VersionRow | undefined> {
  return db
    .selectFrom('plan_versions')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** The version in force: the adopted one (at most one per plan), or undefined. */
export async function versionInForce(db: Db | Tx, planId: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('plan_versions')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('status', '=', 'adopted' satisfies PlanVersionStatus)
    .executeTakeFirst();
}

/** Every element of a version in outline order (pillar 1, its objectives, their activities…), numbered. */
export async function loadElements(db: Db | Tx, versionId: string): Promise<PlanElement[]> {
  const rows = await db
    .selectFrom('plan_elements')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return outline(rows);
}

/** Parses the stored fields; a row that no longer parses is a bug, not user input. */
export function fieldsOf(row: Pick<ElementRow, 'kind' | 'data_json'>): ElementFields {
  return elementInputSchema.parse({ ...(JSON.parse(row.data_json) as object), kind: row.kind });
}

/**
 * Orders rows depth first by position and numbers them: pillars 1, 2…; objectives 1.1;
 * activities 1.1.1; indicators of an objective 1.1-I1, of an activity 1.1.1-I1.
 */
export function outline(rows: readonly ElementRow[]): PlanElement[] {
  const children = new Map<string | null, ElementRow[]>();
  for (const row of rows) {
    const list = children.get(row.parent_key) ?? [];
    list.push(row);
    children.set(row.parent_key, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));

  const result: PlanElement[] = [];
  const visit = (parentKey: string | null, prefix: string): void => {
    let structural = 0;
    let indicators = 0;
    for (const row of children.get(parentKey) ?? []) {
      const number =
        row.kind === 'indicator'
          ? `${prefix}-I${++indicators}`
          : prefix === ''
            ? String(++structural)
            : `${prefix}.${++structural}`;
      result.push({
        id: row.id,
        key: row.element_key,
        kind: row.kind as PlanElementKind,
        parentKey: row.parent_key,
        position: row.position,
        number,
        fields: fieldsOf(row),
        leadAgencyId: row.lead_agency_id,
        updatedAt: row.updated_at,
      });
      if (row.kind !== 'indicator') visit(row.element_key, number);
    }
  };
  visit(null, '');
  return result;
}

/** The element as the API answers it. */
export function elementDto(
  element: PlanElement,
  extra: { leadAgencyName: string | null; openComments: number },
): PlanElementDto {
  return {
    key: element.key,
    kind: element.kind,
    parentKey: element.parentKey,
    position: element.position,
    number: element.number,
    fields: element.fields,
    leadAgencyName: extra.leadAgencyName,
    openComments: extra.openComments,
    updatedAt: element.updatedAt,
  };
}

/** The element's ancestors' keys up to its pillar, nearest first. */
export function ancestorsOf(element: PlanElement, byKey: ReadonlyMap<string, PlanElement>): PlanElement[] {
  const chain: PlanElement[] = [];
  let parent = element.parentKey ? byKey.get(element.parentKey) : undefined;
  while (parent) {
    chain.push(parent);
    parent = parent.parentKey ? byKey.get(parent.parentKey) : undefined;
  }
  return chain;
}

/** The pillar an element sits under (itself for a pillar). */
export function pillarOf(element: PlanElement, byKey: ReadonlyMap<string, PlanElement>): PlanElement | undefined {
  if (element.kind === 'pillar') return element;
  return ancestorsOf(element, byKey).find((e) => e.kind === 'pillar');
}
