import { Page } from '../../components/Page.tsx';

/** Open and overdue action items (W-coord). Placeholder until the page is built. */
export function ActionItemsPage() {
  return <Page title="ActionItemsPage">{null}</Page>;
}
