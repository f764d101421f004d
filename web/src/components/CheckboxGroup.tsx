import { CheckboxField } from './forms.tsx';

/**
 * A multi-select as a fieldset of checkboxes with a legend; `selected` keeps the order of
 * `codes`. With `max`, unticked boxes are disabled once that many are ticked.
 */
export function CheckboxGroup<T extends string>({
  id,
  legend,
  hint,
  error,
  codes,
  labelOf,
  selected,
  onChange,
  max,
  disabled,
  columns,
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  codes: readonly T[];
  labelOf: (code: T) => string;
  selected: readonly T[];
  onChange: (next: T[]) => void;
  max?: number;
  disabled?: boolean;
  /** Lays long lists out in columns on wider screens. */
  columns?: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const full = max !== undefined && selected.length >= max;
  const handleToggle = (code: T, checked: boolean) => {
    onChange(codes.filter((c) => (c === code ? checked : selected.includes(c))));
  };
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'checkbox-group field-invalid' : 'checkbox-group'}
      aria-describedby={describedBy}
      disabled={disabled}
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
      <div className={columns ? 'checkbox-columns' : undefined}>
        {codes.map((code) => {
          const checked = selected.includes(code);
          return (
            <CheckboxField
              key={code}
              id={`${id}-${code}`}
              label={labelOf(code)}
              checked={checked}
              disabled={!checked && full}
              onChange={(next) => handleToggle(code, next)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

/** A single choice among a few options as a fieldset of radio buttons with a legend. */
export function RadioGroup<T extends string>({
  id,
  name,
  legend,
  hint,
  error,
  codes,
  labelOf,
  value,
  onChange,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  codes: readonly T[];
  labelOf: (code: T) => string;
  value: T | '';
  onChange: (next: T) => void;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
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
      {codes.map((code) => (
        <div key={code} className="field checkbox-field">
          <input
            type="radio"
            id={`${id}-${code}`}
            name={name}
            value={code}
            checked={value === code}
            onChange={() => onChange(code)}
          />
          <label htmlFor={`${id}-${code}`}>{labelOf(code)}</label>
        </div>
      ))}
    </fieldset>
  );
}
