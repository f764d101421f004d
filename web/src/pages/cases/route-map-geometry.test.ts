import { describe, expect, it } from 'vitest';
import countries110m from 'world-atlas/countries-110m.json';
import { COUNTRY_CODES } from '@kinga/shared/picklists';
import { ISO_NUMERIC, SMALL_STATE_POINTS } from './iso-numeric.ts';
import { MAP_HEIGHT, MAP_WIDTH, drawRoute } from './route-map-geometry.ts';

const atlasIds = (
  countries110m as unknown as { objects: { countries: { geometries: { id?: string }[] } } }
).objects.countries.geometries.flatMap((g) => (g.id ? [g.id] : []));

describe('ISO numeric table', () => {
  it('names every coded country of the atlas, once, by a code the intake accepts', () => {
    const mapped = Object.values(ISO_NUMERIC);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...atlasIds].sort()).toEqual([...mapped].sort());
    const codes: readonly string[] = COUNTRY_CODES;
    expect(Object.keys(ISO_NUMERIC).filter((c) => !codes.includes(c))).toEqual([]);
    expect(Object.keys(SMALL_STATE_POINTS).filter((c) => !codes.includes(c) || ISO_NUMERIC[c])).toEqual([]);
  });
});

describe('drawRoute', () => {
  const inView = (p: { x: number; y: number }) => p.x >= 0 && p.x <= MAP_WIDTH && p.y >= 0 && p.y <= MAP_HEIGHT;

  it('marks the route countries, numbers their stops and draws one leg per change of country', () => {
    const drawing = drawRoute([
      { iso2: 'KE', number: 1 },
      { iso2: 'KE', number: 2 },
      { iso2: 'UG', number: 3 },
      { iso2: 'SA', number: 4 },
    ]);
    expect(drawing.points.map((p) => [p.iso2, p.numbers])).toEqual([
      ['KE', [1, 2]],
      ['UG', [3]],
      ['SA', [4]],
    ]);
    expect(drawing.points.every(inView)).toBe(true);
    expect(drawing.legs).toHaveLength(2);
    expect(drawing.countries.filter((c) => c.onRoute)).toHaveLength(3);
    expect(drawing.missing).toEqual([]);
  });

  it('places Kenya roughly west of Somalia and south of Ethiopia', () => {
    const drawing = drawRoute([
      { iso2: 'KE', number: 1 },
      { iso2: 'SO', number: 2 },
      { iso2: 'ET', number: 3 },
    ]);
    const at = (iso2: string) => drawing.points.find((p) => p.iso2 === iso2)!;
    expect(at('KE').x).toBeLessThan(at('SO').x);
    expect(at('KE').y).toBeGreaterThan(at('ET').y);
    // Somaliland has no ISO code of its own in the atlas; it is drawn as part of Somalia.
    expect(drawing.countries.filter((c) => c.onRoute)).toHaveLength(4);
  });

  it('gives small states a point and names what it cannot place', () => {
    const drawing = drawRoute([
      { iso2: 'KE', number: 1 },
      { iso2: 'BH', number: 2 },
      { iso2: 'AN', number: 3 },
    ]);
    expect(drawing.points.map((p) => p.iso2)).toEqual(['KE', 'BH']);
    expect(drawing.legs).toHaveLength(1);
    expect(drawing.missing).toEqual(['AN']);
  });

  it('frames the whole world when the route spans it', () => {
    const drawing = drawRoute([
      { iso2: 'KE', number: 1 },
      { iso2: 'US', number: 2 },
      { iso2: 'JP', number: 3 },
    ]);
    expect(drawing.points.every(inView)).toBe(true);
    expect(drawing.legs).toHaveLength(2);
  });
});
