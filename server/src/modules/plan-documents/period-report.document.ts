import type { DashboardDto, PlanDto, ProgressReportDto } from '@kinga/shared';
import { documentFrame, type DocumentLabels } from '../../lib/documents/labels.ts';
import type { Block, DocumentModel } from '../../lib/documents/model.ts';

/** The dashboard's order of statuses (done first, then what needs attention) and its colours. */
const STATUS_SERIES = [
  ['completed', '#1E6B34'],
  ['on_track', '#6CC080'],
  ['not_started', '#A9CCE3'],
  ['delayed', '#E69F00'],
  ['cancelled', '#6B7785'],
  ['unreported', '#D5DAE0'],
] as const;

export interface ReportDocumentContext {
  labels: DocumentLabels;
  generatedAt: string;
}

function charts(dashboard: DashboardDto, labels: DocumentLabels): Block[] {
  const { t } = labels;
  const percent = (v: number) => `${labels.number(Math.round(v))} %`;
  const year = dashboard.indicators[0]?.year ?? (dashboard.period ? Number(dashboard.period.startsOn.slice(0, 4)) : '');
  return [
    {
      kind: 'barChart',
      title: t('report.chart.statusByPillar'),
      layout: 'stacked',
      series: STATUS_SERIES.map(([status, color]) => ({ name: labels.vocab('activityProgress', status), color })),
      categories: dashboard.byPillar.map((p) => ({
        label: p.title,
        values: STATUS_SERIES.map(([status]) => p.statuses[status] ?? 0),
      })),
      format: (v) => labels.number(v),
      emptyText: t('report.noChartData'),
    },
    {
      kind: 'barChart',
      title: t('report.chart.indicators', { year }),
      layout: 'grouped',
      series: [{ name: t('report.col.progress'), color: '#0B4F6C' }],
      categories: dashboard.indicators.map((i) => ({
        label: `${i.number} ${i.title}`,
        values: [i.progress === null ? null : i.progress * 100],
      })),
      format: percent,
      reference: 100,
      emptyText: t('report.noChartData'),
    },
    {
      kind: 'barChart',
      title: t('report.chart.budget', { currency: dashboard.currency }),
      layout: 'grouped',
      series: [{ name: dashboard.currency, color: '#0B4F6C' }],
      categories: dashboard.budget.byYear.map((b) => ({ label: String(b.year), values: [b.amount] })),
      format: (v) => labels.amount(v),
      emptyText: t('report.noChartData'),
    },
  ];
}

/** One row per agency with the periods it has not reported, in the order the dashboard lists them. */
function missingByAgency(missing: DashboardDto['missingReports']): string[][] {
  const byAgency = new Map<string, { name: string; periods: string[] }>();
  for (const m of missing) {
    const entry = byAgency.get(m.agencyId) ?? { name: m.agencyName, periods: [] };
    entry.periods.push(m.periodLabel);
    byAgency.set(m.agencyId, entry);
  }
  return [...byAgency.values()].map((e) => [e.name, e.periods.join(', ')]);
}

function agencyReport(report: ProgressReportDto, labels: DocumentLabels): Block[] {
  const { t } = labels;
  const items = [
    {
      key: t('report.status'),
      value: report.status === null ? t('report.notStarted') : labels.vocab('reportStatus', report.status),
    },
  ];
  if (report.submittedAt) {
    items.push({
      key: t('report.submitted'),
      value: report.submittedByName
        ? t('report.byOn', { date: labels.date(report.submittedAt), name: report.submittedByName })
        : labels.date(report.submittedAt),
    });
  }
  if (report.reviewedAt) {
    items.push({
      key: t('report.reviewed'),
      value: report.reviewedByName
        ? t('report.byOn', { date: labels.date(report.reviewedAt), name: report.reviewedByName })
        : labels.date(report.reviewedAt),
    });
  }
  if (report.reviewComment) items.push({ key: t('report.reviewComment'), value: report.reviewComment });
  return [
    { kind: 'heading', level: 2, text: report.agencyName },
    { kind: 'keyValues', items },
    {
      kind: 'table',
      columns: [
        { header: t('report.col.number'), width: 8 },
        { header: t('report.col.activity'), width: 30 },
        { header: t('report.col.status'), width: 14 },
        { header: t('report.col.narrative'), width: 48 },
      ],
      rows: report.entries.map((e) => [
        e.activityNumber,
        e.activityTitle,
        labels.vocab('activityProgress', e.status ?? 'unreported'),
        e.narrative ?? '',
      ]),
      emptyText: t('report.noEntries'),
    },
  ];
}

