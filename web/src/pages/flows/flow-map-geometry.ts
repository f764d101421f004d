import { geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import type { County } from '@kinga/shared/picklists';
import {
  MAP_HEIGHT,
  MAP_WIDTH,
  featuresOf,
  frameProjection,
  placeOf,
  worldCountries,
  type CountryFeature,
  type Place,
} from '../cases/route-map-geometry.ts';
import { drawCountyMap, type CountyDrawing } from '../partners/county-map-geometry.ts';

export { MAP_HEIGHT, MAP_WIDTH };

/** One flow between two places: ISO-2 codes on the world map, county codes on the county map. */
export interface FlowLink<K> {
  from: K;
  to: K;
  value: number;
}

export interface FlowArc<K> extends FlowLink<K> {
  /** A curve from one place to the other, bent to its left so opposite flows do not overlap. */
  d: string;
  /** Stroke width, by the square root of the count (area-like). */
  width: number;
}

/** Arcs drawn at most: beyond, the map turns into a tangle; the table lists every flow. */
export const MAX_ARCS = 60;

export interface WorldFlowDrawing {
  countries: { key: string; d: string; value: number | null }[];
  arcs: FlowArc<string>[];
  /** Drawable flows left out beyond MAX_ARCS (the smallest). */
  omitted: number;
  points: { iso2: string; x: number; y: number }[];
  /** Countries of the flows the map has no place for. */
  missing: string[];
}

export interface CountyFlowDrawing extends CountyDrawing {
  arcs: FlowArc<number>[];
  omitted: number;
}

const MIN_ARC = 1.5;
const MAX_ARC = 7;

/** A quadratic curve from (x0, y0) to (x1, y1), its control point set off to the left of the chord. */
export function arcPath(x0: number, y0: number, x1: number, y1: number, bend = 0.2): string {
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const cx = mx + dy * bend;
  const cy = my - dx * bend;
  return `M${x0.toFixed(1)},${y0.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${x1.toFixed(1)},${y1.toFixed(1)}`;
}

/** Arc widths by the square root of the count, the largest flow MAX_ARC wide. */
function arcWidth(value: number, max: number): number {
  return max > 0 ? MIN_ARC + (MAX_ARC - MIN_ARC) * Math.sqrt(value / max) : MIN_ARC;
}

/**
 * Arcs between placed points: the MAX_ARCS largest, largest drawn first so small ones stay
 * visible on top; `omitted` counts the drawable ones left out.
 */
function arcsBetween<K>(
  links: readonly FlowLink<K>[],
  at: (key: K) => { x: number; y: number } | undefined,
): { arcs: FlowArc<K>[]; omitted: number } {
  const drawable = links
    .filter((l) => l.from !== l.to && l.value > 0 && at(l.from) && at(l.to))
    .sort((x, y) => y.value - x.value);
  const max = drawable[0]?.value ?? 0;
  const arcs = drawable.slice(0, MAX_ARCS).flatMap((l) => {
    const a = at(l.from);
    const b = at(l.to);
    return a && b ? [{ ...l, d: arcPath(a.x, a.y, b.x, b.y), width: arcWidth(l.value, max) }] : [];
  });
  return { arcs, omitted: drawable.length - arcs.length };
}

/**
 * The world flow map: countries shaded by the victims exploited there (`exploited`), arcs from
 * origin (or citizenship) to the country of exploitation, framed on the countries involved.
 */
export function drawWorldFlows(
  links: readonly FlowLink<string>[],
  exploited: ReadonlyMap<string, number>,
): WorldFlowDrawing {
  const codes = new Set<string>([...links.flatMap((l) => [l.from, l.to]), ...exploited.keys()]);
  const places = new Map<string, Place | null>([...codes].map((iso2) => [iso2, placeOf(iso2)]));
  const found = [...places.values()].filter((p): p is Place => p !== null);
  const projection = frameProjection(found);
  const path = geoPath(projection);

  const valueOf = new Map<CountryFeature, number>();
  for (const [iso2, value] of exploited) for (const f of featuresOf(iso2)) valueOf.set(f, value);
  const countries = worldCountries().flatMap((f, i) => {
    const d = path(f);
    return d ? [{ key: `${String(f.id ?? f.properties.name)}-${i}`, d, value: valueOf.get(f) ?? null }] : [];
  });

  const points: WorldFlowDrawing['points'] = [];
  for (const [iso2, place] of places) {
    const xy = place ? projection(place.point) : null;
    if (xy) points.push({ iso2, x: xy[0], y: xy[1] });
  }
  const pointOf = new Map(points.map((p) => [p.iso2, p]));
  const { arcs, omitted } = arcsBetween(links, (iso2) => pointOf.get(iso2));
  const ends = new Set(arcs.flatMap((a) => [a.from, a.to]));
  return {
    countries,
    arcs,
    omitted,
    points: points.filter((p) => ends.has(p.iso2)),
    missing: [...places.entries()].filter(([, place]) => place === null).map(([iso2]) => iso2),
  };
}

/** The county flow map: the county map (boundaries or centres) with arcs between counties. */
export function drawCountyFlows(
  counties: readonly County[],
  boundaries: FeatureCollection | null,
  iso2: string,
  links: readonly FlowLink<number>[],
): CountyFlowDrawing {
  const drawing = drawCountyMap(counties, boundaries, iso2);
  const anchorOf = new Map(drawing.anchors.map((a) => [a.code, a]));
  return { ...drawing, ...arcsBetween(links, (code) => anchorOf.get(code)) };
}
