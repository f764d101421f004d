import type { StatTable } from '@kinga/shared';
import type { FlowLink } from './flow-map-geometry.ts';

/**
 * Published links of a two-way table between places: both places known, count published and
 * above zero. Suppressed and unknown cells stay in the tables only.
 */
export function placeLinks(table: StatTable): FlowLink<string>[] {
  return table.cells.flatMap((cell) => {
    const [from, to] = cell.keys;
    return from && to && cell.count !== null && cell.count > 0 ? [{ from, to, value: cell.count }] : [];
  });
}

/** The same, with county codes as numbers. */
export function countyLinks(table: StatTable): FlowLink<number>[] {
  return placeLinks(table).map((l) => ({ from: Number(l.from), to: Number(l.to), value: l.value }));
}

/** Published counts of a one-way table by known key. */
export function countsByKey(table: StatTable): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of table.cells) {
    const key = cell.keys[0];
    if (key && cell.count !== null && cell.count > 0) counts.set(key, cell.count);
  }
  return counts;
}

/** The cells of a link table, largest first, suppressed ones last, unknown places after known ones. */
export function linksByCount(table: StatTable): StatTable['cells'] {
  return [...table.cells].sort(
    (a, b) =>
      Number(a.count === null) - Number(b.count === null) ||
      (b.count ?? 0) - (a.count ?? 0) ||
      Number(a.keys.includes(null)) - Number(b.keys.includes(null)),
  );
}
