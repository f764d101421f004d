import { describe, expect, it } from 'vitest';
import type { StatTable } from '@kinga/shared';
import { countsByKey, countyLinks, linksByCount, placeLinks } from './flow-data.ts';

const table = (cells: StatTable['cells'], dimensions: StatTable['dimensions']): StatTable => ({
  id: 't',
  dimensions,
  cells,
  total: 100,
});

describe('flow data', () => {
  const links = table(
    [
      { keys: ['KE', 'SA'], count: 12 },
      { keys: ['KE', null], count: 30 },
      { keys: ['UG', 'KE'], count: null },
      { keys: ['ET', 'KE'], count: 0 },
      { keys: ['SO', 'KE'], count: 40 },
    ],
    ['originOrCitizenship', 'countryOfExploitation'],
  );

  it('keeps only published links between known places', () => {
    expect(placeLinks(links)).toEqual([
      { from: 'KE', to: 'SA', value: 12 },
      { from: 'SO', to: 'KE', value: 40 },
    ]);
    const counties = table([{ keys: ['12', '47'], count: 20 }], ['countyOfOrigin', 'countyOfExploitation']);
    expect(countyLinks(counties)).toEqual([{ from: 12, to: 47, value: 20 }]);
  });

  it('orders links by count, suppressed last', () => {
    expect(linksByCount(links).map((c) => c.count)).toEqual([40, 30, 12, 0, null]);
  });

  it('reads published counts by key', () => {
    const margin = table(
      [
        { keys: ['KE'], count: 49 },
        { keys: ['SA'], count: null },
        { keys: [null], count: 3 },
      ],
      ['countryOfExploitation'],
    );
    expect([...countsByKey(margin)]).toEqual([['KE', 49]]);
  });
});
