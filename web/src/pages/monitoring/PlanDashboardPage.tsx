import { Page } from '../../components/Page.tsx';

/** The plan's dashboard (W-monitor). Placeholder until the page is built. */
export function PlanDashboardPage() {
  return <Page title="PlanDashboardPage">{null}</Page>;
}
