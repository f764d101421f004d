import { Component, Suspense, lazy, useId, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { County } from '@kinga/shared/picklists';
import type { PartnerMatrixDto } from '@kinga/shared';
import { useLanguage } from '../../i18n/i18n.tsx';
import { shadeClasses, shadeOf, type ShadeClass } from './partner-format.ts';

// The atlas and projection code load only when the map is shown (their own chunk).
const CountyMap = lazy(() => import('./CountyMap.tsx').then((m) => ({ default: m.CountyMap })));

/** Shows `fallback` instead of the map when its chunk cannot load (a dropped connection). */
class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Swatch({ shade }: { shade: number }) {
  return (
    <svg className="county-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="14" height="14" className={`county-shade county-shade-${shade}`} />
    </svg>
  );
}

/** The legend: which shade stands for how many partners. */
function Legend({ classes }: { classes: readonly ShadeClass[] }) {
  const { t } = useLanguage();
  return (
    <div className="county-legend">
      <p className="county-legend-title">{t('partners.map.legend')}</p>
      <ul>
        {classes.map((c) => (
          <li key={c.from}>
            <Swatch shade={c.shade} />
            {c.from === c.to
              ? t('partners.map.classOne', { count: c.from })
              : t('partners.map.classRange', { from: c.from, to: c.to })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Active partners per county: a shaded map (its own chunk) with a legend, and the same
 * numbers as a table whose links open the matrix for one county.
 */
export function CountyPartners({
  matrix,
  counties,
  iso2,
  areaLabel,
  boundariesVersion,
  matrixLink,
}: {
  matrix: PartnerMatrixDto;
  counties: readonly County[];
  iso2: string;
  areaLabel: string | null;
  boundariesVersion: number;
  /** The address of the matrix filtered to one county. */
  matrixLink: (countyCode: number) => string;
}) {
  const { t, locale } = useLanguage();
  const navigate = useNavigate();
  const tableId = useId();
  const partners = new Map(matrix.countyPartners.map((c) => [c.countyCode, c.partners]));
  const classes = shadeClasses(counties.map((c) => partners.get(c.code) ?? 0));
  const sorted = [...counties].sort((a, b) => a.name.localeCompare(b.name, locale));

  return (
    <div className="county-partners">
      <div className="county-map-column">
        <MapBoundary fallback={<p className="muted">{t('partners.map.failed')}</p>}>
          <Suspense fallback={<p className="county-map-loading">{t('partners.map.loading')}</p>}>
            <CountyMap
              counties={counties}
              partners={partners}
              classes={classes}
              iso2={iso2}
              describedBy={tableId}
              boundariesVersion={boundariesVersion}
              onSelect={(code) => void navigate(matrixLink(code))}
            />
          </Suspense>
        </MapBoundary>
        <Legend classes={classes} />
      </div>
      <div className="table-wrap county-table-wrap" role="region" aria-labelledby={`${tableId}-caption`} tabIndex={0}>
        <table id={tableId} className="county-table">
          <caption id={`${tableId}-caption`}>
            {areaLabel ? t('partners.map.tableCaptionArea', { area: areaLabel }) : t('partners.map.tableCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('partners.map.county')}</th>
              <th scope="col" className="numeric">
                {t('partners.map.partners')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => {
              const count = partners.get(c.code) ?? 0;
              return (
                <tr key={c.code}>
                  <th scope="row">
                    <Swatch shade={shadeOf(classes, count)} />
                    <Link to={matrixLink(c.code)} aria-label={t('partners.map.countyLink', { county: c.name, count })}>
                      {c.name}
                    </Link>
                  </th>
                  <td className="numeric">{count}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
