import { Page } from '../../components/Page.tsx';

/** Meetings list (W-coord). Placeholder until the page is built. */
export function MeetingsPage() {
  return <Page title="MeetingsPage">{null}</Page>;
}
