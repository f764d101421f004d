import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import type { CaseDto } from '@kinga/shared';
import { getCase } from '../../api/cases.ts';
import { LoadError } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { CaseAttachmentsTab } from './CaseAttachmentsTab.tsx';
import { CaseHistoryTab } from './CaseHistoryTab.tsx';
import { CaseNotesTab } from './CaseNotesTab.tsx';
import { CaseOverviewTab } from './CaseOverviewTab.tsx';
import { CasePersonTab } from './CasePersonTab.tsx';
import { CaseRouteTab } from './CaseRouteTab.tsx';
import { CaseServicesTab } from './CaseServicesTab.tsx';
import { CaseStatusBadges } from './CaseStatusBadges.tsx';
import { ConsentTab } from './ConsentTab.tsx';
import { ReferralsTab } from './ReferralsTab.tsx';
import { ScreeningTab } from './ScreeningTab.tsx';
import { formatDay } from './case-format.ts';
import { CASE_TAB_PATHS, visibleTabs, type CaseTab } from './case-tabs.ts';

const CASE_CODE = /^[A-Z]{2}-\d{4}-\d{6}$/;

/** What every tab gets; a tab that changes the case may hand back the server's answer instead of reloading. */
type TabProps = { caseDto: CaseDto; reload: () => void; onCaseChange: (caseDto: CaseDto) => void };
const TAB_COMPONENTS: Record<CaseTab, (props: TabProps) => ReactNode> = {
  overview: CaseOverviewTab,
  person: CasePersonTab,
  route: CaseRouteTab,
  screening: ScreeningTab,
  consent: ConsentTab,
  services: CaseServicesTab,
  referrals: ReferralsTab,
  notes: CaseNotesTab,
  attachments: CaseAttachmentsTab,
  history: CaseHistoryTab,
};

const VIEW_LABELS: Record<CaseDto['view'], MessageKey> = {
  full: 'cases.view.full',
  referral: 'cases.view.referral',
  deidentified: 'cases.view.deidentified',
};

/** Who holds the case and where it stands, above every tab. */
function CaseHeader({ caseDto }: { caseDto: CaseDto }) {
  const { t, locale } = useLanguage();
  return (
    <>
      <p className={`view-kind view-kind-${caseDto.view}`}>{t(VIEW_LABELS[caseDto.view])}</p>
      <dl className="details case-summary">
        <dt>{t('cases.field.status')}</dt>
        <dd>
          <CaseStatusBadges item={caseDto} />
        </dd>
        <dt>{t('cases.field.traffickingStatus')}</dt>
        <dd>
          {caseDto.traffickingStatus ? (
            <>
              {vocabLabel(t, 'traffickingStatus', caseDto.traffickingStatus)}
              {caseDto.determination === 'pending' && (
                <span className="badge badge-determination-pending">{t('cases.determinationPending')}</span>
              )}
            </>
          ) : (
            <span className="muted">{t('common.notSet')}</span>
          )}
        </dd>
        <dt>{t('cases.field.agency')}</dt>
        <dd>{caseDto.agencyName}</dd>
        <dt>{t('cases.field.owner')}</dt>
        <dd>{caseDto.ownerName ?? <span className="muted">{t('cases.unassigned')}</span>}</dd>
        {caseDto.followUpAt && (
          <>
            <dt>{t('cases.field.followUpAt')}</dt>
            <dd>
              <time dateTime={caseDto.followUpAt}>{formatDay(caseDto.followUpAt, locale)}</time>
              {caseDto.followUpOverdue && (
                <>
                  {' '}
                  <span className="badge badge-overdue">{t('cases.overdue')}</span>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

/**
 * One case at /cases/:code, its tabs at /cases/:code/<tab>. The server decides what this
 * caller sees (`view`, `sections`); tabs for anything else are not offered.
 */
export function CasePage() {
  const { code = '' } = useParams();
  const { t } = useLanguage();
  const validCode = CASE_CODE.test(code);
  const [caseDto, setCaseDto] = useState<CaseDto | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (!validCode) return;
    let cancelled = false;
    // A reload of the same case keeps showing it; another case starts empty.
    setCaseDto((current) => (current?.code === code ? current : null));
    setLoadError(null);
    getCase(code)
      .then((found) => {
        if (!cancelled) setCaseDto(found);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [code, validCode, version]);

  const title = t('cases.caseTitle', { code });
  if (!validCode || (loadError && !caseDto)) {
    return (
      <Page title={title} wide>
        {validCode ? <LoadError error={loadError} /> : <p className="load-error">{t('errors.notFound')}</p>}
        <p>
          <Link to="/cases">{t('cases.backToList')}</Link>
        </p>
      </Page>
    );
  }
  if (!caseDto) {
    return (
      <Page title={title} wide>
        <p role="status">{t('common.loading')}</p>
      </Page>
    );
  }

  const tabs = visibleTabs(caseDto);
  const tabUrl = (tab: CaseTab) => `/cases/${caseDto.code}${CASE_TAB_PATHS[tab] ? `/${CASE_TAB_PATHS[tab]}` : ''}`;

  return (
    <Page title={title} wide>
      <p className="back-link">
        <Link to="/cases">{t('cases.backToList')}</Link>
      </p>
      {loadError ? <LoadError error={loadError} /> : null}
      <CaseHeader caseDto={caseDto} />
      <nav className="case-tabs" aria-label={t('cases.tabsLabel')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab}>
              <NavLink to={tabUrl(tab)} end>
                {t(`cases.tab.${tab}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="case-tab-panel">
        <Routes>
          {tabs.map((tab) => {
            const TabComponent = TAB_COMPONENTS[tab];
            const element = <TabComponent caseDto={caseDto} reload={reload} onCaseChange={setCaseDto} />;
            return tab === 'overview' ? (
              <Route key={tab} index element={element} />
            ) : (
              <Route key={tab} path={CASE_TAB_PATHS[tab]} element={element} />
            );
          })}
          <Route path="*" element={<p className="load-error">{t('cases.tabUnavailable')}</p>} />
        </Routes>
      </div>
    </Page>
  );
}
