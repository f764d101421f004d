import { useId } from 'react';
import type { StatTable } from '@kinga/shared';
import { useT } from '../../../i18n/i18n.tsx';
import { CsvDownloadButton } from './CsvDownloadButton.tsx';
import { StatBarChart } from './StatBarChart.tsx';
import { StatColumnChart } from './StatColumnChart.tsx';
import { StatTableView } from './StatTableView.tsx';

/**
 * One published table as a titled section: the chart, the same figures as a table behind a
 * disclosure (the accessible and complete form: a chart with a limit shows only the largest
 * categories) and a CSV download.
 */
export function StatFigure({
  table,
  title,
  k,
  fileName,
  kind = 'bars',
  limit,
  order,
  seriesPosition,
  description,
}: {
  table: StatTable;
  title: string;
  k: number;
  fileName: string;
  kind?: 'bars' | 'columns';
  limit?: number;
  order?: 'key' | 'count';
  seriesPosition?: 0 | 1;
  description?: string;
}) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="stat-figure" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {description && <p className="muted">{description}</p>}
      {kind === 'columns' ? (
        <StatColumnChart table={table} title={title} />
      ) : (
        <StatBarChart table={table} title={title} k={k} limit={limit} order={order} seriesPosition={seriesPosition} />
      )}
      {table.cells.length > 0 && (
        <>
          <details className="disclosure chart-table">
            <summary>
              {t('analytics.chart.showTable')}
              <span className="visually-hidden">: {title}</span>
            </summary>
            <StatTableView
              table={table}
              caption={title}
              k={k}
              seriesPosition={seriesPosition}
              order={limit !== undefined ? 'count' : order}
            />
          </details>
          <p className="stat-figure-actions">
            <CsvDownloadButton table={table} fileName={fileName} label={title} />
          </p>
        </>
      )}
    </section>
  );
}
