import { MULTI_VALUED_DIMENSIONS, type StatDimension, type StatTable } from '@kinga/shared';

/**
 * Small-cell suppression of published statistics tables (pure functions, no I/O).
 *
 * - Primary: every count with 0 < count < k is withheld (published as null), and so is a
 *   table total below k. Zero cells are published as 0: no person stands behind them, and
 *   hiding them would hide most of a sparse table for nothing. The price is that a reader
 *   knows every hidden cell is at least 1, which the per-line check below accounts for.
 * - Complementary: tables passed together are linked. A cell is identified by its
 *   dimension → key assignment ("gender = Male" in the gender table is the same figure as
 *   the Male margin of gender × ageBand; every table's total is the same record count), so a
 *   figure is hidden everywhere or nowhere. Summing a table over a single-valued dimension
 *   gives an equation (parts add up to a margin or the total); a multi-valued dimension
 *   (MULTI_VALUED_DIMENSIONS) gives none, since one record can fall in several of its
 *   categories. Hidden cells are then added until no hidden figure can be worked out:
 *   first the cheap rule "a line with exactly one hidden member gets a second one", then an
 *   exact check by integer Gaussian elimination that no hidden figure is uniquely determined
 *   by the published ones (a figure is determined iff its unit vector lies in the row space
 *   of the equations restricted to hidden figures), then a per-line check that hidden
 *   cells are not all forced to 1.
 *
 * Tables passed together must be counted over the same records (the same filters): that is
 * what makes "gender = Male" one figure. Input counts are exact; a null input count is
 * treated as already hidden. A table of three or more dimensions is linked to the total
 * only (its lower margins are not modelled), so pass it on its own, not with its margins.
 */

export interface ProtectedTables {
  tables: StatTable[];
  /** Published cells (not totals) that were withheld. */
  suppressedCells: number;
}

interface Figure {
  /** True count (NaN when the input already withheld it). */
  value: number;
  /** Appears in a passed table (as a cell or a total); otherwise a margin no table shows. */
  published: boolean;
  hidden: boolean;
}

/** One line: `total` equals the sum of `parts`. Indices into the figure list. */
interface Line {
  total: number;
  parts: number[];
}

const multiValued = new Set<StatDimension>(MULTI_VALUED_DIMENSIONS);

/** The identity of a figure: its dimension → key assignment, in dimension-name order. */
function figureKey(dimensions: readonly StatDimension[], keys: readonly (string | null)[]): string {
  return dimensions
    .map((dimension, i) => [dimension, keys[i] ?? null] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dimension, key]) => `${dimension}=${JSON.stringify(key)}`)
    .join('&');
}

class FigureSet {
  readonly figures: Figure[] = [];
  readonly lines: Line[] = [];
  private readonly index = new Map<string, number>();

  /** The figure of an assignment, created on first sight. */
  figure(key: string, value: number | null, published: boolean): number {
    const existing = this.index.get(key);
    if (existing !== undefined) {
      const figure = this.figures[existing]!;
      if (published && !figure.published) {
        figure.published = true;
        if (value !== null) figure.value = value;
      }
      if (published && value === null) figure.hidden = true;
      return existing;
    }
    const id = this.figures.length;
    this.figures.push({ value: value ?? NaN, published, hidden: value === null });
    this.index.set(key, id);
    return id;
  }
}

