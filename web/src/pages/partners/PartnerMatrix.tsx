import { Link } from 'react-router';
import type { County } from '@kinga/shared/picklists';
import type { PartnerMatrixDto } from '@kinga/shared';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { countyNames } from './partner-format.ts';

type Cell = PartnerMatrixDto['rows'][number]['cells'][number];

function MatrixCell({ cell, counties }: { cell: Cell | undefined; counties: readonly County[] }) {
  const { t, locale } = useLanguage();
  if (!cell || (!cell.national && cell.countyCodes.length === 0)) {
    return (
      <td className="matrix-empty">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('partners.matrix.none')}</span>
      </td>
    );
  }
  return (
    <td>
      {cell.national ? (
        <strong>{t('partners.national')}</strong>
      ) : (
        <span>{countyNames(cell.countyCodes, counties, locale).join(', ')}</span>
      )}
      {cell.fromPlan && (
        <>
          {' '}
          <span className="badge badge-plan">{t('partners.matrix.planBadge')}</span>
        </>
      )}
    </td>
  );
}

/**
 * Who does what where: one row per agency, one column per activity area, each cell the
 * counties (or the whole country) where the agency works in that area.
 */
export function PartnerMatrix({
  matrix,
  counties,
  filtered,
}: {
  matrix: PartnerMatrixDto;
  counties: readonly County[];
  filtered: boolean;
}) {
  const { t } = useLanguage();
  const active = (c: Cell) => c.national || c.countyCodes.length > 0;
  const rows = matrix.rows.filter((r) => r.cells.some(active));
  // Areas where nobody works would be empty columns: left out, so the table fits a phone better.
  const areas = matrix.areas.filter((area) => rows.some((r) => r.cells.some((c) => c.area === area && active(c))));
  if (rows.length === 0) {
    return <p className="muted">{t(filtered ? 'partners.matrix.emptyFiltered' : 'partners.matrix.empty')}</p>;
  }
  return (
    <>
      <p className="hint">{t('partners.matrix.planHint')}</p>
      <div className="table-wrap" role="region" aria-labelledby="partners-matrix-caption" tabIndex={0}>
        <table className="matrix-table">
          <caption id="partners-matrix-caption">{t('partners.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partners.matrix.agency')}</th>
              {areas.map((area) => (
                <th scope="col" key={area}>
                  {vocabLabel(t, 'activityArea', area)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.agencyId}>
                <th scope="row">
                  <Link to={`/partners/${encodeURIComponent(row.agencyId)}`}>{row.agencyName}</Link>
                </th>
                {areas.map((area) => (
                  <MatrixCell key={area} cell={row.cells.find((c) => c.area === area)} counties={counties} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
