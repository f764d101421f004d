import type { IndicatorStatus, ReportStatus } from '@kinga/shared/picklists';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';

/** A report's status ("Not started" before the agency saves anything) and the missing flag. */
export function ReportBadges({ status, missing }: { status: ReportStatus | null; missing: boolean }) {
  const { t } = useLanguage();
  return (
    <span className="badge-row">
      <span className={`badge badge-report-${status ?? 'none'}`}>
        {status ? vocabLabel(t, 'reportStatus', status) : t('monitoring.reports.notStarted')}
      </span>
      {missing && <span className="badge badge-missing">{t('monitoring.reports.missing')}</span>}
    </span>
  );
}

/** An indicator's status against its target, in words (the colour only repeats them). */
export function IndicatorStatusBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useLanguage();
  return <span className={`badge badge-indicator-${status}`}>{vocabLabel(t, 'indicatorStatus', status)}</span>;
}

/** Marks an indicator whose actual Kinga computes from its own case records. */
export function ComputedMarker() {
  const { t } = useLanguage();
  return <span className="badge badge-computed">{t('monitoring.indicators.fromCases')}</span>;
}
