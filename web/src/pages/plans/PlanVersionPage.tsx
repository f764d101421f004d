import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PlanDto, PlanVersionDto } from '@kinga/shared';
import { getPlan, getPlanVersion, listPlanComments, planDocumentUrl } from '../../api/plans.ts';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { LoadError } from '../../components/forms.tsx';
import { Page } from '../../components/Page.tsx';
import { useAgencyOptions } from '../../components/useAgencyOptions.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { countiesOf } from '../cases/case-format.ts';
import { DeadlineText, VersionStatusBadge } from './PlanBadges.tsx';
import { CommentThreads, type CommentRights } from './PlanComments.tsx';
import { PlanDetailsForm } from './PlanDetailsForm.tsx';
import { PlanOutline, elementName } from './PlanOutline.tsx';
import { PlanWorkflow } from './PlanWorkflow.tsx';
import type { ValueContext } from './element-values.ts';
import { deadlineApplies, defaultCompareBase, lockReason, periodLabel, type ThreadFilter } from './plan-format.ts';

/** The version number in the address, or null for "the latest". */
function versionParam(raw: string | undefined): number | null | 'invalid' {
  if (raw === undefined) return null;
  return /^\d{1,5}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 'invalid';
}

/**
 * A plan version: header (period, status, deadline, versions, links, documents), workflow,
 * the structure as an outline with editing on a draft, and comment threads.
 */
