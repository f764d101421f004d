import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { KENYA_COUNTIES } from '@kinga/shared/picklists';
import { COUNTY_MAP_WIDTH, drawCountyMap, rewindPolygon } from './county-map-geometry.ts';

/** A small square around a point, wound counter-clockwise as RFC 7946 asks. */
function square(lon: number, lat: number, size = 0.2): number[][][] {
  return [
    [
      [lon - size, lat - size],
      [lon + size, lat - size],
      [lon + size, lat + size],
      [lon - size, lat + size],
      [lon - size, lat - size],
    ],
  ];
}

describe('drawCountyMap without boundaries', () => {
  const drawing = drawCountyMap(KENYA_COUNTIES, null, 'KE');

  it('draws the outline of Kenya and a point for each of the 47 counties, inside the picture', () => {
    expect(drawing.mode).toBe('centres');
    expect(drawing.outline).toMatch(/^M/);
    expect(drawing.points).toHaveLength(47);
    expect(drawing.missing).toEqual([]);
    expect(drawing.width).toBe(COUNTY_MAP_WIDTH);
    expect(drawing.height).toBeGreaterThan(300);
    for (const p of drawing.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(drawing.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(drawing.height);
    }
  });

  it('puts Mandera to the north-east of Mombasa, and Nairobi between them', () => {
    const at = (code: number) => drawing.points.find((p) => p.code === code)!;
    const mandera = at(9);
    const mombasa = at(1);
    const nairobi = at(47);
    expect(mandera.y).toBeLessThan(mombasa.y);
    expect(mandera.x).toBeGreaterThan(nairobi.x);
    expect(nairobi.y).toBeLessThan(mombasa.y);
  });

  it('lists counties without a centre as missing', () => {
    const partial = drawCountyMap([...KENYA_COUNTIES, { code: 99, name: 'Elsewhere' }], null, 'KE');
    expect(partial.missing).toEqual([99]);
  });
});

describe('drawCountyMap with boundaries', () => {
  const boundaries: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: 47, name: 'Nairobi' },
        geometry: { type: 'Polygon', coordinates: square(36.85, -1.3) },
      },
      {
        type: 'Feature',
        properties: { code: 1, name: 'Mombasa' },
        geometry: { type: 'Polygon', coordinates: square(39.65, -4.03) },
      },
      {
        type: 'Feature',
        properties: { code: 500, name: 'Not a county' },
        geometry: { type: 'Polygon', coordinates: square(30, 0) },
      },
    ],
  };

  it('draws one shape per matched county, whatever the winding, and names the others as missing', () => {
    const drawing = drawCountyMap(KENYA_COUNTIES, boundaries, 'KE');
    expect(drawing.mode).toBe('boundaries');
    expect(drawing.shapes.map((s) => s.code).sort((a, b) => a - b)).toEqual([1, 47]);
    expect(drawing.missing).toHaveLength(45);
    // Counter-clockwise rings read as the whole globe would fill the picture; rewound, they stay small.
    const [nairobi] = drawing.shapes;
    expect(nairobi!.d.length).toBeLessThan(200);
  });

  it('falls back to county centres when no feature matches a county', () => {
    const drawing = drawCountyMap(
      KENYA_COUNTIES,
      { type: 'FeatureCollection', features: [boundaries.features[2]!] },
      'KE',
    );
    expect(drawing.mode).toBe('centres');
  });
});

describe('rewindPolygon', () => {
  it('reverses a ring read inside out and keeps one already in d3’s order', () => {
    const ccw = square(36.85, -1.3);
    const rewound = rewindPolygon(ccw);
    expect(rewound[0]).toEqual([...ccw[0]!].reverse());
    expect(rewindPolygon(rewound)).toEqual(rewound);
  });
});
