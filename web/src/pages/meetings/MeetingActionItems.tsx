import { useState, type FormEvent } from 'react';
import { ACTION_ITEM_STATUSES } from '@kinga/shared/picklists';
import type { ActionItemDto, AgencyDto, MeetingDto } from '@kinga/shared';
import { addActionItem, updateActionItem } from '../../api/coordination.ts';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { ErrorSummary, Field, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabOptions } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { ActionItemStatusControl, ActionItemSummary } from './ActionItemControls.tsx';
import { ownsActionItem } from './meeting-format.ts';
import { useAgencyPeople } from './useAgencyPeople.ts';

const FIELDS = ['text', 'decisionId', 'ownerAgencyId', 'ownerUserId', 'dueOn', 'status'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const TEXT_MAX = 2000;

/** Adds an action item to the meeting, or changes one (the secretariat). */
function ActionItemForm({
  formId,
  meeting,
  editing,
  agencies,
  onSaved,
  onCancel,
}: {
  formId: string;
  meeting: MeetingDto;
  editing: ActionItemDto | null;
  agencies: AgencyDto[];
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useLanguage();
  const errors = useFormErrors();
  const [pending, setPending] = useState(false);
  const [values, setValues] = useState<Values>({
    text: editing?.text ?? '',
    decisionId: editing?.decisionId ?? '',
    ownerAgencyId: editing?.ownerAgencyId ?? '',
    ownerUserId: editing?.ownerUserId ?? '',
    dueOn: editing?.dueOn ?? '',
    status: editing?.status ?? 'open',
  });
  const { people } = useAgencyPeople(values.ownerAgencyId);
  const set = (key: keyof Values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const labels: Record<keyof Values, string> = {
    text: t('actionItems.text'),
    decisionId: t('actionItems.decision'),
    ownerAgencyId: t('actionItems.ownerAgency'),
    ownerUserId: t('actionItems.ownerPerson'),
    dueOn: t('actionItems.dueOn'),
    status: t('actionItems.status'),
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    const text = values.text.trim();
    if (!text) fieldErrors.text = t('errors.required');
    else if (text.length > TEXT_MAX) fieldErrors.text = t('errors.tooLong', { max: TEXT_MAX });
    if (!values.ownerAgencyId && !values.ownerUserId) fieldErrors.ownerAgencyId = t('actionItems.errors.owner');
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    const owner = {
      ownerAgencyId: values.ownerAgencyId || null,
      ownerUserId: values.ownerUserId || null,
      dueOn: values.dueOn || null,
    };
    setPending(true);
    try {
      if (editing) {
        const status = ACTION_ITEM_STATUSES.find((s) => s === values.status) ?? editing.status;
        await updateActionItem(editing.id, { text, ...owner, status });
      } else {
        await addActionItem(meeting.id, { text, decisionId: values.decisionId || null, ...owner });
      }
      errors.clear();
      onSaved(editing ? t('actionItems.saved') : t('actionItems.added'));
    } catch (error) {
      errors.failWith(error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  const keepPerson = editing?.ownerUserId && !people?.some((p) => p.id === editing.ownerUserId);

  return (
    <form id={formId} noValidate className="inline-form" onSubmit={(e) => void handleSubmit(e)}>
      <ErrorSummary formId={formId} labels={labels} {...errors} />
      <Field id={`${formId}-text`} label={labels.text} error={errors.fields.text} required>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            maxLength={TEXT_MAX}
            value={values.text}
            onChange={(e) => set('text', e.target.value)}
          />
        )}
      </Field>
      {!editing && meeting.decisions.length > 0 && (
        <Field id={`${formId}-decisionId`} label={labels.decisionId} error={errors.fields.decisionId}>
          {(aria) => (
            <select {...aria} value={values.decisionId} onChange={(e) => set('decisionId', e.target.value)}>
              <option value="">{t('actionItems.noDecision')}</option>
              {meeting.decisions.map((d) => (
                <option key={d.id} value={d.id}>
                  {t('meetings.decisions.numbered', { number: d.number })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        id={`${formId}-ownerAgencyId`}
        label={labels.ownerAgencyId}
        hint={t('actionItems.ownerHint')}
        error={errors.fields.ownerAgencyId}
      >
        {(aria) => (
          <select
            {...aria}
            value={values.ownerAgencyId}
            onChange={(e) => setValues((v) => ({ ...v, ownerAgencyId: e.target.value, ownerUserId: '' }))}
          >
            <option value="">{t('actionItems.chooseAgency')}</option>
            {editing?.ownerAgencyId && !agencies.some((a) => a.id === editing.ownerAgencyId) && (
              <option value={editing.ownerAgencyId}>{editing.ownerAgencyName}</option>
            )}
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {((people && people.length > 0) || keepPerson) && (
        <Field id={`${formId}-ownerUserId`} label={labels.ownerUserId} error={errors.fields.ownerUserId}>
          {(aria) => (
            <select {...aria} value={values.ownerUserId} onChange={(e) => set('ownerUserId', e.target.value)}>
              <option value="">{t('actionItems.wholeAgency')}</option>
              {keepPerson && editing.ownerUserId && (
                <option value={editing.ownerUserId}>{editing.ownerUserName}</option>
              )}
              {people?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={`${formId}-dueOn`} label={labels.dueOn} error={errors.fields.dueOn}>
        {(aria) => (
          <input
            {...aria}
            type="date"
            className="input-date"
            value={values.dueOn}
            onChange={(e) => set('dueOn', e.target.value)}
          />
        )}
      </Field>
      {editing && (
        <Field id={`${formId}-status`} label={labels.status} error={errors.fields.status}>
          {(aria) => (
            <select {...aria} value={values.status} onChange={(e) => set('status', e.target.value)}>
              {vocabOptions(t, 'actionItemStatus', ACTION_ITEM_STATUSES).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {editing ? t('common.save') : t('actionItems.add')}
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

/** The meeting's action items: the secretariat adds and changes them; owners change their status. */
export function MeetingActionItems({
  meeting,
  canManage,
  agencies,
  onChanged,
}: {
  meeting: MeetingDto;
  canManage: boolean;
  agencies: AgencyDto[];
  onChanged: () => void;
}) {
  const { t } = useLanguage();
  const { user } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const numbers = new Map(meeting.decisions.map((d) => [d.id, d.number]));
  const handleSaved = (message: string) => {
    setEditingId(null);
    setFormKey((k) => k + 1);
    setNotice(message);
    onChanged();
  };

  return (
    <section className="meeting-section" aria-labelledby="meeting-actions-title">
      <h2 id="meeting-actions-title">{t('actionItems.meetingTitle')}</h2>
      <FocusedNotice message={notice} />
      {meeting.actionItems.length === 0 ? (
        <p className="muted">{t('actionItems.noneForMeeting')}</p>
      ) : (
        <ul className="record-list">
          {meeting.actionItems.map((item) => (
            <li key={item.id} className="record action-item">
              {editingId === item.id ? (
                <ActionItemForm
                  formId={`action-${item.id}`}
                  meeting={meeting}
                  editing={item}
                  agencies={agencies}
                  onSaved={handleSaved}
                  onCancel={() => setEditingId(null)}
                />
              ) : (
                <>
                  <ActionItemSummary
                    item={item}
                    decisionNumber={item.decisionId ? numbers.get(item.decisionId) : null}
                  />
                  {canManage ? (
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={t('actionItems.editNamed', { text: item.text.slice(0, 60) })}
                      onClick={() => {
                        setNotice(null);
                        setEditingId(item.id);
                      }}
                    >
                      {t('common.edit')}
                    </button>
                  ) : (
                    user &&
                    ownsActionItem(item, user) && (
                      <ActionItemStatusControl item={item} onChanged={(_updated, message) => handleSaved(message)} />
                    )
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <details className="disclosure">
          <summary>{t('actionItems.addTitle')}</summary>
          <ActionItemForm
            key={formKey}
            formId="action-new"
            meeting={meeting}
            editing={null}
            agencies={agencies}
            onSaved={handleSaved}
          />
        </details>
      )}
    </section>
  );
}
