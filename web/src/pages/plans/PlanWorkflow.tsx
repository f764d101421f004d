import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { DecisionListItemDto, PlanDto, PlanVersionDto, VersionStepDto } from '@kinga/shared';
import { startDraft, transitionVersion, type VersionTransition } from '../../api/plans.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorSummary, Field, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { DecisionPicker } from './DecisionPicker.tsx';
import { planErrorMessage, planOverrides } from './plan-errors.ts';
import { canStartDraftFrom, stepNote, transitionsFor } from './plan-format.ts';

const NOTE_MAX = 2000;

const TRANSITION_TEXT: Record<
  VersionTransition,
  { open: MessageKey; heading: MessageKey; hint: MessageKey; confirm: MessageKey; done: MessageKey }
> = {
  submit: {
    open: 'plans.workflow.submit',
    heading: 'plans.workflow.submitHeading',
    hint: 'plans.workflow.submitHint',
    confirm: 'plans.workflow.submitConfirm',
    done: 'plans.workflow.submitted',
  },
  return: {
    open: 'plans.workflow.return',
    heading: 'plans.workflow.returnHeading',
    hint: 'plans.workflow.returnHint',
    confirm: 'plans.workflow.returnConfirm',
    done: 'plans.workflow.returned',
  },
  adopt: {
    open: 'plans.workflow.adopt',
    heading: 'plans.workflow.adoptHeading',
    hint: 'plans.workflow.adoptHint',
    confirm: 'plans.workflow.adoptConfirm',
    done: 'plans.workflow.adopted',
  },
};

/** One step of a version's history: what happened, who, when, and the decision it rests on. */
function StepItem({ step }: { step: VersionStepDto }) {
  const { t, locale } = useLanguage();
  return (
    <li className="timeline-item">
      <span className="timeline-type">{vocabLabel(t, 'planTransition', step.transition)}</span>{' '}
      <span className="timeline-date">
        {t('plans.workflow.byOn', {
          name: step.actorName ?? t('plans.workflow.unknownActor'),
          date: formatDateTime(step.at, locale),
        })}
      </span>
      {step.decisionText && (
        <p className="step-decision">
          {t('plans.workflow.decision')}: {step.decisionText}
        </p>
      )}
      {step.meetingId && (
        <p className="step-meeting">
          {t('plans.workflow.meeting')}:{' '}
          <Link to={`/meetings/${encodeURIComponent(step.meetingId)}`}>
            {step.meetingTitle ?? t('plans.workflow.meetingLink')}
          </Link>
        </p>
      )}
      {step.note && <p className="pre-line break step-note">{stepNote(step, t)}</p>}
    </li>
  );
}

/**
 * The version's workflow: its history, and for the secretariat the next steps (submit;
 * return or adopt against a committee decision; a new draft from an adopted or returned version).
 */
export function PlanWorkflow({
  plan,
  version,
  canManage,
  onChanged,
  onDraftStarted,
}: {
  plan: PlanDto;
  version: PlanVersionDto;
  canManage: boolean;
  onChanged: (message: string) => void;
  onDraftStarted: (number: number, message: string) => void;
}) {
  const { t } = useLanguage();
  const [open, setOpen] = useState<VersionTransition | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [draftPending, setDraftPending] = useState(false);
  const transitions = canManage ? transitionsFor(version.status) : [];
  const canStartDraft = canManage && canStartDraftFrom(version.status, plan.versions);
  const openDraft = plan.versions.find((v) => v.status === 'draft' && v.number !== version.number);

  const handleStartDraft = async () => {
    setDraftPending(true);
    setDraftError(null);
    try {
      const created = await startDraft(plan.id, version.number);
      onDraftStarted(created.number, t('plans.workflow.draftStarted'));
    } catch (error) {
      setDraftError(planErrorMessage(error, t));
      setDraftPending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="plan-workflow-heading">
      <h2 id="plan-workflow-heading">{t('plans.workflow.heading')}</h2>
      {version.steps.length === 0 ? (
        <p className="muted">{t('plans.workflow.noSteps')}</p>
      ) : (
        <ol className="timeline plan-steps">
          {version.steps.map((step, i) => (
            <StepItem key={`${step.transition}-${step.at}-${i}`} step={step} />
          ))}
        </ol>
      )}
      {openDraft && (
        <p>
          <Link to={`/plans/${encodeURIComponent(plan.id)}/versions/${openDraft.number}`}>
            {t('plans.workflow.openDraft', { number: openDraft.number })}
          </Link>
        </p>
      )}
      {(transitions.length > 0 || canStartDraft) && (
        <div className="form-actions">
          {transitions.map((transition) => (
            <button
              key={transition}
              type="button"
              className={transition === 'return' ? 'button-secondary' : undefined}
              aria-expanded={open === transition}
              onClick={() => setOpen(open === transition ? null : transition)}
            >
              {t(TRANSITION_TEXT[transition].open)}
            </button>
          ))}
          {canStartDraft && (
            <button type="button" disabled={draftPending} onClick={() => void handleStartDraft()}>
              {t('plans.workflow.startDraft', { number: version.number })}
            </button>
          )}
        </div>
      )}
      {draftError && (
        <p className="field-error" role="alert">
          {draftError}
        </p>
      )}
      {open && (
        <TransitionForm
          key={open}
          transition={open}
          plan={plan}
          version={version}
          onCancel={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            onChanged(message);
          }}
        />
      )}
    </section>
  );
}

/** Submit, return or adopt: the decision it rests on (required to return and adopt) and a note. */
function TransitionForm({
  transition,
  plan,
  version,
  onCancel,
  onDone,
}: {
  transition: VersionTransition;
  plan: PlanDto;
  version: PlanVersionDto;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLanguage();
  const text = TRANSITION_TEXT[transition];
  const formId = `transition-${transition}`;
  const errors = useFormErrors();
  const [decision, setDecision] = useState<DecisionListItemDto | null>(null);
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const decisionRequired = transition !== 'submit';
  const labels = { decisionId: t('plans.decision.legend'), note: t('plans.workflow.note') };

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    if (decisionRequired && !decision) fieldErrors.decisionId = t('plans.decision.required');
    if (note.trim().length > NOTE_MAX) fieldErrors.note = t('errors.tooLong', { max: NOTE_MAX });
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    setPending(true);
    try {
      await transitionVersion(plan.id, version.number, transition, {
        decisionId: decision?.id ?? null,
        note: note.trim() || null,
      });
      errors.clear();
      onDone(t(text.done, { number: version.number }));
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'decision_required' || error.code === 'unknown_decision')) {
        errors.fail({ decisionId: planErrorMessage(error, t) });
      } else {
        errors.failWith(error, ['decisionId', 'note'], planOverrides(error, t));
      }
      setPending(false);
    }
  };

  return (
    <div className="inline-form">
      <h3 id={`${formId}-heading`} tabIndex={-1} ref={headingRef}>
        {t(text.heading, { number: version.number })}
      </h3>
      <p className="hint">{t(text.hint)}</p>
      <form id={formId} noValidate onSubmit={(e) => void handleSubmit(e)}>
        <ErrorSummary formId={formId} labels={labels} {...errors} />
        <DecisionPicker
          id={`${formId}-decisionId`}
          planId={plan.id}
          value={decision}
          onChange={setDecision}
          error={errors.fields.decisionId}
          required={decisionRequired}
        />
        <Field id={`${formId}-note`} label={labels.note} hint={t('plans.workflow.noteHint')} error={errors.fields.note}>
          {(aria) => (
            <textarea {...aria} rows={3} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {t(text.confirm, { number: version.number })}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('plans.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
