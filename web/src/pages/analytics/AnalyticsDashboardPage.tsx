import { Link } from 'react-router';
import type { StatDashboardDto, StatTable } from '@kinga/shared';
import type { DashboardTableId } from '@kinga/shared/picklists';
import { getAnalyticsDashboard } from '../../api/analytics.ts';
import { LoadError } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { StatFigure } from './charts/StatFigure.tsx';
import { formatCount } from './charts/format-count.ts';
import { isPeriodReversed, readStatFilters } from './stat-filters.ts';
import { StatFiltersForm } from './StatFiltersForm.tsx';

/** How many countries the country charts show before summing the rest as "Other". */
const TOP_COUNTRIES = 10;

interface FigureSpec {
  id: DashboardTableId;
  title: MessageKey;
  kind?: 'columns';
  order?: 'count';
  limit?: number;
  seriesPosition?: 0 | 1;
}

/** The dashboard's sections, each a heading and its figures, in reading order. */
const SECTIONS: { title: MessageKey; figures: FigureSpec[] }[] = [
  {
    title: 'analytics.section.trends',
    figures: [
      { id: 'byYear', title: 'analytics.table.byYear', kind: 'columns' },
      { id: 'byMonth', title: 'analytics.table.byMonth', kind: 'columns' },
    ],
  },
  {
    title: 'analytics.section.victims',
    figures: [
      // Rows by age band, one bar per sex: the CTDC age-sex pyramid read sideways.
      { id: 'genderAge', title: 'analytics.table.genderAge', seriesPosition: 0 },
      { id: 'source', title: 'analytics.table.source' },
    ],
  },
  {
    title: 'analytics.section.exploitation',
    figures: [
      { id: 'exploitation', title: 'analytics.table.exploitation', order: 'count' },
      { id: 'labour', title: 'analytics.table.labour', order: 'count' },
      { id: 'sexType', title: 'analytics.table.sexType', order: 'count' },
    ],
  },
  {
    title: 'analytics.section.control',
    figures: [
      { id: 'control', title: 'analytics.table.control', order: 'count' },
      { id: 'recruiter', title: 'analytics.table.recruiter', order: 'count' },
      { id: 'recruitment', title: 'analytics.table.recruitment', order: 'count' },
    ],
  },
  {
    title: 'analytics.section.countries',
    figures: [
      { id: 'citizenship', title: 'analytics.table.citizenship', limit: TOP_COUNTRIES },
      { id: 'countryOfExploitation', title: 'analytics.table.countryOfExploitation', limit: TOP_COUNTRIES },
    ],
  },
];

/** Where the figures come from and how they are protected, above the figures. */
function ProtectionNotice({ dashboard }: { dashboard: StatDashboardDto }) {
  const { t, locale } = useLanguage();
  const { protection } = dashboard;
  return (
    <div className="stat-overview">
      <p className="stat-total">
        {dashboard.total === null
          ? t('analytics.totalSuppressed', { k: protection.k })
          : t('analytics.total', { count: formatCount(locale, dashboard.total) })}
      </p>
      {protection.exact ? (
        <p className="stat-protection stat-protection-exact">{t('analytics.protection.exact', { k: protection.k })}</p>
      ) : (
        <p className="stat-protection" role="note">
          <strong>{t('analytics.protection.suppressedTitle', { k: protection.k })}</strong>{' '}
          {t('analytics.protection.suppressed', { k: protection.k, count: protection.suppressedCells })}
        </p>
      )}
    </div>
  );
}

/** Links to the other analytics pages, each shown only to those who may open it. */
function AnalyticsLinks() {
  const { t } = useLanguage();
  const { can } = useSession();
  return (
    <nav className="analytics-links" aria-label={t('analytics.links')}>
      <ul>
        <li>
          <Link to="/analytics/flows">{t('analytics.link.flows')}</Link>
        </li>
        <li>
          <Link to="/analytics/glotip">{t('analytics.link.glotip')}</Link>
        </li>
        {(can('analytics:import') || can('case:import')) && (
          <li>
            <Link to="/imports">{t('analytics.link.imports')}</Link>
          </li>
        )}
        {can('analytics:release') && (
          <li>
            <Link to="/releases">{t('analytics.link.releases')}</Link>
          </li>
        )}
        {can('analytics:manage') && (
          <li>
            <Link to="/analytics/settings">{t('analytics.link.settings')}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

/**
 * The analytics dashboard: counts of the de-identified records (Kinga cases and imported
 * CTDC records) by period, sex and age, exploitation, control, recruitment and country,
 * filtered from the address. Every chart has its table and its CSV.
 */
export function AnalyticsDashboardPage() {
  const { t } = useLanguage();
  const { can } = useSession();
  const { params } = useSearchParamsUpdater();
  const filters = readStatFilters(params);
  const reversed = isPeriodReversed(filters);
  const { data, error, loading } = useLoad(JSON.stringify(filters), () =>
    reversed ? Promise.resolve(null) : getAnalyticsDashboard(filters),
  );
  const tableOf = (id: DashboardTableId): StatTable | undefined => data?.tables.find((table) => table.id === id);

  return (
    <Page title={t('analytics.title')} wide>
      <p className="lead">{t('analytics.intro')}</p>
      <AnalyticsLinks />
      <StatFiltersForm idPrefix="analytics" />
      {error !== null && <LoadError error={error} />}
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && (
        <div aria-busy={loading}>
          <ProtectionNotice dashboard={data} />
          {data.total === 0 ? (
            <div className="stat-empty">
              <p>{t('analytics.empty')}</p>
              {(can('analytics:import') || can('case:import')) && (
                <p>
                  <Link to="/imports">{t('analytics.emptyImport')}</Link>
                </p>
              )}
            </div>
          ) : (
            SECTIONS.map((section) => (
              <section key={section.title} className="stat-section" aria-labelledby={`${section.title}-heading`}>
                <h2 id={`${section.title}-heading`}>{t(section.title)}</h2>
                <div className="chart-columns">
                  {section.figures.map((figure) => {
                    const table = tableOf(figure.id);
                    if (!table) return null;
                    return (
                      <StatFigure
                        key={figure.id}
                        table={table}
                        title={t(figure.title)}
                        k={data.protection.k}
                        fileName={`kinga-${figure.id}.csv`}
                        kind={figure.kind}
                        order={figure.order}
                        limit={figure.limit}
                        seriesPosition={figure.seriesPosition}
                      />
                    );
                  })}
                </div>
              </section>
            ))
          )}
        </div>
      )}
    </Page>
  );
}
