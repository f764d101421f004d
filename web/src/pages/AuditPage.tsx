import { useEffect, useState, type FormEvent } from 'react';
import { AUDIT_OUTCOMES } from '@kinga/shared/picklists';
import type { AuditEventDto } from '@kinga/shared';
import { listAuditEvents } from '../api/client.ts';
import { ErrorSummary, Field, useFormErrors, type FieldErrors } from '../components/forms.tsx';
import { formatDateTime } from '../components/format.ts';
import { ListFooter } from '../components/ListFooter.tsx';
import { Page } from '../components/Page.tsx';
import { useCursorList } from '../components/useCursorList.ts';
import { oneOf, useSearchParamsUpdater } from '../components/useSearchParamsUpdater.ts';
import { useLanguage } from '../i18n/i18n.tsx';

const FORM_ID = 'audit-filters';
type FilterValues = Record<'actorId' | 'action' | 'entityType' | 'entityId' | 'from' | 'to' | 'outcome', string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Start or end of a calendar day in the reader's time zone, as UTC ISO time for the API. */
function dayBoundary(date: string, end: boolean): string | undefined {
  if (!DATE.test(date)) return undefined;
  const local = new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
}

/** The append-only audit trail: who did what to which record, when, and with what outcome. */
export function AuditPage() {
  const { t, locale } = useLanguage();
  const { params, update, clear } = useSearchParamsUpdater();
  const errors = useFormErrors();

  const applied: FilterValues = {
    actorId: params.get('actorId') ?? '',
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    outcome: oneOf(AUDIT_OUTCOMES, params.get('outcome')) ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const appliedKey = JSON.stringify(applied);
  const [values, setValues] = useState<FilterValues>(applied);

  // Keep the form in step with the address (Back button, "show only this actor").
  useEffect(() => {
    setValues(JSON.parse(appliedKey) as FilterValues);
  }, [appliedKey]);

  const query = {
    actorId: UUID.test(applied.actorId) ? applied.actorId : undefined,
    action: applied.action || undefined,
    entityType: applied.entityType || undefined,
    entityId: applied.entityId || undefined,
    outcome: oneOf(AUDIT_OUTCOMES, applied.outcome),
    from: dayBoundary(applied.from, false),
    to: dayBoundary(applied.to, true),
    limit: 50,
  };
  const list = useCursorList<AuditEventDto>(JSON.stringify(query), (cursor) => listAuditEvents({ ...query, cursor }));

  const labels: Record<keyof FilterValues, string> = {
    actorId: t('audit.filter.actorId'),
    action: t('audit.filter.action'),
    entityType: t('audit.filter.entityType'),
    entityId: t('audit.filter.entityId'),
    outcome: t('audit.filter.outcome'),
    from: t('audit.filter.from'),
    to: t('audit.filter.to'),
  };

  const set = (key: keyof FilterValues, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    if (values.actorId.trim() && !UUID.test(values.actorId.trim())) fieldErrors.actorId = t('errors.uuid');
    if (values.from && values.to && values.from > values.to) fieldErrors.from = t('errors.dateRange');
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    errors.clear();
    update(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() || undefined])));
  };

  const textField = (key: 'actorId' | 'action' | 'entityType' | 'entityId', hint?: string) => (
    <Field id={`${FORM_ID}-${key}`} label={labels[key]} hint={hint} error={errors.fields[key]}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={values[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <Page title={t('audit.title')} wide>
      <form id={FORM_ID} className="filters" noValidate aria-label={t('common.filters')} onSubmit={handleSubmit}>
        <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />
        {textField('actorId')}
        {textField('action', t('audit.filter.actionHint'))}
        {textField('entityType')}
        {textField('entityId')}
        <Field id={`${FORM_ID}-outcome`} label={labels.outcome}>
          {(aria) => (
            <select {...aria} value={values.outcome} onChange={(e) => set('outcome', e.target.value)}>
              <option value="">{t('audit.filter.allOutcomes')}</option>
              {AUDIT_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`outcome.${outcome}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${FORM_ID}-from`} label={labels.from} error={errors.fields.from}>
          {(aria) => <input {...aria} type="date" value={values.from} onChange={(e) => set('from', e.target.value)} />}
        </Field>
        <Field id={`${FORM_ID}-to`} label={labels.to} error={errors.fields.to}>
          {(aria) => <input {...aria} type="date" value={values.to} onChange={(e) => set('to', e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit">{t('audit.apply')}</button>
          {params.toString() !== '' && (
            <button type="button" className="button-secondary" onClick={clear}>
              {t('common.clearFilters')}
            </button>
          )}
        </div>
      </form>

      <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
        <table>
          <caption id="audit-caption">{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.time')}</th>
              <th scope="col">{t('audit.col.actor')}</th>
              <th scope="col">{t('audit.col.action')}</th>
              <th scope="col">{t('audit.col.entityType')}</th>
              <th scope="col">{t('audit.col.entityId')}</th>
              <th scope="col">{t('audit.col.outcome')}</th>
              <th scope="col">{t('audit.col.requestId')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, locale)}</time>
                </td>
                <td className="nowrap">
                  {event.actorId ? (
                    <button
                      type="button"
                      className="link-button"
                      title={t('audit.filterByActor', { name: event.actorName ?? event.actorId })}
                      aria-label={t('audit.filterByActor', { name: event.actorName ?? event.actorId })}
                      onClick={() => update({ actorId: event.actorId ?? undefined })}
                    >
                      {event.actorName ?? event.actorId}
                    </button>
                  ) : (
                    <span className="muted">{t('audit.noActor')}</span>
                  )}
                </td>
                <td className="mono nowrap">{event.action}</td>
                <td>{event.entityType ?? ''}</td>
                <td className="mono nowrap">{event.entityId ?? ''}</td>
                <td>
                  <span className={`badge badge-${event.outcome}`}>{t(`outcome.${event.outcome}`)}</span>
                </td>
                <td className="mono nowrap">{event.requestId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={t('audit.empty')}
      />
    </Page>
  );
}
