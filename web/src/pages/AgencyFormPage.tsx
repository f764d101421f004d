import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { AGENCY_TYPES, RECORD_STATUSES, type AgencyType } from '@kinga/shared/picklists';
import type { AgencyDto } from '@kinga/shared';
import { createAgency, getAgency, updateAgency } from '../api/client.ts';
import {
  ErrorSummary,
  Field,
  LoadError,
  Notice,
  isEmail,
  isPhone,
  useFormErrors,
  type FieldErrors,
} from '../components/forms.tsx';
import { countyName } from '../components/labels.ts';
import { Page } from '../components/Page.tsx';
import { useT } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';

const FORM_ID = 'agency';
const FIELDS = ['name', 'type', 'countyCode', 'contactEmail', 'contactPhone', 'address', 'status'] as const;

interface AgencyFormValues {
  name: string;
  type: AgencyType | '';
  countyCode: string;
  contactEmail: string;
  contactPhone: string;
  address: string;
  status: 'active' | 'inactive';
}

const EMPTY: AgencyFormValues = {
  name: '',
  type: '',
  countyCode: '',
  contactEmail: '',
  contactPhone: '',
  address: '',
  status: 'active',
};

function valuesOf(agency: AgencyDto): AgencyFormValues {
  return {
    name: agency.name,
    type: agency.type,
    countyCode: agency.countyCode === null ? '' : String(agency.countyCode),
    contactEmail: agency.contactEmail ?? '',
    contactPhone: agency.contactPhone ?? '',
    address: agency.address ?? '',
    status: agency.status,
  };
}

