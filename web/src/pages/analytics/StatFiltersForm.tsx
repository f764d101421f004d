import { KENYA_COUNTIES, STAT_EXPLOITATION, STAT_GENDERS, STAT_SOURCES, AGE_BANDS } from '@kinga/shared/picklists';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { statDimensionLabel, statKeyLabel } from './charts/stat-labels.ts';
import {
  countStatFilters,
  isPeriodReversed,
  periodOptions,
  readStatFilters,
  STAT_FILTER_PARAMS,
} from './stat-filters.ts';

/**
 * The period filters (years from and to), kept in the address; a period that ends before it
 * starts is marked on the "to" field (the page then asks the server nothing).
 */
export function PeriodSelects({ idPrefix }: { idPrefix: string }) {
  const { t } = useLanguage();
  const { params, update } = useSearchParamsUpdater();
  const filters = readStatFilters(params);
  const reversed = isPeriodReversed(filters);
  const thisYear = new Date().getFullYear();
  const errorId = `${idPrefix}-to-error`;
  return (['from', 'to'] as const).map((name) => {
    const invalid = reversed && name === 'to';
    return (
      <div key={name} className={invalid ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${idPrefix}-${name}`}>
          {t(name === 'from' ? 'analytics.filter.from' : 'analytics.filter.to')}
        </label>
        {invalid && (
          <p id={errorId} className="field-error" role="alert">
            {t('analytics.filter.periodReversed')}
          </p>
        )}
        <select
          id={`${idPrefix}-${name}`}
          value={filters[name] ?? ''}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(e) => update({ [name]: e.target.value })}
        >
          <option value="">{t(name === 'from' ? 'analytics.filter.fromAny' : 'analytics.filter.toAny')}</option>
          {periodOptions(thisYear, filters[name]).map((p) => (
            <option key={p} value={p}>
              {statKeyLabel(t, p.length === 4 ? 'year' : 'month', p)}
            </option>
          ))}
        </select>
      </div>
    );
  });
}

/**
 * The statistics filters, kept in the address (bookmarkable, Back works): period, source,
 * sex, age, form of exploitation, citizenship, country of exploitation and county.
 */
export function StatFiltersForm({ idPrefix = 'stat' }: { idPrefix?: string }) {
  const { t } = useLanguage();
  const { instance } = useSession();
  const { params, update } = useSearchParamsUpdater();
  const filters = readStatFilters(params);
  const counties = instance.counties.length > 0 ? instance.counties : KENYA_COUNTIES;
  const id = (name: string) => `${idPrefix}-${name}`;
  const select = (name: 'source' | 'gender' | 'ageBand' | 'exploitation', values: readonly string[]) => (
    <div className="field">
      <label htmlFor={id(name)}>{statDimensionLabel(t, name)}</label>
      <select id={id(name)} value={filters[name] ?? ''} onChange={(e) => update({ [name]: e.target.value })}>
        <option value="">{t('analytics.filter.all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {statKeyLabel(t, name, v)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
      <PeriodSelects idPrefix={idPrefix} />
      {select('source', STAT_SOURCES)}
      {select('gender', STAT_GENDERS)}
      {select('ageBand', AGE_BANDS)}
      {select('exploitation', STAT_EXPLOITATION)}
      <div className="field">
        <label htmlFor={id('citizenship')}>{statDimensionLabel(t, 'citizenship')}</label>
        <CountrySelect
          id={id('citizenship')}
          value={filters.citizenship ?? ''}
          onChange={(code) => update({ citizenship: code })}
          placeholder={t('analytics.filter.all')}
        />
      </div>
      <div className="field">
        <label htmlFor={id('countryOfExploitation')}>{statDimensionLabel(t, 'countryOfExploitation')}</label>
        <CountrySelect
          id={id('countryOfExploitation')}
          value={filters.countryOfExploitation ?? ''}
          onChange={(code) => update({ countryOfExploitation: code })}
          placeholder={t('analytics.filter.all')}
        />
      </div>
      <div className="field">
        <label htmlFor={id('county')}>{t('analytics.filter.county')}</label>
        <select id={id('county')} value={filters.county ?? ''} onChange={(e) => update({ county: e.target.value })}>
          <option value="">{t('analytics.filter.all')}</option>
          {counties.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {countStatFilters(filters) > 0 && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => update(Object.fromEntries(STAT_FILTER_PARAMS.map((p) => [p, undefined])))}
        >
          {t('common.clearFilters')}
        </button>
      )}
    </form>
  );
}
