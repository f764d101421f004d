import type { ElementFields, PlanDto, PlanElementDto, PlanVersionDto } from '@kinga/shared';
import { documentFrame, type DocumentLabels } from '../../lib/documents/labels.ts';
import type { Block, DocumentModel } from '../../lib/documents/model.ts';

type Fields<K extends ElementFields['kind']> = Extract<ElementFields, { kind: K }>;
type Element<K extends ElementFields['kind']> = PlanElementDto & { fields: Fields<K> };

function isKind<K extends ElementFields['kind']>(kind: K) {
  return (e: PlanElementDto): e is Element<K> => e.fields.kind === kind;
}

export interface PlanDocumentContext {
  labels: DocumentLabels;
  /** A county's name from the country profile. */
  countyName: (code: number) => string;
  generatedAt: string;
}

/** `14 Mar 2026 – 30 Jun 2027`, an open end, or a dash. */
function dateRange(labels: DocumentLabels, start: string | null, end: string | null): string {
  if (start && end) return `${labels.shortDate(start)} – ${labels.shortDate(end)}`;
  if (start) return `${labels.shortDate(start)} –`;
  if (end) return `– ${labels.shortDate(end)}`;
  return labels.t('doc.dash');
}

function activityRow(a: Element<'activity'>, c: PlanDocumentContext): string[] {
  const { labels } = c;
  const counties =
    a.fields.countyCodes.length === 0 ? labels.t('doc.national') : a.fields.countyCodes.map(c.countyName).join(', ');
  return [
    a.number,
    a.fields.description ? `${a.fields.title}\n${a.fields.description}` : a.fields.title,
    a.leadAgencyName ?? labels.t('doc.dash'),
    counties,
    dateRange(labels, a.fields.startDate, a.fields.endDate),
    a.fields.budget === null ? labels.t('doc.dash') : labels.amount(a.fields.budget),
  ];
}

function indicatorRow(i: Element<'indicator'>, labels: DocumentLabels): string[] {
  const f = i.fields;
  const baseline =
    f.baseline === null
      ? labels.t('doc.dash')
      : `${labels.number(f.baseline)}${f.baselineYear === null ? '' : ` (${f.baselineYear})`}`;
  const targets =
    f.targets.length === 0
      ? labels.t('doc.dash')
      : [...f.targets]
          .sort((a, b) => a.year - b.year)
          .map((t) => `${t.year}: ${labels.number(t.value)}`)
          .join('\n');
  return [
    i.number,
    f.title,
    f.unit,
    baseline,
    targets,
    labels.vocab('indicatorFrequency', f.frequency),
    f.meansOfVerification ?? labels.t('doc.dash'),
    labels.vocab('indicatorSource', f.source),
  ];
}

/** Objectives by number and title, with a description column only when one has a description. */
function objectivesTable(objectives: readonly Element<'objective'>[], labels: DocumentLabels): Block {
  const { t } = labels;
  const described = objectives.some((o) => o.fields.description);
  return {
    kind: 'table',
    columns: [
      { header: t('plan.col.number'), width: 6 },
      { header: t('plan.col.objective'), width: described ? 34 : 94 },
      ...(described ? [{ header: t('plan.col.description'), width: 60 }] : []),
    ],
    rows: objectives.map((o) => [o.number, o.fields.title, ...(described ? [o.fields.description ?? ''] : [])]),
    emptyText: t('plan.noObjectives'),
  };
}

/** The pillar an element belongs to, following its parents. */
function pillarKeyOf(element: PlanElementDto, byKey: ReadonlyMap<string, PlanElementDto>): string | null {
  let current: PlanElementDto | undefined = element;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.kind === 'pillar') return current.key;
    current = current.parentKey === null ? undefined : byKey.get(current.parentKey);
  }
  return null;
}

