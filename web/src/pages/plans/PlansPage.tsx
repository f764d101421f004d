import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { REPORTING_FREQUENCIES } from '@kinga/shared/picklists';
import { createPlan, listPlans, type PlanInput } from '../../api/plans.ts';
import { CheckboxField, ErrorSummary, Field, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { ListFooter } from '../../components/ListFooter.tsx';
import { Page } from '../../components/Page.tsx';
import { useCursorList } from '../../components/useCursorList.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabOptions } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { DeadlineText, VersionStatusBadge } from './PlanBadges.tsx';
import { deadlineApplies, periodLabel } from './plan-format.ts';

/** The plans of the instance, and for the secretariat the form that starts one. */
export function PlansPage() {
  const { t } = useLanguage();
  const { can } = useSession();
  const canManage = can('plan:manage');
  const list = useCursorList('plans', (cursor) => listPlans({ limit: 50, cursor }));

  return (
    <Page title={t('plans.title')}>
      <p className="lead">{t('plans.intro')}</p>
      {list.items.length > 0 && (
        <ul className="card-list plan-list">
          {list.items.map((plan) => (
            <li key={plan.id} className="card">
              <Link to={`/plans/${encodeURIComponent(plan.id)}`}>{plan.title}</Link>
              <p>{t('plans.list.period', { period: periodLabel(plan.periodStart, plan.periodEnd) })}</p>
              <p>
                {t('plans.list.latest', { number: plan.latestVersion.number })}{' '}
                <VersionStatusBadge status={plan.latestVersion.status} />
              </p>
              <p>
                {plan.adoptedVersion !== null
                  ? t('plans.list.adopted', { number: plan.adoptedVersion })
                  : t('plans.list.noneAdopted')}
              </p>
              <p>
                {t('plans.list.deadline')}{' '}
                <DeadlineText
                  deadline={plan.submissionDeadline}
                  showTimeLeft={deadlineApplies(plan.latestVersion.status)}
                />
              </p>
            </li>
          ))}
        </ul>
      )}
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={canManage ? t('plans.list.emptyManage') : t('plans.list.empty')}
      />
      {canManage && <NewPlanForm />}
    </Page>
  );
}

const FIELDS = ['title', 'periodStart', 'periodEnd', 'submissionDeadline', 'reportingFrequency'] as const;
type PlanField = (typeof FIELDS)[number];

/** Reads a year typed in a text box; null when it is not a whole year. */
function parseYear(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : null;
}

/** Starts a plan: title, period, submission deadline, reporting frequency and the default pillars. */
function NewPlanForm() {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const formId = 'new-plan';
  const errors = useFormErrors();
  const thisYear = new Date().getFullYear();
  const [values, setValues] = useState<Record<PlanField, string>>({
    title: '',
    periodStart: String(thisYear + 1),
    periodEnd: String(thisYear + 5),
    submissionDeadline: '',
    reportingFrequency: 'quarterly',
  });
  const [defaultPillars, setDefaultPillars] = useState(true);
  const [pending, setPending] = useState(false);
  const labels: Record<PlanField, string> = {
    title: t('plans.new.title'),
    periodStart: t('plans.new.periodStart'),
    periodEnd: t('plans.new.periodEnd'),
    submissionDeadline: t('plans.new.deadline'),
    reportingFrequency: t('plans.new.reportingFrequency'),
  };
  const set = (field: PlanField, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    const title = values.title.trim();
    const start = parseYear(values.periodStart);
    const end = parseYear(values.periodEnd);
    const frequency = REPORTING_FREQUENCIES.find((f) => f === values.reportingFrequency);
    if (!title) fieldErrors.title = t('errors.required');
    else if (title.length > 300) fieldErrors.title = t('errors.tooLong', { max: 300 });
    if (start === null || start < 2000 || start > 2100) fieldErrors.periodStart = t('plans.new.yearInvalid');
    if (end === null || end < 2000 || end > 2100) fieldErrors.periodEnd = t('plans.new.yearInvalid');
    else if (start !== null && (end < start || end - start > 15)) fieldErrors.periodEnd = t('plans.new.periodInvalid');
    if (!frequency) fieldErrors.reportingFrequency = t('errors.required');
    if (Object.keys(fieldErrors).length > 0 || start === null || end === null || !frequency) {
      return errors.fail(fieldErrors);
    }
    const input: PlanInput = {
      title,
      periodStart: start,
      periodEnd: end,
      submissionDeadline: values.submissionDeadline || null,
      reportingFrequency: frequency,
      defaultPillars,
      language,
    };
    setPending(true);
    try {
      const plan = await createPlan(input);
      errors.clear();
      void navigate(`/plans/${encodeURIComponent(plan.id)}`);
    } catch (error) {
      errors.failWith(error, FIELDS);
      setPending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t('plans.new.heading')}</h2>
      <form id={formId} noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={formId} labels={labels} {...errors} />
        <Field
          id={`${formId}-title`}
          label={labels.title}
          hint={t('plans.new.titleHint')}
          error={errors.fields.title}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={300}
              value={values.title}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <div className="field-pair">
          <Field id={`${formId}-periodStart`} label={labels.periodStart} error={errors.fields.periodStart} required>
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                maxLength={4}
                className="input-short"
                value={values.periodStart}
                onChange={(e) => set('periodStart', e.target.value)}
              />
            )}
          </Field>
          <Field id={`${formId}-periodEnd`} label={labels.periodEnd} error={errors.fields.periodEnd} required>
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                maxLength={4}
                className="input-short"
                value={values.periodEnd}
                onChange={(e) => set('periodEnd', e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          id={`${formId}-submissionDeadline`}
          label={labels.submissionDeadline}
          hint={t('plans.new.deadlineHint')}
          error={errors.fields.submissionDeadline}
        >
          {(aria) => (
            <input
              {...aria}
              type="date"
              value={values.submissionDeadline}
              onChange={(e) => set('submissionDeadline', e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${formId}-reportingFrequency`}
          label={labels.reportingFrequency}
          hint={t('plans.new.reportingFrequencyHint')}
          error={errors.fields.reportingFrequency}
          required
        >
          {(aria) => (
            <select
              {...aria}
              value={values.reportingFrequency}
              onChange={(e) => set('reportingFrequency', e.target.value)}
            >
              {vocabOptions(t, 'reportingFrequency', REPORTING_FREQUENCIES).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CheckboxField
          id={`${formId}-defaultPillars`}
          label={t('plans.new.defaultPillars')}
          hint={t('plans.new.defaultPillarsHint')}
          checked={defaultPillars}
          onChange={setDefaultPillars}
        />
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {t('plans.new.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
