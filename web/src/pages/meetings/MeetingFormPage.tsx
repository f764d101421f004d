import { Link, useNavigate } from 'react-router';
import { createMeeting } from '../../api/coordination.ts';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { MeetingDetailsForm } from './MeetingDetailsForm.tsx';

/** Schedules a drafting session or a committee or task-force meeting (the secretariat). */
export function MeetingFormPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Page title={t('meetings.scheduleTitle')}>
      <p>
        <Link to="/meetings" className="back-link">
          {t('meetings.backToList')}
        </Link>
      </p>
      <MeetingDetailsForm
        formId="meeting-new"
        meeting={null}
        submitLabel={t('meetings.scheduleSubmit')}
        onSubmit={async (input) => {
          const meeting = await createMeeting(input);
          void navigate(`/meetings/${encodeURIComponent(meeting.id)}`, { state: { created: true } });
        }}
      />
    </Page>
  );
}
