import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';
import { useT } from '../i18n/i18n.tsx';

/** Unknown addresses, and pages the user's permissions do not open. */
export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
