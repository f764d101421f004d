import { Component, Suspense, lazy, useId, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { StatFlowsDto, StatTable } from '@kinga/shared';
import { getFlows } from '../../api/flows.ts';
import { LoadError } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { CsvDownloadButton } from '../analytics/charts/CsvDownloadButton.tsx';
import { formatCount } from '../analytics/charts/format-count.ts';
import { readStatFilters } from '../analytics/stat-filters.ts';
import { StatFiltersForm } from '../analytics/StatFiltersForm.tsx';
import { countiesWithCentres, shadeClasses, type ShadeClass } from '../partners/partner-format.ts';
import { countsByKey, countyLinks, placeLinks } from './flow-data.ts';
import { flowKeyLabel } from './flow-labels.ts';
import { FlowLinksTable } from './FlowLinksTable.tsx';
import { SankeyDiagram } from './SankeyDiagram.tsx';

// The maps load with the atlas and projection code, in the chunk they share with the case route map.
const WorldFlowMap = lazy(() => import('./FlowMaps.tsx').then((m) => ({ default: m.WorldFlowMap })));
const CountyFlowMap = lazy(() => import('./FlowMaps.tsx').then((m) => ({ default: m.CountyFlowMap })));

/** Shows `fallback` instead of a map whose chunk cannot load (a dropped connection). */
class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function MapSlot({ children }: { children: ReactNode }) {
  const { t } = useLanguage();
  return (
    <MapBoundary fallback={<p className="muted">{t('flows.map.failed')}</p>}>
      <Suspense fallback={<p className="flow-map-loading">{t('flows.map.loading')}</p>}>{children}</Suspense>
    </MapBoundary>
  );
}

/** Which shade stands for how many victims, and what an arrow means. */
function MapLegend({ title, classes, arcs }: { title: string; classes: readonly ShadeClass[]; arcs: string }) {
  const { t, locale } = useLanguage();
  return (
    <div className="flow-legend">
      <p className="flow-legend-title">{title}</p>
      <ul>
        {classes.map((c) => (
          <li key={c.from}>
            <svg className="flow-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect x="1" y="1" width="14" height="14" className={`flow-swatch-box flow-shade-${c.shade}`} />
            </svg>
            {c.from === c.to
              ? t('flows.legend.classOne', { count: formatCount(locale, c.from) })
              : t('flows.legend.classRange', { from: formatCount(locale, c.from), to: formatCount(locale, c.to) })}
          </li>
        ))}
        <li>
          <svg className="flow-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="14" height="14" className="flow-swatch-box flow-map-land" />
          </svg>
          {t('flows.legend.none')}
        </li>
        <li>
          <svg className="flow-swatch flow-swatch-wide" viewBox="0 0 32 16" aria-hidden="true" focusable="false">
            <path d="M2,12Q16,0 28,10" fill="none" strokeWidth="3" className="flow-arc" />
          </svg>
          {arcs}
        </li>
      </ul>
    </div>
  );
}

/** A disclosure with the figures as tables, and their CSV downloads. */
function FigureTables({
  title,
  children,
  downloads,
}: {
  title: string;
  children: ReactNode;
  downloads: { table: StatTable; caption: string; fileName: string }[];
}) {
  const { t } = useLanguage();
  return (
    <>
      <details className="disclosure flow-tables">
        <summary>
          {t('flows.showTable')}
          <span className="visually-hidden">: {title}</span>
        </summary>
        {children}
      </details>
      <ul className="flow-downloads">
        {downloads.map((d) => (
          <li key={d.fileName}>
            {downloads.length > 1 && <span className="block">{d.caption}</span>}
            <CsvDownloadButton table={d.table} fileName={d.fileName} label={d.caption} />
          </li>
        ))}
      </ul>
    </>
  );
}

function SankeySection({ flows }: { flows: StatFlowsDto }) {
  const { t } = useLanguage();
  const tablesId = useId();
  const title = t('flows.sankey.heading');
  const k = flows.protection.k;
  const { originTransit, transitExploitation } = flows.countries;
  return (
    <section className="stat-section flow-section" aria-labelledby={`${tablesId}-heading`}>
      <h2 id={`${tablesId}-heading`}>{title}</h2>
      <p className="muted">{t('flows.sankey.description')}</p>
      <SankeyDiagram flows={flows} describedBy={tablesId} />
      <FigureTables
        title={title}
        downloads={[
          {
            table: originTransit,
            caption: t('flows.table.originTransit'),
            fileName: 'kinga-flows-origin-transit.csv',
          },
          {
            table: transitExploitation,
            caption: t('flows.table.transitExploitation'),
            fileName: 'kinga-flows-transit-exploitation.csv',
          },
        ]}
      >
        <div id={tablesId}>
          <FlowLinksTable table={originTransit} caption={t('flows.table.originTransit')} k={k} label={flowKeyLabel} />
          <FlowLinksTable
            table={transitExploitation}
            caption={t('flows.table.transitExploitation')}
            k={k}
            label={flowKeyLabel}
          />
        </div>
      </FigureTables>
    </section>
  );
}

function WorldSection({ flows }: { flows: StatFlowsDto }) {
  const { t } = useLanguage();
  const tableId = useId();
  const title = t('flows.world.heading');
  const table = flows.countries.originExploitation;
  const exploited = countsByKey(flows.countries.exploitation);
  const classes = shadeClasses([...exploited.values()]);
  return (
    <section className="stat-section flow-section" aria-labelledby={`${tableId}-heading`}>
      <h2 id={`${tableId}-heading`}>{title}</h2>
      <p className="muted">{t('flows.world.description')}</p>
      <div className="flow-map-layout">
        <MapSlot>
          <WorldFlowMap links={placeLinks(table)} exploited={exploited} classes={classes} describedBy={tableId} />
        </MapSlot>
        <MapLegend title={t('flows.world.legend')} classes={classes} arcs={t('flows.world.arcLegend')} />
      </div>
      <FigureTables
        title={title}
        downloads={[
          { table, caption: t('flows.table.originExploitation'), fileName: 'kinga-flows-origin-exploitation.csv' },
        ]}
      >
        <FlowLinksTable
          id={tableId}
          table={table}
          caption={t('flows.table.originExploitation')}
          k={flows.protection.k}
          label={flowKeyLabel}
        />
      </FigureTables>
    </section>
  );
}

function CountySection({ flows }: { flows: StatFlowsDto }) {
  const { t } = useLanguage();
  const { instance } = useSession();
  const tableId = useId();
  const title = t('flows.county.heading');
  const counties = useMemo(() => countiesWithCentres(instance), [instance]);
  const table = flows.counties.originExploitation;
  const exploited = new Map([...countsByKey(flows.counties.exploitation)].map(([code, n]) => [Number(code), n]));
  const classes = shadeClasses([...exploited.values()]);
  return (
    <section className="stat-section flow-section" aria-labelledby={`${tableId}-heading`}>
      <h2 id={`${tableId}-heading`}>{title}</h2>
      <p className="muted">{t('flows.county.description')}</p>
      <div className="flow-map-layout">
        <MapSlot>
          <CountyFlowMap
            counties={counties}
            iso2={instance.country.iso2}
            links={countyLinks(table)}
            exploited={exploited}
            classes={classes}
            describedBy={tableId}
          />
        </MapSlot>
        <MapLegend title={t('flows.county.legend')} classes={classes} arcs={t('flows.county.arcLegend')} />
      </div>
      <FigureTables
        title={title}
        downloads={[{ table, caption: t('flows.table.counties'), fileName: 'kinga-flows-counties.csv' }]}
      >
        <FlowLinksTable id={tableId} table={table} caption={t('flows.table.counties')} k={flows.protection.k} />
      </FigureTables>
    </section>
  );
}

/** How many victims the figures count and how they are protected. */
function ProtectionNotice({ flows }: { flows: StatFlowsDto }) {
  const { t, locale } = useLanguage();
  const { protection } = flows;
  return (
    <div className="stat-overview">
      <p className="stat-total">
        {/* A hidden total is not necessarily below k: complementary suppression may hide it too. */}
        {flows.total === null
          ? t('flows.totalHidden')
          : t('analytics.total', { count: formatCount(locale, flows.total) })}
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

/**
 * Trafficking flows under the dashboard's filters (kept in the address): a flow diagram of
 * origin or citizenship → transit → exploitation, a world map and a county map, each with its
 * table and CSV.
 */
export function FlowsPage() {
  const { t } = useLanguage();
  const { params } = useSearchParamsUpdater();
  const filters = readStatFilters(params);
  const { data, error, loading } = useLoad(JSON.stringify(filters), () => getFlows(filters));
  const query = params.toString();

  return (
    <Page title={t('flows.title')} wide>
      <p className="lead">{t('flows.intro')}</p>
      <p>
        <Link to={query ? `/analytics?${query}` : '/analytics'}>{t('flows.backToDashboard')}</Link>
      </p>
      <StatFiltersForm idPrefix="flows" />
      {error !== null && <LoadError error={error} />}
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && (
        <div aria-busy={loading}>
          <ProtectionNotice flows={data} />
          {data.total === 0 ? (
            <p className="stat-empty">{t('flows.empty')}</p>
          ) : (
            <>
              <SankeySection flows={data} />
              <WorldSection flows={data} />
              <CountySection flows={data} />
            </>
          )}
        </div>
      )}
    </Page>
  );
}
