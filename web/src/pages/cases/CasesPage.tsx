import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CASE_SORTS, CASE_STATUSES, EXPLOITATION_TYPES, TRAFFICKING_STATUSES } from '@kinga/shared/picklists';
import type { CaseListItemDto } from '@kinga/shared';
import {
  exportUrl,
  listCases,
  searchCases,
  type CaseExportFormat,
  type CaseListQuery,
  type SearchableIdentifier,
} from '../../api/cases.ts';
import {
  CheckboxField,
  ErrorSummary,
  Field,
  LoadError,
  useFormErrors,
  type FieldErrors,
} from '../../components/forms.tsx';
import { formatDate } from '../../components/format.ts';
import { countyName } from '../../components/labels.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { Page } from '../../components/Page.tsx';
import { SortHeader, type SortOrder } from '../../components/SortHeader.tsx';
import { useCursorList } from '../../components/useCursorList.ts';
import { oneOf, useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel, vocabOptions } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { countiesOf, formatDay } from './case-format.ts';
import { CaseStatusBadges } from './CaseStatusBadges.tsx';

type CaseSort = (typeof CASE_SORTS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE_PREFIX = /^[A-Za-z0-9-]{0,20}$/;

/** The identifying details one may search by, with their labels, in the order offered. */
const SEARCH_FIELDS: Record<SearchableIdentifier, { label: MessageKey; hint: MessageKey }> = {
  name: { label: 'cases.idSearch.field.name', hint: 'cases.idSearch.hint.name' },
  birthDate: { label: 'cases.idSearch.field.birthDate', hint: 'cases.idSearch.hint.birthDate' },
  identityNumber: { label: 'cases.idSearch.field.identityNumber', hint: 'cases.idSearch.hint.identityNumber' },
  phone: { label: 'cases.idSearch.field.phone', hint: 'cases.idSearch.hint.phone' },
  email: { label: 'cases.idSearch.field.email', hint: 'cases.idSearch.hint.email' },
};

/** One row per case; the code comes first and stays in view when the table scrolls sideways. */
function CaseTable({
  items,
  captionId,
  caption,
  sorting,
}: {
  items: CaseListItemDto[];
  captionId: string;
  caption: string;
  sorting?: { sort: CaseSort; order: SortOrder; onSort: (sort: CaseSort, order: SortOrder) => void };
}) {
  const { t, locale } = useLanguage();
  const { instance } = useSession();
  const header = (column: CaseSort, label: string) =>
    sorting ? <SortHeader<CaseSort> column={column} label={label} {...sorting} /> : <th scope="col">{label}</th>;
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="cases-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {header('code', t('cases.col.code'))}
            {header('status', t('cases.col.status'))}
            <th scope="col">{t('cases.col.traffickingStatus')}</th>
            <th scope="col">{t('cases.col.sex')}</th>
            <th scope="col">{t('cases.col.ageBand')}</th>
            <th scope="col">{t('cases.col.county')}</th>
            <th scope="col">{t('cases.col.exploitation')}</th>
            <th scope="col">{t('cases.col.owner')}</th>
            {header('followUpAt', t('cases.col.followUp'))}
            {header('createdAt', t('cases.col.createdAt'))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code}>
              <th scope="row" className="nowrap">
                <Link to={`/cases/${item.code}`} className="mono">
                  {item.code}
                </Link>
              </th>
              <td>
                <CaseStatusBadges item={item} />
              </td>
              <td>{item.traffickingStatus ? vocabLabel(t, 'traffickingStatus', item.traffickingStatus) : ''}</td>
              <td>{item.gender ? vocabLabel(t, 'gender', item.gender) : ''}</td>
              <td className="nowrap">{item.ageBand ? vocabLabel(t, 'ageBand', item.ageBand) : ''}</td>
              <td>{countyName(instance, item.countyCode)}</td>
              <td>{item.exploitationTypes.map((e) => vocabLabel(t, 'exploitationType', e)).join(', ')}</td>
              <td>{item.ownerName ?? <span className="muted">{t('cases.unassigned')}</span>}</td>
              <td>
                {item.followUpAt && (
                  <time className="nowrap" dateTime={item.followUpAt}>
                    {formatDay(item.followUpAt, locale)}
                  </time>
                )}
                {item.followUpOverdue && (
                  <>
                    {' '}
                    <span className="badge badge-overdue">{t('cases.overdue')}</span>
                  </>
                )}
              </td>
              <td className="nowrap">
                <time dateTime={item.createdAt}>{formatDate(item.createdAt, locale)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Exact match on one identifying detail. The value is posted and kept only in this form's
 * state: never in the address, the browser history or the form autofill store.
 */
function IdentifierSearch() {
  const { t } = useLanguage();
  const formId = 'case-id-search';
  const captionId = useId();
  const errors = useFormErrors();
  const [field, setField] = useState<SearchableIdentifier>('name');
  const [value, setValue] = useState('');
  const [pending, setPending] = useState(false);
  const [results, setResults] = useState<CaseListItemDto[] | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const labels = { field: t('cases.idSearch.fieldLabel'), value: t('cases.idSearch.valueLabel') };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    const fieldErrors: FieldErrors = {};
    if (!trimmed) fieldErrors.value = t('errors.required');
    else if (trimmed.length > 200) fieldErrors.value = t('errors.tooLong', { max: 200 });
    else if (field === 'birthDate' && !DATE.test(trimmed)) fieldErrors.value = t('cases.errors.date');
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    errors.clear();
    setPending(true);
    setSearchError(null);
    try {
      const page = await searchCases({ field, value: trimmed });
      setResults(page.items);
    } catch (error) {
      setResults(null);
      setSearchError(error);
    } finally {
      setPending(false);
    }
  };

  const handleClear = () => {
    setValue('');
    setResults(null);
    setSearchError(null);
    errors.clear();
  };

  const inputType = field === 'birthDate' ? 'date' : field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text';

  return (
    <section className="panel" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('cases.idSearch.title')}</h2>
      <p className="hint">{t('cases.idSearch.intro')}</p>
      <form
        id={formId}
        method="post"
        noValidate
        autoComplete="off"
        className="id-search"
        onSubmit={(e) => void handleSubmit(e)}
      >
        <ErrorSummary formId={formId} labels={labels} {...errors} />
        <Field id={`${formId}-field`} label={labels.field}>
          {(aria) => (
            <select
              {...aria}
              value={field}
              onChange={(e) => {
                setField(e.target.value as SearchableIdentifier);
                setValue('');
                setResults(null);
              }}
            >
              {(Object.keys(SEARCH_FIELDS) as SearchableIdentifier[]).map((f) => (
                <option key={f} value={f}>
                  {t(SEARCH_FIELDS[f].label)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${formId}-value`}
          label={labels.value}
          hint={t(SEARCH_FIELDS[field].hint)}
          error={errors.fields.value}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type={inputType}
              name="kinga-identifier"
              autoComplete="off"
              spellCheck={false}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? t('cases.idSearch.searching') : t('cases.idSearch.submit')}
          </button>
          {(results !== null || value !== '') && (
            <button type="button" className="button-secondary" onClick={handleClear}>
              {t('cases.idSearch.clear')}
            </button>
          )}
        </div>
      </form>
      {searchError ? <LoadError error={searchError} /> : null}
      <div role="status">
        {results !== null &&
          (results.length === 0 ? (
            <p>{t('cases.idSearch.none')}</p>
          ) : (
            <p>{t('cases.idSearch.found', { count: results.length })}</p>
          ))}
      </div>
      {results !== null && results.length > 0 && (
        <CaseTable items={results} captionId={captionId} caption={t('cases.idSearch.caption')} />
      )}
    </section>
  );
}

/** The cases this user may see: filters and code search in the address, sortable, page by page. */
export function CasesPage() {
  const { t } = useLanguage();
  const { can, instance } = useSession();
  const { params, update, clear } = useSearchParamsUpdater();
  const counties = countiesOf(instance);

  const q = params.get('q') ?? '';
  const status = oneOf(CASE_STATUSES, params.get('status'));
  const draftParam = oneOf(['true', 'false'] as const, params.get('draft'));
  const mine = params.get('mine') === 'true';
  const exploitationType = oneOf(EXPLOITATION_TYPES, params.get('exploitationType'));
  const countyParam = Number(params.get('countyCode'));
  const countyCode = counties.some((c) => c.code === countyParam) ? countyParam : undefined;
  const traffickingStatus = oneOf(TRAFFICKING_STATUSES, params.get('traffickingStatus'));
  const fromParam = params.get('createdFrom') ?? '';
  const toParam = params.get('createdTo') ?? '';
  const createdFrom = DATE.test(fromParam) ? fromParam : '';
  const createdTo = DATE.test(toParam) ? toParam : '';
  const rangeInvalid = createdFrom !== '' && createdTo !== '' && createdFrom > createdTo;
  const followUpOverdue = params.get('followUpOverdue') === 'true';
  const closureRequested = params.get('closureRequested') === 'true';
  const sort: CaseSort = oneOf(CASE_SORTS, params.get('sort')) ?? 'createdAt';
  const order: SortOrder = params.get('order') === 'asc' ? 'asc' : 'desc';

  const [search, setSearch] = useState(q);
  const [searchError, setSearchError] = useState<string | undefined>(undefined);
  useEffect(() => setSearch(q), [q]);

  const filters: Omit<CaseListQuery, 'cursor' | 'limit'> = {
    q: q && CODE_PREFIX.test(q) ? q : undefined,
    status,
    draft: draftParam === undefined ? undefined : draftParam === 'true',
    mine: mine || undefined,
    exploitationType,
    countyCode,
    traffickingStatus,
    createdFrom: rangeInvalid ? undefined : createdFrom || undefined,
    createdTo: rangeInvalid ? undefined : createdTo || undefined,
    followUpOverdue: followUpOverdue || undefined,
    closureRequested: closureRequested || undefined,
    sort,
    order,
  };
  const list = useCursorList<CaseListItemDto>(JSON.stringify(filters), (cursor) =>
    listCases({ ...filters, cursor, limit: 50 }),
  );
  const activeFilters = [...params.keys()].filter((k) => !['q', 'sort', 'order'].includes(k)).length;
  const filtered = activeFilters > 0 || filters.q !== undefined;
  // Filters start folded on phones, so the list is in reach; open on wide screens or when in use.
  const [filtersOpen, setFiltersOpen] = useState(
    () => activeFilters > 0 || window.matchMedia('(min-width: 64rem)').matches,
  );

  const handleSearch = (event: FormEvent) => {
    event.preventDefault();
    const code = search.trim().toUpperCase();
    if (!CODE_PREFIX.test(code)) {
      setSearchError(t('cases.errors.code'));
      return;
    }
    setSearchError(undefined);
    update({ q: code || undefined });
  };
  const handleSort = (s: CaseSort, o: SortOrder) => update({ sort: s, order: o });
  const flag = (key: string) => (checked: boolean) => update({ [key]: checked ? 'true' : undefined });

  const exportLink = (format: CaseExportFormat) => (
    <a className="button-link button-secondary" href={exportUrl(filters, format)} download>
      {t(format === 'csv' ? 'cases.exportCsv' : 'cases.exportXlsx')}
    </a>
  );

  return (
    <Page title={t('cases.title')} wide>
      <div className="page-actions">
        {can('case:write') && (
          <Link to="/cases/new" className="button-link">
            {t('cases.new')}
          </Link>
        )}
        {can('case:export') && (
          <div className="export-links" role="group" aria-label={t('cases.exportLabel')}>
            {exportLink('csv')}
            {exportLink('xlsx')}
          </div>
        )}
      </div>

      <form className="filters" role="search" aria-label={t('common.filters')} noValidate onSubmit={handleSearch}>
        <Field id="cases-q" label={t('cases.filter.code')} hint={t('cases.filter.codeHint')} error={searchError}>
          {(aria) => (
            <div className="search-row">
              <input
                {...aria}
                type="search"
                className="mono"
                autoCapitalize="characters"
                spellCheck={false}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <button type="submit">{t('common.search')}</button>
            </div>
          )}
        </Field>
        <details
          className="filters-toggle filters-wide"
          open={filtersOpen}
          onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
        >
          <summary>
            {activeFilters > 0 ? t('cases.filter.moreActive', { count: activeFilters }) : t('cases.filter.more')}
          </summary>
          <div className="filters-more">
            <Field id="cases-status" label={t('cases.filter.status')}>
              {(aria) => (
                <select {...aria} value={status ?? ''} onChange={(e) => update({ status: e.target.value })}>
                  <option value="">{t('cases.filter.allStatuses')}</option>
                  {vocabOptions(t, 'caseStatus', CASE_STATUSES).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="cases-draft" label={t('cases.filter.draft')}>
              {(aria) => (
                <select {...aria} value={draftParam ?? ''} onChange={(e) => update({ draft: e.target.value })}>
                  <option value="">{t('cases.filter.draftAll')}</option>
                  <option value="false">{t('cases.filter.draftNo')}</option>
                  <option value="true">{t('cases.filter.draftYes')}</option>
                </select>
              )}
            </Field>
            <Field id="cases-exploitation" label={t('cases.filter.exploitation')}>
              {(aria) => (
                <select
                  {...aria}
                  value={exploitationType ?? ''}
                  onChange={(e) => update({ exploitationType: e.target.value })}
                >
                  <option value="">{t('cases.filter.allExploitation')}</option>
                  {vocabOptions(t, 'exploitationType', EXPLOITATION_TYPES).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="cases-county" label={t('cases.filter.county')}>
              {(aria) => (
                <select {...aria} value={countyCode ?? ''} onChange={(e) => update({ countyCode: e.target.value })}>
                  <option value="">{t('cases.filter.allCounties')}</option>
                  {counties.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="cases-trafficking" label={t('cases.filter.traffickingStatus')}>
              {(aria) => (
                <select
                  {...aria}
                  value={traffickingStatus ?? ''}
                  onChange={(e) => update({ traffickingStatus: e.target.value })}
                >
                  <option value="">{t('cases.filter.allTraffickingStatuses')}</option>
                  {vocabOptions(t, 'traffickingStatus', TRAFFICKING_STATUSES).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="cases-from" label={t('cases.filter.createdFrom')}>
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  value={createdFrom}
                  onChange={(e) => update({ createdFrom: e.target.value })}
                />
              )}
            </Field>
            <Field
              id="cases-to"
              label={t('cases.filter.createdTo')}
              error={rangeInvalid ? t('errors.dateRange') : undefined}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  value={createdTo}
                  onChange={(e) => update({ createdTo: e.target.value })}
                />
              )}
            </Field>
            <fieldset className="plain-fieldset filter-flags">
              <legend>{t('cases.filter.show')}</legend>
              <CheckboxField id="cases-mine" label={t('cases.filter.mine')} checked={mine} onChange={flag('mine')} />
              <CheckboxField
                id="cases-overdue"
                label={t('cases.filter.overdue')}
                checked={followUpOverdue}
                onChange={flag('followUpOverdue')}
              />
              <CheckboxField
                id="cases-closure"
                label={t('cases.filter.closureRequested')}
                checked={closureRequested}
                onChange={flag('closureRequested')}
              />
            </fieldset>
          </div>
        </details>
        {params.toString() !== '' && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setSearch('');
              setSearchError(undefined);
              clear();
            }}
          >
            {t('common.clearFilters')}
          </button>
        )}
      </form>

      <CaseTable
        items={list.items}
        captionId="cases-caption"
        caption={t('cases.caption')}
        sorting={{ sort, order, onSort: handleSort }}
      />
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={filtered ? t('cases.empty') : t('cases.emptyNone')}
      />

      {/* Identifying details are for the roles that work on cases; de-identified readers never search by them. */}
      {can('case:write') && <IdentifierSearch />}
    </Page>
  );
}
