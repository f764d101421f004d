import { geoArea, geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import type { County } from '@kinga/shared/picklists';
import { ISO_NUMERIC } from '../cases/iso-numeric.ts';

/** Width of the drawing; the height follows the country's shape. */
export const COUNTY_MAP_WIDTH = 400;
const MARGIN = 8;

type CountyFeature = Feature<Geometry, { code: number; name: string }>;
type AtlasFeature = Feature<Polygon | MultiPolygon, { name: string }>;
type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

export interface CountyDrawing {
  width: number;
  height: number;
  /** `boundaries`: uploaded county polygons; `centres`: the country outline with one point per county. */
  mode: 'boundaries' | 'centres';
  /** The country's outline and its neighbours (centres mode only). */
  outline: string | null;
  neighbours: string[];
  shapes: { code: number; d: string }[];
  points: { code: number; x: number; y: number }[];
  /** Where each placed county is on the drawing (its centre, else its polygon's centroid): ends of flow arcs. */
  anchors: { code: number; x: number; y: number }[];
  /** Counties that could not be placed: no polygon, or no centre. */
  missing: number[];
}

let atlasCache: AtlasFeature[] | null = null;

function atlasCountries(): AtlasFeature[] {
  if (!atlasCache) {
    const topology = countries110m as unknown as CountriesTopology;
    atlasCache = (
      feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>
    ).features;
  }
  return atlasCache;
}

/**
 * d3-geo reads a ring's winding as which side is inside; GeoJSON (RFC 7946) winds the other
 * way round. A polygon that came out larger than a hemisphere was read inside out, so its
 * rings are reversed.
 */
export function rewindPolygon(coordinates: Position[][]): Position[][] {
  const polygon: Polygon = { type: 'Polygon', coordinates };
  return geoArea(polygon) > 2 * Math.PI ? coordinates.map((ring) => [...ring].reverse()) : coordinates;
}

function rewind(geometry: Geometry): Polygon | MultiPolygon | null {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: rewindPolygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rewindPolygon) };
  }
  return null;
}

/** Fits the projection to `object` across the width and answers the height it then needs. */
function fit(projection: GeoProjection, object: GeoPermissibleObjects): number {
  projection.fitWidth(COUNTY_MAP_WIDTH - 2 * MARGIN, object);
  const [[, top], [, bottom]] = geoPath(projection).bounds(object);
  const height = Math.ceil(bottom - top) + 2 * MARGIN;
  projection.fitExtent(
    [
      [MARGIN, MARGIN],
      [COUNTY_MAP_WIDTH - MARGIN, height - MARGIN],
    ],
    object,
  );
  return height;
}

/** The county map from uploaded boundaries: one polygon per county, matched by `properties.code`. */
function drawBoundaries(counties: readonly County[], features: readonly CountyFeature[]): CountyDrawing | null {
  const known = new Set(counties.map((c) => c.code));
  const placed: { code: number; geometry: Polygon | MultiPolygon }[] = [];
  for (const f of features) {
    const code = Number(f.properties?.code);
    const geometry = f.geometry ? rewind(f.geometry) : null;
    if (known.has(code) && geometry) placed.push({ code, geometry });
  }
  if (placed.length === 0) return null;
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: placed.map((p) => ({ type: 'Feature', properties: {}, geometry: p.geometry })),
  };
  const projection = geoMercator();
  const height = fit(projection, collection);
  const path = geoPath(projection);
  const shapes = placed.flatMap((p) => {
    const d = path(p.geometry);
    return d ? [{ code: p.code, d }] : [];
  });
  const drawn = new Set(shapes.map((s) => s.code));
  const centreOf = new Map(counties.map((c) => [c.code, c.centre]));
  const anchors = placed.flatMap((p) => {
    const centre = centreOf.get(p.code);
    const xy = centre ? projection([centre.lon, centre.lat]) : path.centroid(p.geometry);
    return xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? [{ code: p.code, x: xy[0], y: xy[1] }] : [];
  });
  return {
    width: COUNTY_MAP_WIDTH,
    height,
    mode: 'boundaries',
    outline: null,
    neighbours: [],
    shapes,
    points: [],
    anchors,
    missing: counties.filter((c) => !drawn.has(c.code)).map((c) => c.code),
  };
}

/** The country's outline (Natural Earth, 1:110m) with one point per county at its centre. */
function drawCentres(counties: readonly County[], iso2: string): CountyDrawing {
  const numeric = ISO_NUMERIC[iso2];
  const country = atlasCountries().find((f) => numeric !== undefined && f.id === numeric) ?? null;
  const centres = counties.flatMap((c) => (c.centre ? [{ code: c.code, at: [c.centre.lon, c.centre.lat] }] : []));
  const projection = geoMercator();
  const frame: GeoPermissibleObjects = country ?? { type: 'MultiPoint', coordinates: centres.map((c) => c.at) };
  const height = centres.length === 0 && !country ? 2 * MARGIN : fit(projection, frame);
  projection.clipExtent([
    [0, 0],
    [COUNTY_MAP_WIDTH, height],
  ]);
  const path = geoPath(projection);
  const neighbours = country
    ? atlasCountries().flatMap((f) => {
        if (f === country) return [];
        const d = path(f);
        return d ? [d] : [];
      })
    : [];
  const points = centres.flatMap((c) => {
    const xy = projection(c.at as [number, number]);
    return xy ? [{ code: c.code, x: xy[0], y: xy[1] }] : [];
  });
  const drawn = new Set(points.map((p) => p.code));
  return {
    width: COUNTY_MAP_WIDTH,
    height,
    mode: 'centres',
    outline: country ? path(country) : null,
    neighbours,
    shapes: [],
    points,
    anchors: points,
    missing: counties.filter((c) => !drawn.has(c.code)).map((c) => c.code),
  };
}

/**
 * Draws the counties: their uploaded boundaries when there are any that match the country's
 * counties, otherwise the country's outline with a point at each county's centre.
 */
export function drawCountyMap(
  counties: readonly County[],
  boundaries: FeatureCollection | null,
  iso2: string,
): CountyDrawing {
  const features = (boundaries?.features ?? []) as CountyFeature[];
  return (features.length > 0 ? drawBoundaries(counties, features) : null) ?? drawCentres(counties, iso2);
}
