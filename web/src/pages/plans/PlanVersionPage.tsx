import { Page } from '../../components/Page.tsx';

/** A plan version: structure editor, comments, workflow (W-plans). Placeholder until the page is built. */
export function PlanVersionPage() {
  return <Page title="PlanVersionPage">{null}</Page>;
}
