import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalOf, type Histogram } from './histogram.ts';
import { hierarchyOf, kAnonymise } from './k-anonymity.ts';

const ATTRIBUTES = ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'isForcedLabour'];
const DOMAINS: (string | null)[][] = [
  ['2014', '2015', '2016', '2017', '2018', null],
  ['Female', 'Male', null],
  ['0--8', '9--17', '18--20', '21--23', '48+', null],
  ['KE', 'UG', 'PH', 'US', 'MD', 'XK', null],
  ['1', null],
];

const histogramArb = fc
  .array(
    fc.record({
      values: fc.tuple(...DOMAINS.map((domain) => fc.constantFrom(...domain))),
      count: fc.integer({ min: 1, max: 20 }),
    }),
    { minLength: 0, maxLength: 40 },
  )
  .map((rows): Histogram => ({
    attributes: ATTRIBUTES,
    rows: rows.map((r) => ({ values: [...r.values], count: r.count })),
  }));

function classSizes(histogram: Histogram, qis: string[]): number[] {
  const indexes = qis.map((qi) => histogram.attributes.indexOf(qi));
  const classes = new Map<string, number>();
  for (const row of histogram.rows) {
    const key = JSON.stringify(indexes.map((i) => row.values[i]));
    classes.set(key, (classes.get(key) ?? 0) + row.count);
  }
  return [...classes.values()];
}

describe('k-anonymity', () => {
  it('every combination of quasi-identifiers released is shared by at least k records', () => {
    fc.assert(
      fc.property(
        histogramArb,
        fc.integer({ min: 2, max: 15 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.subarray(ATTRIBUTES, { minLength: 1 }),
        (histogram, k, maxSuppression, quasiIdentifiers) => {
          const result = kAnonymise(histogram, { k, quasiIdentifiers, maxSuppression });
          for (const size of classSizes(result.histogram, quasiIdentifiers)) expect(size).toBeGreaterThanOrEqual(k);
          const total = totalOf(histogram);
          expect(result.releasedRecords + result.recordsSuppressed).toBe(total);
          expect(totalOf(result.histogram)).toBe(result.releasedRecords);
          // With at least k records, withholding every quasi-identifier always works, so the allowance holds.
          if (total >= k)
            expect(result.recordsSuppressed).toBeLessThanOrEqual(Math.floor(maxSuppression * total + 1e-9));
          // Attributes that are not quasi-identifiers are never touched.
          for (const row of result.histogram.rows) expect(['1', null]).toContain(row.values[4]);
        },
      ),
      { numRuns: 300, seed: 20260530 },
    );
  });

  it('chooses no generalisation when the data is already k-anonymous', () => {
    const histogram: Histogram = {
      attributes: ['gender', 'citizenship'],
      rows: [
        { values: ['Female', 'KE'], count: 12 },
        { values: ['Male', 'KE'], count: 11 },
      ],
    };
    const result = kAnonymise(histogram, { k: 11, quasiIdentifiers: ['gender', 'citizenship'], maxSuppression: 0 });
    expect(result.generalisation).toEqual({ gender: 'value', citizenship: 'value' });
    expect(result.recordsSuppressed).toBe(0);
    expect(result.marginalError).toEqual([0, 0, null]);
  });

  it('generalises countries to UN regions before withholding them, and drops small classes within the allowance', () => {
    const histogram: Histogram = {
      attributes: ['citizenship'],
      rows: [
        { values: ['KE'], count: 6 },
        { values: ['UG'], count: 6 },
        { values: ['PH'], count: 20 },
        { values: ['FR'], count: 1 },
      ],
    };
    const result = kAnonymise(histogram, { k: 11, quasiIdentifiers: ['citizenship'], maxSuppression: 0.05 });
    expect(result.generalisation.citizenship).toBe('UN region');
    expect(result.histogram.rows).toEqual(
      expect.arrayContaining([
        { values: ['Africa'], count: 12 },
        { values: ['Asia'], count: 20 },
      ]),
    );
    expect(result.recordsSuppressed).toBe(1);
    expect(result.valuesGeneralised).toBe(32);
  });

  it('has hierarchies for years, age bands and countries', () => {
    expect(hierarchyOf('yearOfRegistration')[1]!.map('2017')).toBe('2015-2019');
    expect(hierarchyOf('ageBroad')[1]!.map('9--17')).toBe('Minor');
    expect(hierarchyOf('ageBroad')[1]!.map('18--20')).toBe('Adult');
    expect(hierarchyOf('CountryOfExploitation')[1]!.map('KE')).toBe('Africa');
    expect(hierarchyOf('isForcedLabour').map((level) => level.label)).toEqual(['value', 'withheld']);
  });

  it('withholds everything when fewer than k records exist', () => {
    const histogram: Histogram = { attributes: ['gender'], rows: [{ values: ['Female'], count: 3 }] };
    const result = kAnonymise(histogram, { k: 5, quasiIdentifiers: ['gender'], maxSuppression: 0 });
    expect(result.releasedRecords).toBe(0);
    expect(result.recordsSuppressed).toBe(3);
  });
});
