import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { oneOf, useSearchParamsUpdater } from '../components/useSearchParamsUpdater.ts';
import { AGENCY_SORTS, AGENCY_TYPES, RECORD_STATUSES, type AgencyType } from '@kinga/shared/picklists';
import type { AgencyDto } from '@kinga/shared';
import { listAgencies } from '../api/client.ts';
import { countyName } from '../components/labels.ts';
import { ListFooter } from '../components/ListFooter.tsx';
import { Page } from '../components/Page.tsx';
import { SortHeader, type SortOrder } from '../components/SortHeader.tsx';
import { formatDate } from '../components/format.ts';
import { useCursorList } from '../components/useCursorList.ts';
import { useLanguage } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';

type AgencySort = (typeof AGENCY_SORTS)[number];

/** Agencies: search, filters, sortable columns and cursor pages; filters live in the address. */
export function AgenciesPage() {
  const { t, locale } = useLanguage();
  const { instance, can } = useSession();
  const { params, update: updateParam, clear: clearParams } = useSearchParamsUpdater();

  const q = params.get('q') ?? '';
  const type = oneOf(AGENCY_TYPES, params.get('type'));
  const status = oneOf(RECORD_STATUSES, params.get('status'));
  const countyParam = Number(params.get('countyCode'));
  const countyCode = Number.isInteger(countyParam) && countyParam > 0 ? countyParam : undefined;
  const sort: AgencySort = oneOf(AGENCY_SORTS, params.get('sort')) ?? 'name';
  const order: SortOrder = params.get('order') === 'desc' ? 'desc' : 'asc';
  const [search, setSearch] = useState(q);

  const query = { q: q || undefined, type, status, countyCode, sort, order, limit: 50 };
  const list = useCursorList<AgencyDto>(JSON.stringify(query), (cursor) => listAgencies({ ...query, cursor }));

  const handleSearch = (event: FormEvent) => {
    event.preventDefault();
    updateParam({ q: search.trim() || undefined });
  };

  return (
    <Page title={t('agencies.title')} wide>
      {can('agency:manage') && (
        <p>
          <Link to="/agencies/new" className="button-link">
            {t('agencies.new')}
          </Link>
        </p>
      )}
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={handleSearch}>
        <div className="field">
          <label htmlFor="agencies-q">{t('agencies.search')}</label>
          <div className="search-row">
            <input
              id="agencies-q"
              type="search"
              value={search}
              placeholder={t('agencies.searchHint')}
              onChange={(e) => setSearch(e.target.value)}
            />
            <button type="submit">{t('common.search')}</button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="agencies-type">{t('agencies.col.type')}</label>
          <select id="agencies-type" value={type ?? ''} onChange={(e) => updateParam({ type: e.target.value })}>
            <option value="">{t('agencies.allTypes')}</option>
            {AGENCY_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`agencyType.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agencies-county">{t('agencies.col.county')}</label>
          <select
            id="agencies-county"
            value={countyCode ?? ''}
            onChange={(e) => updateParam({ countyCode: e.target.value })}
          >
            <option value="">{t('agencies.allCounties')}</option>
            {instance.counties.map((county) => (
              <option key={county.code} value={county.code}>
                {county.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agencies-status">{t('agencies.col.status')}</label>
          <select id="agencies-status" value={status ?? ''} onChange={(e) => updateParam({ status: e.target.value })}>
            <option value="">{t('agencies.allStatuses')}</option>
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

      <div className="table-wrap" role="region" aria-labelledby="agencies-caption" tabIndex={0}>
        <table>
          <caption id="agencies-caption">{t('agencies.caption')}</caption>
          <thead>
            <tr>
              <SortHeader<AgencySort>
                column="name"
                label={t('agencies.col.name')}
                sort={sort}
                order={order}
                onSort={(s, o) => updateParam({ sort: s, order: o })}
              />
              <SortHeader<AgencySort>
                column="type"
                label={t('agencies.col.type')}
                sort={sort}
                order={order}
                onSort={(s, o) => updateParam({ sort: s, order: o })}
              />
              <th scope="col">{t('agencies.col.county')}</th>
              <th scope="col">{t('agencies.col.contact')}</th>
              <th scope="col">{t('agencies.col.status')}</th>
              <SortHeader<AgencySort>
                column="createdAt"
                label={t('agencies.col.createdAt')}
                sort={sort}
                order={order}
                onSort={(s, o) => updateParam({ sort: s, order: o })}
              />
            </tr>
          </thead>
          <tbody>
            {list.items.map((agency) => (
              <tr key={agency.id}>
                <td>
                  <Link to={`/agencies/${agency.id}`}>{agency.name}</Link>
                </td>
                <td>{t(`agencyType.${agency.type satisfies AgencyType}`)}</td>
                <td>{countyName(instance, agency.countyCode)}</td>
                <td>
                  {agency.contactEmail && <span className="block">{agency.contactEmail}</span>}
                  {agency.contactPhone && <span className="block">{agency.contactPhone}</span>}
                </td>
                <td>
                  <span className={`badge badge-${agency.status}`}>{t(`status.${agency.status}`)}</span>
                </td>
                <td>{formatDate(agency.createdAt, locale)}</td>
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
        emptyMessage={t('agencies.empty')}
      />
    </Page>
  );
}
