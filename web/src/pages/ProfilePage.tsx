import { useState, type FormEvent } from 'react';
import { LANGUAGES, type Language } from '@kinga/shared/picklists';
import type { TotpSetupDto } from '@kinga/shared';
import { changePassword, confirmTotp, disableTotp, regenerateRecoveryCodes, setupTotp } from '../api/client.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import { ErrorSummary, Field, Notice, describeError, useFormErrors, type FieldErrors } from '../components/forms.tsx';
import { Page } from '../components/Page.tsx';
import { useLanguage } from '../i18n/i18n.tsx';
import { useSession, useUser } from '../session/session.tsx';

/** Base64 of a UTF-8 string; btoa alone only takes Latin-1. */
function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function LanguageSection() {
  const { t, language } = useLanguage();
  const { chooseLanguage } = useSession();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const handleChange = async (next: Language) => {
    setSaved(false);
    setError(null);
    try {
      await chooseLanguage(next);
      setSaved(true);
    } catch (e) {
      setError(describeError(e, t));
    }
  };

  return (
    <section className="panel">
      <h2 id="language-title">{t('profile.languageSection')}</h2>
      <div className="field">
        <label htmlFor="profile-language">{t('profile.languageField')}</label>
        <select id="profile-language" value={language} onChange={(e) => void handleChange(e.target.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`language.${code}`)}
            </option>
          ))}
        </select>
      </div>
      {saved && <Notice>{t('profile.languageSaved')}</Notice>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

const PASSWORD_FORM = 'change-password';

function PasswordSection() {
  const { t } = useLanguage();
  const { instance } = useSession();
  const errors = useFormErrors();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const min = instance.passwordMinLength;
  const labels = {
    currentPassword: t('profile.currentPassword'),
    newPassword: t('profile.newPassword'),
    confirm: t('profile.confirmPassword'),
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const fieldErrors: FieldErrors = {};
    if (!currentPassword) fieldErrors.currentPassword = t('errors.required');
    if (newPassword.length < min) fieldErrors.newPassword = t('errors.passwordTooShort', { min });
    if (confirm !== newPassword) fieldErrors.confirm = t('errors.passwordMismatch');
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    setPending(true);
    try {
      await changePassword({ currentPassword, newPassword });
      errors.clear();
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      setDone(true);
    } catch (error) {
      errors.failWith(error, ['currentPassword', 'newPassword']);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel">
      <h2 id="password-title">{t('profile.passwordSection')}</h2>
      {done && <Notice>{t('profile.passwordChanged')}</Notice>}
      <form id={PASSWORD_FORM} className="form" noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={PASSWORD_FORM} labels={labels} {...errors} />
        <Field
          id={`${PASSWORD_FORM}-currentPassword`}
          label={labels.currentPassword}
          error={errors.fields.currentPassword}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${PASSWORD_FORM}-newPassword`}
          label={labels.newPassword}
          hint={t('errors.passwordTooShort', { min })}
          error={errors.fields.newPassword}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${PASSWORD_FORM}-confirm`} label={labels.confirm} error={errors.fields.confirm} required>
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={pending}>
          {t('profile.changePassword')}
        </button>
      </form>
    </section>
  );
}

const TOTP_FORM = 'totp';
const DISABLE_FORM = 'totp-disable';
const RECOVERY_FORM = 'recovery-new';

/** Enrolment (QR, key, code, recovery codes shown once) and, when allowed, turning it off. */
function SecondFactorSection() {
  const { t } = useLanguage();
  const user = useUser();
  const { refreshSession } = useSession();
  const [setup, setSetup] = useState<TotpSetupDto | null>(null);
  const [setupPending, setSetupPending] = useState(false);
  const [setupError, setSetupError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [pending, setPending] = useState(false);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const codeErrors = useFormErrors();
  const disableErrors = useFormErrors();
  const [recoveryCode, setRecoveryCode] = useState('');
  const recoveryErrors = useFormErrors();

  const handleStart = async () => {
    setSetupPending(true);
    setSetupError(null);
    setNotice(null);
    try {
      setSetup(await setupTotp());
    } catch (error) {
      setSetupError(describeError(error, t));
    } finally {
      setSetupPending(false);
    }
  };

  /** Sends a six-digit code to `call` and shows the recovery codes it answers (enrolment, replacement). */
  const submitCode = async (
    event: FormEvent,
    value: string,
    errors: ReturnType<typeof useFormErrors>,
    call: (code: string) => Promise<{ recoveryCodes: string[] }>,
    done: () => void,
  ) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(value.trim())) return errors.fail({ code: t('errors.totpFormat') });
    setPending(true);
    try {
      const result = await call(value.trim());
      errors.clear();
      done();
      setRecoveryCodes(result.recoveryCodes);
    } catch (error) {
      errors.failWith(error, ['code']);
    } finally {
      setPending(false);
    }
  };

  const handleConfirm = (event: FormEvent) =>
    submitCode(event, code, codeErrors, confirmTotp, () => {
      setSetup(null);
      setCode('');
    });

  const handleNewRecoveryCodes = (event: FormEvent) =>
    submitCode(event, recoveryCode, recoveryErrors, regenerateRecoveryCodes, () => setRecoveryCode(''));

  const handleRecoverySaved = async () => {
    setRecoveryCodes(null);
    setNotice(t('profile.mfaEnabled'));
    // The session now reports mfaEnabled, and lifts mfaEnrolmentRequired.
    await refreshSession().catch(() => undefined);
  };

  const handleDisable = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) return disableErrors.fail({ password: t('errors.required') });
    setPending(true);
    try {
      await disableTotp(password);
      disableErrors.clear();
      setPassword('');
      setNotice(t('profile.mfaDisabled'));
      await refreshSession().catch(() => undefined);
    } catch (error) {
      disableErrors.failWith(error, ['password']);
    } finally {
      setPending(false);
    }
  };

  let body;
  if (recoveryCodes) {
    body = (
      <div className="panel-important">
        <h3>{t('profile.recoveryTitle')}</h3>
        <p className="warning" role="alert">
          {t('profile.recoveryWarning')}
        </p>
        <ul className="recovery-codes mono" aria-label={t('profile.recoveryListLabel')}>
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>
          <CopyButton text={recoveryCodes.join('\n')} label={t('profile.copyCodes')} />
        </p>
        <button type="button" onClick={() => void handleRecoverySaved()}>
          {t('profile.recoverySaved')}
        </button>
      </div>
    );
  } else if (setup) {
    body = (
      <>
        <p>{t('profile.mfaScan')}</p>
        <img
          className="qr"
          src={`data:image/svg+xml;base64,${toBase64(setup.qrSvg)}`}
          alt={t('profile.mfaQrAlt')}
          width={200}
          height={200}
        />
        <p>{t('profile.mfaManual')}</p>
        <p>
          <span className="label-inline">{t('profile.mfaKeyLabel')}: </span>
          <code className="secret" data-testid="totp-secret">
            {setup.secret}
          </code>
        </p>
        <form id={TOTP_FORM} className="form narrow" noValidate onSubmit={(e) => void handleConfirm(e)}>
          <CodeField
            formId={TOTP_FORM}
            hint={t('profile.mfaCodeHint')}
            errors={codeErrors}
            value={code}
            onChange={setCode}
          />
          <button type="submit" disabled={pending}>
            {t('profile.mfaConfirm')}
          </button>
        </form>
      </>
    );
  } else if (user.mfaEnabled) {
    body = (
      <>
        <p>{t('profile.mfaOn')}</p>
        <form id={RECOVERY_FORM} className="form narrow" noValidate onSubmit={(e) => void handleNewRecoveryCodes(e)}>
          <h3>{t('profile.recoveryNewTitle')}</h3>
          <p className="hint">{t('profile.recoveryNewHint')}</p>
          <CodeField formId={RECOVERY_FORM} errors={recoveryErrors} value={recoveryCode} onChange={setRecoveryCode} />
          <button type="submit" disabled={pending}>
            {t('profile.recoveryNew')}
          </button>
        </form>
        <form id={DISABLE_FORM} className="form narrow" noValidate onSubmit={(e) => void handleDisable(e)}>
          <h3>{t('profile.mfaDisableTitle')}</h3>
          <ErrorSummary
            formId={DISABLE_FORM}
            labels={{ password: t('profile.mfaDisablePassword') }}
            {...disableErrors}
          />
          <Field
            id={`${DISABLE_FORM}-password`}
            label={t('profile.mfaDisablePassword')}
            error={disableErrors.fields.password}
            required
          >
            {(aria) => (
              <input
                {...aria}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button-danger" disabled={pending}>
            {t('profile.mfaDisable')}
          </button>
        </form>
      </>
    );
  } else {
    body = (
      <>
        <p>{t('profile.mfaOff')}</p>
        {setupError && (
          <p className="field-error" role="alert">
            {setupError}
          </p>
        )}
        <button type="button" disabled={setupPending} onClick={() => void handleStart()}>
          {t('profile.mfaStart')}
        </button>
        {setupPending && <p role="status">{t('profile.mfaStarting')}</p>}
      </>
    );
  }

  return (
    <section className="panel">
      <h2 id="mfa-title">{t('profile.mfaSection')}</h2>
      {notice && <Notice>{notice}</Notice>}
      {body}
    </section>
  );
}

/** The signed-in person's account: language, password and second factor. */
export function ProfilePage() {
  const { t } = useLanguage();
  const user = useUser();
  const restricted = user.mfaEnrolmentRequired;
  const secondFactor = <SecondFactorSection key="mfa" />;
  const account = (
    <section key="account" className="panel">
      <h2 id="account-title">{t('profile.account')}</h2>
      <dl className="details">
        <dt>{t('profile.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('profile.email')}</dt>
        <dd className="break">{user.email}</dd>
        <dt>{t('profile.agency')}</dt>
        <dd>{user.agencyName}</dd>
        <dt>{t('profile.roles')}</dt>
        <dd>{user.roles.map((role) => t(`role.${role}`)).join(', ')}</dd>
      </dl>
    </section>
  );
  // Keyed siblings keep the enrolment's state when the page leaves the restricted layout.
  const sections = restricted
    ? [secondFactor, account, <LanguageSection key="language" />]
    : [account, <LanguageSection key="language" />, <PasswordSection key="password" />, secondFactor];
  return (
    <Page title={t('profile.title')}>
      {restricted && (
        <p className="warning" role="alert">
          {t('profile.mfaRequired')}
        </p>
      )}
      {sections}
    </Page>
  );
}

/** The six-digit authenticator code field of a form, with its error summary. */
function CodeField({
  formId,
  hint,
  errors,
  value,
  onChange,
}: {
  formId: string;
  hint?: string;
  errors: ReturnType<typeof useFormErrors>;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useLanguage();
  return (
    <>
      <ErrorSummary formId={formId} labels={{ code: t('profile.mfaCode') }} {...errors} />
      <Field id={`${formId}-code`} label={t('profile.mfaCode')} hint={hint} error={errors.fields.code} required>
        {(aria) => (
          <input
            {...aria}
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            className="input-code"
            value={value}
            onChange={(e) => onChange(e.target.value.replace(/\s/g, ''))}
          />
        )}
      </Field>
    </>
  );
}
