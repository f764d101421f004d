import { useId, useMemo } from 'react';
import type { County } from '@kinga/shared/picklists';
import { getCountyBoundaries } from '../../api/coordination.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { countryName } from '../../i18n/vocab.ts';
import { formatCount } from '../analytics/charts/format-count.ts';
import { shadeOf, type ShadeClass } from '../partners/partner-format.ts';
import { MAP_HEIGHT, MAP_WIDTH, drawCountyFlows, drawWorldFlows, type FlowLink } from './flow-map-geometry.ts';

/*
 * The flow maps, loaded on their own (React.lazy) with the case route map's and the partner
 * county map's geometry: the atlas and the projection code are most of their weight.
 */

function ArrowMarker({ id }: { id: string }) {
  return (
    // Sized in stroke widths, so a wide arc keeps a visible head.
    <marker
      id={id}
      viewBox="0 -5 10 10"
      refX="6"
      refY="0"
      markerWidth="2.6"
      markerHeight="2.6"
      markerUnits="strokeWidth"
      orient="auto"
    >
      <path d="M0,-5L10,0L0,5Z" className="flow-arrow" />
    </marker>
  );
}

/** Countries shaded by victims exploited there, arcs from origin or citizenship to exploitation. */
export function WorldFlowMap({
  links,
  exploited,
  classes,
  describedBy,
}: {
  links: readonly FlowLink<string>[];
  exploited: ReadonlyMap<string, number>;
  classes: readonly ShadeClass[];
  describedBy: string;
}) {
  const { t, language, locale } = useLanguage();
  const id = useId();
  const titleId = `${id}-title`;
  const arrowId = `${id}-arrow`;
  const key = JSON.stringify([links, [...exploited]]);
  // Keyed on content: a reload of the same figures does not re-project the world.
  const drawing = useMemo(() => {
    const [l, e] = JSON.parse(key) as [FlowLink<string>[], [string, number][]];
    return drawWorldFlows(l, new Map(e));
  }, [key]);
  const name = (iso2: string) => countryName(language, iso2);

  return (
    <figure className="flow-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        focusable="false"
      >
        <title id={titleId}>{t('flows.world.svgTitle')}</title>
        <defs>
          <ArrowMarker id={arrowId} />
        </defs>
        <rect x="0" y="0" width={MAP_WIDTH} height={MAP_HEIGHT} className="flow-map-sea" />
        <g>
          {drawing.countries.map((c) => (
            <path
              key={c.key}
              d={c.d}
              className={c.value === null ? 'flow-map-land' : `flow-map-land flow-shade-${shadeOf(classes, c.value)}`}
            />
          ))}
        </g>
        <g>
          {drawing.arcs.map((arc) => (
            <path
              key={`${arc.from}-${arc.to}`}
              d={arc.d}
              fill="none"
              strokeWidth={arc.width.toFixed(1)}
              className="flow-arc"
              markerEnd={`url(#${arrowId})`}
            >
              <title>
                {t('flows.linkTitle', {
                  from: name(arc.from),
                  to: name(arc.to),
                  count: formatCount(locale, arc.value),
                })}
              </title>
            </path>
          ))}
        </g>
        <g>
          {drawing.points.map((p) => (
            <circle key={p.iso2} cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r="3" className="flow-map-point">
              <title>{name(p.iso2)}</title>
            </circle>
          ))}
        </g>
      </svg>
      <figcaption>
        {drawing.arcs.length === 0 && <span className="block">{t('flows.world.noArcs')}</span>}
        {drawing.omitted > 0 && (
          <span className="block">
            {t('flows.map.omitted', { count: drawing.arcs.length, omitted: drawing.omitted })}
          </span>
        )}
        {drawing.missing.length > 0 && (
          <span className="block muted">
            {t('flows.world.notOnMap', { countries: drawing.missing.map(name).join(', ') })}
          </span>
        )}
        <span className="block muted">{t('flows.world.credit')}</span>
      </figcaption>
    </figure>
  );
}

