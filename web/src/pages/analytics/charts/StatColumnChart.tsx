import type { StatTable } from '@kinga/shared';
import { useLanguage } from '../../../i18n/i18n.tsx';
import { StatPatternDefs, useSvgId } from './StatBarChart.tsx';
import { formatCount } from './format-count.ts';
import { periodColumns } from './stat-layout.ts';
import { statKeyLabel } from './stat-labels.ts';

const HEIGHT = 160;
/** Height of the hatched stub of a suppressed column, in percent of the plot. */
const STUB_HEIGHT = 6;

/**
 * A trend as columns over a one-dimension table by year or month, oldest first, periods
 * without records as empty slots (unknown periods left out: the table lists them). Sized in percent, so it fits any width; the
 * largest count and the first and last periods are written beside it in text.
 */
export function StatColumnChart({ table, title }: { table: StatTable; title: string }) {
  const { t, locale } = useLanguage();
  const uid = useSvgId();
  const dimension = table.dimensions[0];
  const cells = periodColumns(table);
  const firstKey = cells[0]?.key ?? null;
  const lastKey = cells.at(-1)?.key ?? null;
  if (!dimension || table.cells.length === 0) return <p className="muted">{t('analytics.chart.noData')}</p>;
  if (cells.length === 0) return <p className="muted">{t('analytics.chart.noPeriods')}</p>;
  const max = cells.reduce((m, c) => Math.max(m, c.count ?? 0), 0);
  const slot = 100 / cells.length;
  const gap = cells.length > 40 ? 0 : slot * 0.15;
  return (
    <figure className="chart stat-columns">
      <p className="stat-columns-max muted">{t('analytics.chart.max', { count: formatCount(locale, max) })}</p>
      <svg width="100%" height={HEIGHT} aria-hidden="true" focusable="false" className="stat-columns-plot">
        <StatPatternDefs uid={uid} />
        <rect x="0" y="0" width="100%" height="100%" className="chart-track" />
        {cells.map((cell, i) => {
          const x = `${Math.round((i * slot + gap / 2) * 100) / 100}%`;
          const width = `${Math.max(0.1, Math.round((slot - gap) * 100) / 100)}%`;
          if (cell.count === null) {
            return (
              <rect
                key={cell.key}
                x={x}
                y={`${100 - STUB_HEIGHT}%`}
                width={width}
                height={`${STUB_HEIGHT}%`}
                fill={`url(#${uid}-hatch)`}
                className="stat-stub"
              />
            );
          }
          const h = max > 0 ? Math.round((cell.count / max) * 10000) / 100 : 0;
          return <rect key={cell.key} x={x} y={`${100 - h}%`} width={width} height={`${h}%`} className="stat-bar" />;
        })}
      </svg>
      <figcaption className="stat-columns-axis">
        <span className="visually-hidden">{title}: </span>
        <span>{statKeyLabel(t, dimension, firstKey)}</span>
        {lastKey !== firstKey && <span>{statKeyLabel(t, dimension, lastKey)}</span>}
      </figcaption>
    </figure>
  );
}
