import { useState, type FormEvent } from 'react';
import type { PlanDto } from '@kinga/shared';
import { updatePlan } from '../../api/plans.ts';
import { ErrorSummary, Field, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';

const TITLE_MAX = 300;

/** The secretariat changes a plan's title or its submission deadline (any status: these are the plan's, not a version's). */
export function PlanDetailsForm({ plan, onSaved }: { plan: PlanDto; onSaved: (message: string) => void }) {
  const { t } = useLanguage();
  const formId = 'plan-details';
  const errors = useFormErrors();
  const [title, setTitle] = useState(plan.title);
  const [deadline, setDeadline] = useState(plan.submissionDeadline ?? '');
  const [pending, setPending] = useState(false);
  const labels = { title: t('plans.new.title'), submissionDeadline: t('plans.new.deadline') };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    const trimmed = title.trim();
    if (!trimmed) fieldErrors.title = t('errors.required');
    else if (trimmed.length > TITLE_MAX) fieldErrors.title = t('errors.tooLong', { max: TITLE_MAX });
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    setPending(true);
    try {
      await updatePlan(plan.id, { title: trimmed, submissionDeadline: deadline || null });
      errors.clear();
      onSaved(t('plans.details.saved'));
    } catch (error) {
      errors.failWith(error, ['title', 'submissionDeadline']);
    } finally {
      setPending(false);
    }
  };

  return (
    <details className="disclosure plan-details-form">
      <summary>{t('plans.details.open')}</summary>
      <form id={formId} noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={formId} labels={labels} {...errors} />
        <Field id={`${formId}-title`} label={labels.title} error={errors.fields.title} required>
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={TITLE_MAX}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${formId}-submissionDeadline`}
          label={labels.submissionDeadline}
          hint={t('plans.new.deadlineHint')}
          error={errors.fields.submissionDeadline}
        >
          {(aria) => <input {...aria} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
