import { Page } from '../../components/Page.tsx';

/** A meeting: attendance, minutes, decisions, action items (W-coord). Placeholder until the page is built. */
export function MeetingPage() {
  return <Page title="MeetingPage">{null}</Page>;
}
