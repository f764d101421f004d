import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, resetPasswordWithToken } from '../api/client.ts';
import { ErrorSummary, Field, Notice, useFormErrors, type FieldErrors } from '../components/forms.tsx';
import { Page } from '../components/Page.tsx';
import { useT } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';

const FORM_ID = 'set-password';

/** The token of a one-time link (`/set-password#token=…`); the fragment never reaches a server log. */
function readTokenFromHash(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
}

/** Where a one-time password link lands: choose a password, then sign in. */
export function SetPasswordPage() {
  const t = useT();
  const { instance } = useSession();
  const [token] = useState(readTokenFromHash);
  useEffect(() => {
    // Drop the token from the address bar so it does not linger in history or screenshots.
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const errors = useFormErrors();
  const min = instance.passwordMinLength;
  const labels = { password: t('setPassword.password'), confirm: t('setPassword.confirm') };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    if (password.length < min) fieldErrors.password = t('errors.passwordTooShort', { min });
    if (confirm !== password) fieldErrors.confirm = t('errors.passwordMismatch');
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    setPending(true);
    try {
      await resetPasswordWithToken({ token, password });
      errors.clear();
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_token') {
        errors.fail({}, [t('setPassword.invalidToken')]);
      } else {
        errors.failWith(error, ['password']);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <Page title={t('setPassword.title')}>
      {done ? (
        <>
          <Notice>{t('setPassword.done')}</Notice>
          <p>
            <Link to="/sign-in">{t('setPassword.goToSignIn')}</Link>
          </p>
        </>
      ) : !token ? (
        <>
          <p className="load-error" role="alert">
            {t('setPassword.missingToken')}
          </p>
          <p>
            <Link to="/sign-in">{t('setPassword.goToSignIn')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('setPassword.intro', { min })}</p>
          <form id={FORM_ID} className="form narrow" noValidate onSubmit={(e) => void handleSubmit(e)}>
            <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />
            <Field id={`${FORM_ID}-password`} label={labels.password} error={errors.fields.password} required>
              {(aria) => (
                <input
                  {...aria}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
            <Field id={`${FORM_ID}-confirm`} label={labels.confirm} error={errors.fields.confirm} required>
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
              {t('setPassword.submit')}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
