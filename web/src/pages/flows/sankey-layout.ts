import type { StatCell } from '@kinga/shared';

/**
 * The layout of the flow diagram: three fixed columns (origin or citizenship, transit,
 * exploitation), nodes stacked by size with the smallest merged into "Other", and bands whose
 * thickness is their count on one scale for the whole drawing. Pure, so it is unit-tested.
 */

/** The key of the merged node of each column ("Other"). Real keys are ISO codes or null. */
export const OTHER = '*other*';

export type SankeyColumn = 0 | 1 | 2;

export interface SankeyNode {
  column: SankeyColumn;
  /** An ISO-2 code, null (unknown; no transit recorded in the middle column) or OTHER. */
  key: string | null;
  value: number;
  x: number;
  y: number;
  height: number;
}

export interface SankeyLink {
  source: SankeyNode;
  target: SankeyNode;
  value: number;
  /** Centre of the band where it leaves its source and where it reaches its target. */
  y0: number;
  y1: number;
  thickness: number;
  /** A cubic curve along the band's centre line, drawn with stroke-width `thickness`. */
  d: string;
}

export interface SankeyLayout {
  width: number;
  height: number;
  nodeWidth: number;
  nodes: SankeyNode[];
  links: SankeyLink[];
  /** Links left out because their count is suppressed. */
  hidden: number;
}

export interface SankeyOptions {
  width?: number;
  height?: number;
  nodeWidth?: number;
  /** Vertical space between nodes of a column. */
  gap?: number;
  /** Nodes per column, "Other" included. */
  top?: number;
}

type Pair = { from: string | null; to: string | null; value: number };

function sumBy<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((n, item) => n + value(item), 0);
}

/** Nodes of a column by size; beyond `top - 1` the rest are one "Other" node, drawn last. */
function bucketsOf(values: ReadonlyMap<string | null, number>, top: number): Map<string | null, string | null> {
  const ranked = [...values.entries()].sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]));
  const keep = ranked.length > top ? ranked.slice(0, Math.max(1, top - 1)) : ranked;
  const kept = new Set(keep.map(([key]) => key));
  return new Map(ranked.map(([key]) => [key, kept.has(key) ? key : OTHER]));
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function pairsOf(cells: readonly StatCell[]): { pairs: Pair[]; hidden: number } {
  let hidden = 0;
  const pairs: Pair[] = [];
  for (const cell of cells) {
    if (cell.count === null) hidden++;
    else if (cell.count > 0) pairs.push({ from: cell.keys[0] ?? null, to: cell.keys[1] ?? null, value: cell.count });
  }
  return { pairs, hidden };
}

