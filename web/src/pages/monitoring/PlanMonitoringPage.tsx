import { Link, useParams } from 'react-router';
import type { IndicatorProgressDto, ProgressReportDto, ReportingPeriodDto } from '@kinga/shared';
import { getPlanVersion, listIndicators, listPeriodReports } from '../../api/monitoring.ts';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { ActualForm } from './ActualForm.tsx';
import { ComputedMarker, IndicatorStatusBadge, ReportBadges } from './MonitoringBadges.tsx';
import { MonitoringLinks, NoAdoptedVersion, PeriodPicker, ProblemNotice } from './PeriodPicker.tsx';
import { indicatorDefinitions, mayEnterActual, reportPath, type IndicatorDefinition } from './monitoring-values.ts';
import { isNoAdoptedVersion, usePlanPeriods } from './usePlanPeriods.ts';

/**
 * Monitoring of a plan in force, one reporting period at a time: each lead agency's report
 * (a focal point sees its own agency's), and the indicators with their targets, actuals and
 * status, where entitled users enter actuals with their breakdowns.
 */
export function PlanMonitoringPage() {
  const { planId = '' } = useParams();
  const { t } = useLanguage();
  const { can } = useSession();
  const periods = usePlanPeriods(planId);
  const { plan, period } = periods;
  const title = plan ? t('monitoring.title', { plan: plan.title }) : t('monitoring.titleShort');

  return (
    <Page title={title}>
      <MonitoringLinks planId={planId} periodId={period?.id ?? null} current="monitoring" />
      {periods.error && !isNoAdoptedVersion(periods.error) ? <ProblemNotice error={periods.error} /> : null}
      {!plan && periods.loading && <p role="status">{t('common.loading')}</p>}
      {periods.noAdoptedVersion && <NoAdoptedVersion planId={planId} />}
      {plan && plan.adoptedVersion !== null && !period && !periods.loading && (
        <p className="muted">{t('monitoring.noPeriods')}</p>
      )}
      {plan && plan.adoptedVersion !== null && period && (
        <>
          <PeriodPicker periods={periods.periods} period={period} onChange={periods.choosePeriod} />
          {(can('plan:manage') || can('plan:report')) && <PeriodReports planId={planId} period={period} />}
          <PeriodIndicators planId={planId} version={plan.adoptedVersion} period={period} />
        </>
      )}
    </Page>
  );
}

