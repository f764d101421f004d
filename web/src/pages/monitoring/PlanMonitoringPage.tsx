import { Page } from '../../components/Page.tsx';

/** Reporting periods, reports and indicator actuals of a plan (W-monitor). Placeholder until the page is built. */
export function PlanMonitoringPage() {
  return <Page title="PlanMonitoringPage">{null}</Page>;
}
