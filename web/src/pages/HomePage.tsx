import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';
import { useT } from '../i18n/i18n.tsx';
import { useSession, useUser } from '../session/session.tsx';
import { WorkViews } from './WorkViews.tsx';

/** Welcome, the work lists of people who work on cases, and what the signed-in person's roles let them do. */
export function HomePage() {
  const t = useT();
  const user = useUser();
  const { can } = useSession();
  return (
    <Page title={t('home.title')}>
      <p className="lead">{t('home.welcome', { name: user.name })}</p>
      <p>{t('home.agency', { agency: user.agencyName })}</p>
      <p>{t('home.roles', { roles: user.roles.map((role) => t(`role.${role}`)).join(', ') })}</p>
      {can('case:write') && <WorkViews />}
      <h2>{t('home.canDo')}</h2>
      <ul className="card-list">
        {can('agency:read') && (
          <li className="card">
            <Link to="/agencies">{t('nav.agencies')}</Link>
            <p>{t(can('agency:manage') ? 'home.can.agencyManage' : 'home.can.agencyRead')}</p>
          </li>
        )}
        {can('user:read') && (
          <li className="card">
            <Link to="/users">{t('nav.users')}</Link>
            <p>{t(can('user:manage') ? 'home.can.userManage' : 'home.can.userRead')}</p>
          </li>
        )}
        {can('audit:read') && (
          <li className="card">
            <Link to="/audit">{t('nav.audit')}</Link>
            <p>{t('home.can.auditRead')}</p>
          </li>
        )}
        {can('case:read') && (
          <li className="card">
            <Link to="/referrals">{t('referrals.title')}</Link>
            <p>{t('work.can.referrals')}</p>
          </li>
        )}
        <li className="card">
          <Link to="/profile">{t('nav.profile')}</Link>
          <p>{t('home.can.profile')}</p>
        </li>
      </ul>
      {!can('case:read') && <p className="hint">{t('home.later')}</p>}
    </Page>
  );
}
