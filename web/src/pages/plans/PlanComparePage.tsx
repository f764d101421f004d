import { Page } from '../../components/Page.tsx';

/** Two versions compared element by element (W-plans). Placeholder until the page is built. */
export function PlanComparePage() {
  return <Page title="PlanComparePage">{null}</Page>;
}
