import { Page } from '../../components/Page.tsx';

/** An agency's progress report for one period (W-monitor). Placeholder until the page is built. */
export function ProgressReportPage() {
  return <Page title="ProgressReportPage">{null}</Page>;
}