/** Create an agency (/agencies/new), or see and edit one (/agencies/:id). */
export function AgencyFormPage() {
  const { id } = useParams();
  const isNew = id === undefined;
  const t = useT();
  const { instance, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const canManage = can('agency:manage');

  const [agency, setAgency] = useState<AgencyDto | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [values, setValues] = useState<AgencyFormValues>(EMPTY);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors();

  useEffect(() => {
    if (isNew) return;
    let cancelled = false;
    getAgency(id)
      .then((found) => {
        if (cancelled) return;
        setAgency(found);
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
    name: t('agencies.field.name'),
    type: t('agencies.field.type'),
    countyCode: t('agencies.field.county'),
    contactEmail: t('agencies.field.contactEmail'),
    contactPhone: t('agencies.field.contactPhone'),
    address: t('agencies.field.address'),
    status: t('agencies.field.status'),
  };

  const set = <K extends keyof AgencyFormValues>(key: K, value: AgencyFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(false);
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    if (!values.name.trim()) fieldErrors.name = t('errors.required');
    else if (values.name.trim().length > 200) fieldErrors.name = t('errors.tooLong', { max: 200 });
    if (!values.type) fieldErrors.type = t('errors.required');
    if (values.contactEmail.trim() && !isEmail(values.contactEmail)) fieldErrors.contactEmail = t('errors.email');
    if (!isPhone(values.contactPhone)) fieldErrors.contactPhone = t('errors.phone');
    if (values.address.length > 500) fieldErrors.address = t('errors.tooLong', { max: 500 });
    if (Object.keys(fieldErrors).length > 0 || !values.type) return errors.fail(fieldErrors);

    const input = {
      name: values.name.trim(),
      type: values.type,
      countyCode: values.countyCode ? Number(values.countyCode) : null,
      contactEmail: values.contactEmail.trim(),
      contactPhone: values.contactPhone.trim(),
      address: values.address.trim(),
    };
    setPending(true);
    try {
      if (isNew) {
        const created = await createAgency(input);
        errors.clear();
        await navigate(`/agencies/${created.id}`, { state: { created: true } });
      } else {
        const updated = await updateAgency(id, { ...input, status: values.status });
        setAgency(updated);
        setValues(valuesOf(updated));
        errors.clear();
        setSaved(true);
      }
    } catch (error) {
      errors.failWith(error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  if (loadError) {
    return (
      <Page title={t('agencies.title')}>
        <LoadError error={loadError} />
        <p>
          <Link to="/agencies">{t('agencies.backToList')}</Link>
        </p>
      </Page>
    );
  }
  if (!isNew && !agency) {
    return (
      <Page title={t('agencies.title')}>
        <p role="status">{t('common.loading')}</p>
      </Page>
    );
  }

  const title = isNew
    ? t('agencies.createTitle')
    : t(canManage ? 'agencies.editTitle' : 'agencies.viewTitle', { name: agency?.name ?? '' });

  if (!canManage && agency) {
    return (
      <Page title={title}>
        <dl className="details">
          <dt>{labels.type}</dt>
          <dd>{t(`agencyType.${agency.type}`)}</dd>
          <dt>{labels.countyCode}</dt>
          <dd>{countyName(instance, agency.countyCode) || t('agencies.field.noCounty')}</dd>
          <dt>{labels.contactEmail}</dt>
          <dd>{agency.contactEmail ?? t('common.notSet')}</dd>
          <dt>{labels.contactPhone}</dt>
          <dd>{agency.contactPhone ?? t('common.notSet')}</dd>
          <dt>{labels.address}</dt>
          <dd className="pre-line">{agency.address ?? t('common.notSet')}</dd>
          <dt>{labels.status}</dt>
          <dd>{t(`status.${agency.status}`)}</dd>
        </dl>
        <p>
          <Link to="/agencies">{t('agencies.backToList')}</Link>
        </p>
      </Page>
    );
  }

  const created = (location.state as { created?: boolean } | null)?.created === true;

  return (
    <Page title={title}>
      {saved && <Notice>{t('agencies.saved')}</Notice>}
      {!saved && created && <Notice>{t('agencies.created')}</Notice>}
      <form id={FORM_ID} className="form" noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />
        <Field id={`${FORM_ID}-name`} label={labels.name} error={errors.fields.name} required>
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={200}
              value={values.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field id={`${FORM_ID}-type`} label={labels.type} error={errors.fields.type} required>
          {(aria) => (
            <select {...aria} value={values.type} onChange={(e) => set('type', e.target.value as AgencyType | '')}>
              <option value="" disabled>
                —
              </option>
              {AGENCY_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`agencyType.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${FORM_ID}-countyCode`} label={labels.countyCode} error={errors.fields.countyCode}>
          {(aria) => (
            <select {...aria} value={values.countyCode} onChange={(e) => set('countyCode', e.target.value)}>
              <option value="">{t('agencies.field.noCounty')}</option>
              {instance.counties.map((county) => (
                <option key={county.code} value={county.code}>
                  {county.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${FORM_ID}-contactEmail`} label={labels.contactEmail} error={errors.fields.contactEmail}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              inputMode="email"
              autoComplete="off"
              value={values.contactEmail}
              onChange={(e) => set('contactEmail', e.target.value)}
            />
          )}
        </Field>
        <Field id={`${FORM_ID}-contactPhone`} label={labels.contactPhone} error={errors.fields.contactPhone}>
          {(aria) => (
            <input
              {...aria}
              type="tel"
              maxLength={40}
              autoComplete="off"
              value={values.contactPhone}
              onChange={(e) => set('contactPhone', e.target.value)}
            />
          )}
        </Field>
        <Field id={`${FORM_ID}-address`} label={labels.address} error={errors.fields.address}>
          {(aria) => (
            <textarea
              {...aria}
              rows={3}
              maxLength={500}
              value={values.address}
              onChange={(e) => set('address', e.target.value)}
            />
          )}
        </Field>
        {!isNew && (
          <Field
            id={`${FORM_ID}-status`}
            label={labels.status}
            hint={t('agencies.field.statusHint')}
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
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {isNew ? t('agencies.create') : t('common.save')}
          </button>
          <Link to="/agencies">{t('agencies.backToList')}</Link>
        </div>
      </form>
    </Page>
  );
}