export function PlanVersionPage() {
  const { planId = '', number: numberRaw } = useParams();
  const { t } = useLanguage();
  const param = versionParam(numberRaw);
  const loaded = useLoad(`${planId}/${numberRaw ?? 'latest'}`, async () => {
    if (param === 'invalid') throw new Error('invalid version');
    const plan = await getPlan(planId);
    const version = await getPlanVersion(planId, param ?? plan.latestVersion.number);
    return { plan, version };
  });

  if (!loaded.data) {
    return (
      <Page title={t('plans.versionTitle')}>
        <p className="back-link">
          <Link to="/plans">{t('plans.backToList')}</Link>
        </p>
        {param === 'invalid' ? (
          <p className="load-error" role="alert">
            {t('errors.notFound')}
          </p>
        ) : loaded.error ? (
          <LoadError error={loaded.error} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </Page>
    );
  }
  return <PlanVersionView plan={loaded.data.plan} version={loaded.data.version} reload={loaded.refresh} />;
}

function PlanVersionView({ plan, version, reload }: { plan: PlanDto; version: PlanVersionDto; reload: () => void }) {
  const { t, locale, language } = useLanguage();
  const { can, instance, user } = useSession();
  const navigate = useNavigate();
  const canManage = can('plan:manage');
  // Comments are taken while the text can still change: on a draft and before the committee.
  const commentsOpen = version.status === 'draft' || version.status === 'in_review';
  const commentRights: CommentRights = {
    post: can('plan:comment') && commentsOpen,
    moderate: canManage,
    comment: can('plan:comment'),
    userId: user?.id ?? null,
  };
  const editable = version.editable && canManage;
  const agencies = useAgencyOptions(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const comments = useLoad(`${plan.id}/${version.number}/comments`, () => listPlanComments(plan.id, version.number));
  const threads = comments.data;
  const planPath = `/plans/${encodeURIComponent(plan.id)}`;
  const compareBase = defaultCompareBase(version.number, version.basedOn, plan.versions);
  const revisedIn =
    plan.versions.find((v) => (v.status === 'draft' || v.status === 'in_review') && v.number !== version.number)
      ?.number ?? null;
  const lock = lockReason(version.status, version.editable, canManage, revisedIn);
  const openThreads = (threads ?? []).filter((thread) => !thread.resolved).length;
  const pillars = version.elements.filter((e) => e.kind === 'pillar' && e.parentKey === null);

  const valueContext = useMemo<ValueContext>(() => {
    const byKey = new Map(version.elements.map((e) => [e.key, e]));
    const counties = countiesOf(instance);
    return {
      t,
      locale,
      currency: plan.currency,
      agencyName: (id) => agencies.find((a) => a.id === id)?.name ?? t('plans.value.unknownAgency'),
      countyName: (code) => counties.find((c) => c.code === code)?.name ?? String(code),
      elementLabel: (key) => {
        const element = byKey.get(key);
        return element ? elementName(element) : t('plans.value.unknownElement');
      },
    };
  }, [t, locale, plan.currency, agencies, instance, version.elements]);

  const handleChanged = (message: string | null) => {
    setNotice(message);
    reload();
    comments.refresh();
  };

  const handleVersionChoice = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('version');
    if (typeof value === 'string' && value) void navigate(`${planPath}/versions/${value}`);
  };

  return (
    <Page title={plan.title}>
      <p className="back-link">
        <Link to="/plans">{t('plans.backToList')}</Link>
      </p>
      <FocusedNotice message={notice} />
      <div className="plan-header">
        <p className="plan-version-line">
          {t('plans.versionNumber', { number: version.number })} <VersionStatusBadge status={version.status} />
        </p>
        <dl className="details plan-facts">
          <dt>{t('plans.period')}</dt>
          <dd>{periodLabel(plan.periodStart, plan.periodEnd)}</dd>
          <dt>{t('plans.deadline')}</dt>
          <dd>
            <DeadlineText
              deadline={plan.submissionDeadline}
              showTimeLeft={deadlineApplies(plan.latestVersion.status)}
            />
          </dd>
          <dt>{t('plans.reportingFrequency')}</dt>
          <dd>{vocabLabel(t, 'reportingFrequency', plan.reportingFrequency)}</dd>
          <dt>{t('plans.inForce')}</dt>
          <dd>
            {plan.adoptedVersion !== null
              ? t('plans.versionNumber', { number: plan.adoptedVersion })
              : t('plans.list.noneAdopted')}
          </dd>
          {version.basedOn !== null && (
            <>
              <dt>{t('plans.basedOn')}</dt>
              <dd>
                <Link to={`${planPath}/versions/${version.basedOn}`}>
                  {t('plans.versionNumber', { number: version.basedOn })}
                </Link>
              </dd>
            </>
          )}
        </dl>
        {plan.versions.length > 1 && (
          <form className="version-picker" onSubmit={handleVersionChoice}>
            <label htmlFor="plan-version-select">{t('plans.versionSelect')}</label>
            <div className="search-row">
              <select
                id="plan-version-select"
                name="version"
                defaultValue={String(version.number)}
                key={version.number}
              >
                {[...plan.versions]
                  .sort((a, b) => b.number - a.number)
                  .map((v) => (
                    <option key={v.number} value={v.number}>
                      {t('plans.versionOption', {
                        number: v.number,
                        status: vocabLabel(t, 'planVersionStatus', v.status),
                      })}
                    </option>
                  ))}
              </select>
              <button type="submit" className="button-secondary">
                {t('plans.versionOpen')}
              </button>
            </div>
          </form>
        )}
        <nav className="plan-links" aria-label={t('plans.linksLabel')}>
          <ul>
            <li>
              <Link to={`${planPath}/monitoring`}>{t('plans.link.monitoring')}</Link>
            </li>
            <li>
              <Link to={`${planPath}/dashboard`}>{t('plans.link.dashboard')}</Link>
            </li>
            {compareBase !== null && (
              <li>
                <Link to={`${planPath}/compare?from=${compareBase}&to=${version.number}`}>
                  {t('plans.link.compare', { from: compareBase, to: version.number })}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="plan-downloads">
          <p className="outline-subheading">{t('plans.download.heading')}</p>
          <div className="form-actions">
            <a
              className="button-link button-secondary"
              href={planDocumentUrl(plan.id, version.number, { format: 'docx', lang: language })}
              download
            >
              {t('plans.download.docx')}
            </a>
            <a
              className="button-link button-secondary"
              href={planDocumentUrl(plan.id, version.number, { format: 'pdf', lang: language })}
              download
            >
              {t('plans.download.pdf')}
            </a>
          </div>
          <p className="hint">{t('plans.download.hint')}</p>
        </div>
      </div>

      {canManage && <PlanDetailsForm plan={plan} onSaved={(message) => handleChanged(message)} />}

      <PlanWorkflow
        plan={plan}
        version={version}
        canManage={canManage}
        onChanged={(message) => handleChanged(message)}
        onDraftStarted={(number, message) => {
          setNotice(message);
          void navigate(`${planPath}/versions/${number}`);
        }}
      />

      <section aria-labelledby="plan-structure-heading">
        <h2 id="plan-structure-heading">{t('plans.outline.heading')}</h2>
        {lock && (
          <p className="warning lock-notice">
            {t(lock.key, { number: lock.number ?? '' })}
            {lock.number !== undefined && (
              <>
                {' '}
                <Link to={`${planPath}/versions/${lock.number}`}>
                  {t('plans.workflow.openVersion', { number: lock.number })}
                </Link>
              </>
            )}
          </p>
        )}
        {pillars.length > 1 && (
          <nav className="pillar-nav" aria-label={t('plans.outline.jumpLabel')}>
            <ul>
              {pillars.map((pillar) => (
                <li key={pillar.key}>
                  <a href={`#element-${pillar.key}-card`}>{elementName(pillar)}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="outline-toolbar">
          <p className="outline-counts">
            {t('plans.outline.counts', {
              pillars: version.elements.filter((e) => e.kind === 'pillar').length,
              objectives: version.elements.filter((e) => e.kind === 'objective').length,
              activities: version.elements.filter((e) => e.kind === 'activity').length,
              indicators: version.elements.filter((e) => e.kind === 'indicator').length,
            })}
            {threads && <span className="block">{t('plans.comments.openTotal', { count: openThreads })}</span>}
          </p>
          <div className="field comment-filter">
            <label htmlFor="comment-filter">{t('plans.comments.filter')}</label>
            <select id="comment-filter" value={filter} onChange={(e) => setFilter(e.target.value as ThreadFilter)}>
              <option value="open">{t('plans.comments.filterOpen')}</option>
              <option value="resolved">{t('plans.comments.filterResolved')}</option>
              <option value="all">{t('plans.comments.filterAll')}</option>
            </select>
          </div>
        </div>
        {comments.error ? <LoadError error={comments.error} /> : null}
        {!commentsOpen ? (
          <p className="hint">{t('plans.comments.closed')}</p>
        ) : can('plan:comment') ? null : (
          <p className="hint">{t('plans.comments.readOnly')}</p>
        )}
        <PlanOutline
          plan={plan}
          version={version}
          editable={editable}
          commentRights={commentRights}
          threads={threads}
          filter={filter}
          agencies={agencies}
          valueContext={valueContext}
          onChanged={handleChanged}
          onCommentsChanged={comments.refresh}
        />
      </section>

      <section className="panel version-comments" aria-labelledby="version-comments-heading">
        <h2 id="version-comments-heading">{t('plans.comments.versionHeading')}</h2>
        <p className="hint">{t('plans.comments.versionHint')}</p>
        {threads === null ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <CommentThreads
            target={{
              planId: plan.id,
              versionNumber: version.number,
              elementKey: null,
              label: t('plans.comments.thisVersion'),
            }}
            threads={threads.filter((thread) => thread.elementKey === null)}
            filter={filter}
            rights={commentRights}
            onChanged={comments.refresh}
          />
        )}
      </section>
    </Page>
  );
}
