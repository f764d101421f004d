import { Link, useParams } from 'react-router';
import { DOCUMENT_FORMATS } from '@kinga/shared/picklists';
import type { DashboardDto, ReportingPeriodDto } from '@kinga/shared';
import { getDashboard, progressDocumentUrl } from '../../api/monitoring.ts';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { formatDay } from '../cases/case-format.ts';
import { IndicatorChart } from './IndicatorChart.tsx';
import { MonitoringLinks, NoAdoptedVersion, PeriodPicker, ProblemNotice } from './PeriodPicker.tsx';
import { StatusChart } from './StatusChart.tsx';
import { ValueChart } from './ValueChart.tsx';
import { missingByPeriod, moneyFormatter, reportPath } from './monitoring-values.ts';
import { isNoAdoptedVersion, usePlanPeriods } from './usePlanPeriods.ts';

/**
 * The plan's dashboard for one period: progress by pillar and by agency, indicators against
 * targets, late activities, the planned budget and missing reports, and the period's progress
 * report as a document in the reader's language.
 */
export function PlanDashboardPage() {
  const { planId = '' } = useParams();
  const { t } = useLanguage();
  const periods = usePlanPeriods(planId);
  const { plan, period } = periods;
  const title = plan ? t('monitoring.dashboardTitle', { plan: plan.title }) : t('monitoring.dashboardTitleShort');

  return (
    <Page title={title} wide>
      <MonitoringLinks planId={planId} periodId={period?.id ?? null} current="dashboard" />
      {periods.error && !isNoAdoptedVersion(periods.error) ? <ProblemNotice error={periods.error} /> : null}
      {!plan && periods.loading && <p role="status">{t('common.loading')}</p>}
      {periods.noAdoptedVersion && <NoAdoptedVersion planId={planId} />}
      {plan && plan.adoptedVersion !== null && !period && !periods.loading && (
        <p className="muted">{t('monitoring.noPeriods')}</p>
      )}
      {plan && plan.adoptedVersion !== null && period && (
        <>
          <PeriodPicker periods={periods.periods} period={period} onChange={periods.choosePeriod} />
          <Dashboard planId={planId} period={period} />
        </>
      )}
    </Page>
  );
}

