import type { IndicatorProgressDto } from '@kinga/shared';
import { useLanguage } from '../../i18n/i18n.tsx';
import { targetBar } from './chart-layout.ts';
import { ComputedMarker, IndicatorStatusBadge } from './MonitoringBadges.tsx';

/**
 * Each indicator's actual so far this year as a bar against its target as a line, on the
 * indicator's own scale (units differ). The words under each bar carry the figures and the
 * status, so the SVG is hidden from screen readers.
 */
export function IndicatorChart({ indicators }: { indicators: IndicatorProgressDto[] }) {
  const { t, locale } = useLanguage();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

  const figures = (i: IndicatorProgressDto): string => {
    const values = { actual: i.actual === null ? '' : number.format(i.actual), unit: i.unit, year: i.year };
    if (i.actual === null && i.target === null) return t('monitoring.chart.nothing', values);
    if (i.actual === null) return t('monitoring.chart.noActual', { ...values, target: number.format(i.target ?? 0) });
    if (i.target === null) return t('monitoring.chart.noTarget', values);
    const text = t('monitoring.chart.actualOfTarget', { ...values, target: number.format(i.target) });
    return i.progress === null ? text : `${text} (${percent.format(i.progress)})`;
  };

  return (
    <div className="chart">
      <ul className="chart-legend" aria-label={t('monitoring.chart.legend')}>
        <li>
          <svg width="18" height="14" aria-hidden="true" focusable="false" className="chart-swatch">
            <rect x="0" y="2" width="18" height="10" className="chart-actual chart-actual-on_track" />
          </svg>
          {t('monitoring.chart.actualKey')}
        </li>
        <li>
          <svg width="18" height="14" aria-hidden="true" focusable="false" className="chart-swatch">
            <rect x="7.5" y="0" width="3" height="14" className="chart-target" />
          </svg>
          {t('monitoring.chart.targetKey')}
        </li>
      </ul>
      <ul className="chart-rows">
        {indicators.map((i) => {
          const bar = targetBar(i.actual, i.target);
          return (
            <li key={i.key} className="chart-row">
              <p className="chart-label">
                <span className="chart-name">
                  <span className="outline-number">{i.number}</span> {i.title}
                </span>
              </p>
              <svg width="100%" height="20" aria-hidden="true" focusable="false" className="chart-bar chart-bar-target">
                <rect x="0" y="3" width="100%" height="14" className="chart-track" />
                {bar.actual !== null && (
                  <rect
                    x="0"
                    y="3"
                    width={`${bar.actual}%`}
                    height="14"
                    className={`chart-actual chart-actual-${i.status}`}
                  />
                )}
                {bar.target !== null && (
                  <line x1={`${bar.target}%`} x2={`${bar.target}%`} y1="0" y2="20" className="chart-target-line" />
                )}
              </svg>
              <p className="chart-summary">
                <IndicatorStatusBadge status={i.status} /> {i.source !== 'manual' && <ComputedMarker />} {figures(i)}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