/** Builds the figures and the lines linking them from the tables passed together. */
function linkTables(tables: readonly StatTable[]): { set: FigureSet; cellIds: number[][]; totalIds: number[] } {
  const set = new FigureSet();
  const totalIds = tables.map((table) => set.figure('', table.total, true));
  const cellIds = tables.map((table) =>
    table.cells.map((cell) => set.figure(figureKey(table.dimensions, cell.keys), cell.count, true)),
  );
  tables.forEach((table, t) => {
    const dims = table.dimensions;
    const ids = cellIds[t]!;
    if (dims.length === 1) {
      if (!multiValued.has(dims[0]!)) set.lines.push({ total: totalIds[t]!, parts: [...ids] });
      return;
    }
    if (dims.length > 2) {
      // Only the grand total is linked: a table of three or more dimensions is published on its own.
      if (!dims.some((d) => multiValued.has(d))) set.lines.push({ total: totalIds[t]!, parts: [...ids] });
      return;
    }
    if (dims.length !== 2) return;
    for (let summed = 0; summed < 2; summed++) {
      if (multiValued.has(dims[summed]!)) continue;
      const kept = 1 - summed;
      const groups = new Map<string, { parts: number[]; sum: number }>();
      table.cells.forEach((cell, c) => {
        const key = figureKey([dims[kept]!], [cell.keys[kept] ?? null]);
        const group = groups.get(key) ?? { parts: [], sum: 0 };
        group.parts.push(ids[c]!);
        group.sum += cell.count ?? NaN;
        groups.set(key, group);
      });
      for (const [key, group] of groups) {
        const margin = set.figure(key, null, false);
        const figure = set.figures[margin]!;
        if (!figure.published) {
          figure.value = group.sum;
          figure.hidden = false;
        }
        set.lines.push({ total: margin, parts: group.parts });
      }
    }
    if (!multiValued.has(dims[0]!) && !multiValued.has(dims[1]!)) {
      set.lines.push({ total: totalIds[t]!, parts: [...ids] });
    }
  });
  return { set, cellIds, totalIds };
}

/** Known to the reader: published and not hidden. */
function isKnown(figure: Figure): boolean {
  return figure.published && !figure.hidden;
}

/** A figure whose disclosure matters: a hidden published figure, or an unpublished margin below k. */
function needsCover(figure: Figure, k: number): boolean {
  if (figure.published) return figure.hidden;
  return !(figure.value === 0 || figure.value >= k);
}

/**
 * The published figure of a line to hide next: the smallest non-zero known part, else the
 * total when it is known and non-zero (interior cells cost less than margins).
 */
function coverCandidate(set: FigureSet, line: Line, exclude: number): number | undefined {
  let best: number | undefined;
  for (const part of line.parts) {
    const figure = set.figures[part]!;
    if (part === exclude || !isKnown(figure) || figure.value === 0) continue;
    if (best === undefined || figure.value < set.figures[best]!.value) best = part;
  }
  if (best !== undefined) return best;
  const total = set.figures[line.total]!;
  return line.total !== exclude && isKnown(total) && total.value !== 0 ? line.total : undefined;
}

function members(line: Line): number[] {
  return [line.total, ...line.parts];
}

/** Hides a second figure on every line with exactly one figure that needs cover, until stable. */
function coverSingletons(set: FigureSet, k: number): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of set.lines) {
      const unknown = members(line).filter((id) => !isKnown(set.figures[id]!));
      if (unknown.length !== 1) continue;
      const lone = unknown[0]!;
      if (!needsCover(set.figures[lone]!, k)) continue;
      const candidate = coverCandidate(set, line, lone);
      if (candidate === undefined) continue;
      set.figures[candidate]!.hidden = true;
      changed = true;
    }
  }
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The unknown figures that the lines determine uniquely: reduced row echelon form of the
 * lines over the unknowns (fraction-free, exact), where an unknown is determined iff some
 * reduced row has it as its only non-zero entry.
 */
export function determinedUnknowns(rows: readonly (readonly number[])[], unknownCount: number): Set<number> {
  const matrix = rows.map((row) => row.map((v) => BigInt(v)));
  let pivotRow = 0;
  for (let col = 0; col < unknownCount && pivotRow < matrix.length; col++) {
    let found = -1;
    for (let r = pivotRow; r < matrix.length; r++) {
      if (matrix[r]![col] !== 0n) {
        found = r;
        break;
      }
    }
    if (found < 0) continue;
    [matrix[pivotRow], matrix[found]] = [matrix[found]!, matrix[pivotRow]!];
    const pivot = matrix[pivotRow]!;
    for (let r = 0; r < matrix.length; r++) {
      if (r === pivotRow) continue;
      const row = matrix[r]!;
      const factor = row[col]!;
      if (factor === 0n) continue;
      const p = pivot[col]!;
      let divisor = 0n;
      for (let c = 0; c < unknownCount; c++) {
        row[c] = row[c]! * p - pivot[c]! * factor;
        divisor = gcd(divisor, row[c]!);
      }
      if (divisor > 1n) for (let c = 0; c < unknownCount; c++) row[c] = row[c]! / divisor;
    }
    pivotRow++;
  }
  const determined = new Set<number>();
  for (const row of matrix) {
    let only = -1;
    let count = 0;
    for (let c = 0; c < unknownCount && count < 2; c++) {
      if (row[c] !== 0n) {
        only = c;
        count++;
      }
    }
    if (count === 1) determined.add(only);
  }
  return determined;
}

