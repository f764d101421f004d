import { geoArea, geoBounds, geoCentroid, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { ISO_NUMERIC, SMALL_STATE_POINTS } from './iso-numeric.ts';

// A small canvas, so that points and numbers stay legible when a phone scales the map down.
export const MAP_WIDTH = 480;
export const MAP_HEIGHT = 360;

type CountryProperties = { name: string };
export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;
type CountriesTopology = Topology<{ countries: GeometryCollection<CountryProperties> }>;

/** Atlas features without an ISO code of their own that belong, in ISO 3166, to a country. */
const PARTS_WITHOUT_CODE: Readonly<Record<string, readonly string[]>> = { SO: ['Somaliland'], CY: ['N. Cyprus'] };

/** One place of the route: the country and the number of its event in the timeline (from 1). */
export interface RouteStop {
  iso2: string;
  number: number;
}

export interface RouteDrawing {
  /** Country outlines in view; `onRoute` marks the route's countries. */
  countries: { key: string; d: string; onRoute: boolean }[];
  /** One path per leg between two different countries, in route order. */
  legs: string[];
  /** One point per country of the route, with the numbers of its events. */
  points: { iso2: string; x: number; y: number; numbers: number[] }[];
  /** Countries of the route the map has no place for. */
  missing: string[];
}

let worldCache: CountryFeature[] | null = null;

/** Every country outline of the atlas (Natural Earth, 1:110m), read once. */
export function worldCountries(): CountryFeature[] {
  if (!worldCache) {
    const topology = countries110m as unknown as CountriesTopology;
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<
      Polygon | MultiPolygon,
      CountryProperties
    >;
    worldCache = collection.features;
  }
  return worldCache;
}

/** The atlas features of a country (by ISO-2), with parts the atlas draws without a code. */
export function featuresOf(iso2: string): CountryFeature[] {
  const numeric = ISO_NUMERIC[iso2];
  const parts = PARTS_WITHOUT_CODE[iso2] ?? [];
  return worldCountries().filter(
    (f) => (numeric !== undefined && f.id === numeric) || (f.id === undefined && parts.includes(f.properties.name)),
  );
}

/** The largest polygon of a country: its centre and extent ignore far-off islands and territories. */
function mainlandOf(country: CountryFeature): Feature<Polygon> {
  const geometry = country.geometry;
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const coordinates of polygons) {
    const candidate: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
    const area = geoArea(candidate);
    if (area > bestArea) {
      best = candidate;
      bestArea = area;
    }
  }
  return best ?? { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: polygons[0] ?? [] } };
}

export interface Place {
  point: [number, number];
  bounds: [[number, number], [number, number]];
}

/** Where a country is drawn: the centre and extent of its mainland, or a point for a small state; null if unknown. */
export function placeOf(iso2: string): Place | null {
  const main = featuresOf(iso2).find((f) => f.id !== undefined);
  if (main) {
    const mainland = mainlandOf(main);
    return { point: geoCentroid(mainland), bounds: geoBounds(mainland) };
  }
  const point = SMALL_STATE_POINTS[iso2];
  if (!point) return null;
  return {
    point,
    bounds: [
      [point[0] - 1, point[1] - 1],
      [point[0] + 1, point[1] + 1],
    ],
  };
}

/** Points along the edges of a longitude/latitude box, so the projection fits its curved outline. */
function boxOutline(west: number, south: number, east: number, north: number): Position[] {
  const points: Position[] = [];
  const steps = 6;
  for (let i = 0; i <= steps; i++) {
    const lon = west + ((east - west) * i) / steps;
    const lat = south + ((north - south) * i) / steps;
    points.push([lon, south], [lon, north], [west, lat], [east, lat]);
  }
  return points;
}

/**
 * A projection onto the MAP_WIDTH × MAP_HEIGHT canvas that frames the places with some of their
 * surroundings (at least a region the size of East Africa), or the whole world when they span
 * more than half of it.
 */
export function frameProjection(found: readonly Place[]): GeoProjection {
  const projection = geoNaturalEarth1();
  const crossesAntimeridian = found.some((p) => p.bounds[0][0] > p.bounds[1][0]);
  const west = Math.min(...found.map((p) => p.bounds[0][0]));
  const east = Math.max(...found.map((p) => p.bounds[1][0]));
  const south = Math.min(...found.map((p) => p.bounds[0][1]));
  const north = Math.max(...found.map((p) => p.bounds[1][1]));
  const margin: [[number, number], [number, number]] = [
    [8, 8],
    [MAP_WIDTH - 8, MAP_HEIGHT - 8],
  ];
  if (found.length === 0 || crossesAntimeridian || east - west > 180) {
    projection.fitExtent(margin, { type: 'Sphere' });
  } else {
    const spanLon = Math.max(east - west, 24) * 1.3;
    const spanLat = Math.max(north - south, 16) * 1.3;
    const midLon = (west + east) / 2;
    const midLat = (south + north) / 2;
    const box = boxOutline(
      Math.max(-180, midLon - spanLon / 2),
      Math.max(-80, midLat - spanLat / 2),
      Math.min(180, midLon + spanLon / 2),
      Math.min(84, midLat + spanLat / 2),
    );
    projection.fitExtent(margin, { type: 'MultiPoint', coordinates: box });
  }
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, MAP_HEIGHT],
  ]);
  return projection;
}

/**
 * Draws a route on the world map, framed on the route's countries (see `frameProjection`).
 */
export function drawRoute(stops: readonly RouteStop[]): RouteDrawing {
  const places = new Map<string, Place | null>();
  for (const stop of stops) if (!places.has(stop.iso2)) places.set(stop.iso2, placeOf(stop.iso2));
  const found = [...places.values()].filter((p): p is Place => p !== null);
  const projection = frameProjection(found);
  const path = geoPath(projection);

  const onRoute = new Set(stops.flatMap((s) => featuresOf(s.iso2)));
  const countries = worldCountries().flatMap((f, i) => {
    const d = path(f);
    return d ? [{ key: `${String(f.id ?? f.properties.name)}-${i}`, d, onRoute: onRoute.has(f) }] : [];
  });

  const points: RouteDrawing['points'] = [];
  const legs: string[] = [];
  let previous: Place | null = null;
  let previousIso: string | null = null;
  for (const stop of stops) {
    const place = places.get(stop.iso2);
    if (!place) continue;
    const projected = projection(place.point);
    if (projected) {
      const existing = points.find((p) => p.iso2 === stop.iso2);
      if (existing) existing.numbers.push(stop.number);
      else points.push({ iso2: stop.iso2, x: projected[0], y: projected[1], numbers: [stop.number] });
    }
    if (previous && previousIso !== stop.iso2) {
      const d = path({ type: 'LineString', coordinates: [previous.point, place.point] });
      if (d) legs.push(d);
    }
    previous = place;
    previousIso = stop.iso2;
  }

  const missing = [...places.entries()].filter(([, place]) => place === null).map(([iso2]) => iso2);
  return { countries, legs, points, missing };
}
