import fs from 'node:fs';
import { KENYA_COUNTIES, type CountyBoundariesInput } from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { nameKey, normaliseCountyBoundaries } from './county-boundaries.ts';
import { sharedData } from '../../../test/shared-data.ts';

type Features = CountyBoundariesInput['features'];

/** The Kenya county boundaries the project keeps outside the repository (MIT, see its LICENSE file). */
const KENYA_FILE = sharedData('geo', 'kenya_counties.geojson');

const square = (lon: number, lat: number, size = 0.1) => [
  [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ],
];

/** One small square per county, named by code or by name in turn. */
function allCounties(): Features {
  return KENYA_COUNTIES.map((c, i) => ({
    type: 'Feature' as const,
    properties: i % 2 === 0 ? { code: c.code } : { NAME: c.name.toUpperCase() },
    geometry: { type: 'Polygon' as const, coordinates: square(34 + i * 0.1, -1) },
  }));
}

describe('normaliseCountyBoundaries', () => {
  it.skipIf(!fs.existsSync(KENYA_FILE))(
    'matches the shared Kenya file: 47 counties, properties reduced, 4 decimals, smaller',
    () => {
      const text = fs.readFileSync(KENYA_FILE, 'utf8');
      const input = JSON.parse(text) as CountyBoundariesInput;
      const result = normaliseCountyBoundaries(input, KENYA_COUNTIES);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      expect(result.matched).toBe(47);
      expect(result.collection.features.map((f) => f.properties)).toEqual(
        KENYA_COUNTIES.map((c) => ({ code: c.code, name: c.name })),
      );
      const out = JSON.stringify(result.collection);
      expect(out.length).toBeLessThan(text.length);
      const decimals = (out.match(/\d+\.\d+/g) ?? []).map((n) => n.split('.')[1]?.length ?? 0);
      expect(Math.max(...decimals)).toBeLessThanOrEqual(4);
    },
  );

  it('matches by code, or by name whatever its case, spacing and punctuation', () => {
    expect(nameKey("Murang'a")).toBe(nameKey('MURANGA'));
    expect(nameKey('Taita-Taveta')).toBe(nameKey('taita taveta'));
    const features = allCounties();
    features[20] = { ...features[20]!, properties: { name: 'muranga' } };
    const result = normaliseCountyBoundaries({ features }, KENYA_COUNTIES);
    expect(result.ok).toBe(true);
  });

  it('names unmatched features and missing counties', () => {
    const features = allCounties().filter((f) => f.properties?.code !== 47);
    features.push({ type: 'Feature', properties: { name: 'Atlantis', code: 99 }, geometry: features[0]!.geometry });
    const result = normaliseCountyBoundaries({ features }, KENYA_COUNTIES);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'unmatched_feature', path: 'body.features.46.properties' }),
      expect.objectContaining({
        code: 'missing_county',
        message: expect.stringContaining('Nairobi (47)') as unknown as string,
      }),
    ]);
    expect(result.issues[0]?.message).toContain('Atlantis');
  });

  it('refuses positions that are not longitude and latitude, and malformed rings', () => {
    const projected = allCounties();
    projected[0] = {
      ...projected[0]!,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [3_900_000, -100_000],
            [1, 2],
            [3, 4],
            [3_900_000, -100_000],
          ],
        ],
      },
    };
    const bad = normaliseCountyBoundaries({ features: projected }, KENYA_COUNTIES);
    expect(bad.ok ? [] : bad.issues.map((i) => [i.path, i.code])).toEqual([
      ['body.features.0.geometry.coordinates.0.0', 'invalid_position'],
    ]);
    const short = allCounties();
    short[1] = {
      ...short[1]!,
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [1, 2],
              [1, 2],
            ],
          ],
        ],
      },
    };
    const shortResult = normaliseCountyBoundaries({ features: short }, KENYA_COUNTIES);
    expect(shortResult.ok ? [] : shortResult.issues.map((i) => i.code)).toEqual(['invalid_ring']);
  });

  it('merges several features of one county into a MultiPolygon and closes open rings', () => {
    const features = allCounties();
    features.push({
      type: 'Feature',
      properties: { code: 5 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [40.1, -2.1],
            [40.2, -2.1],
            [40.2, -2.0],
          ],
        ].map((r) => [...r, [40.1, -2.0]]),
      },
    });
    const result = normaliseCountyBoundaries({ features }, KENYA_COUNTIES);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const lamu = result.collection.features.find((f) => f.properties.code === 5);
    expect(lamu?.geometry.type).toBe('MultiPolygon');
    expect(lamu?.geometry.coordinates).toHaveLength(2);
    const ring = (lamu?.geometry.coordinates[1] as number[][][])[0];
    expect(ring?.[0]).toEqual(ring?.[ring.length - 1]);
  });

  it('caps the list of issues', () => {
    const features: Features = Array.from({ length: 200 }, (_, i) => ({
      type: 'Feature' as const,
      properties: { name: `Nowhere ${i}` },
      geometry: { type: 'Polygon' as const, coordinates: square(0, 0) },
    }));
    const result = normaliseCountyBoundaries({ features }, KENYA_COUNTIES);
    expect(result.ok ? 0 : result.issues.length).toBe(51);
  });
});
