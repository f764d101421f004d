import { useId } from 'react';
import type { StatDimension, StatTable } from '@kinga/shared';
import { useLanguage } from '../../../i18n/i18n.tsx';
import type { Translate } from '../../../i18n/i18n.tsx';
import { StatCount } from './StatTableView.tsx';
import { groupedRows, singleRows, type StatBar, type StatRow } from './stat-layout.ts';
import { isFlagFamily, statKeyLabel } from './stat-labels.ts';

const BAR_HEIGHT = 16;
const SERIES_HEIGHT = 12;
/** Width of the hatched stub that stands for a suppressed count, in percent of the bar. */
const STUB_WIDTH = 4;
/** Series patterns, in series order, so series differ without colour too. */
const SERIES_PATTERNS = ['none', 'stripes', 'dots', 'cross'] as const;
type SeriesPattern = (typeof SERIES_PATTERNS)[number];
const patternOf = (index: number): SeriesPattern => SERIES_PATTERNS[index % SERIES_PATTERNS.length] ?? 'none';

/** A React id made safe for `url(#…)` references. */
export function useSvgId(): string {
  return `s${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/** The patterns one SVG uses: the hatching of suppressed cells and the series patterns. */
export function StatPatternDefs({ uid }: { uid: string }) {
  return (
    <defs>
      <pattern id={`${uid}-hatch`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="5" height="5" className="stat-hatch-ground" />
        <rect width="2" height="5" className="stat-hatch-line" />
      </pattern>
      <pattern id={`${uid}-stripes`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="2" height="6" className="stat-pattern-mark" />
      </pattern>
      <pattern id={`${uid}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
        <circle cx="2.5" cy="2.5" r="1.1" className="stat-pattern-mark" />
      </pattern>
      <pattern id={`${uid}-cross`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect x="2.5" width="1" height="6" className="stat-pattern-mark" />
        <rect y="2.5" width="6" height="1" className="stat-pattern-mark" />
      </pattern>
    </defs>
  );
}

/** One bar inside its SVG: the track, the amount (or a hatched stub when suppressed). */
function BarShapes({ uid, bar, series }: { uid: string; bar: StatBar; series: number | null }) {
  const pattern = series === null ? 'none' : patternOf(series);
  return (
    <>
      <rect x="0" y="0" width="100%" height="100%" className="chart-track" />
      {bar.count === null ? (
        <rect x="0" y="0" width={`${STUB_WIDTH}%`} height="100%" fill={`url(#${uid}-hatch)`} className="stat-stub" />
      ) : (
        <>
          <rect
            x="0"
            y="0"
            width={`${bar.width}%`}
            height="100%"
            className={series === null ? 'stat-bar' : `stat-bar stat-series-${series % SERIES_PATTERNS.length}`}
          />
          {pattern !== 'none' && bar.width > 0 && (
            <rect x="0" y="0" width={`${bar.width}%`} height="100%" fill={`url(#${uid}-${pattern})`} />
          )}
        </>
      )}
    </>
  );
}

/** The legend of a grouped chart: each series as its swatch and name. */
function SeriesLegend({
  dimension,
  series,
  label,
}: {
  dimension: StatDimension;
  series: (string | null)[];
  label: string;
}) {
  const { t } = useLanguage();
  const uid = useSvgId();
  return (
    <ul className="chart-legend" aria-label={label}>
      {series.map((s, i) => (
        <li key={s ?? '∅'}>
          <svg width="18" height="14" aria-hidden="true" focusable="false" className="chart-swatch">
            <StatPatternDefs uid={`${uid}-${i}`} />
            <BarShapes uid={`${uid}-${i}`} bar={{ key: s, count: 1, width: 100 }} series={i} />
          </svg>
          {statKeyLabel(t, dimension, s)}
        </li>
      ))}
    </ul>
  );
}

