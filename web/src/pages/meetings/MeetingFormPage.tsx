import { Page } from '../../components/Page.tsx';

/** Schedules a meeting (W-coord). Placeholder until the page is built. */
export function MeetingFormPage() {
  return <Page title="MeetingFormPage">{null}</Page>;
}
