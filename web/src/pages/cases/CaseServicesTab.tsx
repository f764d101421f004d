import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SERVICE_STATUSES, SERVICE_TYPES } from '@kinga/shared/picklists';
import type { AgencyDto, CaseDto, ServiceDto } from '@kinga/shared';
import { createService, listServices, updateService, type ServiceInput } from '../../api/cases.ts';
import { ErrorSummary, Field, LoadError, Notice, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { useAgencyOptions } from '../../components/useAgencyOptions.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel, vocabOptions } from '../../i18n/vocab.ts';
import { formatDay } from './case-format.ts';

const FIELDS = ['type', 'providerAgencyId', 'startDate', 'endDate', 'status', 'details'] as const;
type ServiceValues = Record<(typeof FIELDS)[number], string>;
const DETAILS_MAX = 5000;
const EMPTY: ServiceValues = {
  type: '',
  providerAgencyId: '',
  startDate: '',
  endDate: '',
  status: 'planned',
  details: '',
};

function valuesOf(service: ServiceDto): ServiceValues {
  return {
    type: service.type,
    providerAgencyId: service.providerAgencyId ?? '',
    startDate: service.startDate ?? '',
    endDate: service.endDate ?? '',
    status: service.status,
    details: service.details ?? '',
  };
}

/** Add a service to the support plan, or change one. */
function ServiceForm({
  code,
  editing,
  agencies,
  onSaved,
  onCancel,
}: {
  code: string;
  editing: ServiceDto | null;
  agencies: AgencyDto[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const formId = 'service';
  const errors = useFormErrors();
  const [values, setValues] = useState<ServiceValues>(editing ? valuesOf(editing) : EMPTY);
  const [pending, setPending] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A form opened on a chosen service takes focus, so keyboard users land on what they edit.
  const focusOnMount = useRef(editing !== null);
  useEffect(() => {
    if (focusOnMount.current) headingRef.current?.focus();
  }, []);
  const labels: Record<(typeof FIELDS)[number], string> = {
    type: t('cases.services.type'),
    providerAgencyId: t('cases.services.provider'),
    startDate: t('cases.services.start'),
    endDate: t('cases.services.end'),
    status: t('cases.services.status'),
    details: t('cases.services.details'),
  };
  const set = (key: keyof ServiceValues, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    const type = SERVICE_TYPES.find((s) => s === values.type);
    const status = SERVICE_STATUSES.find((s) => s === values.status);
    if (!type) fieldErrors.type = t('errors.required');
    if (!status) fieldErrors.status = t('errors.required');
    if (values.startDate && values.endDate && values.startDate > values.endDate) {
      fieldErrors.endDate = t('errors.dateRange');
    }
    if (values.details.trim().length > DETAILS_MAX) fieldErrors.details = t('errors.tooLong', { max: DETAILS_MAX });
    if (!type || !status || Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);

    const input: ServiceInput = {
      type,
      status,
      providerAgencyId: values.providerAgencyId || null,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      details: values.details.trim() || null,
    };
    setPending(true);
    try {
      if (editing) await updateService(code, editing.id, input);
      else await createService(code, input);
      errors.clear();
      onSaved(editing ? t('cases.services.saved') : t('cases.services.added'));
    } catch (error) {
      errors.failWith(error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  const title = editing
    ? t('cases.services.editTitle', { type: vocabLabel(t, 'serviceType', editing.type) })
    : t('cases.services.addTitle');

  return (
    <section className="panel" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`} tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      <form id={formId} noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={formId} labels={labels} {...errors} />
        <Field id={`${formId}-type`} label={labels.type} error={errors.fields.type} required>
          {(aria) => (
            <select {...aria} value={values.type} onChange={(e) => set('type', e.target.value)}>
              <option value="">{t('cases.services.chooseType')}</option>
              {vocabOptions(t, 'serviceType', SERVICE_TYPES).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${formId}-providerAgencyId`} label={labels.providerAgencyId} error={errors.fields.providerAgencyId}>
          {(aria) => (
            <select {...aria} value={values.providerAgencyId} onChange={(e) => set('providerAgencyId', e.target.value)}>
              <option value="">{t('cases.services.noProvider')}</option>
              {editing?.providerAgencyId && !agencies.some((a) => a.id === editing.providerAgencyId) && (
                <option value={editing.providerAgencyId}>{editing.providerAgencyName}</option>
              )}
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field-pair">
          <Field id={`${formId}-startDate`} label={labels.startDate} error={errors.fields.startDate}>
            {(aria) => (
              <input
                {...aria}
                type="date"
                value={values.startDate}
                onChange={(e) => set('startDate', e.target.value)}
              />
            )}
          </Field>
          <Field id={`${formId}-endDate`} label={labels.endDate} error={errors.fields.endDate}>
            {(aria) => (
              <input {...aria} type="date" value={values.endDate} onChange={(e) => set('endDate', e.target.value)} />
            )}
          </Field>
        </div>
        <Field id={`${formId}-status`} label={labels.status} error={errors.fields.status} required>
          {(aria) => (
            <select {...aria} value={values.status} onChange={(e) => set('status', e.target.value)}>
              {vocabOptions(t, 'serviceStatus', SERVICE_STATUSES).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${formId}-details`}
          label={labels.details}
          hint={t('cases.services.detailsHint')}
          error={errors.fields.details}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={4}
              maxLength={DETAILS_MAX}
              value={values.details}
              onChange={(e) => set('details', e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {editing ? t('common.save') : t('cases.services.add')}
          </button>
          {editing && (
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('cases.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** The support plan: services planned, given or ended, by whom. */
export function CaseServicesTab({ caseDto }: { caseDto: CaseDto; reload: () => void }) {
  const { t, locale } = useLanguage();
  const [services, setServices] = useState<ServiceDto[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<ServiceDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const agencies = useAgencyOptions(caseDto.canEdit);

  useEffect(() => {
    let cancelled = false;
    setLoadError(null);
    listServices(caseDto.code)
      .then((page) => {
        if (!cancelled) setServices(page.items);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [caseDto.code, version]);

  const handleEdit = (service: ServiceDto) => {
    setFormKey((k) => k + 1);
    setNotice(null);
    setEditing(service);
  };
  const handleDone = (message: string | null) => {
    setFormKey((k) => k + 1);
    setEditing(null);
    setNotice(message);
    if (message) setVersion((v) => v + 1);
  };

  return (
    <>
      <h2>{t('cases.tab.services')}</h2>
      {loadError ? <LoadError error={loadError} /> : null}
      {services === null && !loadError && <p role="status">{t('common.loading')}</p>}
      {services !== null && services.length === 0 && <p>{t('cases.services.none')}</p>}
      {services !== null && services.length > 0 && (
        <ul className="record-list">
          {services.map((service) => (
            <li key={service.id} className="record">
              <h3 className="record-title">{vocabLabel(t, 'serviceType', service.type)}</h3>
              <span className={`badge badge-service-${service.status}`}>
                {vocabLabel(t, 'serviceStatus', service.status)}
              </span>
              <dl className="details">
                <dt>{t('cases.services.provider')}</dt>
                <dd>{service.providerAgencyName ?? <span className="muted">{t('common.notSet')}</span>}</dd>
                <dt>{t('cases.services.period')}</dt>
                <dd>
                  {service.startDate || service.endDate ? (
                    t('cases.services.fromTo', {
                      start: service.startDate ? formatDay(service.startDate, locale) : '…',
                      end: service.endDate ? formatDay(service.endDate, locale) : '…',
                    })
                  ) : (
                    <span className="muted">{t('common.notSet')}</span>
                  )}
                </dd>
              </dl>
              {service.details && <p className="pre-line break">{service.details}</p>}
              {caseDto.canEdit && (
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t('cases.services.editLabel', { type: vocabLabel(t, 'serviceType', service.type) })}
                  onClick={() => handleEdit(service)}
                >
                  {t('common.edit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {notice && <Notice>{notice}</Notice>}
      {caseDto.canEdit && (
        <ServiceForm
          key={formKey}
          code={caseDto.code}
          editing={editing}
          agencies={agencies}
          onSaved={(message) => handleDone(message)}
          onCancel={() => handleDone(null)}
        />
      )}
    </>
  );
}
