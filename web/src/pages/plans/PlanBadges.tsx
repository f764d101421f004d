import type { PlanVersionStatus } from '@kinga/shared';
import { formatDay, todayIso } from '../cases/case-format.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { timeLeft, timeLeftLabel } from './plan-format.ts';

/** A version's workflow status as a coloured badge. */
export function VersionStatusBadge({ status }: { status: PlanVersionStatus }) {
  const { t } = useLanguage();
  return <span className={`badge badge-plan-${status}`}>{vocabLabel(t, 'planVersionStatus', status)}</span>;
}

/**
 * The submission deadline and, while the plan still has to be presented, the time left
 * ("12 days left", "3 days overdue").
 */
export function DeadlineText({ deadline, showTimeLeft }: { deadline: string | null; showTimeLeft: boolean }) {
  const { t, locale } = useLanguage();
  if (!deadline) return <span className="muted">{t('plans.deadline.none')}</span>;
  const left = showTimeLeft ? timeLeft(deadline, todayIso()) : null;
  return (
    <>
      {formatDay(deadline, locale)}
      {left && <span className={`deadline-left deadline-${left.state}`}> ({timeLeftLabel(t, left)})</span>}
    </>
  );
}
