import { useState } from 'react';
import { useLanguage } from '../../i18n/i18n.tsx';

/**
 * A multi-choice from a long list (agencies, counties): chosen values as removable chips and
 * a select with an Add button. Narrower than a long column of checkboxes on a phone.
 */
export function ChipPicker({
  id,
  legend,
  hint,
  error,
  options,
  selected,
  onChange,
  emptyText,
  chooseLabel,
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  emptyText: string;
  chooseLabel: string;
}) {
  const { t } = useLanguage();
  const [choice, setChoice] = useState('');
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const labelOf = (value: string) => options.find((o) => o.value === value)?.label ?? value;
  const available = options.filter((o) => !selected.includes(o.value));

  const handleAdd = () => {
    if (!choice || selected.includes(choice)) return;
    onChange([...selected, choice]);
    setChoice('');
  };

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'checkbox-group field-invalid' : 'checkbox-group'}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {selected.length > 0 ? (
        <ul className="chip-list">
          {selected.map((value) => (
            <li key={value} className="chip">
              <span>{labelOf(value)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('plans.form.removeNamed', { name: labelOf(value) })}
                onClick={() => onChange(selected.filter((v) => v !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{emptyText}</p>
      )}
      <div className="add-row">
        <label htmlFor={`${id}-choice`} className="visually-hidden">
          {chooseLabel}
        </label>
        <select id={`${id}-choice`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{chooseLabel}</option>
          {available.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="button" className="button-secondary" disabled={!choice} onClick={handleAdd}>
          {t('plans.form.add')}
        </button>
      </div>
    </fieldset>
  );
}