/** The period's reports: every lead agency's for the secretariat and readers, the own one for a focal point. */
function PeriodReports({ planId, period }: { planId: string; period: ReportingPeriodDto }) {
  const { t } = useLanguage();
  const { user, can } = useSession();
  const reports = useLoad(`${planId}:${period.id}`, () => listPeriodReports(planId, period.id));
  const focalOnly = can('plan:report') && !can('plan:manage');
  const list = reports.data ?? [];
  const own = list.find((r) => r.agencyId === user?.agencyId);

  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{t('monitoring.reports.title')}</h2>
      {reports.error ? <ProblemNotice error={reports.error} /> : null}
      {reports.loading && !reports.data && <p role="status">{t('common.loading')}</p>}
      {reports.data && focalOnly && user && (
        <div className="panel report-call">
          {own ? (
            <>
              <h3>{t('monitoring.reports.yours', { period: period.label })}</h3>
              <p>
                <ReportBadges status={own.status} missing={own.missing} />
              </p>
              <ReportMeta report={own} />
              <p>
                <Link className="button-link" to={reportPath(planId, period.id, own.agencyId)}>
                  {t('monitoring.reports.reportFor', { agency: own.agencyName })}
                </Link>
              </p>
            </>
          ) : (
            <p>{t('monitoring.reports.noneForYou', { agency: user.agencyName })}</p>
          )}
        </div>
      )}
      {reports.data && !focalOnly && (
        <>
          {list.length === 0 ? (
            <p className="muted">{t('monitoring.reports.none')}</p>
          ) : (
            <>
              {period.missingReports > 0 && (
                <p className="warning">{t('monitoring.reports.missingCount', { count: period.missingReports })}</p>
              )}
              <ul className="record-list">
                {list.map((r) => (
                  <li key={r.agencyId} className={r.missing ? 'record record-missing' : 'record'}>
                    <p className="record-title">
                      <Link to={reportPath(planId, period.id, r.agencyId)}>{r.agencyName}</Link>
                    </p>
                    <ReportBadges status={r.status} missing={r.missing} />
                    <ReportMeta report={r} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Who submitted and who reviewed a report, and when. */
function ReportMeta({ report }: { report: ProgressReportDto }) {
  const { t, locale } = useLanguage();
  const none = t('common.notSet');
  if (!report.submittedAt && !report.reviewedAt) return null;
  return (
    <ul className="plain-list record-meta">
      {report.submittedAt && (
        <li>
          {t('monitoring.reports.submittedBy', {
            name: report.submittedByName ?? none,
            date: formatDateTime(report.submittedAt, locale),
          })}
        </li>
      )}
      {report.reviewedAt && (
        <li>
          {t('monitoring.reports.reviewedBy', {
            name: report.reviewedByName ?? none,
            date: formatDateTime(report.reviewedAt, locale),
          })}
        </li>
      )}
    </ul>
  );
}

/** The indicators of the version in force, judged up to the period, with the actual's form where allowed. */
function PeriodIndicators({
  planId,
  version,
  period,
}: {
  planId: string;
  version: number;
  period: ReportingPeriodDto;
}) {
  const { t } = useLanguage();
  const { user, can } = useSession();
  const indicators = useLoad(`${planId}:${period.id}`, () => listIndicators(planId, period.id));
  // The version's elements tell which breakdowns each indicator asks for and whose activity it measures.
  const definitions = useLoad(`${planId}:${version}`, async () =>
    indicatorDefinitions((await getPlanVersion(planId, version)).elements),
  );
  const caller = { canManage: can('plan:manage'), canReport: can('plan:report'), agencyId: user?.agencyId ?? '' };

  return (
    <section aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('monitoring.indicators.title')}</h2>
      {indicators.error ? <ProblemNotice error={indicators.error} /> : null}
      {definitions.error ? <ProblemNotice error={definitions.error} /> : null}
      {indicators.loading && !indicators.data && <p role="status">{t('common.loading')}</p>}
      {indicators.data && indicators.data.length === 0 && <p className="muted">{t('monitoring.indicators.none')}</p>}
      {indicators.data && indicators.data.length > 0 && (
        <ul className="record-list indicator-list">
          {indicators.data.map((indicator) => {
            const definition = definitions.data?.get(indicator.key);
            return (
              <IndicatorItem
                key={indicator.key}
                planId={planId}
                period={period}
                indicator={indicator}
                definition={definition}
                mayEnter={definitions.data !== null && mayEnterActual(indicator.source, definition, caller)}
                onSaved={indicators.refresh}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}

function IndicatorItem({
  planId,
  period,
  indicator,
  definition,
  mayEnter,
  onSaved,
}: {
  planId: string;
  period: ReportingPeriodDto;
  indicator: IndicatorProgressDto;
  definition: IndicatorDefinition | undefined;
  mayEnter: boolean;
  onSaved: () => void;
}) {
  const { t, locale } = useLanguage();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const amount = (v: number) => number.format(v);
  const thisPeriod = indicator.actuals.find((a) => a.periodId === period.id);
  const titleId = `indicator-${indicator.key}`;

  return (
    <li className="record indicator-item" aria-labelledby={titleId}>
      <h3 id={titleId} className="record-title">
        <span className="outline-number">{indicator.number}</span> {indicator.title}
      </h3>
      <p className="badge-row">
        <IndicatorStatusBadge status={indicator.status} />
        {indicator.source !== 'manual' && <ComputedMarker />}
      </p>
      <dl className="details indicator-figures">
        <dt>{t('monitoring.indicators.target', { year: indicator.year })}</dt>
        <dd>
          {indicator.target === null
            ? t('monitoring.indicators.noTarget')
            : `${amount(indicator.target)} ${indicator.unit}`}
        </dd>
        <dt>{t('monitoring.indicators.actual', { year: indicator.year })}</dt>
        <dd>
          {indicator.actual === null
            ? t('monitoring.indicators.noActual')
            : `${amount(indicator.actual)} ${indicator.unit}`}
          {indicator.progress !== null && (
            <span className="muted">
              {' '}
              ({t('monitoring.indicators.progress', { percent: percent.format(indicator.progress) })})
            </span>
          )}
        </dd>
        <dt>{t('monitoring.indicators.periodActual', { period: period.label })}</dt>
        <dd>
          {thisPeriod?.value == null
            ? t('monitoring.indicators.noActual')
            : `${amount(thisPeriod.value)} ${indicator.unit}`}
          {thisPeriod?.computed && <span className="block hint">{t('monitoring.indicators.computed')}</span>}
          {thisPeriod?.enteredAt && (
            <span className="block hint">
              {t('monitoring.indicators.enteredBy', {
                name: thisPeriod.enteredByName ?? t('common.notSet'),
                date: formatDateTime(thisPeriod.enteredAt, locale),
              })}
            </span>
          )}
          {thisPeriod?.note && <span className="block pre-line">{thisPeriod.note}</span>}
        </dd>
        {indicator.baseline !== null && (
          <>
            <dt>{t('monitoring.indicators.baseline')}</dt>
            <dd>{`${amount(indicator.baseline)} ${indicator.unit}`}</dd>
          </>
        )}
        {definition && definition.disaggregations.length > 0 && (
          <>
            <dt>{t('monitoring.indicators.breakdowns')}</dt>
            <dd>{definition.disaggregations.map((d) => vocabLabel(t, 'disaggregation', d)).join(', ')}</dd>
          </>
        )}
      </dl>
      {mayEnter && (
        <details className="disclosure actual-disclosure">
          <summary>
            {t(thisPeriod?.value == null ? 'monitoring.indicators.enter' : 'monitoring.indicators.change', {
              period: period.label,
            })}
          </summary>
          <ActualForm
            key={period.id}
            planId={planId}
            period={period}
            indicator={indicator}
            asked={definition?.disaggregations ?? []}
            onSaved={onSaved}
          />
        </details>
      )}
    </li>
  );
}
