import type { ReferralDto } from '@kinga/shared';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';

/** A referral's kind (when a transfer), status, and whether its answer is overdue. */
export function ReferralBadges({ referral }: { referral: Pick<ReferralDto, 'kind' | 'status' | 'overdue'> }) {
  const { t } = useLanguage();
  return (
    <span className="badge-row">
      {referral.kind === 'transfer' && (
        <span className="badge badge-kind">{vocabLabel(t, 'referralKind', referral.kind)}</span>
      )}
      <span className={`badge badge-referral-${referral.status}`}>
        {vocabLabel(t, 'referralStatus', referral.status)}
      </span>
      {referral.overdue && <span className="badge badge-overdue">{t('referrals.overdue')}</span>}
    </span>
  );
}

/** The statuses in which the sending agency may still revoke a referral. */
export const REVOCABLE_STATUSES: readonly ReferralDto['status'][] = ['awaiting_approval', 'pending', 'accepted'];
