import type { GlotipCell } from '@kinga/shared';

/** GLOTIP's categories, in UNODC's order (the lists of shared/src/analytics.ts, which the web may not import as values). */
export const GLOTIP_SEX_ORDER: readonly GlotipCell['sex'][] = ['Female', 'Male', 'Unknown'];
export const GLOTIP_AGE_ORDER: readonly GlotipCell['age'][] = ['Child', 'Adult', 'Unknown'];
export const GLOTIP_CITIZENSHIP_ORDER: readonly GlotipCell['citizenship'][] = ['National', 'Foreign', 'Unknown'];
export const GLOTIP_FORM_ORDER: readonly GlotipCell['form'][] = [
  'SexualExploitation',
  'ForcedLabour',
  'OtherForms',
  'Unknown',
];

/** One row of a year's GLOTIP table: a profile (sex, age, citizenship) and its count per form. */
export interface GlotipRow {
  sex: GlotipCell['sex'];
  age: GlotipCell['age'];
  citizenship: GlotipCell['citizenship'];
  /** Count per form in GLOTIP_FORM_ORDER; null where suppressed, 0 where the cell does not occur. */
  counts: (number | null)[];
}

/** The cells grouped by year (oldest first), each year's profiles as rows in GLOTIP order. */
export function glotipYears(cells: readonly GlotipCell[]): { year: number; rows: GlotipRow[] }[] {
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const rows = new Map<string, GlotipRow>();
    for (const cell of cells.filter((c) => c.year === year)) {
      const key = `${cell.sex}|${cell.age}|${cell.citizenship}`;
      let row = rows.get(key);
      if (!row) {
        row = { sex: cell.sex, age: cell.age, citizenship: cell.citizenship, counts: GLOTIP_FORM_ORDER.map(() => 0) };
        rows.set(key, row);
      }
      row.counts[GLOTIP_FORM_ORDER.indexOf(cell.form)] = cell.count;
    }
    const rank = (r: GlotipRow) => [
      GLOTIP_SEX_ORDER.indexOf(r.sex),
      GLOTIP_AGE_ORDER.indexOf(r.age),
      GLOTIP_CITIZENSHIP_ORDER.indexOf(r.citizenship),
    ];
    const sorted = [...rows.values()].sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      return ra[0]! - rb[0]! || ra[1]! - rb[1]! || ra[2]! - rb[2]!;
    });
    return { year, rows: sorted };
  });
}
