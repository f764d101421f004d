import type { DashboardDto, PlanDto, ProgressReportDto } from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { docxText } from '../../../test/documents.ts';
import { renderDocx } from '../../lib/documents/docx.ts';
import { documentLabels } from '../../lib/documents/labels.ts';
import type { BarChartBlock, TableBlock } from '../../lib/documents/model.ts';
import { buildPeriodReportDocument } from './period-report.document.ts';

const id = (n: number) => `0190a0b1-0000-7000-8000-${String(n).padStart(12, '0')}`;
const period = {
  id: id(1),
  label: '2026-Q2',
  startsOn: '2026-04-01',
  endsOn: '2026-06-30',
  dueOn: '2026-07-30',
  missingReports: 1,
};

const plan = { id: id(2), title: 'National Plan of Action 2022–2026', currency: 'KES' } as PlanDto;
const dashboard: DashboardDto = {
  planId: plan.id,
  version: 1,
  period,
  currency: 'KES',
  byPillar: [
    {
      key: id(3),
      title: 'Prevention',
      activities: 5,
      statuses: { completed: 1, on_track: 3, not_started: 0, delayed: 1, cancelled: 0, unreported: 0 },
      budget: 10,
    },
  ],
  byAgency: [],
  indicators: [
    {
      key: id(4),
      number: '1.1-I1',
      title: 'People reached by awareness campaigns',
      unit: 'people',
      source: 'manual',
      baseline: 60_000,
      year: 2026,
      target: 160_000,
      actual: 84_200,
      progress: 0.53,
      status: 'on_track',
      actuals: [],
    },
  ],
  lateActivities: [],
  budget: { total: 23_800_000, byYear: [{ year: 2026, amount: 23_800_000 }] },
  missingReports: [
    { periodId: id(5), periodLabel: '2026-Q1', agencyId: id(6), agencyName: 'Tumaini Safe House' },
    { periodId: id(7), periodLabel: '2026-Q2', agencyId: id(6), agencyName: 'Tumaini Safe House' },
    { periodId: id(7), periodLabel: '2026-Q2', agencyId: id(8), agencyName: 'National Trafficking Helpline (demo)' },
  ],
};
const report: ProgressReportDto = {
  id: id(9),
  periodId: period.id,
  periodLabel: period.label,
  agencyId: id(10),
  agencyName: 'State Department for Labour (demo)',
  status: 'accepted',
  missing: false,
  submittedAt: '2026-07-24T10:00:00.000Z',
  submittedByName: 'Grace Akinyi Omondi',
  reviewedAt: null,
  reviewedByName: null,
  reviewComment: null,
  entries: [
    {
      activityKey: id(11),
      activityNumber: '1.1.2',
      activityTitle: 'Pre-departure training',
      status: 'on_track',
      narrative: '1,460 workers trained.',
    },
    {
      activityKey: id(12),
      activityNumber: '1.1.3',
      activityTitle: 'Vetting of agencies',
      status: null,
      narrative: null,
    },
  ],
  evidence: [],
  editable: false,
};
const context = (lang: 'en' | 'sw') => ({
  labels: documentLabels(lang, 'KE'),
  generatedAt: '2026-08-01T08:00:00.000Z',
});

describe('buildPeriodReportDocument', () => {
  it('draws the dashboard charts: statuses stacked per pillar, progress against a 100 % line, budget by year', () => {
    const doc = buildPeriodReportDocument(plan, dashboard, [report], context('en'));
    const charts = doc.blocks.filter((b): b is BarChartBlock => b.kind === 'barChart');
    expect(charts.map((c) => c.title)).toEqual([
      'Activities by status, per pillar',
      'Indicators: progress towards the 2026 targets (dashed line: target reached)',
      'Budget by year (KES)',
    ]);
    expect(charts[0]?.layout).toBe('stacked');
    expect(charts[0]?.categories).toEqual([{ label: 'Prevention', values: [1, 3, 0, 1, 0, 0] }]);
    expect(charts[1]?.reference).toBe(100);
    expect(charts[1]?.categories[0]?.values).toEqual([53]);
    expect(charts[2]?.categories).toEqual([{ label: '2026', values: [23_800_000] }]);
  });

  it('lists each agency with missing reports once, with all its periods', () => {
    const doc = buildPeriodReportDocument(plan, dashboard, null, context('en'));
    const missing = doc.blocks.find(
      (b): b is TableBlock => b.kind === 'table' && b.columns[1]?.header === 'Periods not reported',
    );
    expect(missing?.rows).toEqual([
      ['Tumaini Safe House', '2026-Q1, 2026-Q2'],
      ['National Trafficking Helpline (demo)', '2026-Q2'],
    ]);
  });

  it("writes each agency's report entries, an unreported activity as not reported, in Swahili too", async () => {
    const text = docxText(await renderDocx(buildPeriodReportDocument(plan, dashboard, [report], context('sw'))));
    expect(text).toContain('Ripoti za taasisi');
    expect(text).toContain('State Department for Labour (demo)');
    expect(text).toContain('Iliwasilishwa | 24 Julai 2026 na Grace Akinyi Omondi');
    expect(text).toContain('1.1.2 | Pre-departure training | Inaendelea vizuri | 1,460 workers trained.');
    expect(text).toContain('1.1.3 | Vetting of agencies | Haijaripotiwa |');
    expect(text).toContain(
      '1.1-I1 | People reached by awareness campaigns | people | 160,000 | 84,200 | 53 % | Linaendelea vizuri',
    );
  });

  it("leaves the agencies' reports out when the caller may not read them", () => {
    const doc = buildPeriodReportDocument(plan, dashboard, null, context('en'));
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text === 'Reports of the agencies')).toBe(false);
  });
});
