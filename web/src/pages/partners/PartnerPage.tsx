import { Page } from '../../components/Page.tsx';

/** A partner's profile (W-coord). Placeholder until the page is built. */
export function PartnerPage() {
  return <Page title="PartnerPage">{null}</Page>;
}