/**
 * A reporting period's progress report: the dashboard's charts, indicators against their
 * targets, late activities, missing reports, and each agency's report entries. `reports`
 * is null when the caller may not read the agencies' reports (the section is left out).
 */
export function buildPeriodReportDocument(
  plan: PlanDto,
  dashboard: DashboardDto,
  reports: readonly ProgressReportDto[] | null,
  c: ReportDocumentContext,
): DocumentModel {
  const { labels } = c;
  const { t } = labels;
  const period = dashboard.period;
  const dash = t('doc.dash');
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: t('report.overview') },
    ...charts(dashboard, labels),
    { kind: 'heading', level: 1, text: t('report.indicators') },
    {
      kind: 'table',
      columns: [
        { header: t('report.col.number'), width: 9 },
        { header: t('report.col.indicator'), width: 33 },
        { header: t('report.col.unit'), width: 12 },
        { header: t('report.col.target'), width: 10, align: 'right' },
        { header: t('report.col.actual'), width: 10, align: 'right' },
        { header: t('report.col.progress'), width: 11, align: 'right' },
        { header: t('report.col.status'), width: 15 },
      ],
      rows: dashboard.indicators.map((i) => [
        i.number,
        i.title,
        i.unit,
        i.target === null ? dash : labels.number(i.target),
        i.actual === null ? dash : labels.number(i.actual),
        i.progress === null ? dash : `${labels.number(Math.round(i.progress * 100))} %`,
        labels.vocab('indicatorStatus', i.status),
      ]),
      emptyText: t('report.noIndicators'),
    },
    { kind: 'heading', level: 1, text: t('report.late') },
    {
      kind: 'table',
      columns: [
        { header: t('report.col.number'), width: 9 },
        { header: t('report.col.activity'), width: 38 },
        { header: t('report.col.lead'), width: 22 },
        { header: t('report.col.endDate'), width: 15 },
        { header: t('report.col.status'), width: 16 },
      ],
      rows: dashboard.lateActivities.map((a) => [
        a.number,
        a.title,
        a.leadAgencyName ?? dash,
        a.endDate === null ? dash : labels.shortDate(a.endDate),
        labels.vocab('activityProgress', a.status ?? 'unreported'),
      ]),
      emptyText: t('report.noLate'),
    },
    { kind: 'heading', level: 1, text: t('report.missing') },
    {
      kind: 'table',
      columns: [
        { header: t('report.col.agency'), width: 40 },
        { header: t('report.col.periods'), width: 60 },
      ],
      rows: missingByAgency(dashboard.missingReports),
      emptyText: t('report.noMissing'),
    },
  ];
  if (reports !== null) {
    blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: t('report.agencies') });
    if (reports.length === 0) blocks.push({ kind: 'paragraph', text: t('report.noReports'), tone: 'muted' });
    for (const report of reports) blocks.push(...agencyReport(report, labels));
  }

  const label = period?.label ?? dash;
  return documentFrame(
    labels,
    {
      title: plan.title,
      subtitle: [
        t('report.subtitle', { period: label }),
        t('report.versionInForce', { number: dashboard.version }),
        ...(period
          ? [
              t('report.dates', {
                start: labels.date(period.startsOn),
                end: labels.date(period.endsOn),
                due: labels.date(period.dueOn),
              }),
            ]
          : []),
      ],
      footer: t('report.footer', { period: label }),
      orientation: 'portrait',
      blocks,
    },
    c.generatedAt,
  );
}
