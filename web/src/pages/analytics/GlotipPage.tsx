import { Link } from 'react-router';
import { getGlotip, glotipCsvUrl } from '../../api/analytics.ts';
import { LoadError } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { countryName } from '../../i18n/vocab.ts';
import { StatCount } from './charts/StatTableView.tsx';
import { formatCount } from './charts/format-count.ts';
import { GLOTIP_FORM_ORDER, glotipYears } from './glotip-layout.ts';
import { isPeriodReversed, readStatFilters } from './stat-filters.ts';
import { PeriodSelects } from './StatFiltersForm.tsx';

/**
 * Victims detected by year, sex, age group, citizenship and form of exploitation: the table
 * of UNODC's Global Report on Trafficking in Persons questionnaire, ready to copy or download.
 */
export function GlotipPage() {
  const { t, language, locale } = useLanguage();
  const { params } = useSearchParamsUpdater();
  const { from, to } = readStatFilters(params);
  const query = { from, to };
  const reversed = isPeriodReversed(query);
  const { data, error, loading } = useLoad(JSON.stringify(query), () =>
    reversed ? Promise.resolve(null) : getGlotip(query),
  );

  return (
    <Page title={t('analytics.glotip.title')} wide>
      <p className="lead">{t('analytics.glotip.intro')}</p>
      <p>
        <Link to="/analytics">{t('analytics.glotip.back')}</Link>
      </p>
      <form className="filters" role="search" aria-label={t('common.filters')} onSubmit={(e) => e.preventDefault()}>
        <PeriodSelects idPrefix="glotip" />
      </form>
      <p className="page-actions">
        <a className="button-link button-secondary" href={glotipCsvUrl(query)} download>
          {t('analytics.glotip.downloadCsv')}
        </a>
      </p>
      {error !== null && <LoadError error={error} />}
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && (
        <div aria-busy={loading}>
          <p className="stat-total">
            {data.total === null
              ? t('analytics.totalSuppressed', { k: data.protection.k })
              : t('analytics.glotip.total', { count: formatCount(locale, data.total) })}
          </p>
          <p className="muted">
            {t('analytics.glotip.notes', { country: countryName(language, data.country) })}
            {!data.protection.exact && <> {t('analytics.chart.suppressedNote', { k: data.protection.k })}</>}
          </p>
          {data.cells.length === 0 ? (
            <p className="stat-empty">{t('analytics.empty')}</p>
          ) : (
            glotipYears(data.cells).map(({ year, rows }) => {
              const caption = t('analytics.glotip.caption', { year });
              return (
                <section key={year} className="stat-section" aria-labelledby={`glotip-${year}`}>
                  <h2 id={`glotip-${year}`}>{year}</h2>
                  <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
                    <table className="glotip-table">
                      <caption>{caption}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('analytics.glotip.col.sex')}</th>
                          <th scope="col">{t('analytics.glotip.col.age')}</th>
                          <th scope="col">{t('analytics.glotip.col.citizenship')}</th>
                          {GLOTIP_FORM_ORDER.map((form) => (
                            <th key={form} scope="col" className="numeric">
                              {t(`analytics.glotip.form.${form}`)}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((row) => (
                          <tr key={`${row.sex}-${row.age}-${row.citizenship}`}>
                            <th scope="row">{t(`analytics.glotip.sex.${row.sex}`)}</th>
                            <td>{t(`analytics.glotip.age.${row.age}`)}</td>
                            <td>{t(`analytics.glotip.citizenship.${row.citizenship}`)}</td>
                            {row.counts.map((count, i) => (
                              <td key={GLOTIP_FORM_ORDER[i]} className="numeric">
                                <StatCount count={count} k={data.protection.k} />
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              );
            })
          )}
        </div>
      )}
    </Page>
  );
}
