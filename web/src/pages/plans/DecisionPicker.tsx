import { useEffect, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { DecisionListItemDto } from '@kinga/shared';
import { listDecisions } from '../../api/plans.ts';
import { CheckboxField, describeError } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/i18n.tsx';

/**
 * Picks the meeting decision a workflow step rests on: decisions of the plan's meetings by
 * default, found by text. Not a form of its own, so it can sit inside the step's form.
 */
export function DecisionPicker({
  id,
  planId,
  value,
  onChange,
  error,
  required,
}: {
  id: string;
  planId: string;
  value: DecisionListItemDto | null;
  onChange: (decision: DecisionListItemDto | null) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t, locale } = useLanguage();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [allMeetings, setAllMeetings] = useState(false);
  const [results, setResults] = useState<DecisionListItemDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setLoadError(null);
    listDecisions({ ...(allMeetings ? {} : { planId }), ...(query ? { q: query } : {}), limit: 20 })
      .then((page) => {
        if (!cancelled) setResults(page.items);
      })
      .catch((e: unknown) => {
        if (!cancelled) setLoadError(describeError(e, t));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [planId, query, allMeetings, t]);

  const handleSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches instead of submitting the step's form around the picker.
    if (event.key === 'Enter') {
      event.preventDefault();
      setQuery(text.trim());
    }
  };

  const errorId = error ? `${id}-error` : undefined;
  const labelOf = (d: DecisionListItemDto) => t('plans.decision.number', { number: d.number });
  const shown = results ?? [];
  // The chosen decision stays listed when a new search leaves it out.
  const options = value && !shown.some((d) => d.id === value.id) ? [value, ...shown] : shown;

  return (
    <fieldset id={id} tabIndex={-1} className={error ? 'checkbox-group field-invalid' : 'checkbox-group'}>
      <legend>
        {t('plans.decision.legend')}
        {!required && <span className="muted"> {t('plans.optional')}</span>}
      </legend>
      <p className="hint">
        {t('plans.decision.hint')} <Link to="/meetings">{t('plans.decision.meetingsLink')}</Link>
      </p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="search-row decision-search">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('plans.decision.search')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          placeholder={t('plans.decision.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={handleSearchKey}
        />
        <button type="button" className="button-secondary" onClick={() => setQuery(text.trim())}>
          {t('common.search')}
        </button>
      </div>
      <CheckboxField
        id={`${id}-all`}
        label={t('plans.decision.allMeetings')}
        hint={t('plans.decision.allMeetingsHint')}
        checked={allMeetings}
        onChange={setAllMeetings}
      />
      <p role="status" className="list-status">
        {loading
          ? t('common.loading')
          : loadError
            ? loadError
            : options.length === 0
              ? t('plans.decision.none')
              : t('plans.decision.count', { count: options.length })}
      </p>
      {options.length > 0 && (
        <ul className="decision-options">
          {options.map((d) => (
            <li key={d.id} className="checkbox-field">
              <input
                type="radio"
                id={`${id}-${d.id}`}
                name={`${id}-decision`}
                checked={value?.id === d.id}
                aria-describedby={errorId}
                onChange={() => onChange(d)}
              />
              <label htmlFor={`${id}-${d.id}`}>
                <strong>{labelOf(d)}</strong>: {d.text}
                <span className="block hint">
                  {t('plans.decision.meeting', {
                    title: d.meetingTitle,
                    date: formatDateTime(d.meetingStartsAt, locale),
                  })}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {value && !required && (
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {t('plans.decision.clear')}
        </button>
      )}
    </fieldset>
  );
}
