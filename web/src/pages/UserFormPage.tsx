import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  FOCAL_POINT_ASSIGNABLE_ROLES,
  LANGUAGES,
  RECORD_STATUSES,
  ROLES,
  type Language,
  type Role,
} from '@kinga/shared/picklists';
import type { PasswordLinkDto, UpdateUserInput, UserDto } from '@kinga/shared';
import { createUser, getUser, resetUserPassword, resetUserSecondFactor, updateUser } from '../api/client.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import {
  CheckboxField,
  ErrorSummary,
  Field,
  LoadError,
  Notice,
  describeError,
  isEmail,
  useFormErrors,
  type FieldErrors,
} from '../components/forms.tsx';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { useAgencyOptions } from '../components/useAgencyOptions.ts';
import { useLanguage } from '../i18n/i18n.tsx';
import { useSession, useUser } from '../session/session.tsx';

const FORM_ID = 'user';
const FIELDS = ['name', 'email', 'agencyId', 'roles', 'language', 'mfaRequired', 'status'] as const;

interface UserFormValues {
  name: string;
  email: string;
  agencyId: string;
  roles: Role[];
  language: Language;
  mfaRequired: boolean;
  status: 'active' | 'inactive';
}

function valuesOf(user: UserDto): UserFormValues {
  return {
    name: user.name,
    email: user.email,
    agencyId: user.agencyId,
    roles: [...user.roles],
    language: user.language,
    mfaRequired: user.mfaRequired,
    status: user.status,
  };
}

/** The fields that differ from the stored user; PATCH sends only those. */
function changesOf(before: UserDto, values: UserFormValues): UpdateUserInput {
  const changes: UpdateUserInput = {};
  if (values.name.trim() !== before.name) changes.name = values.name.trim();
  if (values.email.trim().toLowerCase() !== before.email) changes.email = values.email.trim();
  if (values.agencyId !== before.agencyId) changes.agencyId = values.agencyId;
  if ([...values.roles].sort().join() !== [...before.roles].sort().join()) changes.roles = values.roles;
  if (values.language !== before.language) changes.language = values.language;
  if (values.mfaRequired !== before.mfaRequired) changes.mfaRequired = values.mfaRequired;
  if (values.status !== before.status) changes.status = values.status;
  return changes;
}

/** The one-time password link, shown once after creating a user or resetting a password. */
function PasswordLinkPanel({ link, name }: { link: PasswordLinkDto; name: string }) {
  const { t, locale } = useLanguage();
  return (
    <section className="panel panel-important">
      <h2 id="password-link-title">{t('users.linkTitle')}</h2>
      <p className="warning">{t('users.linkShownOnce')}</p>
      <div className="field">
        <label htmlFor="password-link">{t('users.linkLabel')}</label>
        <input
          id="password-link"
          type="text"
          readOnly
          value={link.url}
          className="mono"
          onFocus={(e) => e.target.select()}
        />
      </div>
      <CopyButton text={link.url} label={t('users.copyLink')} />
      <p>{t('users.linkNote', { name, expiresAt: formatDateTime(link.expiresAt, locale) })}</p>
    </section>
  );
}

