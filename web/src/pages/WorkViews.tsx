import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseListItemDto, ReferralDto } from '@kinga/shared';
import { getWork } from '../api/intake.ts';
import { LoadError } from '../components/forms.tsx';
import { formatDateTime } from '../components/format.ts';
import { useLoad } from '../components/useLoad.ts';
import { useLanguage } from '../i18n/i18n.tsx';
import { vocabLabel } from '../i18n/vocab.ts';
import { useSession } from '../session/session.tsx';
import { formatDay } from './cases/case-format.ts';
import { ReferralBadges } from './referrals/ReferralBadges.tsx';

/** One work list on the home page: a heading with its count, the items, an empty state and a link to all. */
function WorkSection({
  id,
  title,
  count,
  empty,
  more,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  more?: { to: string; label: string } | undefined;
  children: ReactNode;
}) {
  return (
    <section className="work-section" aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="count">({count})</span>
      </h3>
      {count === 0 ? <p className="muted">{empty}</p> : <ul className="work-list">{children}</ul>}
      {more && (
        <p className="work-more">
          <Link to={more.to}>{more.label}</Link>
        </p>
      )}
    </section>
  );
}

/** A case in a work list: its code (a link to the given tab), status and what calls for attention. */
function CaseItem({ item, tab = '' }: { item: CaseListItemDto; tab?: string }) {
  const { t, locale } = useLanguage();
  const status = item.draft ? t('work.draft') : vocabLabel(t, 'caseStatus', item.status);
  return (
    <li>
      <Link to={`/cases/${encodeURIComponent(item.code)}${tab ? `/${tab}` : ''}`} className="mono">
        {item.code}
      </Link>
      <span className="work-meta">
        {status}
        {item.exploitationTypes.length > 0 &&
          ` · ${item.exploitationTypes.map((x) => vocabLabel(t, 'exploitationType', x)).join(', ')}`}
        {item.followUpAt && ` · ${t('work.followUpOn', { date: formatDay(item.followUpAt, locale) })}`}
      </span>
      {item.followUpOverdue && <span className="badge badge-overdue">{t('work.overdue')}</span>}
    </li>
  );
}

/** A referral in a work list: the case code, the other agency, and its state. */
function ReferralItem({ referral: r }: { referral: ReferralDto }) {
  const { t, locale } = useLanguage();
  return (
    <li>
      <Link to={`/referrals/${encodeURIComponent(r.id)}`} className="mono">
        {r.caseCode}
      </Link>
      <span className="work-meta">
        {t(r.direction === 'incoming' ? 'work.fromAgency' : 'work.toAgency', {
          agency: r.direction === 'incoming' ? r.fromAgencyName : r.toAgencyName,
        })}
        {' · '}
        {r.respondBy
          ? t('work.respondBy', { date: formatDateTime(r.respondBy, locale) })
          : formatDateTime(r.createdAt, locale)}
      </span>
      <ReferralBadges referral={r} />
    </li>
  );
}

/** The home page's work lists for people who work on cases; supervisors also see what awaits their decision. */
export function WorkViews() {
  const { t } = useLanguage();
  const { can } = useSession();
  const work = useLoad('work', getWork);
  const supervisor = can('case:supervise');

  return (
    <section className="work-views" aria-labelledby="work-title">
      <h2 id="work-title">{t('work.title')}</h2>
      {can('case:write') && (
        <p>
          <Link to="/cases/new" className="button-link">
            {t('work.newCase')}
          </Link>
        </p>
      )}
      {work.error ? <LoadError error={work.error} /> : null}
      {work.loading && !work.data && <p role="status">{t('common.loading')}</p>}
      {work.data && (
        <div className="work-grid">
          <WorkSection
            id="work-my-cases"
            title={t('work.myCases')}
            count={work.data.myCases.length}
            empty={t('work.myCasesEmpty')}
            more={{ to: '/cases?mine=true', label: t('work.allMyCases') }}
          >
            {work.data.myCases.map((c) => (
              <CaseItem key={c.code} item={c} tab={c.draft ? 'edit' : ''} />
            ))}
          </WorkSection>
          <WorkSection
            id="work-overdue"
            title={t('work.overdueFollowUps')}
            count={work.data.overdueFollowUps.length}
            empty={t('work.overdueFollowUpsEmpty')}
            more={{ to: '/cases?followUpOverdue=true', label: t('work.allOverdue') }}
          >
            {work.data.overdueFollowUps.map((c) => (
              <CaseItem key={c.code} item={c} />
            ))}
          </WorkSection>
          <WorkSection
            id="work-incoming"
            title={t('work.incomingReferrals')}
            count={work.data.incomingReferrals.length}
            empty={t('work.incomingReferralsEmpty')}
            more={{ to: '/referrals?direction=incoming', label: t('work.allIncoming') }}
          >
            {work.data.incomingReferrals.map((r) => (
              <ReferralItem key={r.id} referral={r} />
            ))}
          </WorkSection>
          {supervisor && (
            <>
              <WorkSection
                id="work-determinations"
                title={t('work.determinations')}
                count={work.data.determinationsToConfirm.length}
                empty={t('work.determinationsEmpty')}
              >
                {work.data.determinationsToConfirm.map((c) => (
                  <CaseItem key={c.code} item={c} tab="screening" />
                ))}
              </WorkSection>
              <WorkSection
                id="work-closures"
                title={t('work.closures')}
                count={work.data.closuresToApprove.length}
                empty={t('work.closuresEmpty')}
                more={{ to: '/cases?closureRequested=true', label: t('work.allClosures') }}
              >
                {work.data.closuresToApprove.map((c) => (
                  <CaseItem key={c.code} item={c} />
                ))}
              </WorkSection>
              <WorkSection
                id="work-transfers"
                title={t('work.transfers')}
                count={work.data.transfersToApprove.length}
                empty={t('work.transfersEmpty')}
                more={{ to: '/referrals?direction=outgoing&status=awaiting_approval', label: t('work.allTransfers') }}
              >
                {work.data.transfersToApprove.map((r) => (
                  <ReferralItem key={r.id} referral={r} />
                ))}
              </WorkSection>
            </>
          )}
        </div>
      )}
    </section>
  );
}
