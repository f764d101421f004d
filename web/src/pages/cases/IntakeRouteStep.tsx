import { useEffect, useState } from 'react';
import { EVENT_TYPES, KENYA_COUNTIES, type EventType } from '@kinga/shared/picklists';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { Field } from '../../components/forms.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { todayIso } from './case-format.ts';
import { HOME_COUNTRY, emptyEvent, type EventValues } from './intake-values.ts';

const MAX_EVENTS = 30;

/** Step 3: the stages of the route (recruitment, transit, exploitation), added, moved and removed. */
export function IntakeRouteStep({
  events,
  setEvents,
  errorOf,
}: {
  events: EventValues[];
  setEvents: (update: (events: EventValues[]) => EventValues[]) => void;
  errorOf: (key: string) => string | undefined;
}) {
  const { t } = useLanguage();
  // After adding, moving or removing a stage, focus goes where the keyboard user expects it.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const update = (index: number, changes: Partial<EventValues>) =>
    setEvents((list) => list.map((e, i) => (i === index ? { ...e, ...changes } : e)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    setEvents((list) => {
      const next = [...list];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(target, 0, moved);
      return next;
    });
    // Keep focus on the button just used, unless the stage reached the end where it is disabled.
    const sameButton = by < 0 ? 'up' : 'down';
    const atEnd = by < 0 ? target === 0 : target === events.length - 1;
    const otherButton = by < 0 ? 'down' : 'up';
    setFocusId(`intake-events-${target}-${atEnd ? otherButton : sameButton}`);
  };
  const remove = (index: number) => {
    setEvents((list) => list.filter((_, i) => i !== index));
    setFocusId(events.length > 1 ? `intake-events-${Math.max(0, index - 1)}-legend` : 'intake-event-add');
  };
  const add = () => {
    const last = events[events.length - 1];
    const nextType: EventType =
      last === undefined ? 'Recruitment' : last.type === 'Recruitment' ? 'Transit' : 'Exploitation';
    setEvents((list) => [...list, emptyEvent(nextType)]);
    setFocusId(`intake-events-${events.length}-type`);
  };

  return (
    <>
      <p className="hint">{t('intake.route.hint')}</p>
      {errorOf('events') && <p className="field-error">{errorOf('events')}</p>}
      {events.length === 0 && <p className="muted">{t('intake.route.empty')}</p>}
      <ol className="event-list">
        {events.map((event, index) => {
          const prefix = `intake-events-${index}`;
          const number = index + 1;
          return (
            <li key={event.key}>
              <fieldset className="event-card">
                <legend id={`${prefix}-legend`} tabIndex={-1}>
                  {t('intake.event.legend', { number })}: {vocabLabel(t, 'eventType', event.type)}
                </legend>
                <Field id={`${prefix}-type`} label={t('intake.event.type')} error={errorOf(`events-${index}-type`)}>
                  {(aria) => (
                    <select
                      {...aria}
                      value={event.type}
                      onChange={(e) =>
                        update(index, { type: EVENT_TYPES.find((x) => x === e.target.value) ?? event.type })
                      }
                    >
                      {EVENT_TYPES.map((x) => (
                        <option key={x} value={x}>
                          {vocabLabel(t, 'eventType', x)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  id={`${prefix}-country`}
                  label={t('intake.event.country')}
                  error={errorOf(`events-${index}-country`)}
                >
                  {(aria) => (
                    <CountrySelect
                      {...aria}
                      value={event.country}
                      placeholder={t('common.notSet')}
                      onChange={(country) =>
                        update(index, { country, countyCode: country === HOME_COUNTRY ? event.countyCode : '' })
                      }
                    />
                  )}
                </Field>
                {event.country === HOME_COUNTRY && (
                  <Field
                    id={`${prefix}-countyCode`}
                    label={t('intake.event.county')}
                    error={errorOf(`events-${index}-countyCode`)}
                  >
                    {(aria) => (
                      <select
                        {...aria}
                        value={event.countyCode}
                        onChange={(e) => update(index, { countyCode: e.target.value })}
                      >
                        <option value="">{t('common.notSet')}</option>
                        {KENYA_COUNTIES.map((c) => (
                          <option key={c.code} value={String(c.code)}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                )}
                <Field
                  id={`${prefix}-place`}
                  label={t('intake.event.place')}
                  hint={t('intake.event.placeHint')}
                  error={errorOf(`events-${index}-place`)}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      type="text"
                      autoComplete="off"
                      maxLength={200}
                      value={event.place}
                      onChange={(e) => update(index, { place: e.target.value })}
                    />
                  )}
                </Field>
                <Field id={`${prefix}-date`} label={t('intake.event.date')} error={errorOf(`events-${index}-date`)}>
                  {(aria) => (
                    <input
                      {...aria}
                      type="date"
                      max={todayIso()}
                      value={event.date}
                      onChange={(e) => update(index, { date: e.target.value })}
                    />
                  )}
                </Field>
                <div className="event-actions">
                  <button
                    type="button"
                    id={`${prefix}-up`}
                    className="button-secondary"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('intake.event.moveUp', { number })}
                  >
                    {t('intake.event.up')}
                  </button>
                  <button
                    type="button"
                    id={`${prefix}-down`}
                    className="button-secondary"
                    disabled={index === events.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('intake.event.moveDown', { number })}
                  >
                    {t('intake.event.down')}
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => remove(index)}
                    aria-label={t('intake.event.removeNumbered', { number })}
                  >
                    {t('intake.event.remove')}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {events.length < MAX_EVENTS && (
        <button type="button" id="intake-event-add" className="button-secondary" onClick={add}>
          {t('intake.event.add')}
        </button>
      )}
    </>
  );
}
