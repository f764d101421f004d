import { NavLink, Outlet, useNavigate } from 'react-router';
import { LANGUAGES, type Language } from '@kinga/shared/picklists';
import { useLanguage } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';

/** The demo warning; shown on every page of a demo instance, signed in or not. */
export function DemoBanner() {
  const { t } = useLanguage();
  const { instance } = useSession();
  if (!instance.demo) return null;
  return (
    <div className="demo-banner" role="status">
      {t('shell.demoBanner')}
    </div>
  );
}

/** Language choice in the header; saved to the profile when signed in. */
function LanguageSwitcher() {
  const { t, language } = useLanguage();
  const { instance, chooseLanguage } = useSession();
  const languages = instance.languages.length > 0 ? instance.languages : LANGUAGES;
  return (
    <div className="language-switcher">
      <label htmlFor="language-switcher">{t('shell.language')}</label>
      <select
        id="language-switcher"
        value={language}
        onChange={(e) => {
          // A failed save keeps the choice on this device; the profile page can retry.
          chooseLanguage(e.target.value as Language).catch(() => undefined);
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Header, navigation, demo banner and the main landmark around every page. */
export function Layout() {
  const { t } = useLanguage();
  const { user, can, signOut } = useSession();
  const navigate = useNavigate();
  const restricted = user?.mfaEnrolmentRequired ?? false;

  const handleSignOut = async () => {
    try {
      await signOut();
    } finally {
      await navigate('/sign-in', { replace: true });
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <DemoBanner />
      <header className="site-header">
        <div className="header-top">
          <NavLink to="/" className="brand">
            {t('app.name')}
          </NavLink>
          {!user && (
            <nav aria-label={t('publicStats.title')} className="public-nav">
              <NavLink to="/statistics">{t('publicStats.headerLink')}</NavLink>
            </nav>
          )}
          <LanguageSwitcher />
        </div>
        {user && (
          <div className="header-bottom">
            <nav aria-label={t('shell.mainNav')} className="main-nav">
              <ul>
                {!restricted && (
                  <li>
                    <NavLink to="/" end>
                      {t('nav.home')}
                    </NavLink>
                  </li>
                )}
                {!restricted && can('case:read') && (
                  <li>
                    <NavLink to="/cases">{t('cases.nav')}</NavLink>
                  </li>
                )}
                {!restricted && can('case:read') && (
                  <li>
                    <NavLink to="/referrals">{t('referrals.title')}</NavLink>
                  </li>
                )}
                {!restricted && can('plan:read') && (
                  <li>
                    <NavLink to="/plans">{t('nav.plans')}</NavLink>
                  </li>
                )}
                {!restricted && can('plan:read') && (
                  <li>
                    <NavLink to="/meetings">{t('nav.meetings')}</NavLink>
                  </li>
                )}
                {!restricted && can('plan:read') && (
                  <li>
                    <NavLink to="/partners">{t('nav.partners')}</NavLink>
                  </li>
                )}
                {!restricted && can('analytics:read') && (
                  <li>
                    <NavLink to="/analytics">{t('nav.analytics')}</NavLink>
                  </li>
                )}
                {!restricted && (can('analytics:import') || can('case:import')) && (
                  <li>
                    <NavLink to="/imports">{t('nav.imports')}</NavLink>
                  </li>
                )}
                {!restricted && can('analytics:release') && (
                  <li>
                    <NavLink to="/releases">{t('nav.releases')}</NavLink>
                  </li>
                )}
                {!restricted && can('agency:read') && (
                  <li>
                    <NavLink to="/agencies">{t('nav.agencies')}</NavLink>
                  </li>
                )}
                {!restricted && can('user:read') && (
                  <li>
                    <NavLink to="/users">{t('nav.users')}</NavLink>
                  </li>
                )}
                {!restricted && can('audit:read') && (
                  <li>
                    <NavLink to="/audit">{t('nav.audit')}</NavLink>
                  </li>
                )}
                <li>
                  <NavLink to="/profile">{t('nav.profile')}</NavLink>
                </li>
              </ul>
            </nav>
            <div className="user-box">
              <span className="user-name">{t('shell.signedInAs', { name: user.name })}</span>
              <button type="button" className="button-secondary" onClick={() => void handleSignOut()}>
                {t('shell.signOut')}
              </button>
            </div>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