/** Create a user (/users/new), or see and edit one (/users/:id) including deactivation and password reset. */
export function UserFormPage() {
  const { id } = useParams();
  const isNew = id === undefined;
  const { t } = useLanguage();
  const me = useUser();
  const { can } = useSession();
  const canManage = can('user:manage');
  const pickAgency = can('agency:manage');
  const agencies = useAgencyOptions(pickAgency && canManage);
  const assignable: readonly Role[] = me.roles.includes('administrator') ? ROLES : FOCAL_POINT_ASSIGNABLE_ROLES;

  const [user, setUser] = useState<UserDto | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [values, setValues] = useState<UserFormValues>({
    name: '',
    email: '',
    agencyId: pickAgency ? '' : me.agencyId,
    roles: [],
    language: 'en',
    mfaRequired: false,
    status: 'active',
  });
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [link, setLink] = useState<PasswordLinkDto | null>(null);
  const [resetPending, setResetPending] = useState(false);
  const [resetError, setResetError] = useState<string | null>(null);
  const [mfaResetPending, setMfaResetPending] = useState(false);
  const [mfaResetError, setMfaResetError] = useState<string | null>(null);
  const [mfaResetDone, setMfaResetDone] = useState(false);
  const errors = useFormErrors();

  useEffect(() => {
    if (isNew) return;
    let cancelled = false;
    setUser(null);
    setLink(null);
    getUser(id)
      .then((found) => {
        if (cancelled) return;
        setUser(found);
        setValues(valuesOf(found));
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [id, isNew]);

  const labels: Record<(typeof FIELDS)[number], string> = {
    name: t('users.field.name'),
    email: t('users.field.email'),
    agencyId: t('users.field.agency'),
    roles: t('users.field.roles'),
    language: t('users.field.language'),
    mfaRequired: t('users.field.mfaRequired'),
    status: t('users.field.status'),
  };

  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(false);
  };

  const toggleRole = (role: Role, checked: boolean) => {
    set('roles', checked ? [...values.roles, role] : values.roles.filter((r) => r !== role));
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    if (!values.name.trim()) fieldErrors.name = t('errors.required');
    else if (values.name.trim().length > 200) fieldErrors.name = t('errors.tooLong', { max: 200 });
    if (!values.email.trim()) fieldErrors.email = t('errors.required');
    else if (!isEmail(values.email)) fieldErrors.email = t('errors.email');
    if (!values.agencyId) fieldErrors.agencyId = t('errors.required');
    if (values.roles.length === 0) fieldErrors.roles = t('errors.rolesRequired');
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);

    setPending(true);
    try {
      if (isNew) {
        const created = await createUser({
          name: values.name.trim(),
          email: values.email.trim(),
          agencyId: values.agencyId,
          roles: values.roles,
          language: values.language,
          mfaRequired: values.mfaRequired,
        });
        errors.clear();
        setUser(created.user);
        setValues(valuesOf(created.user));
        setLink(created.passwordLink);
      } else if (user) {
        const changes = changesOf(user, values);
        if (Object.keys(changes).length > 0) {
          const updated = await updateUser(user.id, changes);
          setUser(updated);
          setValues(valuesOf(updated));
        }
        errors.clear();
        setSaved(true);
      }
    } catch (error) {
      errors.failWith(error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  const handleResetPassword = async () => {
    if (!user) return;
    setResetPending(true);
    setResetError(null);
    try {
      setLink(await resetUserPassword(user.id));
    } catch (error) {
      setResetError(describeError(error, t));
    } finally {
      setResetPending(false);
    }
  };

  const handleResetSecondFactor = async () => {
    if (!user) return;
    setMfaResetPending(true);
    setMfaResetError(null);
    try {
      const updated = await resetUserSecondFactor(user.id);
      setUser(updated);
      setMfaResetDone(true);
    } catch (error) {
      setMfaResetError(describeError(error, t));
    } finally {
      setMfaResetPending(false);
    }
  };

  if (loadError) {
    return (
      <Page title={t('users.title')}>
        <LoadError error={loadError} />
        <p>
          <Link to="/users">{t('users.backToList')}</Link>
        </p>
      </Page>
    );
  }
  if (!isNew && !user) {
    return (
      <Page title={t('users.title')}>
        <p role="status">{t('common.loading')}</p>
      </Page>
    );
  }

  // After creating, the page shows the one-time link and the saved user; it stays a "new user" page.
  if (isNew && user && link) {
    return (
      <Page title={t('users.createTitle')}>
        <Notice>{t('users.created', { name: user.name })}</Notice>
        <PasswordLinkPanel link={link} name={user.name} />
        <p className="form-actions">
          <Link to={`/users/${user.id}`}>{t('common.edit')}</Link>
          <Link to="/users">{t('users.backToList')}</Link>
        </p>
      </Page>
    );
  }

  const title = isNew ? t('users.createTitle') : t('users.editTitle', { name: user?.name ?? '' });
  const ownAgencyName = user?.agencyName ?? me.agencyName;
  // Roles the caller may not give stay on the account; they are shown but cannot be changed here.
  const shownRoles = ROLES.filter((role) => assignable.includes(role) || values.roles.includes(role));

  return (
    <Page title={title}>
      {saved && <Notice>{t('users.saved')}</Notice>}
      {user && (
        <p className="hint">{t('users.mfaState', { state: t(user.mfaEnabled ? 'users.mfaOn' : 'users.mfaOff') })}</p>
      )}
      <form id={FORM_ID} className="form" noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />
        <fieldset disabled={!canManage} className="plain-fieldset">
          <Field id={`${FORM_ID}-name`} label={labels.name} error={errors.fields.name} required>
            {(aria) => (
              <input
                {...aria}
                type="text"
                autoComplete="off"
                maxLength={200}
                value={values.name}
                onChange={(e) => set('name', e.target.value)}
              />
            )}
          </Field>
          <Field id={`${FORM_ID}-email`} label={labels.email} error={errors.fields.email} required>
            {(aria) => (
              <input
                {...aria}
                type="email"
                inputMode="email"
                autoComplete="off"
                value={values.email}
                onChange={(e) => set('email', e.target.value)}
              />
            )}
          </Field>
          {pickAgency ? (
            <Field id={`${FORM_ID}-agencyId`} label={labels.agencyId} error={errors.fields.agencyId} required>
              {(aria) => (
                <select {...aria} value={values.agencyId} onChange={(e) => set('agencyId', e.target.value)}>
                  <option value="" disabled>
                    {t('users.field.chooseAgency')}
                  </option>
                  {user && !agencies.some((a) => a.id === user.agencyId) && (
                    <option value={user.agencyId}>{user.agencyName}</option>
                  )}
                  {agencies
                    .filter((a) => a.status === 'active' || a.id === values.agencyId)
                    .map((agency) => (
                      <option key={agency.id} value={agency.id}>
                        {agency.name}
                      </option>
                    ))}
                </select>
              )}
            </Field>
          ) : (
            <p id={`${FORM_ID}-agencyId`}>{t('users.ownAgency', { agency: ownAgencyName })}</p>
          )}
          <fieldset
            id={`${FORM_ID}-roles`}
            className={errors.fields.roles ? 'checkbox-group field-invalid' : 'checkbox-group'}
            aria-describedby={errors.fields.roles ? `${FORM_ID}-roles-error` : undefined}
          >
            <legend>{labels.roles}</legend>
            {errors.fields.roles && (
              <p id={`${FORM_ID}-roles-error`} className="field-error">
                {errors.fields.roles}
              </p>
            )}
            {shownRoles.map((role) => (
              <CheckboxField
                key={role}
                id={`${FORM_ID}-role-${role}`}
                label={t(`role.${role}`)}
                checked={values.roles.includes(role)}
                disabled={!assignable.includes(role)}
                onChange={(checked) => toggleRole(role, checked)}
              />
            ))}
          </fieldset>
          <Field id={`${FORM_ID}-language`} label={labels.language} error={errors.fields.language}>
            {(aria) => (
              <select {...aria} value={values.language} onChange={(e) => set('language', e.target.value as Language)}>
                {LANGUAGES.map((code) => (
                  <option key={code} value={code} lang={code}>
                    {t(`language.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <CheckboxField
            id={`${FORM_ID}-mfaRequired`}
            label={labels.mfaRequired}
            hint={t('users.field.mfaRequiredHint')}
            checked={values.mfaRequired}
            onChange={(checked) => set('mfaRequired', checked)}
          />
          {!isNew && (
            <Field
              id={`${FORM_ID}-status`}
              label={labels.status}
              hint={t('users.field.statusHint')}
              error={errors.fields.status}
            >
              {(aria) => (
                <select
                  {...aria}
                  value={values.status}
                  onChange={(e) => set('status', e.target.value === 'inactive' ? 'inactive' : 'active')}
                >
                  {RECORD_STATUSES.map((value) => (
                    <option key={value} value={value}>
                      {t(`status.${value}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </fieldset>
        <div className="form-actions">
          {canManage && (
            <button type="submit" disabled={pending}>
              {isNew ? t('users.create') : t('common.save')}
            </button>
          )}
          <Link to="/users">{t('users.backToList')}</Link>
        </div>
      </form>

      {!isNew && user && canManage && (
        <section className="panel">
          <h2 id="reset-title">{t('users.resetPassword')}</h2>
          <p className="hint">{t('users.resetPasswordHint')}</p>
          {resetError && (
            <p className="field-error" role="alert">
              {resetError}
            </p>
          )}
          <button
            type="button"
            className="button-secondary"
            disabled={resetPending}
            onClick={() => void handleResetPassword()}
          >
            {t('users.resetPassword')}
          </button>
          {resetPending && <p role="status">{t('users.resetting')}</p>}
        </section>
      )}
      {!isNew && user && link && <PasswordLinkPanel link={link} name={user.name} />}

      {!isNew && user && canManage && user.id !== me.id && (user.mfaEnabled || mfaResetDone) && (
        <section className="panel">
          <h2>{t('users.resetMfa')}</h2>
          <p className="hint">{t('users.resetMfaHint')}</p>
          {mfaResetError && (
            <p className="field-error" role="alert">
              {mfaResetError}
            </p>
          )}
          {mfaResetDone ? (
            <p role="status">{t('users.mfaResetDone', { name: user.name })}</p>
          ) : (
            <button
              type="button"
              className="button-secondary"
              disabled={mfaResetPending}
              onClick={() => void handleResetSecondFactor()}
            >
              {t('users.resetMfa')}
            </button>
          )}
          {mfaResetPending && <p role="status">{t('users.resettingMfa')}</p>}
        </section>
      )}
    </Page>
  );
}