/** Counties shaded by victims exploited there, arcs from county of origin to county of exploitation. */
export function CountyFlowMap({
  counties,
  iso2,
  links,
  exploited,
  classes,
  describedBy,
}: {
  counties: readonly County[];
  iso2: string;
  links: readonly FlowLink<number>[];
  exploited: ReadonlyMap<number, number>;
  classes: readonly ShadeClass[];
  describedBy: string;
}) {
  const { t, locale } = useLanguage();
  const id = useId();
  const titleId = `${id}-title`;
  const arrowId = `${id}-arrow`;
  const boundaries = useLoad('flow-county-boundaries', () => getCountyBoundaries().catch(() => null));
  const linksKey = JSON.stringify(links);
  const drawing = useMemo(
    () =>
      boundaries.loading
        ? null
        : drawCountyFlows(counties, boundaries.data, iso2, JSON.parse(linksKey) as FlowLink<number>[]),
    [boundaries.loading, boundaries.data, counties, iso2, linksKey],
  );
  if (!drawing) return <p className="flow-map-loading">{t('flows.map.loading')}</p>;

  const names = new Map(counties.map((c) => [c.code, c.name]));
  const nameOf = (code: number) => names.get(code) ?? String(code);
  const shadeClass = (code: number) => {
    const value = exploited.get(code);
    return value === undefined ? 'flow-county' : `flow-county flow-shade-${shadeOf(classes, value)}`;
  };
  const countyTitle = (code: number) =>
    t('flows.nodeTitle', { place: nameOf(code), count: formatCount(locale, exploited.get(code) ?? 0) });
  // The three counties where most victims were exploited are named on the map.
  const named = [...exploited.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([code]) => code);
  const anchorOf = new Map(drawing.anchors.map((a) => [a.code, a]));

  return (
    <figure className="flow-map flow-county-map">
      <svg
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        focusable="false"
      >
        <title id={titleId}>{t('flows.county.svgTitle')}</title>
        <defs>
          <ArrowMarker id={arrowId} />
        </defs>
        <rect x="0" y="0" width={drawing.width} height={drawing.height} className="flow-map-sea" />
        {drawing.neighbours.map((d, i) => (
          <path key={i} d={d} className="county-map-neighbour" />
        ))}
        {drawing.outline && <path d={drawing.outline} className="county-map-outline" />}
        {drawing.shapes.map((s) => (
          <path key={s.code} d={s.d} className={shadeClass(s.code)}>
            <title>{countyTitle(s.code)}</title>
          </path>
        ))}
        <g>
          {drawing.arcs.map((arc) => (
            <path
              key={`${arc.from}-${arc.to}`}
              d={arc.d}
              fill="none"
              strokeWidth={arc.width.toFixed(1)}
              className="flow-arc"
              markerEnd={`url(#${arrowId})`}
            >
              <title>
                {t('flows.linkTitle', {
                  from: nameOf(arc.from),
                  to: nameOf(arc.to),
                  count: formatCount(locale, arc.value),
                })}
              </title>
            </path>
          ))}
        </g>
        {drawing.points.map((p) => (
          <circle key={p.code} cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r="6" className={shadeClass(p.code)}>
            <title>{countyTitle(p.code)}</title>
          </circle>
        ))}
        <g>
          {named.map((code) => {
            const at = anchorOf.get(code);
            return at ? (
              <text key={code} x={(at.x + 9).toFixed(1)} y={at.y.toFixed(1)} className="flow-map-label">
                {nameOf(code)}
              </text>
            ) : null;
          })}
        </g>
      </svg>
      <figcaption>
        {drawing.arcs.length === 0 && <span className="block">{t('flows.county.noArcs')}</span>}
        {drawing.omitted > 0 && (
          <span className="block">
            {t('flows.map.omitted', { count: drawing.arcs.length, omitted: drawing.omitted })}
          </span>
        )}
        {drawing.mode === 'centres' && <span className="block">{t('flows.county.approximate')}</span>}
        {drawing.missing.length > 0 && drawing.mode === 'boundaries' && (
          <span className="block muted">
            {t('flows.county.notOnMap', { counties: drawing.missing.map(nameOf).join(', ') })}
          </span>
        )}
        <span className="block muted">
          {t(drawing.mode === 'centres' ? 'flows.county.creditCentres' : 'flows.county.creditBoundaries')}
        </span>
      </figcaption>
    </figure>
  );
}
