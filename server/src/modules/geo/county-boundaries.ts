import type { County, CountyBoundariesDto, CountyBoundariesInput } from '@kinga/shared';

/**
 * Checks and normalises an uploaded county boundary file: every feature is matched to a
 * county of the country profile, positions are checked and rounded to 4 decimals (about
 * 11 m, plenty for a choropleth and a third of the size), and each county keeps only
 * `{ code, name }` as properties.
 */

type Issue = { path: string; message: string; code: string };
type Position = [number, number];
type Ring = Position[];
type PolygonCoordinates = Ring[];
type Feature = CountyBoundariesInput['features'][number];

/** Enough issues to fix a file by; a file wrong everywhere would otherwise answer megabytes. */
const MAX_ISSUES = 50;

export type NormalisedBoundaries =
  { ok: true; collection: CountyBoundariesDto; matched: number } | { ok: false; issues: Issue[] };

export function normaliseCountyBoundaries(
  input: Pick<CountyBoundariesInput, 'features'>,
  counties: readonly County[],
): NormalisedBoundaries {
  const issues: Issue[] = [];
  const byCode = new Map(counties.map((c) => [c.code, c]));
  const byName = new Map(counties.map((c) => [nameKey(c.name), c]));
  const polygonsOf = new Map<number, PolygonCoordinates[]>();
  // A county whose feature has bad coordinates is reported for those, not as missing too.
  const named = new Set<number>();

  input.features.forEach((feature, index) => {
    const path = `body.features.${index}`;
    const county = matchCounty(feature, byCode, byName);
    if (!county) {
      issues.push({
        path: `${path}.properties`,
        code: 'unmatched_feature',
        message: `Feature ${index} (${describeFeature(feature)}) matches no county by code or name`,
      });
      return;
    }
    named.add(county.code);
    const polygons = readPolygons(feature, `${path}.geometry.coordinates`, issues);
    if (polygons === null) return;
    if (polygons.length === 0) {
      issues.push({ path: `${path}.geometry`, code: 'empty_geometry', message: `Feature ${index} has no area` });
      return;
    }
    polygonsOf.set(county.code, [...(polygonsOf.get(county.code) ?? []), ...polygons]);
  });

  for (const county of counties) {
    if (!named.has(county.code)) {
      issues.push({
        path: 'body.features',
        code: 'missing_county',
        message: `No feature for ${county.name} (${county.code})`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues: capped(issues) };

  const features = counties.map((county) => {
    const polygons = polygonsOf.get(county.code) ?? [];
    const geometry =
      polygons.length === 1
        ? { type: 'Polygon' as const, coordinates: polygons[0] as unknown[] }
        : { type: 'MultiPolygon' as const, coordinates: polygons };
    return { type: 'Feature' as const, properties: { code: county.code, name: county.name }, geometry };
  });
  return { ok: true, collection: { type: 'FeatureCollection', features }, matched: counties.length };
}

/** Lower case without accents, spaces or punctuation: "Taita Taveta" finds "Taita-Taveta", "Muranga" "Murang'a". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function property(feature: Feature, name: string): unknown {
  const properties = feature.properties ?? {};
  const key = Object.keys(properties).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : properties[key];
}

function matchCounty(
  feature: Feature,
  byCode: ReadonlyMap<number, County>,
  byName: ReadonlyMap<string, County>,
): County | undefined {
  const code = property(feature, 'code');
  const numeric =
    typeof code === 'number' ? code : typeof code === 'string' && /^\s*\d{1,4}\s*$/.test(code) ? Number(code) : NaN;
  const byItsCode = Number.isInteger(numeric) ? byCode.get(numeric) : undefined;
  if (byItsCode) return byItsCode;
  const name = property(feature, 'name');
  return typeof name === 'string' ? byName.get(nameKey(name)) : undefined;
}

function describeFeature(feature: Feature): string {
  const name = property(feature, 'name');
  const code = property(feature, 'code');
  const parts = [
    typeof name === 'string' ? `name "${name.slice(0, 80)}"` : null,
    typeof code === 'number' || typeof code === 'string' ? `code ${String(code).slice(0, 20)}` : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(', ') : 'no name or code';
}

/** The feature's polygons, checked and rounded; null (with issues) when its coordinates are not GeoJSON. */
function readPolygons(feature: Feature, path: string, issues: Issue[]): PolygonCoordinates[] | null {
  const { type, coordinates } = feature.geometry;
  const raw = type === 'Polygon' ? [coordinates] : coordinates;
  const polygons: PolygonCoordinates[] = [];
  for (const [p, polygon] of raw.entries()) {
    const polygonPath = type === 'Polygon' ? path : `${path}.${p}`;
    if (!Array.isArray(polygon) || polygon.length === 0) {
      issues.push({ path: polygonPath, code: 'invalid_polygon', message: 'A polygon is a non-empty list of rings' });
      return null;
    }
    const rings: Ring[] = [];
    for (const [r, ring] of polygon.entries()) {
      const checked = readRing(ring, `${polygonPath}.${r}`, issues);
      if (checked === null) return null;
      // Rounding can shrink a sliver to nothing: a hole goes, an outer ring takes its polygon with it.
      if (checked.length < 4) {
        if (r === 0) break;
        continue;
      }
      rings.push(checked);
    }
    if (rings.length > 0) polygons.push(rings);
  }
  return polygons;
}

function readRing(ring: unknown, path: string, issues: Issue[]): Ring | null {
  if (!Array.isArray(ring) || ring.length < 4) {
    issues.push({ path, code: 'invalid_ring', message: 'A ring is a list of at least 4 positions' });
    return null;
  }
  const result: Ring = [];
  for (const [i, position] of ring.entries()) {
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      position.length > 3 ||
      !position.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      issues.push({ path: `${path}.${i}`, code: 'invalid_position', message: 'A position is [longitude, latitude]' });
      return null;
    }
    const [lon, lat] = position as number[] as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      issues.push({
        path: `${path}.${i}`,
        code: 'invalid_position',
        message: 'Positions must be longitude and latitude in degrees (WGS 84)',
      });
      return null;
    }
    const rounded: Position = [round(lon), round(lat)];
    const previous = result[result.length - 1];
    if (!previous || previous[0] !== rounded[0] || previous[1] !== rounded[1]) result.push(rounded);
  }
  const first = result[0];
  const last = result[result.length - 1];
  // An unclosed ring is closed rather than refused: the intent is plain.
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) result.push([first[0], first[1]]);
  return result;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function capped(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  return [
    ...issues.slice(0, MAX_ISSUES),
    { path: 'body', code: 'more_issues', message: `${issues.length - MAX_ISSUES} more issues not listed` },
  ];
}
