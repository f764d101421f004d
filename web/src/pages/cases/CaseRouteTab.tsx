import { Component, Suspense, lazy, useId, type ReactNode } from 'react';
import type { CaseDto } from '@kinga/shared';
import { useLanguage } from '../../i18n/i18n.tsx';
import { countryName, vocabLabel } from '../../i18n/vocab.ts';
import { countyName } from '../../components/labels.ts';
import { useSession } from '../../session/session.tsx';
import { formatDay } from './case-format.ts';

// The atlas and projection code load only when a route is shown (their own chunk).
const RouteMap = lazy(() => import('./RouteMap.tsx').then((m) => ({ default: m.RouteMap })));

/** Shows `fallback` instead of the map when its chunk cannot load (a dropped connection). */
class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The victim's route: its stages as a timeline in recorded order, and a map of its countries. */
export function CaseRouteTab({ caseDto }: { caseDto: CaseDto; reload: () => void }) {
  const { t, language, locale } = useLanguage();
  const { instance } = useSession();
  const timelineId = useId();
  const events = caseDto.events ?? [];
  const stops = events.flatMap((event, i) => (event.country ? [{ iso2: event.country, number: i + 1 }] : []));

  return (
    <>
      <h2>{t('cases.tab.route')}</h2>
      {events.length === 0 ? (
        <p>{t('cases.route.none')}</p>
      ) : (
        <ol className="timeline" id={timelineId} aria-label={t('cases.route.timeline')}>
          {events.map((event) => {
            const where = [
              event.place,
              event.country === instance.country.iso2 ? countyName(instance, event.countyCode) : '',
              event.country ? countryName(language, event.country) : '',
            ].filter(Boolean);
            return (
              <li key={event.id} className={`timeline-item timeline-${event.type}`}>
                <span className="timeline-type">{vocabLabel(t, 'eventType', event.type)}</span>
                {event.date ? (
                  <time className="timeline-date" dateTime={event.date}>
                    {formatDay(event.date, locale)}
                  </time>
                ) : (
                  <span className="timeline-date muted">{t('cases.route.noDate')}</span>
                )}
                <span className="timeline-place">
                  {where.length > 0 ? where.join(', ') : <span className="muted">{t('cases.route.noPlace')}</span>}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {stops.length > 0 && (
        <MapBoundary fallback={<p className="muted">{t('cases.route.mapFailed')}</p>}>
          <Suspense fallback={<p className="route-map-loading">{t('cases.route.mapLoading')}</p>}>
            <RouteMap stops={stops} describedBy={timelineId} />
          </Suspense>
        </MapBoundary>
      )}
    </>
  );
}
