import { Link } from 'react-router';
import { REFERRAL_SORTS, REFERRAL_STATUSES } from '@kinga/shared/picklists';
import type { ReferralDto } from '@kinga/shared';
import { listReferrals } from '../../api/referrals.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryTabs } from '../../components/QueryTabs.tsx';
import { SortHeader, type SortOrder } from '../../components/SortHeader.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useCursorList } from '../../components/useCursorList.ts';
import { oneOf, useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { ReferralBadges } from './ReferralBadges.tsx';

const DIRECTIONS = ['incoming', 'outgoing'] as const;
type Direction = (typeof DIRECTIONS)[number];
type ReferralSort = (typeof REFERRAL_SORTS)[number];

/** The referrals inbox: incoming and outgoing, filtered by status and overdue, newest first, page by page. */
export function ReferralsPage() {
  const { t, locale } = useLanguage();
  const { params, update } = useSearchParamsUpdater();
  const direction: Direction = oneOf(DIRECTIONS, params.get('direction')) ?? 'incoming';
  const status = oneOf(REFERRAL_STATUSES, params.get('status'));
  const overdue = params.get('overdue') === 'true';
  const sort: ReferralSort = oneOf(REFERRAL_SORTS, params.get('sort')) ?? 'createdAt';
  const order: SortOrder = params.get('order') === 'asc' ? 'asc' : 'desc';

  const query = {
    direction,
    status,
    overdue: overdue ? ('true' as const) : undefined,
    sort,
    order,
    limit: 50,
  };
  const list = useCursorList<ReferralDto>(JSON.stringify(query), (cursor) => listReferrals({ ...query, cursor }));
  const handleSort = (s: ReferralSort, o: SortOrder) => update({ sort: s, order: o });
  const filtered = status !== undefined || overdue;

  return (
    <Page title={t('referrals.title')} wide>
      <QueryTabs
        param="direction"
        values={DIRECTIONS}
        current={direction}
        label={t('referrals.directionLabel')}
        labelOf={(d) => t(d === 'incoming' ? 'referrals.incoming' : 'referrals.outgoing')}
      />

      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="referrals-status">{t('referrals.filterStatus')}</label>
          <select id="referrals-status" value={status ?? ''} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t('referrals.allStatuses')}</option>
            {REFERRAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {vocabLabel(t, 'referralStatus', s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox-field filter-checkbox">
          <input
            type="checkbox"
            id="referrals-overdue"
            checked={overdue}
            onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })}
          />
          <label htmlFor="referrals-overdue">{t('referrals.onlyOverdue')}</label>
        </div>
        {filtered && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => update({ status: undefined, overdue: undefined })}
          >
            {t('common.clearFilters')}
          </button>
        )}
      </form>

      <div className="table-wrap" role="region" aria-labelledby="referrals-caption" tabIndex={0}>
        <table>
          <caption id="referrals-caption">
            {t(direction === 'incoming' ? 'referrals.captionIncoming' : 'referrals.captionOutgoing')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('referrals.col.case')}</th>
              <th scope="col">{t(direction === 'incoming' ? 'referrals.col.from' : 'referrals.col.to')}</th>
              <th scope="col">{t('referrals.col.services')}</th>
              <th scope="col">{t('referrals.col.status')}</th>
              <SortHeader<ReferralSort>
                column="respondBy"
                label={t('referrals.col.respondBy')}
                sort={sort}
                order={order}
                onSort={handleSort}
              />
              <SortHeader<ReferralSort>
                column="createdAt"
                label={t('referrals.col.createdAt')}
                sort={sort}
                order={order}
                onSort={handleSort}
              />
            </tr>
          </thead>
          <tbody>
            {list.items.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">
                  <Link to={`/referrals/${encodeURIComponent(r.id)}`} className="mono">
                    {r.caseCode}
                  </Link>
                </td>
                <td>{direction === 'incoming' ? r.fromAgencyName : r.toAgencyName}</td>
                <td>{r.services.map((s) => vocabLabel(t, 'serviceType', s)).join(', ')}</td>
                <td>
                  <ReferralBadges referral={r} />
                </td>
                <td>{r.respondBy ? formatDateTime(r.respondBy, locale) : '—'}</td>
                <td>{formatDateTime(r.createdAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={t(direction === 'incoming' ? 'referrals.emptyIncoming' : 'referrals.emptyOutgoing')}
      />
    </Page>
  );
}
