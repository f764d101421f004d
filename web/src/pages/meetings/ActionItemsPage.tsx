import { useState } from 'react';
import { Link } from 'react-router';
import type { ActionItemDto } from '@kinga/shared';
import { listActionItems } from '../../api/coordination.ts';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { ListFooter } from '../../components/ListFooter.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryTabs } from '../../components/QueryTabs.tsx';
import { useAgencyOptions } from '../../components/useAgencyOptions.ts';
import { useCursorList } from '../../components/useCursorList.ts';
import { oneOf, useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ActionItemStatusControl, ActionItemSummary } from './ActionItemControls.tsx';
import { ownsActionItem } from './meeting-format.ts';

const STATES = ['open', 'overdue', 'all'] as const;
type State = (typeof STATES)[number];
const STATE_LABELS: Record<State, MessageKey> = {
  open: 'actionItems.tab.open',
  overdue: 'actionItems.tab.overdue',
  all: 'actionItems.tab.all',
};
const EMPTY: Record<State, MessageKey> = {
  open: 'actionItems.emptyOpen',
  overdue: 'actionItems.emptyOverdue',
  all: 'actionItems.emptyAll',
};

/** Action items of all meetings: open, overdue or all; one's own or one agency's. */
export function ActionItemsPage() {
  const { t } = useLanguage();
  const { user, can } = useSession();
  const { params, update } = useSearchParamsUpdater();
  const state: State = oneOf(STATES, params.get('state')) ?? 'open';
  const mine = params.get('mine') === 'true';
  const ownerAgencyId = params.get('ownerAgencyId') ?? undefined;
  const agencies = useAgencyOptions(true);
  const [notice, setNotice] = useState<string | null>(null);
  // Status changes made here show at once; the list keeps its place rather than reloading.
  const [changed, setChanged] = useState<Record<string, ActionItemDto>>({});

  const query = { state, mine: mine ? ('true' as const) : undefined, ownerAgencyId, limit: 50 };
  const list = useCursorList<ActionItemDto>(JSON.stringify(query), (cursor) => listActionItems({ ...query, cursor }));
  const filtered = mine || ownerAgencyId !== undefined;

  return (
    <Page title={t('actionItems.title')} wide>
      <p>
        <Link to="/meetings" className="back-link">
          {t('meetings.backToList')}
        </Link>
      </p>
      <QueryTabs
        param="state"
        values={STATES}
        current={state}
        label={t('actionItems.stateLabel')}
        labelOf={(s) => t(STATE_LABELS[s])}
      />

      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="action-items-agency">{t('actionItems.filterAgency')}</label>
          <select
            id="action-items-agency"
            value={ownerAgencyId ?? ''}
            onChange={(e) => update({ ownerAgencyId: e.target.value })}
          >
            <option value="">{t('actionItems.allAgencies')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox-field filter-checkbox">
          <input
            type="checkbox"
            id="action-items-mine"
            checked={mine}
            onChange={(e) => update({ mine: e.target.checked ? 'true' : undefined })}
          />
          <label htmlFor="action-items-mine">{t('actionItems.onlyMine')}</label>
        </div>
        {filtered && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => update({ mine: undefined, ownerAgencyId: undefined })}
          >
            {t('common.clearFilters')}
          </button>
        )}
      </form>

      <FocusedNotice message={notice} />
      <h2 className="visually-hidden">{t(STATE_LABELS[state])}</h2>
      {list.items.length > 0 && (
        <ul className="record-list">
          {list.items.map((listed) => {
            const item = changed[listed.id] ?? listed;
            return (
              <li key={item.id} className="record action-item">
                <ActionItemSummary item={item} showMeeting />
                {user && (can('plan:manage') || ownsActionItem(item, user)) && (
                  <ActionItemStatusControl
                    key={item.status}
                    item={item}
                    onChanged={(updated, message) => {
                      setChanged((c) => ({ ...c, [updated.id]: updated }));
                      setNotice(message);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={t(EMPTY[state])}
      />
    </Page>
  );
}
