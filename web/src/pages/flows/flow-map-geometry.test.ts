import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { KENYA_COUNTIES } from '@kinga/shared/picklists';
import { MAP_HEIGHT, MAP_WIDTH, MAX_ARCS, arcPath, drawCountyFlows, drawWorldFlows } from './flow-map-geometry.ts';

describe('flow map geometry', () => {
  it('bends an arc to the left of its direction, so opposite flows do not overlap', () => {
    expect(arcPath(0, 0, 100, 0)).toBe('M0.0,0.0Q50.0,-20.0 100.0,0.0');
    expect(arcPath(100, 0, 0, 0)).toBe('M100.0,0.0Q50.0,20.0 0.0,0.0');
  });

  it('draws arcs between countries inside the frame, widest for the largest flow, and shades countries of exploitation', () => {
    const drawing = drawWorldFlows(
      [
        { from: 'KE', to: 'SA', value: 32 },
        { from: 'KE', to: 'AE', value: 8 },
        { from: 'KE', to: 'KE', value: 88 },
        { from: 'ZZ', to: 'KE', value: 5 },
      ],
      new Map([
        ['KE', 139],
        ['SA', 32],
      ]),
    );
    // Flows inside one country are for the county map; unknown codes are listed, not drawn.
    expect(drawing.arcs.map((a) => `${a.from}>${a.to}`)).toEqual(['KE>SA', 'KE>AE']);
    expect(drawing.arcs[0]!.width).toBeGreaterThan(drawing.arcs[1]!.width);
    expect(drawing.missing).toEqual(['ZZ']);
    const shaded = drawing.countries.filter((c) => c.value !== null).map((c) => c.value);
    expect(shaded.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([32, 139]);
    for (const p of drawing.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(MAP_WIDTH);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(MAP_HEIGHT);
    }
    // Kenya lies south-west of Saudi Arabia.
    const ke = drawing.points.find((p) => p.iso2 === 'KE')!;
    const sa = drawing.points.find((p) => p.iso2 === 'SA')!;
    expect(ke.y).toBeGreaterThan(sa.y);
    expect(ke.x).toBeLessThan(sa.x);
  });

  it('draws county arcs between county centres, and between uploaded shapes', () => {
    const links = [
      { from: 12, to: 47, value: 20 },
      { from: 3, to: 1, value: 11 },
      { from: 47, to: 47, value: 4 },
    ];
    const centres = drawCountyFlows(KENYA_COUNTIES, null, 'KE', links);
    expect(centres.mode).toBe('centres');
    expect(centres.arcs.map((a) => `${a.from}>${a.to}`)).toEqual(['12>47', '3>1']);
    const square = (lon: number, lat: number) => [
      [
        [lon - 0.2, lat - 0.2],
        [lon + 0.2, lat - 0.2],
        [lon + 0.2, lat + 0.2],
        [lon - 0.2, lat + 0.2],
        [lon - 0.2, lat - 0.2],
      ],
    ];
    const boundaries: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 47 }, geometry: { type: 'Polygon', coordinates: square(36.8, -1.3) } },
        { type: 'Feature', properties: { code: 12 }, geometry: { type: 'Polygon', coordinates: square(37.6, 0.0) } },
      ],
    };
    const shapes = drawCountyFlows(KENYA_COUNTIES, boundaries, 'KE', links);
    expect(shapes.mode).toBe('boundaries');
    expect(shapes.anchors.map((a) => a.code).sort((a, b) => a - b)).toEqual([12, 47]);
    expect(shapes.arcs.map((a) => `${a.from}>${a.to}`)).toEqual(['12>47']);
  });
});

describe('flow map arcs', () => {
  it(`draws at most ${MAX_ARCS} arcs, the largest, and counts the rest`, () => {
    const codes = ['KE', 'UG', 'TZ', 'ET', 'SO', 'SA', 'AE', 'QA', 'OM', 'LB', 'ZA', 'RW', 'BI', 'SS', 'CD'];
    const links = codes.flatMap((from, i) =>
      codes.filter((to) => to !== from).map((to, j) => ({ from, to, value: 1 + i * 20 + j })),
    );
    const drawing = drawWorldFlows(links, new Map());
    expect(drawing.arcs).toHaveLength(MAX_ARCS);
    expect(drawing.omitted).toBe(links.length - MAX_ARCS);
    // The drawn arcs are the largest flows: none left out is larger than the smallest drawn.
    const smallestDrawn = Math.min(...drawing.arcs.map((a) => a.value));
    const drawnKeys = new Set(drawing.arcs.map((a) => `${a.from}>${a.to}`));
    const largestOmitted = Math.max(...links.filter((l) => !drawnKeys.has(`${l.from}>${l.to}`)).map((l) => l.value));
    expect(largestOmitted).toBeLessThanOrEqual(smallestDrawn);
  });
});
