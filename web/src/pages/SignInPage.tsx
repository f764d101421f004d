import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, login } from '../api/client.ts';
import { ErrorSummary, Field, useFormErrors, type FieldErrors } from '../components/forms.tsx';
import { Page } from '../components/Page.tsx';
import { useT } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';

const FORM_ID = 'sign-in';

/** Email and password, then a TOTP or recovery code when the account has a second factor. */
export function SignInPage() {
  const t = useT();
  const { startSession, sessionEnded } = useSession();
  const errors = useFormErrors();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [pending, setPending] = useState(false);

  const labels = { email: t('signIn.email'), password: t('signIn.password'), totp: t('signIn.totp') };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    if (!email.trim()) fieldErrors.email = t('errors.required');
    if (!password) fieldErrors.password = t('errors.required');
    if (needsTotp && !totp.trim()) fieldErrors.totp = t('errors.required');
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);

    setPending(true);
    try {
      const session = await login({ email: email.trim(), password, ...(needsTotp ? { totp: totp.trim() } : {}) });
      errors.clear();
      startSession(session);
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError && error.code === 'totp_required') {
        if (!needsTotp) {
          setNeedsTotp(true);
          // The code field appears with autoFocus, so the user can type at once.
          errors.clear();
          return;
        }
        return errors.fail({ totp: t('signIn.invalidCredentialsOrCode') });
      }
      if (error instanceof ApiError && error.code === 'invalid_totp') {
        // A wrong, reused or spent code: said at the code field, not as an ended session.
        return errors.fail({ totp: t('signIn.invalidCredentialsOrCode') });
      }
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        return errors.fail({}, [t(needsTotp ? 'signIn.invalidCredentialsOrCode' : 'signIn.invalidCredentials')]);
      }
      if (error instanceof ApiError && (error.code === 'too_many_attempts' || error.status === 429)) {
        const message =
          error.retryAfter !== null
            ? t('signIn.tooManyAttempts', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) })
            : t('signIn.tooManyAttemptsLater');
        return errors.fail({}, [message]);
      }
      errors.failWith(error, ['email', 'password', 'totp']);
    }
  };

  return (
    <Page title={t('signIn.title')}>
      {sessionEnded && <p className="notice">{t('errors.sessionEnded')}</p>}
      <p className="lead">{t('app.tagline')}</p>
      <p>{t('signIn.intro')}</p>
      <form id={FORM_ID} className="form narrow" noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />
        <Field id={`${FORM_ID}-email`} label={labels.email} error={errors.fields.email} required>
          {(aria) => (
            <input
              {...aria}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${FORM_ID}-password`} label={labels.password} error={errors.fields.password} required>
          {(aria) => (
            <input
              {...aria}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {needsTotp && (
          <>
            <p className="notice" role="status">
              {t('signIn.totpNeeded')}
            </p>
            <Field
              id={`${FORM_ID}-totp`}
              label={labels.totp}
              hint={t('signIn.totpHint')}
              error={errors.fields.totp}
              required
            >
              {(aria) => (
                <input
                  {...aria}
                  autoFocus
                  type="text"
                  name="totp"
                  autoComplete="one-time-code"
                  inputMode="text"
                  spellCheck={false}
                  value={totp}
                  onChange={(e) => setTotp(e.target.value)}
                />
              )}
            </Field>
          </>
        )}
        <button type="submit" disabled={pending}>
          {t('signIn.submit')}
        </button>
      </form>
      <p className="hint">{t('signIn.forgot')}</p>
      <p>
        <Link to="/statistics">{t('publicStats.signInLink')}</Link>
      </p>
    </Page>
  );
}