function addTo(map: Map<string | null, number>, key: string | null, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** Sums pairs that fall into the same buckets. */
function mergePairs(
  pairs: readonly Pair[],
  fromBucket: ReadonlyMap<string | null, string | null>,
  toBucket: ReadonlyMap<string | null, string | null>,
): Pair[] {
  const merged = new Map<string, Pair>();
  for (const p of pairs) {
    // A kept null key ("unknown") maps to itself: test presence, not truthiness.
    const from = fromBucket.has(p.from) ? (fromBucket.get(p.from) ?? null) : OTHER;
    const to = toBucket.has(p.to) ? (toBucket.get(p.to) ?? null) : OTHER;
    const id = JSON.stringify([from, to]);
    const existing = merged.get(id);
    if (existing) existing.value += p.value;
    else merged.set(id, { from, to, value: p.value });
  }
  return [...merged.values()];
}

/**
 * Lays out "origin → transit" and "transit → exploitation" links (the cells of two two-way
 * tables; suppressed cells are counted in `hidden` and left out). A transit node is as tall as
 * the larger of what enters and what leaves it (equal unless cells are hidden).
 */
export function layoutSankey(
  originTransit: readonly StatCell[],
  transitExploitation: readonly StatCell[],
  options: SankeyOptions = {},
): SankeyLayout {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const nodeWidth = options.nodeWidth ?? 14;
  const gap = options.gap ?? 8;
  const top = Math.max(2, options.top ?? 8);

  const first = pairsOf(originTransit);
  const second = pairsOf(transitExploitation);
  const hidden = first.hidden + second.hidden;

  const originValues = new Map<string | null, number>();
  const transitIn = new Map<string | null, number>();
  const transitOut = new Map<string | null, number>();
  const exploitationValues = new Map<string | null, number>();
  for (const p of first.pairs) {
    addTo(originValues, p.from, p.value);
    addTo(transitIn, p.to, p.value);
  }
  for (const p of second.pairs) {
    addTo(transitOut, p.from, p.value);
    addTo(exploitationValues, p.to, p.value);
  }
  const transitValues = new Map<string | null, number>();
  for (const key of new Set([...transitIn.keys(), ...transitOut.keys()])) {
    transitValues.set(key, Math.max(transitIn.get(key) ?? 0, transitOut.get(key) ?? 0));
  }

  const buckets = [bucketsOf(originValues, top), bucketsOf(transitValues, top), bucketsOf(exploitationValues, top)];
  const firstLinks = mergePairs(first.pairs, buckets[0]!, buckets[1]!);
  const secondLinks = mergePairs(second.pairs, buckets[1]!, buckets[2]!);

  // Node values after merging, per column.
  const columnValues = [0, 1, 2].map(() => new Map<string | null, number>());
  const inOf = new Map<string | null, number>();
  const outOf = new Map<string | null, number>();
  for (const l of firstLinks) {
    addTo(columnValues[0]!, l.from, l.value);
    addTo(inOf, l.to, l.value);
  }
  for (const l of secondLinks) {
    addTo(outOf, l.from, l.value);
    addTo(columnValues[2]!, l.to, l.value);
  }
  for (const key of new Set([...inOf.keys(), ...outOf.keys()])) {
    columnValues[1]!.set(key, Math.max(inOf.get(key) ?? 0, outOf.get(key) ?? 0));
  }

  // Order: by size, "Other" last; one scale for all columns so equal counts are equal heights.
  const ordered = columnValues.map((values) =>
    [...values.entries()].sort(
      (a, b) => Number(a[0] === OTHER) - Number(b[0] === OTHER) || b[1] - a[1] || compareKeys(a[0], b[0]),
    ),
  );
  const scale = Math.min(
    ...ordered.map((entries) => {
      const sum = sumBy(entries, ([, v]) => v);
      return sum > 0 ? Math.max(0, height - gap * (entries.length - 1)) / sum : Infinity;
    }),
  );
  const k = Number.isFinite(scale) ? scale : 0;

  const nodes: SankeyNode[] = [];
  const nodeOf = [0, 1, 2].map(() => new Map<string | null, SankeyNode>());
  ordered.forEach((entries, column) => {
    const used = sumBy(entries, ([, v]) => v * k) + gap * Math.max(0, entries.length - 1);
    let y = Math.max(0, (height - used) / 2);
    const x = (column * (width - nodeWidth)) / 2;
    for (const [key, value] of entries) {
      const node: SankeyNode = { column: column as SankeyColumn, key, value, x, y, height: value * k };
      nodes.push(node);
      nodeOf[column]!.set(key, node);
      y += node.height + gap;
    }
  });

  const rank = (node: SankeyNode) => nodes.indexOf(node);
  const links: SankeyLink[] = [];
  const place = (pairs: Pair[], from: SankeyColumn) => {
    const resolved = pairs.flatMap((p) => {
      const source = nodeOf[from]!.get(p.from);
      const target = nodeOf[from + 1]!.get(p.to);
      return source && target ? [{ source, target, value: p.value }] : [];
    });
    // Bands leave a node in the order of their targets and arrive in the order of their sources, so they do not cross at the nodes.
    const outOffset = new Map<SankeyNode, number>();
    const inOffset = new Map<SankeyNode, number>();
    const leaving = [...resolved].sort((a, b) => rank(a.source) - rank(b.source) || rank(a.target) - rank(b.target));
    const y0 = new Map<(typeof resolved)[number], number>();
    for (const l of leaving) {
      const offset = outOffset.get(l.source) ?? 0;
      y0.set(l, l.source.y + offset + (l.value * k) / 2);
      outOffset.set(l.source, offset + l.value * k);
    }
    const arriving = [...resolved].sort((a, b) => rank(a.target) - rank(b.target) || rank(a.source) - rank(b.source));
    for (const l of arriving) {
      const offset = inOffset.get(l.target) ?? 0;
      const end = l.target.y + offset + (l.value * k) / 2;
      inOffset.set(l.target, offset + l.value * k);
      const start = y0.get(l) ?? 0;
      const x0 = l.source.x + nodeWidth;
      const x1 = l.target.x;
      const xm = (x0 + x1) / 2;
      links.push({
        source: l.source,
        target: l.target,
        value: l.value,
        y0: start,
        y1: end,
        thickness: l.value * k,
        d: `M${f(x0)},${f(start)}C${f(xm)},${f(start)} ${f(xm)},${f(end)} ${f(x1)},${f(end)}`,
      });
    }
  };
  place(firstLinks, 0);
  place(secondLinks, 1);
  return { width, height, nodeWidth, nodes, links, hidden };
}

function f(n: number): string {
  return n.toFixed(1);
}
