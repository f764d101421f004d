import { describe, expect, it } from 'vitest';
import { reportingPeriodsFor } from './reporting-periods.ts';

describe('reportingPeriodsFor', () => {
  it('makes four quarters a year, each due 30 days after it ends', () => {
    const periods = reportingPeriodsFor(2026, 2027, 'quarterly');
    expect(periods).toHaveLength(8);
    expect(periods[0]).toEqual({ label: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-03-31', dueOn: '2026-04-30' });
    expect(periods[7]).toEqual({ label: '2027-Q4', startsOn: '2027-10-01', endsOn: '2027-12-31', dueOn: '2028-01-30' });
  });

  it('makes halves and years', () => {
    expect(reportingPeriodsFor(2028, 2028, 'biannual').map((p) => [p.label, p.endsOn])).toEqual([
      ['2028-H1', '2028-06-30'],
      ['2028-H2', '2028-12-31'],
    ]);
    expect(reportingPeriodsFor(2026, 2030, 'annual').map((p) => p.label)).toEqual([
      '2026',
      '2027',
      '2028',
      '2029',
      '2030',
    ]);
  });
});
