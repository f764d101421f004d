import { useMemo, useState, type FormEvent } from 'react';
import { ACTIVITY_AREAS, COORDINATION_BODIES, type County } from '@kinga/shared/picklists';
import { getPartnerMatrix } from '../../api/coordination.ts';
import { LoadError } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryTabs } from '../../components/QueryTabs.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { oneOf, useSearchParamsUpdater } from '../../components/useSearchParamsUpdater.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel, vocabOptions } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { BoundaryUpload } from './BoundaryUpload.tsx';
import { CountyPartners } from './CountyPartners.tsx';
import { PartnerDirectory } from './PartnerDirectory.tsx';
import { PartnerMatrix } from './PartnerMatrix.tsx';
import { countiesWithCentres } from './partner-format.ts';

const VIEWS = ['directory', 'matrix', 'map'] as const;
type View = (typeof VIEWS)[number];
const VIEW_LABELS: Record<View, MessageKey> = {
  directory: 'partners.tab.directory',
  matrix: 'partners.tab.matrix',
  map: 'partners.tab.map',
};

function MatrixView({
  area,
  countyCode,
  counties,
}: {
  area: string | undefined;
  countyCode: number | undefined;
  counties: readonly County[];
}) {
  const { t } = useLanguage();
  const loaded = useLoad(JSON.stringify({ area, countyCode }), () => getPartnerMatrix({ area, countyCode }));
  return (
    <section aria-labelledby="partners-matrix-title">
      <h2 id="partners-matrix-title" className="visually-hidden">
        {t('partners.tab.matrix')}
      </h2>
      {loaded.error ? <LoadError error={loaded.error} /> : null}
      {loaded.data ? (
        <PartnerMatrix
          matrix={loaded.data}
          counties={counties}
          filtered={area !== undefined || countyCode !== undefined}
        />
      ) : (
        !loaded.error && <p role="status">{t('common.loading')}</p>
      )}
    </section>
  );
}

function MapView({
  area,
  counties,
  iso2,
  matrixLink,
}: {
  area: string | undefined;
  counties: readonly County[];
  iso2: string;
  matrixLink: (countyCode: number) => string;
}) {
  const { t } = useLanguage();
  const { can } = useSession();
  const [boundariesVersion, setBoundariesVersion] = useState(0);
  const loaded = useLoad(JSON.stringify({ area }), () => getPartnerMatrix({ area }));
  return (
    <section aria-labelledby="partners-map-title">
      <h2 id="partners-map-title">
        {area
          ? t('partners.map.headingArea', { area: vocabLabel(t, 'activityArea', area) })
          : t('partners.map.heading')}
      </h2>
      <p className="hint">{t('partners.map.intro')}</p>
      {loaded.error ? <LoadError error={loaded.error} /> : null}
      {loaded.data ? (
        <CountyPartners
          matrix={loaded.data}
          counties={counties}
          iso2={iso2}
          areaLabel={area ? vocabLabel(t, 'activityArea', area) : null}
          boundariesVersion={boundariesVersion}
          matrixLink={matrixLink}
        />
      ) : (
        !loaded.error && <p role="status">{t('common.loading')}</p>
      )}
      {can('agency:manage') && (
        <BoundaryUpload counties={counties} onUploaded={() => setBoundariesVersion((v) => v + 1)} />
      )}
    </section>
  );
}

/** Partners: the directory, the "who does what where" matrix and the county map. */
export function PartnersPage() {
  const { t } = useLanguage();
  const { instance } = useSession();
  const { params, update, clear } = useSearchParamsUpdater();
  const counties = useMemo(() => countiesWithCentres(instance), [instance]);
  const view: View = oneOf(VIEWS, params.get('view')) ?? 'directory';
  const q = params.get('q') ?? '';
  const body = oneOf(COORDINATION_BODIES, params.get('body'));
  const area = oneOf(ACTIVITY_AREAS, params.get('area'));
  const countyParam = Number(params.get('countyCode'));
  const countyCode = counties.some((c) => c.code === countyParam) ? countyParam : undefined;
  const [search, setSearch] = useState(q);

  const shows = { q: view === 'directory', body: view === 'directory', county: view !== 'map' };
  const filtered =
    (shows.q && q !== '') || (shows.body && body !== undefined) || area !== undefined || (shows.county && !!countyCode);
  const viewLink = (v: View, extra: Record<string, string>) =>
    `?${new URLSearchParams({ ...Object.fromEntries(params), view: v, ...extra }).toString()}`;

  const handleSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: search.trim().slice(0, 100) || undefined });
  };
  const handleClear = () => {
    setSearch('');
    clear();
    update({ view });
  };

  return (
    <Page title={t('partners.title')} wide>
      <QueryTabs
        param="view"
        values={VIEWS}
        current={view}
        label={t('partners.viewLabel')}
        labelOf={(v) => t(VIEW_LABELS[v])}
      />

      <form className="filters" role="search" aria-label={t('common.filters')} noValidate onSubmit={handleSearch}>
        {shows.q && (
          <div className="field">
            <label htmlFor="partners-q">{t('partners.filter.q')}</label>
            <div className="search-row">
              <input
                id="partners-q"
                type="search"
                maxLength={100}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <button type="submit">{t('common.search')}</button>
            </div>
          </div>
        )}
        {shows.body && (
          <div className="field">
            <label htmlFor="partners-body">{t('partners.filter.body')}</label>
            <select id="partners-body" value={body ?? ''} onChange={(e) => update({ body: e.target.value })}>
              <option value="">{t('partners.filter.anyBody')}</option>
              {vocabOptions(t, 'coordinationBody', COORDINATION_BODIES).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="partners-area">{t('partners.filter.area')}</label>
          <select id="partners-area" value={area ?? ''} onChange={(e) => update({ area: e.target.value })}>
            <option value="">{t('partners.filter.anyArea')}</option>
            {vocabOptions(t, 'activityArea', ACTIVITY_AREAS).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {shows.county && (
          <div className="field">
            <label htmlFor="partners-county">{t('partners.filter.county')}</label>
            <select
              id="partners-county"
              value={countyCode ?? ''}
              onChange={(e) => update({ countyCode: e.target.value })}
            >
              <option value="">{t('partners.filter.anyCounty')}</option>
              {counties.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {filtered && (
          <button type="button" className="button-secondary" onClick={handleClear}>
            {t('common.clearFilters')}
          </button>
        )}
      </form>

      {view === 'directory' && (
        <PartnerDirectory
          query={{ q: q || undefined, body, area, countyCode, limit: 50 }}
          counties={counties}
          filtered={filtered}
        />
      )}
      {view === 'matrix' && <MatrixView area={area} countyCode={countyCode} counties={counties} />}
      {view === 'map' && (
        <MapView
          area={area}
          counties={counties}
          iso2={instance.country.iso2}
          matrixLink={(code) => viewLink('matrix', { countyCode: String(code) })}
        />
      )}
    </Page>
  );
}
