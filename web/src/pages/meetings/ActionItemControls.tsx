import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '@kinga/shared/picklists';
import type { ActionItemDto } from '@kinga/shared';
import { updateActionItem } from '../../api/coordination.ts';
import { describeError } from '../../components/forms.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { formatDay } from '../cases/case-format.ts';
import { ActionItemBadges } from './MeetingBadges.tsx';
import { ownerLabel } from './meeting-format.ts';

/** Changes an action item's status: for its owners and the secretariat. */
export function ActionItemStatusControl({
  item,
  onChanged,
}: {
  item: ActionItemDto;
  onChanged: (updated: ActionItemDto, message: string) => void;
}) {
  const { t } = useLanguage();
  const [status, setStatus] = useState<ActionItemStatus>(item.status);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `action-status-${item.id}`;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (status === item.status) return;
    setPending(true);
    setError(null);
    try {
      const updated = await updateActionItem(item.id, { status });
      onChanged(
        { ...item, ...updated },
        t('actionItems.statusSaved', { status: vocabLabel(t, 'actionItemStatus', status) }),
      );
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="status-control" noValidate onSubmit={(e) => void handleSubmit(e)}>
      <label htmlFor={id}>{t('actionItems.changeStatus')}</label>
      <div className="add-row">
        <select
          id={id}
          value={status}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setStatus(ACTION_ITEM_STATUSES.find((s) => s === e.target.value) ?? item.status)}
        >
          {ACTION_ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {vocabLabel(t, 'actionItemStatus', s)}
            </option>
          ))}
        </select>
        <button type="submit" className="button-secondary" disabled={pending || status === item.status}>
          {t('common.save')}
        </button>
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** What an action item asks, of whom, by when, and where it stands. */
export function ActionItemSummary({
  item,
  decisionNumber,
  showMeeting,
}: {
  item: ActionItemDto;
  decisionNumber?: number | null;
  /** Links the meeting it came from (lists of many meetings' items). */
  showMeeting?: boolean;
}) {
  const { t, locale } = useLanguage();
  const owner = ownerLabel(item);
  return (
    <>
      <p className="pre-line break action-text">{item.text}</p>
      <ActionItemBadges status={item.status} overdue={item.overdue} />
      <dl className="details action-details">
        <dt>{t('actionItems.owner')}</dt>
        <dd>{owner || <span className="muted">{t('common.notSet')}</span>}</dd>
        <dt>{t('actionItems.dueOn')}</dt>
        <dd>
          {item.dueOn ? (
            <time dateTime={item.dueOn}>{formatDay(item.dueOn, locale)}</time>
          ) : (
            <span className="muted">{t('actionItems.noDueDate')}</span>
          )}
        </dd>
        {showMeeting && (
          <>
            <dt>{t('actionItems.meeting')}</dt>
            <dd>
              <Link to={`/meetings/${encodeURIComponent(item.meetingId)}`}>{item.meetingTitle}</Link>
            </dd>
          </>
        )}
        {decisionNumber != null && (
          <>
            <dt>{t('actionItems.decision')}</dt>
            <dd>{t('meetings.decisions.numbered', { number: decisionNumber })}</dd>
          </>
        )}
      </dl>
    </>
  );
}
