import { Page } from '../../components/Page.tsx';

/** Partner directory, who-does-what-where matrix and county map (W-coord). Placeholder until the page is built. */
export function PartnersPage() {
  return <Page title="PartnersPage">{null}</Page>;
}