function rowLabel(t: Translate, dimension: StatDimension, row: StatRow): string {
  if (row.other) return t('analytics.chart.otherCount', { count: row.otherCount ?? 0 });
  return statKeyLabel(t, dimension, row.key);
}

/**
 * A horizontal bar chart of a statistics table: the label and count above each bar (so the
 * SVG is decoration and hidden from screen readers), suppressed cells as a hatched stub
 * with "< k". A two-dimension table draws one bar per series within each row, with a
 * legend, each series with its own pattern besides its colour. `limit` keeps the largest
 * categories and sums the rest as "Other" (one dimension only).
 */
export function StatBarChart({
  table,
  title,
  k,
  limit,
  order = 'key',
  seriesPosition = 1,
}: {
  table: StatTable;
  title: string;
  k: number;
  limit?: number;
  order?: 'key' | 'count';
  /** For two dimensions: which one the bars within a row stand for. */
  seriesPosition?: 0 | 1;
}) {
  const { t } = useLanguage();
  const uid = useSvgId();
  const [first, second] = table.dimensions;
  if (!first || table.cells.length === 0) return <p className="muted">{t('analytics.chart.noData')}</p>;

  if (!second) {
    // Records with no flag of a family would dwarf the flags themselves: they are written
    // under the chart instead of drawn (the table lists them too).
    const none = isFlagFamily(first) ? table.cells.find((c) => (c.keys[0] ?? null) === null) : undefined;
    const drawn = none ? { ...table, cells: table.cells.filter((c) => c !== none) } : table;
    const rows = singleRows(drawn, { limit, order });
    return (
      <div className="chart stat-chart">
        {rows.length === 0 && <p className="muted">{t('analytics.chart.noData')}</p>}
        <ul className="chart-rows" aria-label={title} hidden={rows.length === 0}>
          {rows.map((row, index) => {
            const bar = row.bars[0] ?? { key: null, count: 0, width: 0 };
            return (
              <li key={row.other ? 'other' : (row.key ?? '∅')} className="chart-row">
                <p className="chart-label">
                  <span className="chart-name">{rowLabel(t, first, row)}</span>
                  <span className="chart-value">
                    <StatCount count={bar.count} k={k} />
                  </span>
                </p>
                <svg width="100%" height={BAR_HEIGHT} aria-hidden="true" focusable="false" className="chart-bar">
                  <StatPatternDefs uid={`${uid}-${index}`} />
                  <BarShapes uid={`${uid}-${index}`} bar={bar} series={null} />
                </svg>
              </li>
            );
          })}
        </ul>
        {none && (
          <p className="chart-summary">
            {statKeyLabel(t, first, null)}: <StatCount count={none.count} k={k} />
          </p>
        )}
      </div>
    );
  }

  const rowDimension = seriesPosition === 0 ? second : first;
  const seriesDimension = seriesPosition === 0 ? first : second;
  const { series, rows } = groupedRows(table, seriesPosition);
  return (
    <div className="chart stat-chart">
      <SeriesLegend dimension={seriesDimension} series={series} label={t('analytics.chart.legend')} />
      <ul className="chart-rows" aria-label={title}>
        {rows.map((row, index) => (
          <li key={row.key ?? '∅'} className="chart-row">
            <p className="chart-label">
              <span className="chart-name">{rowLabel(t, rowDimension, row)}</span>
            </p>
            <ul className="stat-series">
              {row.bars.map((bar, i) => (
                <li key={bar.key ?? '∅'} className="stat-series-line">
                  <svg width="100%" height={SERIES_HEIGHT} aria-hidden="true" focusable="false" className="chart-bar">
                    <StatPatternDefs uid={`${uid}-${index}-${i}`} />
                    <BarShapes uid={`${uid}-${index}-${i}`} bar={bar} series={i} />
                  </svg>
                  <span className="chart-value">
                    <span className="visually-hidden">{statKeyLabel(t, seriesDimension, bar.key)}: </span>
                    <StatCount count={bar.count} k={k} />
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
