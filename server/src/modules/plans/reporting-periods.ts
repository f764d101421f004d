import type { ReportingFrequency } from '@kinga/shared';

/** Days after a period's end by which its reports are due. */
export const REPORT_DUE_DAYS = 30;

export interface PeriodSpec {
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

const MONTHS_PER_PERIOD: Record<ReportingFrequency, number> = { quarterly: 3, biannual: 6, annual: 12 };

/**
 * The reporting periods of a plan: every quarter (2026-Q1…), half (2026-H1…) or year of its
 * period, each due REPORT_DUE_DAYS after it ends.
 */
export function reportingPeriodsFor(
  periodStart: number,
  periodEnd: number,
  frequency: ReportingFrequency,
): PeriodSpec[] {
  const months = MONTHS_PER_PERIOD[frequency];
  const periods: PeriodSpec[] = [];
  for (let year = periodStart; year <= periodEnd; year++) {
    for (let index = 0; index < 12 / months; index++) {
      const start = new Date(Date.UTC(year, index * months, 1));
      const end = new Date(Date.UTC(year, (index + 1) * months, 0));
      const due = new Date(end.getTime() + REPORT_DUE_DAYS * 86_400_000);
      const label =
        frequency === 'quarterly'
          ? `${year}-Q${index + 1}`
          : frequency === 'biannual'
            ? `${year}-H${index + 1}`
            : String(year);
      periods.push({ label, startsOn: isoDate(start), endsOn: isoDate(end), dueOn: isoDate(due) });
    }
  }
  return periods;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
