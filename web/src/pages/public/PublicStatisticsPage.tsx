import { Link } from 'react-router';
import type { PublicStatisticsDto, PublicStatTableId, StatTable } from '@kinga/shared';
import { getPublicStatistics } from '../../api/public-stats.ts';
import { LoadError } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { StatCount } from '../analytics/charts/StatTableView.tsx';
import { StatFigure } from '../analytics/charts/StatFigure.tsx';
import { statKeyLabel } from '../analytics/charts/stat-labels.ts';
import { periodOptions } from '../analytics/stat-filters.ts';

const PERIOD = /^\d{4}$/;

interface FigureSpec {
  id: PublicStatTableId;
  title: MessageKey;
  kind?: 'columns';
  order?: 'count';
  seriesPosition?: 0 | 1;
  top?: boolean;
}

/** The page's sections, each a heading and its figures, in reading order. */
const SECTIONS: { title: MessageKey; figures: FigureSpec[] }[] = [
  {
    title: 'publicStats.section.trends',
    figures: [{ id: 'byYear', title: 'publicStats.table.byYear', kind: 'columns' }],
  },
  {
    title: 'publicStats.section.victims',
    figures: [
      { id: 'genderAge', title: 'publicStats.table.genderAge', seriesPosition: 0 },
      { id: 'gender', title: 'publicStats.table.gender' },
      { id: 'ageBand', title: 'publicStats.table.ageBand' },
    ],
  },
  {
    title: 'publicStats.section.exploitation',
    figures: [{ id: 'exploitation', title: 'publicStats.table.exploitation', order: 'count' }],
  },
  {
    title: 'publicStats.section.countries',
    figures: [
      { id: 'citizenship', title: 'publicStats.table.citizenship', order: 'count', top: true },
      { id: 'countryOfExploitation', title: 'publicStats.table.countryOfExploitation', order: 'count', top: true },
    ],
  },
];

/** The period from the address: whole years only, as the page offers them. */
function readPeriod(params: URLSearchParams): { from?: string; to?: string } {
  const from = params.get('from');
  const to = params.get('to');
  return {
    ...(from && PERIOD.test(from) ? { from } : {}),
    ...(to && PERIOD.test(to) && (!from || !PERIOD.test(from) || from <= to) ? { to } : {}),
  };
}

/** From and to years, kept in the address so a period can be bookmarked and shared. */
function PeriodForm({ from, to }: { from?: string; to?: string }) {
  const { t } = useLanguage();
  const { update } = useSearchParamsUpdater();
  const years = periodOptions(new Date().getFullYear(), undefined);
  const select = (name: 'from' | 'to', value: string | undefined) => (
    <div className="field">
      <label htmlFor={`public-stats-${name}`}>
        {t(name === 'from' ? 'analytics.filter.from' : 'analytics.filter.to')}
      </label>
      <select id={`public-stats-${name}`} value={value ?? ''} onChange={(e) => update({ [name]: e.target.value })}>
        <option value="">{t(name === 'from' ? 'analytics.filter.fromAny' : 'analytics.filter.toAny')}</option>
        {years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      className="filters public-stats-period"
      role="search"
      aria-label={t('publicStats.period')}
      onSubmit={(e) => e.preventDefault()}
    >
      {select('from', from)}
      {select('to', to)}
      {(from || to) && (
        <button type="button" className="button-secondary" onClick={() => update({ from: undefined, to: undefined })}>
          {t('publicStats.reset')}
        </button>
      )}
    </form>
  );
}

/** A one-way table's count for a key: null when hidden, 0 when the category does not occur. */
function cellOf(table: StatTable | undefined, key: string): number | null {
  const cell = table?.cells.find((c) => c.keys[0] === key);
  return cell ? cell.count : 0;
}

/** The headline numbers: total, by sex, and the most frequent form of exploitation. */
function KeyFigures({ data }: { data: PublicStatisticsDto }) {
  const { t } = useLanguage();
  const k = data.protection.k;
  const tableOf = (id: PublicStatTableId) => data.tables.find((table) => table.id === id);
  const gender = tableOf('gender');
  const forms = (tableOf('exploitation')?.cells ?? []).filter(
    (cell): cell is { keys: string[]; count: number } => cell.count !== null && cell.count > 0 && cell.keys[0] !== null,
  );
  const top = forms.sort((a, b) => b.count - a.count)[0];
  return (
    <section aria-labelledby="public-stats-figures">
      <h2 id="public-stats-figures" className="visually-hidden">
        {t('publicStats.figures')}
      </h2>
      <dl className="stat-grid public-stats-figures">
        <div>
          <dt>{t('publicStats.figure.total')}</dt>
          <dd>
            <StatCount count={data.total} k={k} />
          </dd>
        </div>
        <div>
          <dt>{t('publicStats.figure.female')}</dt>
          <dd>
            <StatCount count={cellOf(gender, 'Female')} k={k} />
          </dd>
        </div>
        <div>
          <dt>{t('publicStats.figure.male')}</dt>
          <dd>
            <StatCount count={cellOf(gender, 'Male')} k={k} />
          </dd>
        </div>
        <div>
          <dt>{t('publicStats.figure.topForm')}</dt>
          <dd className="public-stats-form">
            {top ? statKeyLabel(t, 'exploitation', top.keys[0]!) : t('publicStats.figure.none')}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * National statistics for everyone, signed in or not: key figures, charts with their tables
 * and CSV, by period. The server always protects these figures (counts below k and the
 * cells that would reveal them are hidden), whoever asks.
 */
export function PublicStatisticsPage() {
  const { t } = useLanguage();
  const { user } = useSession();
  const { params } = useSearchParamsUpdater();
  const period = readPeriod(params);
  const { data, error, loading } = useLoad(JSON.stringify(period), () => getPublicStatistics(period));
  const tableOf = (id: PublicStatTableId) => data?.tables.find((table) => table.id === id);

  return (
    <Page title={t('publicStats.title')} wide>
      <p className="lead">{t('publicStats.intro')}</p>
      {!user && (
        <p>
          <Link to="/sign-in">{t('publicStats.signIn')}</Link>
        </p>
      )}
      <PeriodForm {...period} />
      {error !== null && <LoadError error={error} />}
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && (
        <div aria-busy={loading}>
          <p className="stat-protection" role="note">
            <strong>{t('publicStats.protectionTitle')}</strong>{' '}
            {t('publicStats.protection', { k: data.protection.k, count: data.protection.suppressedCells })}
          </p>
          <KeyFigures data={data} />
          {data.total === 0 ? (
            <p className="stat-empty">{t('publicStats.empty')}</p>
          ) : (
            SECTIONS.map((section) => (
              <section key={section.title} className="stat-section" aria-labelledby={`public-${section.title}`}>
                <h2 id={`public-${section.title}`}>{t(section.title)}</h2>
                <div className="chart-columns">
                  {section.figures.map((figure) => {
                    const table = tableOf(figure.id);
                    if (!table) return null;
                    const title = t(figure.title, { count: data.topCategories });
                    return (
                      <StatFigure
                        key={figure.id}
                        table={table}
                        title={title}
                        k={data.protection.k}
                        fileName={`kinga-statistics-${figure.id}`}
                        kind={figure.kind}
                        order={figure.order}
                        seriesPosition={figure.seriesPosition}
                        description={figure.top ? t('publicStats.topNote') : undefined}
                      />
                    );
                  })}
                </div>
              </section>
            ))
          )}
          <p className="muted">{t('publicStats.source')}</p>
        </div>
      )}
    </Page>
  );
}
