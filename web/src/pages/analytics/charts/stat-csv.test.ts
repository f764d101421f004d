import { describe, expect, it } from 'vitest';
import type { StatTable } from '@kinga/shared';
import { en, type MessageKey } from '../../../i18n/en.ts';
import { sw } from '../../../i18n/sw.ts';
import type { Translate } from '../../../i18n/i18n.tsx';
import { statTableCsv } from './stat-csv.ts';
import { groupedRows, orderedCells, periodColumns, singleRows } from './stat-layout.ts';

const tEn: Translate = (key: MessageKey) => en[key];
const tSw: Translate = (key: MessageKey) => sw[key];

const genderAge: StatTable = {
  id: 'genderAge',
  dimensions: ['gender', 'ageBand'],
  cells: [
    { keys: ['Female', '18-20'], count: 40 },
    { keys: ['Female', '9-17'], count: 25 },
    { keys: ['Male', '18-20'], count: null },
    { keys: [null, null], count: 12 },
  ],
  total: 80,
};

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('statTableCsv', () => {
  it('writes codes, labels, counts and a suppressed column; a suppressed count is empty', () => {
    expect(lines(statTableCsv(tEn, genderAge))).toEqual([
      'gender,gender_label,ageBand,ageBand_label,count,suppressed',
      'Female,Female,18-20,18–20 years,40,0',
      'Female,Female,9-17,9–17 years,25,0',
      'Male,Male,18-20,18–20 years,,1',
      ',Unknown,,Unknown,12,0',
    ]);
  });

  it('labels in the reader language and starts with a byte-order mark', () => {
    const csv = statTableCsv(tSw, genderAge);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines(csv)[1]).toBe('Female,Mwanamke,18-20,Miaka 18–20,40,0');
  });

  it('quotes fields with commas and quotes', () => {
    const table: StatTable = {
      id: 'control',
      dimensions: ['control'],
      cells: [{ keys: ['WithholdsNecessities'], count: 3 }],
      total: 3,
    };
    expect(lines(statTableCsv(tEn, table))[1]).toBe(
      'WithholdsNecessities,"Withholds food, sleep or other necessities",3,0',
    );
  });

  it('writes only a header for an empty table', () => {
    const table: StatTable = { id: 'x', dimensions: ['year'], cells: [], total: 0 };
    expect(lines(statTableCsv(tEn, table))).toEqual(['year,year_label,count,suppressed']);
  });
});

describe('chart layout', () => {
  const citizenship: StatTable = {
    id: 'citizenship',
    dimensions: ['citizenship'],
    cells: [
      { keys: ['ET'], count: 30 },
      { keys: ['KE'], count: 100 },
      { keys: ['SO'], count: 12 },
      { keys: ['TZ'], count: null },
      { keys: ['UG'], count: 50 },
      { keys: [null], count: 20 },
    ],
    total: 220,
  };

  it('keeps the largest categories, sums the rest as Other before Unknown, and scales to the largest', () => {
    const rows = singleRows(citizenship, { limit: 2 });
    expect(rows.map((r) => (r.other ? 'other' : r.key))).toEqual(['KE', 'UG', 'other', null]);
    expect(rows[2]?.bars[0]?.count).toBe(42);
    expect(rows[2]?.otherCount).toBe(3);
    expect(rows[0]?.bars[0]?.width).toBe(100);
    expect(rows[1]?.bars[0]?.width).toBe(50);
  });

  it('lists every cell in key order without a limit', () => {
    expect(singleRows(citizenship).map((r) => r.key)).toEqual(['ET', 'KE', 'SO', 'TZ', 'UG', null]);
    expect(singleRows(citizenship).find((r) => r.key === 'TZ')?.bars[0]).toEqual({ key: null, count: null, width: 0 });
  });

  it('orders a table largest first with suppressed cells after the known counts and Unknown last', () => {
    expect(orderedCells(citizenship, 'count').map((c) => c.keys[0])).toEqual(['KE', 'UG', 'ET', 'SO', 'TZ', null]);
  });

  it('groups two dimensions by row with every series in each row, missing cells as zero', () => {
    const { series, rows } = groupedRows(genderAge, 0);
    expect(series).toEqual(['Female', 'Male', null]);
    expect(rows.map((r) => r.key)).toEqual(['9-17', '18-20', null]);
    expect(rows[1]?.bars.map((b) => b.count)).toEqual([40, null, 0]);
    expect(rows[0]?.bars.map((b) => b.count)).toEqual([25, 0, 0]);
  });

  it('draws every period from the first to the last, gaps as zero, unknown left out', () => {
    const byYear: StatTable = {
      id: 'byYear',
      dimensions: ['year'],
      cells: [
        { keys: ['2016'], count: 40 },
        { keys: ['2019'], count: null },
        { keys: [null], count: 9 },
      ],
      total: 60,
    };
    expect(periodColumns(byYear)).toEqual([
      { key: '2016', count: 40 },
      { key: '2017', count: 0 },
      { key: '2018', count: 0 },
      { key: '2019', count: null },
    ]);
    const byMonth: StatTable = {
      id: 'byMonth',
      dimensions: ['month'],
      cells: [
        { keys: ['2016-11'], count: 3 },
        { keys: ['2017-02'], count: 5 },
      ],
      total: 8,
    };
    expect(periodColumns(byMonth).map((c) => c.key)).toEqual(['2016-11', '2016-12', '2017-01', '2017-02']);
  });
});
