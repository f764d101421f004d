import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { MeetingDto, MeetingStatus } from '@kinga/shared';
import { getMeeting, minutesUrl, updateMeeting } from '../../api/coordination.ts';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { ErrorSummary, Field, LoadError, describeError, useFormErrors } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { useAgencyOptions } from '../../components/useAgencyOptions.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { MeetingActionItems } from './MeetingActionItems.tsx';
import { MeetingAttendance } from './MeetingAttendance.tsx';
import { MeetingBadges } from './MeetingBadges.tsx';
import { MeetingDecisions } from './MeetingDecisions.tsx';
import { MeetingDetailsForm } from './MeetingDetailsForm.tsx';
import { isWebLink } from './meeting-format.ts';

const MINUTES_MAX = 50_000;

/** When, where and what: the meeting's details as read by everyone. */
function MeetingDetails({ meeting }: { meeting: MeetingDto }) {
  const { t, locale } = useLanguage();
  return (
    <dl className="details">
      <dt>{t('meetings.field.when')}</dt>
      <dd>
        <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt, locale)}</time>
        {meeting.endsAt && (
          <>
            {' – '}
            <time dateTime={meeting.endsAt}>{formatDateTime(meeting.endsAt, locale)}</time>
          </>
        )}
      </dd>
      <dt>{t('meetings.field.place')}</dt>
      <dd className="break">{meeting.place ?? <span className="muted">{t('common.notSet')}</span>}</dd>
      {meeting.link && (
        <>
          <dt>{t('meetings.field.link')}</dt>
          <dd className="break">
            {isWebLink(meeting.link) ? (
              <a href={meeting.link} target="_blank" rel="noopener noreferrer">
                {meeting.link}
              </a>
            ) : (
              meeting.link
            )}
          </dd>
        </>
      )}
      {meeting.planId && (
        <>
          <dt>{t('meetings.field.plan')}</dt>
          <dd>
            <Link to={`/plans/${encodeURIComponent(meeting.planId)}`}>{t('meetings.openPlan')}</Link>
          </dd>
        </>
      )}
      <dt>{t('meetings.field.agenda')}</dt>
      <dd className="pre-line break">{meeting.agenda ?? <span className="muted">{t('common.notSet')}</span>}</dd>
    </dl>
  );
}

