import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatCell } from '@kinga/shared';
import { OTHER, layoutSankey, type SankeyLayout } from './sankey-layout.ts';

const cell = (from: string | null, to: string | null, count: number | null): StatCell => ({
  keys: [from, to],
  count,
});

function expectNoOverlaps(layout: SankeyLayout, gap: number) {
  for (const column of [0, 1, 2]) {
    const nodes = layout.nodes.filter((n) => n.column === column).sort((a, b) => a.y - b.y);
    nodes.forEach((node, i) => {
      expect(node.y).toBeGreaterThanOrEqual(-1e-6);
      expect(node.y + node.height).toBeLessThanOrEqual(layout.height + 1e-6);
      const next = nodes[i + 1];
      if (next) expect(next.y).toBeGreaterThanOrEqual(node.y + node.height + gap - 1e-6);
    });
  }
}

const valueOf = (layout: SankeyLayout, column: number, key: string | null) =>
  layout.nodes.find((n) => n.column === column && n.key === key)?.value;

describe('layoutSankey', () => {
  const originTransit = [cell('KE', 'AE', 12), cell('KE', null, 31), cell('UG', null, 15), cell('ET', 'KE', 4)];
  const transitExploitation = [cell('AE', 'SA', 12), cell(null, 'KE', 40), cell(null, 'SA', 6), cell('KE', 'ZA', 4)];

  it('puts three columns side by side and sorts each by size', () => {
    const layout = layoutSankey(originTransit, transitExploitation, { width: 600, height: 300, nodeWidth: 10 });
    const xs = [0, 1, 2].map((c) => new Set(layout.nodes.filter((n) => n.column === c).map((n) => n.x)));
    expect(xs.map((s) => [...s])).toEqual([[0], [295], [590]]);
    const origins = layout.nodes.filter((n) => n.column === 0);
    expect(origins.map((n) => n.key)).toEqual(['KE', 'UG', 'ET']);
    expect(origins.map((n) => n.y)).toEqual([...origins.map((n) => n.y)].sort((a, b) => a - b));
    expect(valueOf(layout, 1, null)).toBe(46);
    expectNoOverlaps(layout, 8);
  });

  it('conserves totals: every column and every transit node carries what enters it', () => {
    const layout = layoutSankey(originTransit, transitExploitation);
    const columnTotal = (c: number) => layout.nodes.filter((n) => n.column === c).reduce((s, n) => s + n.value, 0);
    expect(columnTotal(0)).toBe(62);
    expect(columnTotal(1)).toBe(62);
    expect(columnTotal(2)).toBe(62);
    for (const node of layout.nodes) {
      const out = layout.links.filter((l) => l.source === node).reduce((s, l) => s + l.value, 0);
      const into = layout.links.filter((l) => l.target === node).reduce((s, l) => s + l.value, 0);
      if (node.column < 2) expect(out).toBe(node.value);
      if (node.column > 0) expect(into).toBe(node.value);
    }
    // Heights are proportional to counts on one scale.
    const ke = layout.nodes.find((n) => n.column === 0 && n.key === 'KE');
    const ug = layout.nodes.find((n) => n.column === 0 && n.key === 'UG');
    expect((ke?.height ?? 0) / (ug?.height ?? 1)).toBeCloseTo(43 / 15, 6);
  });

  it('stacks the bands of a node without gaps or overlaps', () => {
    const layout = layoutSankey(originTransit, transitExploitation);
    for (const node of layout.nodes) {
      const leaving = layout.links.filter((l) => l.source === node).sort((a, b) => a.y0 - b.y0);
      let y = node.y;
      for (const l of leaving) {
        expect(l.y0 - l.thickness / 2).toBeCloseTo(y, 6);
        y += l.thickness;
      }
      if (leaving.length > 0) expect(y).toBeCloseTo(node.y + node.height, 6);
    }
  });

  it('merges the smallest nodes into "Other", drawn last', () => {
    const many = ['AA', 'BB', 'CC', 'DD', 'EE'].map((c, i) => cell(c, null, 10 + i));
    const layout = layoutSankey(many, [cell(null, 'KE', 60)], { top: 3 });
    const origins = layout.nodes.filter((n) => n.column === 0);
    expect(origins.map((n) => [n.key, n.value])).toEqual([
      ['EE', 14],
      ['DD', 13],
      [OTHER, 33],
    ]);
  });

  it('leaves suppressed links out and counts them', () => {
    const layout = layoutSankey([cell('KE', null, 20), cell('UG', null, null)], [cell(null, 'KE', null)]);
    expect(layout.hidden).toBe(2);
    expect(layout.links).toHaveLength(1);
    expect(valueOf(layout, 1, null)).toBe(20);
  });

  it('draws nothing for no links', () => {
    expect(layoutSankey([], [])).toMatchObject({ nodes: [], links: [], hidden: 0 });
  });

  it('never overlaps and conserves totals for random flows', () => {
    const key = fc.option(fc.constantFrom('KE', 'UG', 'TZ', 'ET', 'SO', 'SA', 'AE', 'QA', 'OM', 'LB', 'ZA'), {
      nil: null,
    });
    const cells = fc.array(fc.tuple(key, key, fc.integer({ min: 1, max: 500 })), { maxLength: 40 });
    fc.assert(
      fc.property(cells, fc.integer({ min: 2, max: 10 }), (pairs, top) => {
        // The second table is the first's transit margin sent on to one place: the middle conserves.
        const first = pairs.map(([a, b, n]) => cell(a, b, n));
        const byTransit = new Map<string | null, number>();
        for (const [, b, n] of pairs) byTransit.set(b, (byTransit.get(b) ?? 0) + n);
        const second = [...byTransit].map(([b, n]) => cell(b, 'KE', n));
        const layout = layoutSankey(first, second, { top, height: 400, gap: 4 });
        expectNoOverlaps(layout, 4);
        const total = pairs.reduce((s, [, , n]) => s + n, 0);
        for (const c of [0, 1, 2]) {
          const nodes = layout.nodes.filter((n) => n.column === c);
          expect(nodes.length).toBeLessThanOrEqual(top);
          expect(nodes.reduce((s, n) => s + n.value, 0)).toBe(total);
        }
      }),
    );
  });
});
