import type { ActivityProgressStatus, Disaggregation } from '@kinga/shared/picklists';
import type {
  DisaggregationDto,
  PlanElementDto,
  ProgressReportDto,
  ProgressReportInput,
  ReportingPeriodDto,
} from '@kinga/shared';

/**
 * The period a page opens on: the one asked for in the address when it exists, else the
 * latest period that has ended, else the first period (a plan whose first period is running).
 */
export function choosePeriod(
  periods: readonly ReportingPeriodDto[],
  requested: string | null,
  today: string,
): ReportingPeriodDto | null {
  if (requested) {
    const asked = periods.find((p) => p.id === requested);
    if (asked) return asked;
  }
  const ordered = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const ended = ordered.filter((p) => p.endsOn < today);
  return ended.at(-1) ?? ordered[0] ?? null;
}

/** A breakdown whose parts add up to more than the total. */
export interface BreakdownProblem {
  dimension: Disaggregation;
  sum: number;
}

/**
 * Checks that no breakdown adds up to more than the total. Parts may add up to less: an
 * agency may not know the sex or county of every person counted.
 */
export function breakdownProblems(
  total: number,
  disaggregation: DisaggregationDto,
  asked: readonly Disaggregation[],
): BreakdownProblem[] {
  const problems: BreakdownProblem[] = [];
  for (const dimension of asked) {
    const parts = disaggregation[dimension];
    if (!parts) continue;
    const sum = Object.values(parts).reduce((s, v) => s + v, 0);
    // Tolerates the rounding of decimal shares (0.1 + 0.2).
    if (sum - total > 1e-9 * Math.max(1, Math.abs(total))) problems.push({ dimension, sum });
  }
  return problems;
}

/** The indicator's definition in the version in force: the breakdowns it asks for and who reports it. */
export interface IndicatorDefinition {
  disaggregations: Disaggregation[];
  /** Lead agency of the activity the indicator measures; null for an indicator of an objective. */
  activityLeadAgencyId: string | null;
}

/** Reads each indicator's breakdowns and the lead agency of its activity from a version's elements. */
export function indicatorDefinitions(elements: readonly PlanElementDto[]): Map<string, IndicatorDefinition> {
  const byKey = new Map(elements.map((e) => [e.key, e]));
  const definitions = new Map<string, IndicatorDefinition>();
  for (const element of elements) {
    if (element.fields.kind !== 'indicator') continue;
    const parent = element.parentKey ? byKey.get(element.parentKey) : undefined;
    definitions.set(element.key, {
      disaggregations: [...element.fields.disaggregations],
      activityLeadAgencyId: parent?.fields.kind === 'activity' ? parent.fields.leadAgencyId : null,
    });
  }
  return definitions;
}

/**
 * Whether the page offers the actual's form: the secretariat for any indicator entered by
 * hand, a focal point for those under its own agency's activities. The server decides.
 */
export function mayEnterActual(
  source: string,
  definition: IndicatorDefinition | undefined,
  caller: { canManage: boolean; canReport: boolean; agencyId: string },
): boolean {
  if (source !== 'manual') return false;
  if (caller.canManage) return true;
  return caller.canReport && definition?.activityLeadAgencyId === caller.agencyId;
}

/**
 * Parses a number typed in a form: empty is null, anything unreadable is NaN. Spaces and
 * thousands commas (12,500) are allowed; the decimal mark is a point.
 */
export function parseAmount(text: string): number | null {
  let compact = text.replace(/\s/g, '');
  if (compact === '') return null;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) compact = compact.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

/** The address of an agency's report for a period. */
export const reportPath = (planId: string, periodId: string, agencyId: string) =>
  `/plans/${encodeURIComponent(planId)}/periods/${encodeURIComponent(periodId)}/reports/${encodeURIComponent(agencyId)}`;

/** A report's entries as the form holds them: status code ('' for none) and narrative, by activity. */
export type ReportDraft = Record<string, { status: ActivityProgressStatus | ''; narrative: string }>;

/** The form's starting values from the server's report. */
export function draftOf(report: Pick<ProgressReportDto, 'entries'>): ReportDraft {
  return Object.fromEntries(
    report.entries.map((e) => [e.activityKey, { status: e.status ?? '', narrative: e.narrative ?? '' }]),
  );
}

/** True when the form holds what the server has (trailing spaces aside). */
export function sameDraft(a: ReportDraft, b: ReportDraft): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key] ?? { status: '', narrative: '' };
    const y = b[key] ?? { status: '', narrative: '' };
    if (x.status !== y.status || x.narrative.trim() !== y.narrative.trim()) return false;
  }
  return true;
}

/** Why an activity's entry cannot be saved or submitted as it is. */
export type EntryProblem = 'status_required' | 'status_for_narrative';

/**
 * The draft as the API takes it, in the report's order. A narrative needs a status; to
 * submit, every activity needs one.
 */
export function draftInput(
  draft: ReportDraft,
  order: readonly string[],
  forSubmit: boolean,
): { input: ProgressReportInput; problems: Map<string, EntryProblem> } {
  const problems = new Map<string, EntryProblem>();
  const entries: ProgressReportInput['entries'] = [];
  for (const activityKey of order) {
    const entry = draft[activityKey];
    const status = entry?.status ?? '';
    const narrative = entry?.narrative.trim() ?? '';
    if (status === '') {
      if (forSubmit) problems.set(activityKey, 'status_required');
      else if (narrative !== '') problems.set(activityKey, 'status_for_narrative');
      continue;
    }
    entries.push({ activityKey, status, narrative });
  }
  return { input: { entries }, problems };
}

/** Formats amounts of money in the plan's currency, whole units; a plain number if the runtime does not know the code. */
export function moneyFormatter(locale: string, currency: string): (amount: number) => string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
    return (amount) => format.format(amount);
  } catch {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return (amount) => `${format.format(amount)} ${currency}`;
  }
}

/** Missing reports grouped by period, the latest period first, agencies in the server's order. */
export function missingByPeriod(
  missing: readonly { periodId: string; periodLabel: string; agencyId: string; agencyName: string }[],
): { periodId: string; periodLabel: string; agencies: { agencyId: string; agencyName: string }[] }[] {
  const groups = new Map<
    string,
    { periodId: string; periodLabel: string; agencies: { agencyId: string; agencyName: string }[] }
  >();
  for (const m of missing) {
    let group = groups.get(m.periodId);
    if (!group) {
      group = { periodId: m.periodId, periodLabel: m.periodLabel, agencies: [] };
      groups.set(m.periodId, group);
    }
    group.agencies.push({ agencyId: m.agencyId, agencyName: m.agencyName });
  }
  return [...groups.values()].sort((a, b) => b.periodLabel.localeCompare(a.periodLabel));
}
