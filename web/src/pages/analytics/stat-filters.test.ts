import { describe, expect, it } from 'vitest';
import { isPeriodReversed, periodOptions, readStatFilters } from './stat-filters.ts';

describe('readStatFilters', () => {
  it('reads every filter from the address and drops values the server would refuse', () => {
    const filters = readStatFilters(
      new URLSearchParams(
        'from=2015&to=2016-06&source=ctdc&gender=Female&ageBand=18-20&exploitation=ForcedLabour&citizenship=KE&countryOfExploitation=SA&county=47',
      ),
    );
    expect(filters).toEqual({
      from: '2015',
      to: '2016-06',
      source: 'ctdc',
      gender: 'Female',
      ageBand: '18-20',
      exploitation: 'ForcedLabour',
      citizenship: 'KE',
      countryOfExploitation: 'SA',
      county: 47,
    });
    const bad = readStatFilters(new URLSearchParams('from=15&to=2016-13&gender=Woman&citizenship=XX&county=abc'));
    expect(Object.values(bad).filter((v) => v !== undefined)).toEqual([]);
  });
});

describe('isPeriodReversed', () => {
  it('compares years as the server does', () => {
    expect(isPeriodReversed({ from: '2017', to: '2016-12' })).toBe(true);
    expect(isPeriodReversed({ from: '2016-06', to: '2016-03' })).toBe(false);
    expect(isPeriodReversed({ from: '2016' })).toBe(false);
  });
});

describe('periodOptions', () => {
  it('offers every year from 2000 and keeps a chosen month', () => {
    const options = periodOptions(2026, '2016-03');
    expect(options[0]).toBe('2000');
    expect(options.at(-1)).toBe('2026');
    expect(options).toContain('2016-03');
    expect(options.indexOf('2016-03')).toBe(options.indexOf('2016') + 1);
  });
});
