import { useRef, useState, type FormEvent, type SyntheticEvent } from 'react';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@kinga/shared/picklists';
import type { AgencyDto, MeetingDto } from '@kinga/shared';
import { setAttendance } from '../../api/coordination.ts';
import { ErrorSummary, Field, Notice, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { RadioGroup } from '../../components/CheckboxGroup.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { attendanceCounts } from './meeting-format.ts';
import { useAgencyPeople } from './useAgencyPeople.ts';

interface AttendeeRow {
  key: string;
  userId: string | null;
  name: string;
  agencyId: string | null;
  agencyName: string | null;
  attendance: AttendanceStatus;
}

const NAME_MAX = 200;
const TYPED = '__typed__';

/** Adds one person to the list being edited: a user of an agency, or a typed name with an agency. */
function AddAttendee({
  agencies,
  rows,
  onAdd,
}: {
  agencies: AgencyDto[];
  rows: AttendeeRow[];
  onAdd: (row: AttendeeRow) => void;
}) {
  const { t } = useLanguage();
  const formId = 'attendee-add';
  const errors = useFormErrors();
  const [agencyId, setAgencyId] = useState('');
  const [person, setPerson] = useState('');
  const [name, setName] = useState('');
  const [attendance, setAttendanceValue] = useState<AttendanceStatus>('present');
  const { people, available } = useAgencyPeople(agencyId);
  const nameRef = useRef<HTMLInputElement>(null);
  const typing = !people || people.length === 0 || person === TYPED || person === '';
  const labels = {
    agencyId: t('meetings.attendance.agency'),
    person: t('meetings.attendance.person'),
    name: t('meetings.attendance.name'),
  };

  const handleAdd = (event: SyntheticEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    const chosen = people?.find((p) => p.id === person) ?? null;
    const typedName = name.trim();
    if (!chosen && !typedName) fieldErrors.name = t('errors.required');
    if (typedName.length > NAME_MAX) fieldErrors.name = t('errors.tooLong', { max: NAME_MAX });
    if (chosen && rows.some((r) => r.userId === chosen.id)) fieldErrors.person = t('meetings.attendance.already');
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    const agency = agencies.find((a) => a.id === (chosen?.agencyId ?? agencyId)) ?? null;
    onAdd({
      key: crypto.randomUUID(),
      userId: chosen?.id ?? null,
      name: chosen?.name ?? typedName,
      agencyId: agency?.id ?? null,
      agencyName: agency?.name ?? null,
      attendance,
    });
    errors.clear();
    setPerson('');
    setName('');
    nameRef.current?.focus();
  };

  return (
    <fieldset className="plain-fieldset inline-form">
      <legend>{t('meetings.attendance.addTitle')}</legend>
      <ErrorSummary formId={formId} labels={labels} {...errors} />
      <Field id={`${formId}-agencyId`} label={labels.agencyId}>
        {(aria) => (
          <select
            {...aria}
            value={agencyId}
            onChange={(e) => {
              setAgencyId(e.target.value);
              setPerson('');
            }}
          >
            <option value="">{t('meetings.attendance.noAgency')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {agencyId && people && people.length > 0 && (
        <Field id={`${formId}-person`} label={labels.person} error={errors.fields.person}>
          {(aria) => (
            <select {...aria} value={person} onChange={(e) => setPerson(e.target.value)}>
              <option value="">{t('meetings.attendance.choosePerson')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
              <option value={TYPED}>{t('meetings.attendance.someoneElse')}</option>
            </select>
          )}
        </Field>
      )}
      {typing && (
        <Field
          id={`${formId}-name`}
          label={labels.name}
          hint={agencyId && !available ? t('meetings.attendance.typeHint') : undefined}
          error={errors.fields.name}
        >
          {(aria) => (
            <input
              {...aria}
              ref={nameRef}
              type="text"
              autoComplete="off"
              maxLength={NAME_MAX}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                // Enter adds the person; it must not save the whole list (the outer form).
                if (e.key === 'Enter') handleAdd(e);
              }}
            />
          )}
        </Field>
      )}
      <RadioGroup<AttendanceStatus>
        id={`${formId}-attendance`}
        name={`${formId}-attendance`}
        legend={t('meetings.attendance.status')}
        codes={ATTENDANCE_STATUSES}
        labelOf={(code) => vocabLabel(t, 'attendance', code)}
        value={attendance}
        onChange={setAttendanceValue}
      />
      <button type="button" className="button-secondary" onClick={handleAdd}>
        {t('meetings.attendance.add')}
      </button>
    </fieldset>
  );
}

/** The attendance list being edited: each person's attendance, removal, then one save for all. */
function AttendanceEditor({
  meeting,
  agencies,
  onSaved,
  onCancel,
}: {
  meeting: MeetingDto;
  agencies: AgencyDto[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const formId = 'attendance';
  const errors = useFormErrors();
  const [pending, setPending] = useState(false);
  const [rows, setRows] = useState<AttendeeRow[]>(() =>
    meeting.attendees.map((a) => ({
      key: a.id,
      userId: a.userId,
      name: a.name,
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      attendance: a.attendance,
    })),
  );

  const handleSave = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      await setAttendance(meeting.id, {
        attendees: rows.map((r) => ({
          userId: r.userId,
          name: r.name,
          agencyId: r.agencyId,
          attendance: r.attendance,
        })),
      });
      errors.clear();
      onSaved();
    } catch (error) {
      errors.failWith(error, []);
    } finally {
      setPending(false);
    }
  };

  return (
    <form id={formId} noValidate onSubmit={(e) => void handleSave(e)}>
      <ErrorSummary formId={formId} labels={{}} {...errors} />
      {rows.length === 0 ? (
        <p className="muted">{t('meetings.attendance.none')}</p>
      ) : (
        <ul className="attendee-edit-list" aria-label={t('meetings.attendance.listLabel')}>
          {rows.map((row) => (
            <li key={row.key} className="attendee-edit-row">
              <span className="attendee-name">
                {row.name}
                {row.agencyName && <span className="block muted">{row.agencyName}</span>}
              </span>
              <label className="visually-hidden" htmlFor={`${formId}-${row.key}`}>
                {t('meetings.attendance.statusOf', { name: row.name })}
              </label>
              <select
                id={`${formId}-${row.key}`}
                value={row.attendance}
                onChange={(e) => {
                  const value = ATTENDANCE_STATUSES.find((s) => s === e.target.value) ?? 'present';
                  setRows((rs) => rs.map((r) => (r.key === row.key ? { ...r, attendance: value } : r)));
                }}
              >
                {ATTENDANCE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {vocabLabel(t, 'attendance', s)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button-secondary"
                aria-label={t('meetings.attendance.removeNamed', { name: row.name })}
                onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
              >
                {t('meetings.attendance.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddAttendee agencies={agencies} rows={rows} onAdd={(row) => setRows((rs) => [...rs, row])} />
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {t('meetings.attendance.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('meetings.cancelEdit')}
        </button>
      </div>
    </form>
  );
}

/** Who attended, by person and agency; the secretariat edits the list. */
export function MeetingAttendance({
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
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const counts = attendanceCounts(meeting.attendees);

  return (
    <section className="meeting-section" aria-labelledby="meeting-attendance-title">
      <h2 id="meeting-attendance-title">{t('meetings.attendance.title')}</h2>
      {notice && <Notice>{notice}</Notice>}
      {editing ? (
        <AttendanceEditor
          meeting={meeting}
          agencies={agencies}
          onSaved={() => {
            setEditing(false);
            setNotice(t('meetings.attendance.saved'));
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {meeting.attendees.length === 0 ? (
            <p className="muted">{t('meetings.attendance.none')}</p>
          ) : (
            <>
              <p className="record-meta">
                {t('meetings.attendance.summary', {
                  present: counts.present,
                  apologies: counts.apologies,
                  absent: counts.absent,
                })}
              </p>
              <ul className="attendee-list">
                {meeting.attendees.map((a) => (
                  <li key={a.id}>
                    <span className="attendee-name">
                      {a.name}
                      {a.agencyName && <span className="muted"> · {a.agencyName}</span>}
                    </span>
                    <span className={`badge badge-attendance-${a.attendance}`}>
                      {vocabLabel(t, 'attendance', a.attendance)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {canManage && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              {t('meetings.attendance.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
