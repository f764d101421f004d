import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { oneOf, useSearchParamsUpdater } from '../components/useSearchParamsUpdater.ts';
import { RECORD_STATUSES, ROLES, USER_SORTS } from '@kinga/shared/picklists';
import type { UserDto } from '@kinga/shared';
import { listUsers } from '../api/client.ts';
import { useAgencyOptions } from '../components/useAgencyOptions.ts';
import { ListFooter } from '../components/ListFooter.tsx';
import { Page } from '../components/Page.tsx';
import { SortHeader, type SortOrder } from '../components/SortHeader.tsx';
import { formatDateTime } from '../components/format.ts';
import { useCursorList } from '../components/useCursorList.ts';
import { useLanguage } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';

type UserSort = (typeof USER_SORTS)[number];

/** User accounts: search, filters by agency, role and status, sortable columns, cursor pages. */
export function UsersPage() {
  const { t, locale } = useLanguage();
  const { can } = useSession();
  const { params, update: updateParam, clear: clearParams } = useSearchParamsUpdater();
  const pickAgency = can('agency:manage');
  const agencies = useAgencyOptions(pickAgency);

  const q = params.get('q') ?? '';
  const agencyId = params.get('agencyId') || undefined;
  const role = oneOf(ROLES, params.get('role'));
  const status = oneOf(RECORD_STATUSES, params.get('status'));
  const sort: UserSort = oneOf(USER_SORTS, params.get('sort')) ?? 'name';
  const order: SortOrder = params.get('order') === 'desc' ? 'desc' : 'asc';
  const [search, setSearch] = useState(q);

  const query = { q: q || undefined, agencyId, role, status, sort, order, limit: 50 };
  const list = useCursorList<UserDto>(JSON.stringify(query), (cursor) => listUsers({ ...query, cursor }));

  const handleSearch = (event: FormEvent) => {
    event.preventDefault();
    updateParam({ q: search.trim() || undefined });
  };
  const handleSort = (s: UserSort, o: SortOrder) => updateParam({ sort: s, order: o });

  return (
    <Page title={t('users.title')} wide>
      {can('user:manage') && (
        <p>
          <Link to="/users/new" className="button-link">
            {t('users.new')}
          </Link>
        </p>
      )}
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={handleSearch}>
        <div className="field">
          <label htmlFor="users-q">{t('users.search')}</label>
          <div className="search-row">
            <input
              id="users-q"
              type="search"
              value={search}
              placeholder={t('users.searchHint')}
              onChange={(e) => setSearch(e.target.value)}
            />
            <button type="submit">{t('common.search')}</button>
          </div>
        </div>
        {pickAgency && (
          <div className="field">
            <label htmlFor="users-agency">{t('users.filterAgency')}</label>
            <select
              id="users-agency"
              value={agencyId ?? ''}
              onChange={(e) => updateParam({ agencyId: e.target.value })}
            >
              <option value="">{t('users.allAgencies')}</option>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="users-role">{t('users.filterRole')}</label>
          <select id="users-role" value={role ?? ''} onChange={(e) => updateParam({ role: e.target.value })}>
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`role.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-status">{t('users.filterStatus')}</label>
          <select id="users-status" value={status ?? ''} onChange={(e) => updateParam({ status: e.target.value })}>
            <option value="">{t('users.allStatuses')}</option>
            {RECORD_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {params.toString() !== '' && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setSearch('');
              clearParams();
            }}
          >
            {t('common.clearFilters')}
          </button>
        )}
      </form>

      <div className="table-wrap" role="region" aria-labelledby="users-caption" tabIndex={0}>
        <table>
          <caption id="users-caption">{t('users.caption')}</caption>
          <thead>
            <tr>
              <SortHeader<UserSort>
                column="name"
                label={t('users.col.name')}
                sort={sort}
                order={order}
                onSort={handleSort}
              />
              <SortHeader<UserSort>
                column="email"
                label={t('users.col.email')}
                sort={sort}
                order={order}
                onSort={handleSort}
              />
              <th scope="col">{t('users.col.agency')}</th>
              <th scope="col">{t('users.col.roles')}</th>
              <th scope="col">{t('users.col.status')}</th>
              <SortHeader<UserSort>
                column="lastSignInAt"
                label={t('users.col.lastSignInAt')}
                sort={sort}
                order={order}
                onSort={handleSort}
              />
              <SortHeader<UserSort>
                column="createdAt"
                label={t('users.col.createdAt')}
                sort={sort}
                order={order}
                onSort={handleSort}
              />
            </tr>
          </thead>
          <tbody>
            {list.items.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/users/${user.id}`}>{user.name}</Link>
                </td>
                <td className="nowrap">{user.email}</td>
                <td>{user.agencyName}</td>
                <td>{user.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                <td>
                  <span className={`badge badge-${user.status}`}>{t(`status.${user.status}`)}</span>
                </td>
                <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : t('users.never')}</td>
                <td>{formatDateTime(user.createdAt, locale)}</td>
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
        emptyMessage={t('users.empty')}
      />
    </Page>
  );
}
