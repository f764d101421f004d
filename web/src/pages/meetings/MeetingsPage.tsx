import { Link } from 'react-router';
import { MEETING_KINDS, MEETING_STATUSES } from '@kinga/shared/picklists';
import type { MeetingListItemDto } from '@kinga/shared';
import { listMeetings } from '../../api/coordination.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryTabs } from '../../components/QueryTabs.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useCursorList } from '../../components/useCursorList.ts';
import { oneOf, useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel, vocabOptions } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { MEETING_VIEWS, meetingRange, type MeetingView } from './meeting-format.ts';
import { MeetingBadges } from './MeetingBadges.tsx';

function MeetingCard({ meeting }: { meeting: MeetingListItemDto }) {
  const { t, locale } = useLanguage();
  return (
    <li className="record meeting-card">
      <h3 className="record-title meeting-card-title">
        <Link to={`/meetings/${encodeURIComponent(meeting.id)}`}>{meeting.title}</Link>
      </h3>
      <MeetingBadges meeting={meeting} />
      <p className="record-meta">
        <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt, locale)}</time>
        {meeting.place && <span className="block break">{meeting.place}</span>}
      </p>
      {meeting.openActionItems > 0 && (
        <p className="record-meta">{t('meetings.openActionItems', { count: meeting.openActionItems })}</p>
      )}
    </li>
  );
}

/** Meetings of the coordination bodies: upcoming soonest first, past latest first, by kind and status. */
export function MeetingsPage() {
  const { t } = useLanguage();
  const { can } = useSession();
  const { params, update } = useSearchParamsUpdater();
  const view: MeetingView = oneOf(MEETING_VIEWS, params.get('view')) ?? 'upcoming';
  const kind = oneOf(MEETING_KINDS, params.get('kind'));
  const status = oneOf(MEETING_STATUSES, params.get('status'));
  const query = { ...meetingRange(view), kind, status, limit: 50 };
  const list = useCursorList<MeetingListItemDto>(JSON.stringify(query), (cursor) => listMeetings({ ...query, cursor }));
  const filtered = kind !== undefined || status !== undefined;
  const empty = filtered
    ? t('meetings.emptyFiltered')
    : t(view === 'upcoming' ? 'meetings.emptyUpcoming' : 'meetings.emptyPast');

  return (
    <Page title={t('meetings.title')} wide>
      <div className="page-actions">
        {can('plan:manage') && (
          <Link to="/meetings/new" className="button-link">
            {t('meetings.schedule')}
          </Link>
        )}
        <Link to="/action-items">{t('actionItems.title')}</Link>
      </div>

      <QueryTabs
        param="view"
        values={MEETING_VIEWS}
        current={view}
        label={t('meetings.viewLabel')}
        labelOf={(v) => t(v === 'upcoming' ? 'meetings.upcoming' : 'meetings.past')}
      />

      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="meetings-kind">{t('meetings.filterKind')}</label>
          <select id="meetings-kind" value={kind ?? ''} onChange={(e) => update({ kind: e.target.value })}>
            <option value="">{t('meetings.allKinds')}</option>
            {vocabOptions(t, 'meetingKind', MEETING_KINDS).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="meetings-status">{t('meetings.filterStatus')}</label>
          <select id="meetings-status" value={status ?? ''} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t('meetings.allStatuses')}</option>
            {MEETING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {vocabLabel(t, 'meetingStatus', s)}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => update({ kind: undefined, status: undefined })}
          >
            {t('common.clearFilters')}
          </button>
        )}
      </form>

      <h2 className="visually-hidden">{t(view === 'upcoming' ? 'meetings.upcoming' : 'meetings.past')}</h2>
      {list.items.length > 0 && (
        <ul className="record-list meeting-list">
          {list.items.map((m) => (
            <MeetingCard key={m.id} meeting={m} />
          ))}
        </ul>
      )}
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={empty}
      />
      {!list.loading &&
        !list.error &&
        list.items.length === 0 &&
        !filtered &&
        view === 'upcoming' &&
        can('plan:manage') && (
          <p>
            <Link to="/meetings/new">{t('meetings.scheduleFirst')}</Link>
          </p>
        )}
    </Page>
  );
}