function Dashboard({ planId, period }: { planId: string; period: ReportingPeriodDto }) {
  const { t, language } = useLanguage();
  const loaded = useLoad(`${planId}:${period.id}`, () => getDashboard(planId, period.id));
  const dashboard = loaded.data;

  if (!dashboard) {
    if (loaded.error)
      return isNoAdoptedVersion(loaded.error) ? (
        <NoAdoptedVersion planId={planId} />
      ) : (
        <ProblemNotice error={loaded.error} />
      );
    return <p role="status">{t('common.loading')}</p>;
  }
  return (
    <>
      {loaded.error ? <ProblemNotice error={loaded.error} /> : null}
      <section className="panel downloads" aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('monitoring.dashboard.download', { period: period.label })}</h2>
        <p className="hint">{t('monitoring.dashboard.downloadHint', { language: t(`language.${language}`) })}</p>
        <ul className="export-links">
          {DOCUMENT_FORMATS.map((format) => (
            <li key={format}>
              <a className="button-link" href={progressDocumentUrl(planId, period.id, format, language)} download>
                {t(format === 'docx' ? 'monitoring.dashboard.downloadDocx' : 'monitoring.dashboard.downloadPdf')}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <AtAGlance dashboard={dashboard} period={period} />
      <section aria-labelledby="by-pillar-title">
        <h2 id="by-pillar-title">{t('monitoring.dashboard.byPillar')}</h2>
        <p className="hint">{t('monitoring.dashboard.statusHint', { period: period.label })}</p>
        <StatusChart
          caption={t('monitoring.dashboard.byPillarCaption', { period: period.label })}
          rowHeader={t('monitoring.dashboard.pillar')}
          rows={dashboard.byPillar.map((p) => ({ ...p, label: p.title }))}
        />
      </section>
      <section aria-labelledby="by-agency-title">
        <h2 id="by-agency-title">{t('monitoring.dashboard.byAgency')}</h2>
        <p className="hint">{t('monitoring.dashboard.statusHint', { period: period.label })}</p>
        <StatusChart
          caption={t('monitoring.dashboard.byAgencyCaption', { period: period.label })}
          rowHeader={t('monitoring.dashboard.agency')}
          rows={dashboard.byAgency.map((a) => ({ ...a, key: a.agencyId, label: a.agencyName }))}
        />
      </section>
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t('monitoring.dashboard.indicators')}</h2>
        {dashboard.indicators.length === 0 ? (
          <p className="muted">{t('monitoring.indicators.none')}</p>
        ) : (
          <IndicatorChart indicators={dashboard.indicators} />
        )}
      </section>
      <LateActivities dashboard={dashboard} />
      <Budget dashboard={dashboard} />
      <MissingReports planId={planId} dashboard={dashboard} period={period} />
    </>
  );
}

/** Four numbers that say where the plan stands. */
function AtAGlance({ dashboard, period }: { dashboard: DashboardDto; period: ReportingPeriodDto }) {
  const { t } = useLanguage();
  const activities = dashboard.byPillar.reduce((sum, p) => sum + p.activities, 0);
  const onTrack = dashboard.indicators.filter((i) => i.status === 'achieved' || i.status === 'on_track').length;
  return (
    <section aria-labelledby="glance-title">
      <h2 id="glance-title" className="visually-hidden">
        {t('monitoring.dashboard.glance')}
      </h2>
      <dl className="stat-grid">
        <div>
          <dt>{t('monitoring.dashboard.activitiesTotal')}</dt>
          <dd>{activities}</dd>
        </div>
        <div>
          <dt>{t('monitoring.dashboard.lateTotal')}</dt>
          <dd>{dashboard.lateActivities.length}</dd>
        </div>
        <div>
          <dt>{t('monitoring.dashboard.indicatorsOnTrack')}</dt>
          <dd>{t('monitoring.dashboard.ofTotal', { count: onTrack, total: dashboard.indicators.length })}</dd>
        </div>
        <div>
          <dt>{t('monitoring.dashboard.missingTotal', { period: period.label })}</dt>
          <dd>{dashboard.missingReports.length}</dd>
        </div>
      </dl>
    </section>
  );
}

function LateActivities({ dashboard }: { dashboard: DashboardDto }) {
  const { t, locale } = useLanguage();
  return (
    <section aria-labelledby="late-title">
      <h2 id="late-title">{t('monitoring.dashboard.late')}</h2>
      <p className="hint">{t('monitoring.dashboard.lateHint')}</p>
      {dashboard.lateActivities.length === 0 ? (
        <p className="muted">{t('monitoring.dashboard.noLate')}</p>
      ) : (
        <ul className="record-list">
          {dashboard.lateActivities.map((a) => (
            <li key={a.key} className="record">
              <p className="record-title">
                <span className="outline-number">{a.number}</span> {a.title}
              </p>
              <p className="record-meta">
                {t('monitoring.dashboard.lateMeta', {
                  agency: a.leadAgencyName ?? t('common.notSet'),
                  date: a.endDate ? formatDay(a.endDate, locale) : t('common.notSet'),
                  status: vocabLabel(t, 'activityProgress', a.status ?? 'unreported'),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Budget({ dashboard }: { dashboard: DashboardDto }) {
  const { t, locale } = useLanguage();
  const money = moneyFormatter(locale, dashboard.currency);
  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title">{t('monitoring.dashboard.budget')}</h2>
      <p className="budget-total">
        <span className="muted">{t('monitoring.dashboard.budgetTotal')}</span>{' '}
        <strong>{money(dashboard.budget.total)}</strong>
      </p>
      <div className="chart-columns">
        <div>
          <h3 id="budget-year-title">{t('monitoring.dashboard.budgetByYear')}</h3>
          {dashboard.budget.byYear.length === 0 ? (
            <p className="muted">{t('monitoring.dashboard.noBudget')}</p>
          ) : (
            <ValueChart
              label={t('monitoring.dashboard.budgetByYear')}
              format={money}
              rows={dashboard.budget.byYear.map((y) => ({
                key: String(y.year),
                label: String(y.year),
                amount: y.amount,
              }))}
            />
          )}
        </div>
        <div>
          <h3>{t('monitoring.dashboard.budgetByPillar')}</h3>
          {dashboard.byPillar.length === 0 ? (
            <p className="muted">{t('monitoring.dashboard.noBudget')}</p>
          ) : (
            <ValueChart
              label={t('monitoring.dashboard.budgetByPillar')}
              format={money}
              rows={dashboard.byPillar.map((p) => ({ key: p.key, label: p.title, amount: p.budget }))}
            />
          )}
        </div>
      </div>
    </section>
  );
}

function MissingReports({
  planId,
  dashboard,
  period,
}: {
  planId: string;
  dashboard: DashboardDto;
  period: ReportingPeriodDto;
}) {
  const { t } = useLanguage();
  const groups = missingByPeriod(dashboard.missingReports);
  return (
    <section aria-labelledby="missing-title">
      <h2 id="missing-title">{t('monitoring.dashboard.missing')}</h2>
      <p className="hint">{t('monitoring.dashboard.missingHint', { period: period.label })}</p>
      {groups.length === 0 ? (
        <p className="muted">{t('monitoring.dashboard.noMissing')}</p>
      ) : (
        <ul className="record-list">
          {groups.map((group) => (
            <li key={group.periodId} className="record record-missing">
              <h3 className="record-title">
                {group.periodLabel}{' '}
                <span className="badge badge-missing">
                  {t('monitoring.period.missing', { count: group.agencies.length })}
                </span>
              </h3>
              <ul className="plain-list">
                {group.agencies.map((a) => (
                  <li key={a.agencyId}>
                    <Link to={reportPath(planId, group.periodId, a.agencyId)}>{a.agencyName}</Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
