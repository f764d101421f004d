import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n/i18n.tsx';

/** Placeholder until the page is built. */
export function ImportsPage() {
  const t = useT();
  return <Page title={t('imports.title')}>{null}</Page>;
}