/** Figures that need cover and can nonetheless be worked out from the published ones. */
function disclosedFigures(set: FigureSet, k: number): number[] {
  const unknownIds: number[] = [];
  const column = new Map<number, number>();
  for (const line of set.lines) {
    for (const id of members(line)) {
      if (!isKnown(set.figures[id]!) && !column.has(id)) {
        column.set(id, unknownIds.length);
        unknownIds.push(id);
      }
    }
  }
  const rows: number[][] = [];
  for (const line of set.lines) {
    const row = new Array<number>(unknownIds.length).fill(0);
    let any = false;
    const total = column.get(line.total);
    if (total !== undefined) {
      row[total] = row[total]! + 1;
      any = true;
    }
    for (const part of line.parts) {
      const c = column.get(part);
      if (c === undefined) continue;
      row[c] = row[c]! - 1;
      any = true;
    }
    if (any) rows.push(row);
  }
  const disclosed = [...determinedUnknowns(rows, unknownIds.length)].map((c) => unknownIds[c]!);
  // A line whose hidden figures are all parts, with a known total, pins each part to 1 when
  // they sum to their number: zeros are published, so every hidden part is at least 1.
  for (const line of set.lines) {
    const total = set.figures[line.total]!;
    if (!isKnown(total)) continue;
    const hidden = line.parts.filter((id) => !isKnown(set.figures[id]!));
    if (hidden.length < 2) continue;
    const rest = line.parts.reduce(
      (sum, id) => (isKnown(set.figures[id]!) ? sum - set.figures[id]!.value : sum),
      total.value,
    );
    if (rest === hidden.length) disclosed.push(...hidden);
  }
  return [...new Set(disclosed)].filter((id) => needsCover(set.figures[id]!, k));
}

/** Hides one more figure on a line of each disclosed figure; false when nothing could be hidden. */
function coverDisclosed(set: FigureSet, disclosed: readonly number[]): boolean {
  let hidAny = false;
  for (const id of disclosed) {
    let best: number | undefined;
    for (const line of set.lines) {
      if (line.total !== id && !line.parts.includes(id)) continue;
      const candidate = coverCandidate(set, line, id);
      if (candidate === undefined) continue;
      if (best === undefined || set.figures[candidate]!.value < set.figures[best]!.value) best = candidate;
    }
    if (best !== undefined) {
      set.figures[best]!.hidden = true;
      hidAny = true;
    }
  }
  if (hidAny) return true;
  // Determined only through other lines: hide the smallest known non-zero figure of any line with an unknown.
  let fallback: number | undefined;
  for (const line of set.lines) {
    if (members(line).every((m) => isKnown(set.figures[m]!))) continue;
    for (const m of members(line)) {
      const figure = set.figures[m]!;
      if (!isKnown(figure) || figure.value === 0) continue;
      if (fallback === undefined || figure.value < set.figures[fallback]!.value) fallback = m;
    }
  }
  if (fallback === undefined) return false;
  set.figures[fallback]!.hidden = true;
  return true;
}

/**
 * Withholds small counts (primary suppression below k) and enough other figures
 * (complementary suppression) that no withheld figure can be recovered from the published
 * one- and two-way tables and their totals. Unsuppressed figures are returned unchanged.
 */
export function protectTables(tables: readonly StatTable[], k: number): ProtectedTables {
  const { set, cellIds, totalIds } = linkTables(tables);
  for (const figure of set.figures) {
    if (figure.published && figure.value > 0 && figure.value < k) figure.hidden = true;
  }
  for (;;) {
    coverSingletons(set, k);
    const disclosed = disclosedFigures(set, k);
    if (disclosed.length === 0 || !coverDisclosed(set, disclosed)) break;
  }
  let suppressedCells = 0;
  const out = tables.map((table, t) => ({
    ...table,
    dimensions: [...table.dimensions],
    cells: table.cells.map((cell, c) => {
      const hidden = set.figures[cellIds[t]![c]!]!.hidden;
      if (hidden) suppressedCells++;
      return { keys: [...cell.keys], count: hidden ? null : cell.count };
    }),
    total: set.figures[totalIds[t]!]!.hidden ? null : table.total,
  }));
  return { tables: out, suppressedCells };
}