function pillarBlocks(
  pillar: Element<'pillar'>,
  elements: readonly PlanElementDto[],
  plan: PlanDto,
  c: PlanDocumentContext,
): Block[] {
  const { labels } = c;
  const { t } = labels;
  const objectives = elements.filter(isKind('objective'));
  const activities = elements.filter(isKind('activity'));
  const indicators = elements.filter(isKind('indicator'));
  const heading =
    pillar.fields.pillar !== null && labels.vocab('pillar', pillar.fields.pillar) !== pillar.fields.title
      ? `${pillar.number} ${pillar.fields.title} (${labels.vocab('pillar', pillar.fields.pillar)})`
      : `${pillar.number} ${pillar.fields.title}`;
  return [
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: heading },
    ...(pillar.fields.description ? [{ kind: 'paragraph', text: pillar.fields.description } as const] : []),
    { kind: 'heading', level: 2, text: t('plan.objectives') },
    objectivesTable(objectives, labels),
    { kind: 'heading', level: 2, text: t('plan.activities') },
    {
      kind: 'table',
      columns: [
        { header: t('plan.col.number'), width: 6 },
        { header: t('plan.col.activity'), width: 32 },
        { header: t('plan.col.lead'), width: 16 },
        { header: t('plan.col.counties'), width: 16 },
        { header: t('plan.col.dates'), width: 17 },
        { header: t('plan.col.budget', { currency: plan.currency }), width: 13, align: 'right' },
      ],
      rows: activities.map((a) => activityRow(a, c)),
      emptyText: t('plan.noActivities'),
    },
    { kind: 'heading', level: 2, text: t('plan.indicators') },
    {
      kind: 'table',
      columns: [
        { header: t('plan.col.number'), width: 7 },
        { header: t('plan.col.indicator'), width: 22 },
        { header: t('plan.col.unit'), width: 9 },
        { header: t('plan.col.baseline'), width: 9, align: 'right' },
        { header: t('plan.col.targets'), width: 11, align: 'right' },
        { header: t('plan.col.frequency'), width: 9 },
        { header: t('plan.col.verification'), width: 19 },
        { header: t('plan.col.source'), width: 14 },
      ],
      rows: indicators.map((i) => indicatorRow(i, labels)),
      emptyText: t('plan.noIndicators'),
    },
  ];
}

/**
 * A plan version as a document: title, period, version and status, the workflow steps, then
 * per pillar its objectives, activities and indicators in outline order.
 */
export function buildPlanVersionDocument(
  plan: PlanDto,
  version: PlanVersionDto,
  c: PlanDocumentContext,
): DocumentModel {
  const { labels } = c;
  const { t } = labels;
  const byKey = new Map(version.elements.map((e) => [e.key, e]));
  const pillars = version.elements.filter(isKind('pillar'));
  const totalBudget = version.elements.filter(isKind('activity')).reduce((sum, a) => sum + (a.fields.budget ?? 0), 0);

  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: t('plan.summary') },
    {
      kind: 'keyValues',
      items: [
        { key: t('plan.reportingFrequency'), value: labels.vocab('reportingFrequency', plan.reportingFrequency) },
        { key: t('plan.currency'), value: plan.currency },
        { key: t('plan.totalBudget'), value: `${plan.currency} ${labels.amount(totalBudget)}` },
        { key: t('plan.updatedAt'), value: labels.date(version.updatedAt) },
      ],
    },
    { kind: 'heading', level: 1, text: t('plan.workflow') },
    {
      kind: 'table',
      columns: [
        { header: t('plan.step.date'), width: 14 },
        { header: t('plan.step.step'), width: 20 },
        { header: t('plan.step.by'), width: 16 },
        { header: t('plan.step.decision'), width: 30 },
        { header: t('plan.step.note'), width: 20 },
      ],
      rows: version.steps.map((s) => [
        labels.date(s.at),
        labels.vocab('planTransition', s.transition),
        s.actorName ?? t('doc.dash'),
        [s.decisionText, s.meetingTitle ? `(${s.meetingTitle})` : null].filter((v) => v !== null).join('\n') ||
          t('doc.dash'),
        s.note ?? '',
      ]),
      emptyText: t('plan.noSteps'),
    },
  ];
  if (pillars.length === 0) blocks.push({ kind: 'paragraph', text: t('plan.noPillars'), tone: 'muted' });
  for (const pillar of pillars) {
    const inPillar = version.elements.filter((e) => e.kind !== 'pillar' && pillarKeyOf(e, byKey) === pillar.key);
    blocks.push(...pillarBlocks(pillar, inPillar, plan, c));
  }

  return documentFrame(
    labels,
    {
      title: plan.title,
      subtitle: [
        t('plan.period', { start: plan.periodStart, end: plan.periodEnd }),
        t('plan.version', { number: version.number, status: labels.vocab('planVersionStatus', version.status) }),
        ...(version.basedOn === null ? [] : [t('plan.basedOn', { number: version.basedOn })]),
      ],
      footer: t('plan.footer', { number: version.number }),
      orientation: 'landscape',
      blocks,
    },
    c.generatedAt,
  );
}
