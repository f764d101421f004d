import { useId, useMemo } from 'react';
import { useLanguage } from '../../i18n/i18n.tsx';
import { countryName } from '../../i18n/vocab.ts';
import { MAP_HEIGHT, MAP_WIDTH, drawRoute, type RouteStop } from './route-map-geometry.ts';

/**
 * A small map of a victim's route: country outlines, the route's countries marked, legs as
 * arrows in order and numbered points (the numbers of the timeline's events). Loaded on its own
 * (React.lazy) because the atlas and projection code are most of its weight; the timeline it
 * points to with aria-describedby is its text alternative.
 */
export function RouteMap({ stops, describedBy }: { stops: readonly RouteStop[]; describedBy: string }) {
  const { t, language } = useLanguage();
  const id = useId();
  const arrowId = `${id}-arrow`;
  const titleId = `${id}-title`;
  const stopsKey = JSON.stringify(stops);
  // Keyed on the stops' content so a reload of the same case does not re-project the world.
  const drawing = useMemo(() => drawRoute(JSON.parse(stopsKey) as RouteStop[]), [stopsKey]);

  const names = stops.map((s) => `${s.number}. ${countryName(language, s.iso2)}`);
  const title = t('cases.route.mapTitle', { places: names.join(', ') });

  return (
    <figure className="route-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        focusable="false"
      >
        <title id={titleId}>{title}</title>
        <defs>
          <marker
            id={arrowId}
            viewBox="0 -6 12 12"
            refX="25"
            refY="0"
            markerWidth="12"
            markerHeight="12"
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <path d="M0,-6L12,0L0,6Z" className="route-map-arrow" />
          </marker>
        </defs>
        <rect x="0" y="0" width={MAP_WIDTH} height={MAP_HEIGHT} className="route-map-sea" />
        <g>
          {drawing.countries.map((c) => (
            <path key={c.key} d={c.d} className={c.onRoute ? 'route-map-land route-map-on-route' : 'route-map-land'} />
          ))}
        </g>
        <g>
          {drawing.legs.map((d, i) => (
            <path key={i} d={d} className="route-map-leg" fill="none" markerEnd={`url(#${arrowId})`} />
          ))}
        </g>
        <g>
          {drawing.points.map((p) => {
            const label = p.numbers.join(',');
            return (
              <g key={p.iso2} transform={`translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`}>
                <circle r={11 + 3.5 * (label.length - 1)} className="route-map-point" />
                <text className="route-map-number" textAnchor="middle" dominantBaseline="central">
                  {label}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        {names.length > 0 && <span className="block">{names.join(' → ')}</span>}
        {drawing.missing.length > 0 && (
          <span className="block muted">
            {t('cases.route.notOnMap', {
              countries: drawing.missing.map((iso2) => countryName(language, iso2)).join(', '),
            })}
          </span>
        )}
        <span className="block muted">{t('cases.route.mapCredit')}</span>
      </figcaption>
    </figure>
  );
}
