import { Link } from 'react-router';
import type { ReportingPeriodDto } from '@kinga/shared';
import { useLanguage } from '../../i18n/i18n.tsx';
import { formatDay } from '../cases/case-format.ts';
import { problemText } from './monitoring-errors.ts';

/** The reporting period a monitoring page shows: a select kept in the address, with the period's dates. */
export function PeriodPicker({
  periods,
  period,
  onChange,
}: {
  periods: readonly ReportingPeriodDto[];
  period: ReportingPeriodDto;
  onChange: (periodId: string) => void;
}) {
  const { t, locale } = useLanguage();
  const id = 'monitoring-period';
  return (
    <div className="field period-picker">
      <label htmlFor={id}>{t('monitoring.period.label')}</label>
      <select id={id} value={period.id} aria-describedby={`${id}-dates`} onChange={(e) => onChange(e.target.value)}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      <p id={`${id}-dates`} className="hint">
        {t('monitoring.period.dates', {
          from: formatDay(period.startsOn, locale),
          to: formatDay(period.endsOn, locale),
          due: formatDay(period.dueOn, locale),
        })}
        {period.missingReports > 0 && (
          <span className="badge badge-missing inline-badge">
            {t('monitoring.period.missing', { count: period.missingReports })}
          </span>
        )}
      </p>
    </div>
  );
}

/** A request that failed: the server's reason where it gives one (see problemText), else a general sentence. */
export function ProblemNotice({ error }: { error: unknown }) {
  const { t, language } = useLanguage();
  return (
    <p className="load-error" role="alert">
      {problemText(error, t, language)}
    </p>
  );
}

/** What a monitoring page shows when the plan has no adopted version (409 no_adopted_version). */
export function NoAdoptedVersion({ planId }: { planId: string }) {
  const { t } = useLanguage();
  return (
    <section className="panel empty-state" aria-labelledby="no-adopted-title">
      <h2 id="no-adopted-title">{t('monitoring.noAdopted.title')}</h2>
      <p>{t('monitoring.noAdopted.body')}</p>
      <p>
        <Link to={`/plans/${encodeURIComponent(planId)}`}>{t('monitoring.backToPlan')}</Link>
      </p>
    </section>
  );
}

/** Links between a plan's page, its monitoring page and its dashboard, keeping the chosen period. */
export function MonitoringLinks({
  planId,
  periodId,
  current,
}: {
  planId: string;
  periodId: string | null;
  current: 'monitoring' | 'dashboard' | 'report';
}) {
  const { t } = useLanguage();
  const base = `/plans/${encodeURIComponent(planId)}`;
  const query = periodId ? `?period=${encodeURIComponent(periodId)}` : '';
  return (
    <nav className="monitoring-links" aria-label={t('monitoring.navLabel')}>
      <ul>
        <li>
          <Link to={base}>{t('monitoring.toPlan')}</Link>
        </li>
        <li>
          <Link to={`${base}/monitoring${query}`} aria-current={current === 'monitoring' ? 'page' : undefined}>
            {t('monitoring.toMonitoring')}
          </Link>
        </li>
        <li>
          <Link to={`${base}/dashboard${query}`} aria-current={current === 'dashboard' ? 'page' : undefined}>
            {t('monitoring.toDashboard')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
