import type { StatTable } from '@kinga/shared';
import { MULTI_VALUED_DIMENSIONS } from '@kinga/shared/picklists';
import { useLanguage } from '../../../i18n/i18n.tsx';
import { formatCount } from './format-count.ts';
import { groupedRows, orderedCells } from './stat-layout.ts';
import { statDimensionLabel, statKeyLabel } from './stat-labels.ts';

/** A count, or "< k" for a suppressed cell. */
export function StatCount({ count, k }: { count: number | null; k: number }) {
  const { t, locale } = useLanguage();
  if (count === null) {
    return (
      <span className="stat-suppressed-count">
        {t('analytics.chart.suppressed', { k })}
        <span className="visually-hidden"> {t('analytics.chart.suppressedHidden')}</span>
      </span>
    );
  }
  return <>{formatCount(locale, count)}</>;
}

/**
 * The figures of a statistics table as an accessible table: one column of counts for one
 * dimension, a cross-table for two (rows by `seriesPosition`'s other dimension). Suppressed
 * cells read "< k" and the note under the table explains why.
 */
export function StatTableView({
  table,
  caption,
  k,
  seriesPosition = 1,
  order = 'key',
}: {
  table: StatTable;
  caption: string;
  k: number;
  seriesPosition?: 0 | 1;
  /** One dimension: rows in key order, or largest first. */
  order?: 'key' | 'count';
}) {
  const { t, locale } = useLanguage();
  const suppressed = table.cells.some((c) => c.count === null);
  const multi = table.dimensions.some((d) => MULTI_VALUED_DIMENSIONS.includes(d));
  const [first, second] = table.dimensions;
  const rowDimension = seriesPosition === 0 && second ? second : first;
  const seriesDimension = seriesPosition === 0 ? first : second;

  return (
    <div className="stat-table">
      <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          {!second || !seriesDimension || !rowDimension ? (
            <>
              <thead>
                <tr>
                  <th scope="col">{first ? statDimensionLabel(t, first) : ''}</th>
                  <th scope="col" className="numeric">
                    {t('analytics.chart.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {orderedCells(table, order).map((cell) => {
                  const key = cell.keys[0] ?? null;
                  return (
                    <tr key={key ?? '∅'}>
                      <th scope="row">{first ? statKeyLabel(t, first, key) : ''}</th>
                      <td className="numeric">
                        <StatCount count={cell.count} k={k} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </>
          ) : (
            (() => {
              const { series, rows } = groupedRows(table, seriesPosition);
              return (
                <>
                  <thead>
                    <tr>
                      <th scope="col">{statDimensionLabel(t, rowDimension)}</th>
                      {series.map((s) => (
                        <th key={s ?? '∅'} scope="col" className="numeric">
                          {statKeyLabel(t, seriesDimension, s)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.key ?? '∅'}>
                        <th scope="row">{statKeyLabel(t, rowDimension, row.key)}</th>
                        {row.bars.map((bar) => (
                          <td key={bar.key ?? '∅'} className="numeric">
                            <StatCount count={bar.count} k={k} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </>
              );
            })()
          )}
        </table>
      </div>
      <p className="stat-table-notes muted">
        {table.total === null
          ? t('analytics.chart.totalSuppressed', { k })
          : t('analytics.chart.total', { count: formatCount(locale, table.total) })}
        {multi && <> {t('analytics.chart.multiValued')}</>}
        {suppressed && <> {t('analytics.chart.suppressedNote', { k })}</>}
      </p>
    </div>
  );
}
