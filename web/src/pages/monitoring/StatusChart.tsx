import { useId } from 'react';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { STATUS_ORDER, countFits, stackSegments, type StatusKey } from './chart-layout.ts';

export interface StatusRow {
  key: string;
  label: string;
  activities: number;
  statuses: Partial<Record<string, number>>;
}

const BAR_HEIGHT = 28;
/** Statuses drawn with a pattern over their colour, so they differ without colour too. */
const PATTERNS: Partial<Record<StatusKey, 'stripes' | 'dots'>> = { delayed: 'stripes', unreported: 'dots' };

/** The patterns one SVG uses; ids are unique per SVG because React ids are. */
function PatternDefs({ uid }: { uid: string }) {
  return (
    <defs>
      <pattern id={`${uid}-stripes`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="2.5" height="6" className="chart-pattern-stripes" />
      </pattern>
      <pattern id={`${uid}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <circle cx="3" cy="3" r="1.2" className="chart-pattern-dots" />
      </pattern>
    </defs>
  );
}

/** One status's fill (and pattern) over a rectangle given in percent of its SVG. */
function StatusFill({ uid, status, x, width }: { uid: string; status: StatusKey; x: string; width: string }) {
  const pattern = PATTERNS[status];
  return (
    <>
      <rect x={x} y="0" width={width} height="100%" className={`chart-status chart-status-${status}`} />
      {pattern && <rect x={x} y="0" width={width} height="100%" fill={`url(#${uid}-${pattern})`} />}
    </>
  );
}

/** A React id made safe for `url(#…)` references. */
function useSvgId(): string {
  return `c${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/** The legend: every status as its swatch and its name, in the bars' order. */
export function StatusLegend() {
  const { t } = useLanguage();
  const uid = useSvgId();
  return (
    <ul className="chart-legend" aria-label={t('monitoring.chart.legend')}>
      {STATUS_ORDER.map((status) => (
        <li key={status}>
          <svg width="18" height="14" aria-hidden="true" focusable="false" className="chart-swatch">
            <PatternDefs uid={`${uid}-${status}`} />
            <StatusFill uid={`${uid}-${status}`} status={status} x="0" width="100%" />
          </svg>
          {vocabLabel(t, 'activityProgress', status)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Activities by status as one stacked horizontal bar per row (pillar or agency), its label
 * above it, the counts in the segments where they fit and in words under the bar. The SVG
 * repeats the words, so it is hidden from screen readers; a table gives the same figures.
 */
export function StatusChart({ rows, rowHeader, caption }: { rows: StatusRow[]; rowHeader: string; caption: string }) {
  const { t } = useLanguage();
  const uid = useSvgId();
  const label = (status: StatusKey) => vocabLabel(t, 'activityProgress', status);

  if (rows.length === 0) return <p className="muted">{t('monitoring.chart.noActivities')}</p>;
  return (
    <div className="chart">
      <StatusLegend />
      <ul className="chart-rows">
        {rows.map((row, index) => {
          const segments = stackSegments(row.statuses);
          const rowUid = `${uid}-${index}`;
          return (
            <li key={row.key} className="chart-row">
              <p className="chart-label">
                <span className="chart-name">{row.label}</span>
                <span className="chart-value">{t('monitoring.chart.activities', { count: row.activities })}</span>
              </p>
              <svg width="100%" height={BAR_HEIGHT} aria-hidden="true" focusable="false" className="chart-bar">
                <PatternDefs uid={rowUid} />
                <rect x="0" y="0" width="100%" height="100%" className="chart-track" />
                {segments.map((s) => (
                  <StatusFill key={s.status} uid={rowUid} status={s.status} x={`${s.start}%`} width={`${s.width}%`} />
                ))}
                {segments
                  .filter((s) => countFits(s.width, String(s.count)))
                  .map((s) => (
                    <text
                      key={s.status}
                      x={`${s.start + s.width / 2}%`}
                      y={BAR_HEIGHT / 2}
                      textAnchor="middle"
                      dominantBaseline="central"
                      className={`chart-count chart-count-${s.status}`}
                    >
                      {s.count}
                    </text>
                  ))}
              </svg>
              <p className="chart-summary">
                {segments.length === 0
                  ? t('monitoring.chart.noActivities')
                  : segments
                      .map((s) => t('monitoring.chart.statusCount', { status: label(s.status), count: s.count }))
                      .join(' · ')}
              </p>
            </li>
          );
        })}
      </ul>
      <details className="disclosure chart-table">
        <summary>
          {t('monitoring.chart.showTable')}
          <span className="visually-hidden">: {caption}</span>
        </summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {STATUS_ORDER.map((status) => (
                  <th key={status} scope="col">
                    {label(status)}
                  </th>
                ))}
                <th scope="col">{t('monitoring.chart.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {STATUS_ORDER.map((status) => (
                    <td key={status} className="numeric">
                      {row.statuses[status] ?? 0}
                    </td>
                  ))}
                  <td className="numeric">{row.activities}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
