import { useState, type FormEvent } from 'react';
import type { DecisionDto, MeetingDto } from '@kinga/shared';
import { ApiError } from '../../api/client.ts';
import { addDecision, deleteDecision, updateDecision } from '../../api/coordination.ts';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { ErrorSummary, Field, describeError, useFormErrors } from '../../components/forms.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';

const TEXT_MAX = 5000;

/** Writes a decision's text: a new one, or a change to one. */
function DecisionForm({
  formId,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  formId: string;
  initial: string;
  submitLabel: string;
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useLanguage();
  const errors = useFormErrors();
  const [text, setText] = useState(initial);
  const [pending, setPending] = useState(false);
  const labels = { text: t('meetings.decisions.text') };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return errors.fail({ text: t('errors.required') });
    if (value.length > TEXT_MAX) return errors.fail({ text: t('errors.tooLong', { max: TEXT_MAX }) });
    setPending(true);
    try {
      await onSubmit(value);
      errors.clear();
      setText('');
    } catch (error) {
      errors.failWith(error, ['text']);
    } finally {
      setPending(false);
    }
  };

  return (
    <form id={formId} noValidate className="inline-form" onSubmit={(e) => void handleSubmit(e)}>
      <ErrorSummary formId={formId} labels={labels} {...errors} />
      <Field id={`${formId}-text`} label={labels.text} error={errors.fields.text} required>
        {(aria) => (
          <textarea {...aria} rows={3} maxLength={TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
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

/** One decision with, for the secretariat, edit and delete (refused while something rests on it). */
function DecisionItem({
  meetingId,
  decision,
  canManage,
  onChanged,
}: {
  meetingId: string;
  decision: DecisionDto;
  canManage: boolean;
  onChanged: (message: string) => void;
}) {
  const { t } = useLanguage();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmDelete'>('view');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const label = t('meetings.decisions.numbered', { number: decision.number });

  const handleDelete = async () => {
    setPending(true);
    setDeleteError(null);
    try {
      await deleteDecision(meetingId, decision.id);
      onChanged(t('meetings.decisions.deleted', { number: decision.number }));
    } catch (error) {
      setDeleteError(
        error instanceof ApiError && error.code === 'decision_in_use'
          ? t('meetings.decisions.inUse')
          : describeError(error, t),
      );
      setMode('view');
    } finally {
      setPending(false);
    }
  };

  return (
    <li className="record decision">
      <h3 className="record-title">{label}</h3>
      {mode === 'edit' ? (
        <DecisionForm
          formId={`decision-${decision.id}`}
          initial={decision.text}
          submitLabel={t('common.save')}
          onSubmit={async (text) => {
            await updateDecision(meetingId, decision.id, text);
            setMode('view');
            onChanged(t('meetings.decisions.saved', { number: decision.number }));
          }}
          onCancel={() => setMode('view')}
        />
      ) : (
        <p className="pre-line break decision-text">{decision.text}</p>
      )}
      {deleteError && (
        <p className="load-error" role="alert">
          {deleteError}
        </p>
      )}
      {canManage && mode === 'view' && (
        <div className="confirm-row">
          <button
            type="button"
            className="button-secondary"
            aria-label={t('meetings.decisions.editNamed', { number: decision.number })}
            onClick={() => setMode('edit')}
          >
            {t('common.edit')}
          </button>
          <button
            type="button"
            className="button-secondary"
            aria-label={t('meetings.decisions.deleteNamed', { number: decision.number })}
            onClick={() => {
              setDeleteError(null);
              setMode('confirmDelete');
            }}
          >
            {t('meetings.decisions.delete')}
          </button>
        </div>
      )}
      {canManage && mode === 'confirmDelete' && (
        <div className="confirm-row" role="group" aria-label={label}>
          <p>{t('meetings.decisions.confirmDelete', { number: decision.number })}</p>
          <button type="button" className="button-danger" disabled={pending} onClick={() => void handleDelete()}>
            {t('meetings.decisions.deleteConfirm')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setMode('view')}>
            {t('meetings.decisions.keep')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The meeting's decisions, numbered; the secretariat adds, changes and deletes them. */
export function MeetingDecisions({
  meeting,
  canManage,
  onChanged,
}: {
  meeting: MeetingDto;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useLanguage();
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const decisions = [...meeting.decisions].sort((a, b) => a.number - b.number);
  const handleChanged = (message: string) => {
    setNotice(message);
    onChanged();
  };

  return (
    <section className="meeting-section" aria-labelledby="meeting-decisions-title">
      <h2 id="meeting-decisions-title">{t('meetings.decisions.title')}</h2>
      <FocusedNotice message={notice} />
      {decisions.length === 0 ? (
        <p className="muted">{t('meetings.decisions.none')}</p>
      ) : (
        <ul className="record-list">
          {decisions.map((d) => (
            <DecisionItem
              key={d.id}
              meetingId={meeting.id}
              decision={d}
              canManage={canManage}
              onChanged={handleChanged}
            />
          ))}
        </ul>
      )}
      {canManage && (
        <details className="disclosure">
          <summary>{t('meetings.decisions.addTitle')}</summary>
          <DecisionForm
            key={formKey}
            formId="decision-new"
            initial=""
            submitLabel={t('meetings.decisions.add')}
            onSubmit={async (text) => {
              const created = await addDecision(meeting.id, text);
              setFormKey((k) => k + 1);
              handleChanged(t('meetings.decisions.added', { number: created.number }));
            }}
          />
        </details>
      )}
    </section>
  );
}
