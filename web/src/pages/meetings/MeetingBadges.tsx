import type { MeetingListItemDto } from '@kinga/shared';
import { useT } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';

/** A meeting's kind and status as badges. */
export function MeetingBadges({ meeting }: { meeting: Pick<MeetingListItemDto, 'kind' | 'status'> }) {
  const t = useT();
  return (
    <span className="badge-row">
      <span className="badge badge-kind">{vocabLabel(t, 'meetingKind', meeting.kind)}</span>
      <span className={`badge badge-meeting-${meeting.status}`}>{vocabLabel(t, 'meetingStatus', meeting.status)}</span>
    </span>
  );
}

/** An action item's status, and "Overdue" when it is past its due date and still open. */
export function ActionItemBadges({ status, overdue }: { status: string; overdue: boolean }) {
  const t = useT();
  return (
    <span className="badge-row">
      <span className={`badge badge-action-${status}`}>{vocabLabel(t, 'actionItemStatus', status)}</span>
      {overdue && <span className="badge badge-overdue">{t('actionItems.overdue')}</span>}
    </span>
  );
}
