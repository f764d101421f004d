import { useEffect, useState, type FormEvent } from 'react';
import { MEETING_KINDS } from '@kinga/shared/picklists';
import type { MeetingDto, MeetingInput, PlanSummaryDto } from '@kinga/shared';
import { listPlanChoices } from '../../api/coordination.ts';
import { ErrorSummary, Field, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabOptions } from '../../i18n/vocab.ts';
import { fromLocalInput, isWebLink, toLocalInput } from './meeting-format.ts';

const FIELDS = ['kind', 'title', 'startsAt', 'endsAt', 'place', 'link', 'agenda', 'planId'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const LIMITS = { title: 300, place: 300, link: 500, agenda: 10_000 } as const;

function valuesOf(meeting: MeetingDto | null): Values {
  return {
    kind: meeting?.kind ?? '',
    title: meeting?.title ?? '',
    startsAt: toLocalInput(meeting?.startsAt ?? null),
    endsAt: toLocalInput(meeting?.endsAt ?? null),
    place: meeting?.place ?? '',
    link: meeting?.link ?? '',
    agenda: meeting?.agenda ?? '',
    planId: meeting?.planId ?? '',
  };
}

/** Plans to link a meeting to; an empty list when the plans cannot be read. */
function usePlanChoices(): PlanSummaryDto[] {
  const [plans, setPlans] = useState<PlanSummaryDto[]>([]);
  useEffect(() => {
    let cancelled = false;
    listPlanChoices()
      .then((page) => {
        if (!cancelled) setPlans(page.items);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return plans;
}

/**
 * The details of a meeting: kind, title, start and end (in the reader's time zone), place,
 * online link, agenda and the plan it works on. Used to schedule a meeting and to change one.
 */
export function MeetingDetailsForm({
  formId,
  meeting,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  formId: string;
  meeting: MeetingDto | null;
  submitLabel: string;
  onSubmit: (input: MeetingInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useLanguage();
  const errors = useFormErrors();
  const plans = usePlanChoices();
  const [values, setValues] = useState<Values>(() => valuesOf(meeting));
  const [pending, setPending] = useState(false);
  const set = (key: keyof Values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const labels: Record<keyof Values, string> = {
    kind: t('meetings.field.kind'),
    title: t('meetings.field.title'),
    startsAt: t('meetings.field.startsAt'),
    endsAt: t('meetings.field.endsAt'),
    place: t('meetings.field.place'),
    link: t('meetings.field.link'),
    agenda: t('meetings.field.agenda'),
    planId: t('meetings.field.plan'),
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    const kind = MEETING_KINDS.find((k) => k === values.kind);
    const startsAt = fromLocalInput(values.startsAt);
    const endsAt = values.endsAt ? fromLocalInput(values.endsAt) : null;
    if (!kind) fieldErrors.kind = t('errors.required');
    if (!values.title.trim()) fieldErrors.title = t('errors.required');
    if (!values.startsAt) fieldErrors.startsAt = t('errors.required');
    else if (!startsAt) fieldErrors.startsAt = t('meetings.errors.dateTime');
    if (values.endsAt && !endsAt) fieldErrors.endsAt = t('meetings.errors.dateTime');
    else if (startsAt && endsAt && endsAt < startsAt) fieldErrors.endsAt = t('meetings.errors.endBeforeStart');
    const link = values.link.trim();
    if (link && !isWebLink(link)) fieldErrors.link = t('meetings.errors.link');
    for (const [field, max] of Object.entries(LIMITS)) {
      if (values[field as keyof typeof LIMITS].trim().length > max) fieldErrors[field] = t('errors.tooLong', { max });
    }
    if (!kind || !startsAt || Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);

    setPending(true);
    try {
      await onSubmit({
        kind,
        title: values.title.trim(),
        startsAt,
        endsAt,
        place: values.place.trim(),
        link,
        agenda: values.agenda.trim(),
        planId: values.planId || null,
      });
      errors.clear();
    } catch (error) {
      errors.failWith(error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  return (
    <form id={formId} className="form" noValidate onSubmit={(e) => void handleSubmit(e)}>
      <ErrorSummary formId={formId} labels={labels} {...errors} />
      <Field id={`${formId}-kind`} label={labels.kind} error={errors.fields.kind} required>
        {(aria) => (
          <select {...aria} value={values.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">{t('meetings.chooseKind')}</option>
            {vocabOptions(t, 'meetingKind', MEETING_KINDS).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${formId}-title`} label={labels.title} error={errors.fields.title} required>
        {(aria) => (
          <input
            {...aria}
            type="text"
            maxLength={LIMITS.title}
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </Field>
      <div className="field-pair">
        <Field
          id={`${formId}-startsAt`}
          label={labels.startsAt}
          hint={t('meetings.field.timeHint')}
          error={errors.fields.startsAt}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="datetime-local"
              value={values.startsAt}
              onChange={(e) => set('startsAt', e.target.value)}
            />
          )}
        </Field>
        <Field id={`${formId}-endsAt`} label={labels.endsAt} error={errors.fields.endsAt}>
          {(aria) => (
            <input
              {...aria}
              type="datetime-local"
              min={values.startsAt || undefined}
              value={values.endsAt}
              onChange={(e) => set('endsAt', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field id={`${formId}-place`} label={labels.place} error={errors.fields.place}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            maxLength={LIMITS.place}
            value={values.place}
            onChange={(e) => set('place', e.target.value)}
          />
        )}
      </Field>
      <Field id={`${formId}-link`} label={labels.link} hint={t('meetings.field.linkHint')} error={errors.fields.link}>
        {(aria) => (
          <input
            {...aria}
            type="url"
            inputMode="url"
            maxLength={LIMITS.link}
            value={values.link}
            onChange={(e) => set('link', e.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${formId}-agenda`}
        label={labels.agenda}
        hint={t('meetings.field.agendaHint')}
        error={errors.fields.agenda}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={6}
            maxLength={LIMITS.agenda}
            value={values.agenda}
            onChange={(e) => set('agenda', e.target.value)}
          />
        )}
      </Field>
      <Field id={`${formId}-planId`} label={labels.planId} error={errors.fields.planId}>
        {(aria) => (
          <select {...aria} value={values.planId} onChange={(e) => set('planId', e.target.value)}>
            <option value="">{t('meetings.noPlan')}</option>
            {meeting?.planId && !plans.some((p) => p.id === meeting.planId) && (
              <option value={meeting.planId}>{t('meetings.currentPlan')}</option>
            )}
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {t('meetings.planOption', { title: plan.title, start: plan.periodStart, end: plan.periodEnd })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('meetings.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
