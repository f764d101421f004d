import type { ComparisonDto } from '@kinga/shared';
import type { PlanElement } from './plan-elements.ts';

type ElementChange = ComparisonDto['changes'][number];
type FieldChange = ElementChange['fields'][number];

/** Fields compared before the kind's own fields, in this order. */
const LEADING_FIELDS = ['title', 'parentKey'] as const;

/**
 * Compares two versions of a plan element by element on their keys: elements only in the
 * newer version are added, only in the older removed, in both but with a different title,
 * parent or field value changed. Values compare by content (arrays in order, objects by
 * key). Positions are not compared: moving an element among its siblings changes its
 * number, not what it says. Changes come in the newer version's outline order, removed
 * elements after them in the older version's order.
 */
export function compareElements(
  older: readonly PlanElement[],
  newer: readonly PlanElement[],
): Pick<ComparisonDto, 'changes' | 'unchanged'> {
  const olderByKey = new Map(older.map((e) => [e.key, e]));
  const newerKeys = new Set(newer.map((e) => e.key));
  const changes: ElementChange[] = [];
  let unchanged = 0;
  for (const element of newer) {
    const before = olderByKey.get(element.key);
    if (!before) {
      changes.push(changeOf(element, 'added', []));
      continue;
    }
    const fields = changedFields(before, element);
    if (fields.length === 0) unchanged += 1;
    else changes.push(changeOf(element, 'changed', fields));
  }
  for (const element of older) {
    if (!newerKeys.has(element.key)) changes.push(changeOf(element, 'removed', []));
  }
  return { changes, unchanged };
}

function changeOf(element: PlanElement, change: ElementChange['change'], fields: FieldChange[]): ElementChange {
  return { key: element.key, kind: element.kind, change, title: element.fields.title, number: element.number, fields };
}

/** The fields whose values differ: title, parent, then every other field of either version. */
export function changedFields(before: PlanElement, after: PlanElement): FieldChange[] {
  const a = before.fields as Record<string, unknown>;
  const b = after.fields as Record<string, unknown>;
  const rest = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const name of ['kind', ...LEADING_FIELDS]) rest.delete(name);
  const changes: FieldChange[] = [];
  const compare = (field: string, x: unknown, y: unknown) => {
    if (!sameValue(x, y)) changes.push({ field, before: x ?? null, after: y ?? null });
  };
  compare('title', before.fields.title, after.fields.title);
  compare('parentKey', before.parentKey, after.parentKey);
  for (const field of rest) compare(field, a[field], b[field]);
  return changes;
}

/** Structural equality of JSON values; `undefined` and `null` count as the same absence. */
export function sameValue(x: unknown, y: unknown): boolean {
  if (x === undefined) x = null;
  if (y === undefined) y = null;
  if (x === y) return true;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((item, i) => sameValue(item, y[i]));
  }
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  const keys = new Set([...Object.keys(xo), ...Object.keys(yo)]);
  for (const key of keys) if (!sameValue(xo[key], yo[key])) return false;
  return true;
}