/** Held, cancelled, or back to scheduled (the secretariat). */
function StatusActions({ meeting, onChanged }: { meeting: MeetingDto; onChanged: (message: string) => void }) {
  const { t } = useLanguage();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = async (status: MeetingStatus) => {
    setPending(true);
    setError(null);
    try {
      await updateMeeting(meeting.id, { status });
      setConfirmCancel(false);
      onChanged(t('meetings.statusChanged', { status: vocabLabel(t, 'meetingStatus', status) }));
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="meeting-status-actions">
      {error && (
        <p className="load-error" role="alert">
          {error}
        </p>
      )}
      {meeting.status === 'scheduled' && !confirmCancel && (
        <div className="confirm-row">
          <button type="button" disabled={pending} onClick={() => void change('held')}>
            {t('meetings.markHeld')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setConfirmCancel(true)}>
            {t('meetings.cancelMeeting')}
          </button>
        </div>
      )}
      {meeting.status === 'scheduled' && confirmCancel && (
        <div className="confirm-row" role="group" aria-label={t('meetings.cancelMeeting')}>
          <p>{t('meetings.confirmCancel')}</p>
          <button type="button" className="button-danger" disabled={pending} onClick={() => void change('cancelled')}>
            {t('meetings.cancelConfirm')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setConfirmCancel(false)}>
            {t('meetings.keepMeeting')}
          </button>
        </div>
      )}
      {meeting.status !== 'scheduled' && (
        <div className="confirm-row">
          <button
            type="button"
            className="button-secondary"
            disabled={pending}
            onClick={() => void change('scheduled')}
          >
            {t('meetings.backToScheduled')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The minutes: read by everyone, written by the secretariat in one large text area. */
function MeetingMinutes({
  meeting,
  canManage,
  onSaved,
}: {
  meeting: MeetingDto;
  canManage: boolean;
  onSaved: () => void;
}) {
  const { t } = useLanguage();
  const formId = 'minutes';
  const errors = useFormErrors();
  const [text, setText] = useState(meeting.minutes ?? '');
  const [savedText, setSavedText] = useState(meeting.minutes ?? '');
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const labels = { minutes: t('meetings.minutes.label') };
  const changed = text !== savedText;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.length > MINUTES_MAX) return errors.fail({ minutes: t('errors.tooLong', { max: MINUTES_MAX }) });
    setPending(true);
    setNotice(null);
    try {
      await updateMeeting(meeting.id, { minutes: text });
      errors.clear();
      setSavedText(text);
      setNotice(t('meetings.minutes.saved'));
      onSaved();
    } catch (error) {
      errors.failWith(error, ['minutes']);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="meeting-section" aria-labelledby="meeting-minutes-title">
      <h2 id="meeting-minutes-title">{t('meetings.minutes.title')}</h2>
      {canManage ? (
        <form id={formId} noValidate onSubmit={(e) => void handleSubmit(e)}>
          <ErrorSummary formId={formId} labels={labels} {...errors} />
          <Field
            id={`${formId}-minutes`}
            label={labels.minutes}
            hint={t('meetings.minutes.hint')}
            error={errors.fields.minutes}
          >
            {(aria) => (
              <textarea
                {...aria}
                className="minutes-text"
                rows={14}
                maxLength={MINUTES_MAX}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setNotice(null);
                }}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={pending || !changed}>
              {t('meetings.minutes.save')}
            </button>
            <span className="save-status" role="status">
              {notice ?? (changed ? t('meetings.minutes.unsaved') : '')}
            </span>
          </div>
        </form>
      ) : meeting.minutes ? (
        <div className="pre-line break minutes-read">{meeting.minutes}</div>
      ) : (
        <p className="muted">{t('meetings.minutes.none')}</p>
      )}
    </section>
  );
}

/** One meeting: details, status, attendance, minutes, decisions and action items; minutes as documents. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { t, language } = useLanguage();
  const { can } = useSession();
  const canManage = can('plan:manage');
  const loaded = useLoad(id, () => getMeeting(id));
  const meeting = loaded.data?.id === id ? loaded.data : null;
  const agencies = useAgencyOptions(canManage);
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const [notice, setNotice] = useState<string | null>(created ? t('meetings.created') : null);
  const [editing, setEditing] = useState(false);

  if (!meeting) {
    return (
      <Page title={t('meetings.pageTitle')}>
        {loaded.error ? <LoadError error={loaded.error} /> : <p role="status">{t('common.loading')}</p>}
        <p>
          <Link to="/meetings">{t('meetings.backToList')}</Link>
        </p>
      </Page>
    );
  }

  const handleChanged = (message: string) => {
    setNotice(message);
    loaded.refresh();
  };

  return (
    <Page title={meeting.title} wide>
      <p>
        <Link to="/meetings" className="back-link">
          {t('meetings.backToList')}
        </Link>
      </p>
      <FocusedNotice message={notice} />
      {loaded.error ? <LoadError error={loaded.error} /> : null}
      <div className="meeting-layout">
        <div className="meeting-main">
          <section className="meeting-section" aria-labelledby="meeting-details-title">
            <h2 id="meeting-details-title" className="visually-hidden">
              {t('meetings.detailsTitle')}
            </h2>
            <p>
              <MeetingBadges meeting={meeting} />
            </p>
            {editing ? (
              <MeetingDetailsForm
                formId="meeting-edit"
                meeting={meeting}
                submitLabel={t('common.save')}
                onSubmit={async (input) => {
                  await updateMeeting(meeting.id, input);
                  setEditing(false);
                  handleChanged(t('meetings.saved'));
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <>
                <MeetingDetails meeting={meeting} />
                {canManage && (
                  <p>
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() => {
                        setNotice(null);
                        setEditing(true);
                      }}
                    >
                      {t('meetings.editDetails')}
                    </button>
                  </p>
                )}
              </>
            )}
            {canManage && !editing && <StatusActions meeting={meeting} onChanged={handleChanged} />}
          </section>

          <MeetingAttendance meeting={meeting} canManage={canManage} agencies={agencies} onChanged={loaded.refresh} />
          <MeetingMinutes key={meeting.id} meeting={meeting} canManage={canManage} onSaved={loaded.refresh} />
          <MeetingDecisions meeting={meeting} canManage={canManage} onChanged={loaded.refresh} />
          <MeetingActionItems meeting={meeting} canManage={canManage} agencies={agencies} onChanged={loaded.refresh} />
        </div>

        <aside className="meeting-aside panel" aria-labelledby="meeting-documents-title">
          <h2 id="meeting-documents-title">{t('meetings.documents.title')}</h2>
          <p className="hint">{t('meetings.documents.hint', { language: t(`language.${language}`) })}</p>
          <div className="export-links" role="group" aria-labelledby="meeting-documents-title">
            <a className="button-link button-secondary" href={minutesUrl(meeting.id, 'docx', language)} download>
              {t('meetings.documents.docx')}
            </a>
            <a className="button-link button-secondary" href={minutesUrl(meeting.id, 'pdf', language)} download>
              {t('meetings.documents.pdf')}
            </a>
          </div>
        </aside>
      </div>
    </Page>
  );
}
