import { Suspense, lazy, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import type { Permission } from '@kinga/shared';
import { Layout } from './components/Layout.tsx';
import { LanguageProvider, useT } from './i18n/i18n.tsx';
import { SessionProvider, useSession } from './session/session.tsx';
import { AgenciesPage } from './pages/AgenciesPage.tsx';
import { AgencyFormPage } from './pages/AgencyFormPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { SetPasswordPage } from './pages/SetPasswordPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { UserFormPage } from './pages/UserFormPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';

// Case pages load on first use, so signing in on a slow link does not wait for them.
const CasesPage = lazy(() => import('./pages/cases/CasesPage.tsx').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./pages/cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const IntakePage = lazy(() => import('./pages/cases/IntakePage.tsx').then((m) => ({ default: m.IntakePage })));
const ReferralsPage = lazy(() =>
  import('./pages/referrals/ReferralsPage.tsx').then((m) => ({ default: m.ReferralsPage })),
);
const ReferralPage = lazy(() =>
  import('./pages/referrals/ReferralPage.tsx').then((m) => ({ default: m.ReferralPage })),
);

// Plan of Action and coordination pages, also loaded on first use.
const PlansPage = lazy(() => import('./pages/plans/PlansPage.tsx').then((m) => ({ default: m.PlansPage })));
const PlanVersionPage = lazy(() =>
  import('./pages/plans/PlanVersionPage.tsx').then((m) => ({ default: m.PlanVersionPage })),
);
const PlanComparePage = lazy(() =>
  import('./pages/plans/PlanComparePage.tsx').then((m) => ({ default: m.PlanComparePage })),
);
const PlanMonitoringPage = lazy(() =>
  import('./pages/monitoring/PlanMonitoringPage.tsx').then((m) => ({ default: m.PlanMonitoringPage })),
);
const ProgressReportPage = lazy(() =>
  import('./pages/monitoring/ProgressReportPage.tsx').then((m) => ({ default: m.ProgressReportPage })),
);
const PlanDashboardPage = lazy(() =>
  import('./pages/monitoring/PlanDashboardPage.tsx').then((m) => ({ default: m.PlanDashboardPage })),
);
const MeetingsPage = lazy(() => import('./pages/meetings/MeetingsPage.tsx').then((m) => ({ default: m.MeetingsPage })));
const MeetingFormPage = lazy(() =>
  import('./pages/meetings/MeetingFormPage.tsx').then((m) => ({ default: m.MeetingFormPage })),
);
const MeetingPage = lazy(() => import('./pages/meetings/MeetingPage.tsx').then((m) => ({ default: m.MeetingPage })));
const ActionItemsPage = lazy(() =>
  import('./pages/meetings/ActionItemsPage.tsx').then((m) => ({ default: m.ActionItemsPage })),
);
const PartnersPage = lazy(() => import('./pages/partners/PartnersPage.tsx').then((m) => ({ default: m.PartnersPage })));
const PartnerPage = lazy(() => import('./pages/partners/PartnerPage.tsx').then((m) => ({ default: m.PartnerPage })));

// Analytics, imports, data releases and the public statistics, loaded on first use.
const AnalyticsDashboardPage = lazy(() =>
  import('./pages/analytics/AnalyticsDashboardPage.tsx').then((m) => ({ default: m.AnalyticsDashboardPage })),
);
const GlotipPage = lazy(() => import('./pages/analytics/GlotipPage.tsx').then((m) => ({ default: m.GlotipPage })));
const FlowsPage = lazy(() => import('./pages/flows/FlowsPage.tsx').then((m) => ({ default: m.FlowsPage })));
const ImportsPage = lazy(() => import('./pages/imports/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })));
const ImportPage = lazy(() => import('./pages/imports/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const ReleasesPage = lazy(() => import('./pages/releases/ReleasesPage.tsx').then((m) => ({ default: m.ReleasesPage })));
const ReleaseFormPage = lazy(() =>
  import('./pages/releases/ReleaseFormPage.tsx').then((m) => ({ default: m.ReleaseFormPage })),
);
const ReleasePage = lazy(() => import('./pages/releases/ReleasePage.tsx').then((m) => ({ default: m.ReleasePage })));
const PublicStatisticsPage = lazy(() =>
  import('./pages/public/PublicStatisticsPage.tsx').then((m) => ({ default: m.PublicStatisticsPage })),
);
const StatisticsSettingsPage = lazy(() =>
  import('./pages/public/StatisticsSettingsPage.tsx').then((m) => ({ default: m.StatisticsSettingsPage })),
);

/** Pages behind sign-in; an account that must enrol a second factor only reaches its profile. */
function RequireSignIn() {
  const { user, signedOut } = useSession();
  const location = useLocation();
  if (!user) {
    return <Navigate to="/sign-in" replace state={signedOut ? null : { from: location.pathname + location.search }} />;
  }
  if (user.mfaEnrolmentRequired && location.pathname !== '/profile') return <Navigate to="/profile" replace />;
  return <Outlet />;
}

/** Hides a page from users whose permissions do not open it (the server enforces regardless). */
function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <NotFoundPage />;
}

/** The sign-in page sends people who are already signed in to where they were going. */
function SignInRoute() {
  const { user } = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  if (user) return <Navigate to={from && from !== '/sign-in' ? from : '/'} replace />;
  return <SignInPage />;
}

function Loading() {
  const t = useT();
  return (
    <p className="boot-message" role="status">
      {t('common.loading')}
    </p>
  );
}

function BootFailed() {
  const t = useT();
  return (
    <div className="boot-message" role="alert">
      <p>{t('shell.loadFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('shell.reload')}
      </button>
    </div>
  );
}

/** The application: language, session and the client-side routes. */
export function App() {
  return (
    <LanguageProvider>
      <SessionProvider loading={<Loading />} failed={<BootFailed />}>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route path="sign-in" element={<SignInRoute />} />
              <Route path="set-password" element={<SetPasswordPage />} />
              <Route
                path="statistics"
                element={
                  <Suspense fallback={<Loading />}>
                    <PublicStatisticsPage />
                  </Suspense>
                }
              />
              <Route element={<RequireSignIn />}>
                <Route index element={<HomePage />} />
                <Route path="profile" element={<ProfilePage />} />
                <Route
                  path="analytics"
                  element={
                    <RequirePermission permission="analytics:read">
                      <Suspense fallback={<Loading />}>
                        <AnalyticsDashboardPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="analytics/glotip"
                  element={
                    <RequirePermission permission="analytics:read">
                      <Suspense fallback={<Loading />}>
                        <GlotipPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="analytics/flows"
                  element={
                    <RequirePermission permission="analytics:read">
                      <Suspense fallback={<Loading />}>
                        <FlowsPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="analytics/settings"
                  element={
                    <RequirePermission permission="analytics:manage">
                      <Suspense fallback={<Loading />}>
                        <StatisticsSettingsPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="imports"
                  element={
                    <RequirePermission permission="analytics:read">
                      <Suspense fallback={<Loading />}>
                        <ImportsPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="imports/:id"
                  element={
                    <RequirePermission permission="analytics:read">
                      <Suspense fallback={<Loading />}>
                        <ImportPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="releases"
                  element={
                    <RequirePermission permission="analytics:release">
                      <Suspense fallback={<Loading />}>
                        <ReleasesPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="releases/new"
                  element={
                    <RequirePermission permission="analytics:release">
                      <Suspense fallback={<Loading />}>
                        <ReleaseFormPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="releases/:id"
                  element={
                    <RequirePermission permission="analytics:release">
                      <Suspense fallback={<Loading />}>
                        <ReleasePage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="agencies"
                  element={
                    <RequirePermission permission="agency:read">
                      <AgenciesPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="agencies/new"
                  element={
                    <RequirePermission permission="agency:manage">
                      <AgencyFormPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="agencies/:id"
                  element={
                    <RequirePermission permission="agency:read">
                      <AgencyFormPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="users"
                  element={
                    <RequirePermission permission="user:read">
                      <UsersPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="users/new"
                  element={
                    <RequirePermission permission="user:manage">
                      <UserFormPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="users/:id"
                  element={
                    <RequirePermission permission="user:read">
                      <UserFormPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases"
                  element={
                    <RequirePermission permission="case:read">
                      <Suspense fallback={<Loading />}>
                        <CasesPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                {/* Matched before the case page; a new case and an edited one are separate pages (keys), so no state leaks between them. */}
                <Route
                  path="cases/new"
                  element={
                    <RequirePermission permission="case:write">
                      <Suspense fallback={<Loading />}>
                        <IntakePage key="new" />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/:code/edit"
                  element={
                    <RequirePermission permission="case:write">
                      <Suspense fallback={<Loading />}>
                        <IntakePage key="edit" />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/:code/*"
                  element={
                    <RequirePermission permission="case:read">
                      <Suspense fallback={<Loading />}>
                        <CasePage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="referrals"
                  element={
                    <RequirePermission permission="case:read">
                      <Suspense fallback={<Loading />}>
                        <ReferralsPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="referrals/:id"
                  element={
                    <RequirePermission permission="case:read">
                      <Suspense fallback={<Loading />}>
                        <ReferralPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="plans"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <PlansPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="plans/:planId"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <PlanVersionPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="plans/:planId/versions/:number"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <PlanVersionPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="plans/:planId/compare"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <PlanComparePage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="plans/:planId/monitoring"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <PlanMonitoringPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="plans/:planId/periods/:periodId/reports/:agencyId"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <ProgressReportPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="plans/:planId/dashboard"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <PlanDashboardPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="meetings"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <MeetingsPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="meetings/new"
                  element={
                    <RequirePermission permission="plan:manage">
                      <Suspense fallback={<Loading />}>
                        <MeetingFormPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="meetings/:id"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <MeetingPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="action-items"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <ActionItemsPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="partners"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <PartnersPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="partners/:agencyId"
                  element={
                    <RequirePermission permission="plan:read">
                      <Suspense fallback={<Loading />}>
                        <PartnerPage />
                      </Suspense>
                    </RequirePermission>
                  }
                />
                <Route
                  path="audit"
                  element={
                    <RequirePermission permission="audit:read">
                      <AuditPage />
                    </RequirePermission>
                  }
                />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </LanguageProvider>
  );
}
