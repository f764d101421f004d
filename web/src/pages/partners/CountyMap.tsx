import { useId, useMemo } from 'react';
import type { County } from '@kinga/shared/picklists';
import { getCountyBoundaries } from '../../api/coordination.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { drawCountyMap } from './county-map-geometry.ts';
import { shadeOf, type ShadeClass } from './partner-format.ts';

/**
 * The county map, shaded by the number of active partners: the uploaded county boundaries,
 * or else the country's outline with a circle at each county's centre. Loaded on its own
 * (React.lazy) because the atlas and projection code are most of its weight. The county table
 * beside it, named by `describedBy`, is its text alternative and the way in by keyboard;
 * a click on a county here does what that county's link in the table does.
 */
export function CountyMap({
  counties,
  partners,
  classes,
  iso2,
  describedBy,
  onSelect,
  boundariesVersion,
}: {
  counties: readonly County[];
  partners: ReadonlyMap<number, number>;
  classes: readonly ShadeClass[];
  iso2: string;
  describedBy: string;
  onSelect: (code: number) => void;
  /** Changes after an upload, so the new boundaries are read. */
  boundariesVersion: number;
}) {
  const { t } = useLanguage();
  const titleId = useId();
  const boundaries = useLoad(`boundaries-${boundariesVersion}`, () => getCountyBoundaries().catch(() => null));
  const drawing = useMemo(
    () => (boundaries.loading ? null : drawCountyMap(counties, boundaries.data, iso2)),
    [boundaries.loading, boundaries.data, counties, iso2],
  );
  if (!drawing) return <p className="county-map-loading">{t('partners.map.loading')}</p>;

  const names = new Map(counties.map((c) => [c.code, c.name]));
  const label = (code: number) =>
    t('partners.map.countyLabel', { county: names.get(code) ?? String(code), count: partners.get(code) ?? 0 });
  const shadeClass = (code: number) => `county-shade county-shade-${shadeOf(classes, partners.get(code) ?? 0)}`;

  return (
    <figure className="county-map">
      <svg
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        focusable="false"
      >
        <title id={titleId}>{t('partners.map.title')}</title>
        <rect x="0" y="0" width={drawing.width} height={drawing.height} className="county-map-sea" />
        {drawing.neighbours.map((d, i) => (
          <path key={i} d={d} className="county-map-neighbour" />
        ))}
        {drawing.outline && <path d={drawing.outline} className="county-map-outline" />}
        {drawing.shapes.map((s) => (
          <path key={s.code} d={s.d} className={shadeClass(s.code)} onClick={() => onSelect(s.code)}>
            <title>{label(s.code)}</title>
          </path>
        ))}
        {drawing.points.map((p) => (
          <circle
            key={p.code}
            cx={p.x.toFixed(1)}
            cy={p.y.toFixed(1)}
            r="7"
            className={shadeClass(p.code)}
            onClick={() => onSelect(p.code)}
          >
            <title>{label(p.code)}</title>
          </circle>
        ))}
      </svg>
      <figcaption>
        {drawing.mode === 'centres' && <span className="block">{t('partners.map.approximate')}</span>}
        {drawing.missing.length > 0 && (
          <span className="block muted">
            {t('partners.map.notOnMap', {
              counties: drawing.missing.map((code) => names.get(code) ?? String(code)).join(', '),
            })}
          </span>
        )}
        <span className="block muted">
          {t(drawing.mode === 'centres' ? 'partners.map.creditCentres' : 'partners.map.creditBoundaries')}
        </span>
      </figcaption>
    </figure>
  );
}
