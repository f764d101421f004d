import { Page } from '../../components/Page.tsx';

/** The list of plans and the form that starts one (W-plans). Placeholder until the page is built. */
export function PlansPage() {
  return <Page title="PlansPage">{null}</Page>;
}
