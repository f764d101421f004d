import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useLanguage, useT, type Translate } from '../i18n/i18n.tsx';
import type { Language } from '@kinga/shared';

export type FieldErrors = Record<string, string>;

interface FormErrorState {
  fields: FieldErrors;
  general: string[];
  /** Bumped on every failed submit so the summary takes focus again. */
  attempt: number;
}

/** Server issue codes with a message of our own, in every language. */
const KNOWN_ISSUES: Record<string, MessageKey> = {
  wrong_password: 'errors.wrongPassword',
  invalid_totp: 'profile.mfaWrongCode',
  too_short: 'errors.passwordShort',
  common: 'errors.passwordCommon',
  repetitive: 'errors.passwordRepetitive',
  contains_email: 'errors.passwordContainsEmail',
  unknown_agency: 'errors.unknownAgency',
};

/** Generic messages by zod issue code, for languages the server does not speak. */
const GENERIC_ISSUES: Record<string, MessageKey> = {
  too_small: 'issue.too_small',
  too_big: 'issue.too_big',
  invalid_format: 'issue.invalid_format',
  invalid_string: 'issue.invalid_format',
  invalid_type: 'issue.invalid_type',
  invalid_value: 'issue.invalid_value',
  invalid_enum_value: 'issue.invalid_value',
};

/** Conflicts (409) that belong to one field of the form. */
const CONFLICT_FIELDS: Record<string, { field: string; key: MessageKey }> = {
  email_taken: { field: 'email', key: 'errors.emailTaken' },
  agency_name_taken: { field: 'name', key: 'errors.agencyNameTaken' },
};

/** Conflicts shown as a sentence above the form. */
const CONFLICT_MESSAGES: Record<string, MessageKey> = {
  own_account: 'errors.ownAccount',
  own_agency: 'errors.ownAgency',
  mfa_required: 'profile.mfaMustKeep',
};

/**
 * The message of a server issue: our own wording for codes we know; otherwise English
 * readers get the server's (specific) wording and others a translated one by zod code.
 */
export function issueMessage(issue: { message: string; code: string }, t: Translate, language: Language): string {
  const known = KNOWN_ISSUES[issue.code];
  if (known) return t(known);
  if (language === 'en' && issue.message) return issue.message;
  const key = GENERIC_ISSUES[issue.code];
  return key ? t(key) : t('issue.other');
}

/** The form field an issue path names: "body.roles.0" → "roles". */
function fieldOfPath(path: string): string {
  return path.replace(/^(body|query|params)(\.|$)/, '').split(/[.[]/)[0] ?? '';
}

/** A translated sentence for an API error that is not about one field. */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errors.generic', { requestId: '—' });
  if (error.status === 0) return t('errors.network');
  if (error.status === 401) return t('errors.sessionEnded');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 409) return t('errors.conflict');
  if (error.status === 429) return t('errors.tooManyAttempts');
  if (error.status === 400 || error.status === 422) return t('errors.validation');
  return t('errors.generic', { requestId: error.requestId ?? '—' });
}

/** Error state of one form: field errors, form-level errors and the summary's focus. */
export function useFormErrors() {
  const { t, language } = useLanguage();
  const [state, setState] = useState<FormErrorState>({ fields: {}, general: [], attempt: 0 });

  const clear = useCallback(() => setState((s) => ({ fields: {}, general: [], attempt: s.attempt })), []);

  const fail = useCallback((fields: FieldErrors, general: string[] = []) => {
    setState((s) => ({ fields, general, attempt: s.attempt + 1 }));
  }, []);

  /** Shows an API error: issues on known fields go next to them, the rest in the summary. */
  const failWith = useCallback(
    (error: unknown, knownFields: readonly string[], overrides: Partial<Record<string, string>> = {}) => {
      const fields: FieldErrors = {};
      const general: string[] = [];
      if (error instanceof ApiError) {
        const conflictField = CONFLICT_FIELDS[error.code];
        const conflictMessage = CONFLICT_MESSAGES[error.code];
        const override = overrides[error.code] ?? (conflictMessage ? t(conflictMessage) : undefined);
        if (override) general.push(override);
        if (conflictField && knownFields.includes(conflictField.field)) {
          fields[conflictField.field] = t(conflictField.key);
        }
        for (const issue of error.issues) {
          const field = fieldOfPath(issue.path);
          const message = issueMessage(issue, t, language);
          if (knownFields.includes(field) && !fields[field]) fields[field] = message;
          else general.push(message);
        }
        if (!override && general.length === 0 && Object.keys(fields).length === 0) {
          general.push(describeError(error, t));
        }
      } else {
        general.push(describeError(error, t));
      }
      fail(fields, general);
    },
    [fail, t, language],
  );

  return { ...state, clear, fail, failWith };
}

/** The list of a form's problems, announced and focused whenever a submit fails. */
export function ErrorSummary({
  formId,
  fields,
  general,
  attempt,
  labels,
}: {
  formId: string;
  fields: FieldErrors;
  general: string[];
  attempt: number;
  labels: Record<string, string>;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fields);
  const hasErrors = entries.length > 0 || general.length > 0;

  useEffect(() => {
    if (attempt > 0 && hasErrors) ref.current?.focus();
  }, [attempt, hasErrors]);

  if (!hasErrors) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${formId}-error-title`}>
      <h2 id={`${formId}-error-title`} className="error-summary-title">
        {t('errors.summaryTitle')}
      </h2>
      <ul>
        {general.map((message, i) => (
          <li key={`general-${i}`}>{message}</li>
        ))}
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${formId}-${field}`}>
              {labels[field] ? `${labels[field]}: ` : ''}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldShellProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  children: (aria: {
    id: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
    required: boolean | undefined;
  }) => ReactNode;
}

/** Label, hint and error around one control, wired with aria-describedby and aria-invalid. */
export function Field({ id, label, error, hint, required, children }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
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
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required })}
    </div>
  );
}

/** A checkbox with its label to the right and optional hint. */
export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field checkbox-field">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A success message announced politely to screen readers. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}

/** A plain status line for pages that could not load their data. */
export function LoadError({ error }: { error: unknown }) {
  const t = useT();
  return (
    <p className="load-error" role="alert">
      {describeError(error, t)}
    </p>
  );
}

/** True when the string looks like an email address; the server has the last word. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Matches the server's phone rule for agencies. */
export function isPhone(value: string): boolean {
  return /^[+0-9 ()-]*$/.test(value.trim());
}
