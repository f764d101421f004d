import { describe, expect, it } from 'vitest';
import type { GlotipCell } from '@kinga/shared';
import { glotipYears } from './glotip-layout.ts';

const cell = (
  year: number,
  sex: GlotipCell['sex'],
  age: GlotipCell['age'],
  form: GlotipCell['form'],
  count: number | null,
): GlotipCell => ({
  year,
  sex,
  age,
  citizenship: 'National',
  form,
  count,
});

describe('glotipYears', () => {
  it('groups cells by year, one row per profile in GLOTIP order, forms as columns (absent = 0, suppressed = null)', () => {
    const years = glotipYears([
      cell(2017, 'Male', 'Adult', 'ForcedLabour', 12),
      cell(2016, 'Female', 'Child', 'SexualExploitation', null),
      cell(2016, 'Female', 'Adult', 'ForcedLabour', 30),
      cell(2016, 'Female', 'Adult', 'SexualExploitation', 14),
    ]);
    expect(years.map((y) => y.year)).toEqual([2016, 2017]);
    expect(years[0]?.rows.map((r) => [r.sex, r.age, r.counts])).toEqual([
      ['Female', 'Child', [null, 0, 0, 0]],
      ['Female', 'Adult', [14, 30, 0, 0]],
    ]);
    expect(years[1]?.rows[0]?.counts).toEqual([0, 12, 0, 0]);
  });
});
