import type { ElementFields } from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { compareElements, sameValue } from './plan-comparison.ts';
import { outline, type ElementRow } from './plan-elements.ts';

const KEY = {
  prevention: '0190a0b1-0000-7000-8000-000000000001',
  protection: '0190a0b1-0000-7000-8000-000000000002',
  awareness: '0190a0b1-0000-7000-8000-000000000003',
  campaign: '0190a0b1-0000-7000-8000-000000000004',
  radio: '0190a0b1-0000-7000-8000-000000000005',
  reached: '0190a0b1-0000-7000-8000-000000000006',
  shelter: '0190a0b1-0000-7000-8000-000000000007',
};
const AGENCY = { labour: '0190a0b1-0000-7000-8000-0000000000a1', ngo: '0190a0b1-0000-7000-8000-0000000000a2' };

let rowId = 0;
function row(key: string, fields: ElementFields, position = 0): ElementRow {
  const { kind, ...data } = fields;
  rowId += 1;
  return {
    id: `row-${String(rowId).padStart(4, '0')}`,
    version_id: 'v',
    element_key: key,
    kind,
    parent_key: fields.parentKey,
    position,
    title: fields.title,
    lead_agency_id: fields.kind === 'activity' ? fields.leadAgencyId : null,
    data_json: JSON.stringify(data),
    created_at: '2026-01-05T08:00:00.000Z',
    updated_at: '2026-01-05T08:00:00.000Z',
  };
}

const pillar = (key: string, title: string, position: number) =>
  row(key, { kind: 'pillar', parentKey: null, title, description: null, pillar: null }, position);
const objective = (key: string, parentKey: string, title: string) =>
  row(key, { kind: 'objective', parentKey, title, description: null });
const activity = (key: string, parentKey: string, title: string, extra: Partial<ElementFields> = {}, position = 0) =>
  row(
    key,
    {
      kind: 'activity',
      parentKey,
      title,
      description: null,
      area: 'awareness',
      leadAgencyId: AGENCY.labour,
      supportingAgencyIds: [AGENCY.ngo],
      countyCodes: [1, 47],
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      budget: 2_500_000,
      ...extra,
    } as ElementFields,
    position,
  );
const indicator = (key: string, parentKey: string, targets: { year: number; value: number }[]) =>
  row(key, {
    kind: 'indicator',
    parentKey,
    title: 'People reached by awareness campaigns',
    description: null,
    definition: null,
    unit: 'people',
    baseline: 12_000,
    baselineYear: 2025,
    targets,
    frequency: 'quarterly',
    meansOfVerification: null,
    disaggregations: ['sex', 'county'],
    direction: 'increase',
    aggregation: 'sum',
    source: 'manual',
  });

function version1() {
  return outline([
    pillar(KEY.prevention, 'Prevention', 0),
    pillar(KEY.protection, 'Protection', 1),
    objective(KEY.awareness, KEY.prevention, 'Raise public awareness of trafficking'),
    activity(KEY.campaign, KEY.awareness, 'National awareness campaign', {}, 0),
    activity(KEY.radio, KEY.awareness, 'Radio shows in Swahili', {}, 1),
    indicator(KEY.reached, KEY.campaign, [
      { year: 2026, value: 50_000 },
      { year: 2027, value: 80_000 },
    ]),
  ]);
}

describe('compareElements', () => {
  it('a version compared with an identical copy has no changes', () => {
    const result = compareElements(version1(), version1());
    expect(result).toEqual({ changes: [], unchanged: 6 });
  });

  it('finds one added, one removed and one changed element, the rest unchanged', () => {
    const v2 = outline([
      pillar(KEY.prevention, 'Prevention', 0),
      pillar(KEY.protection, 'Protection', 1),
      objective(KEY.awareness, KEY.prevention, 'Raise public awareness of trafficking'),
      activity(KEY.campaign, KEY.awareness, 'National awareness campaign', { budget: 3_000_000 }, 0),
      indicator(KEY.reached, KEY.campaign, [
        { year: 2026, value: 50_000 },
        { year: 2027, value: 80_000 },
      ]),
      objective(KEY.shelter, KEY.protection, 'Shelter for every identified victim'),
    ]);
    const { changes, unchanged } = compareElements(version1(), v2);
    expect(unchanged).toBe(4);
    expect(changes).toEqual([
      {
        key: KEY.campaign,
        kind: 'activity',
        change: 'changed',
        title: 'National awareness campaign',
        number: '1.1.1',
        fields: [{ field: 'budget', before: 2_500_000, after: 3_000_000 }],
      },
      {
        key: KEY.shelter,
        kind: 'objective',
        change: 'added',
        title: 'Shelter for every identified victim',
        number: '2.1',
        fields: [],
      },
      {
        key: KEY.radio,
        kind: 'activity',
        change: 'removed',
        title: 'Radio shows in Swahili',
        number: '1.1.2',
        fields: [],
      },
    ]);
  });

  it('lists title, parent and each changed field with before and after, comparing arrays by value', () => {
    const v2 = outline([
      pillar(KEY.prevention, 'Prevention', 0),
      pillar(KEY.protection, 'Protection', 1),
      objective(KEY.awareness, KEY.prevention, 'Raise public awareness of trafficking'),
      // Same lists rebuilt: not a change. Moved under another parent with a new title and counties: changes.
      activity(KEY.campaign, KEY.awareness, 'National awareness campaign', { supportingAgencyIds: [AGENCY.ngo] }, 0),
      objective(KEY.shelter, KEY.protection, 'Shelter'),
      activity(
        KEY.radio,
        KEY.shelter,
        'Radio shows in Swahili and Sheng',
        { countyCodes: [1, 3, 47], leadAgencyId: AGENCY.ngo },
        0,
      ),
      indicator(KEY.reached, KEY.campaign, [
        { year: 2026, value: 50_000 },
        { year: 2027, value: 90_000 },
      ]),
    ]);
    const { changes } = compareElements(version1(), v2);
    const radio = changes.find((c) => c.key === KEY.radio);
    expect(radio).toMatchObject({ change: 'changed', number: '2.1.1', title: 'Radio shows in Swahili and Sheng' });
    expect(radio?.fields).toEqual([
      { field: 'title', before: 'Radio shows in Swahili', after: 'Radio shows in Swahili and Sheng' },
      { field: 'parentKey', before: KEY.awareness, after: KEY.shelter },
      { field: 'leadAgencyId', before: AGENCY.labour, after: AGENCY.ngo },
      { field: 'countyCodes', before: [1, 47], after: [1, 3, 47] },
    ]);
    expect(changes.find((c) => c.key === KEY.reached)?.fields).toEqual([
      {
        field: 'targets',
        before: [
          { year: 2026, value: 50_000 },
          { year: 2027, value: 80_000 },
        ],
        after: [
          { year: 2026, value: 50_000 },
          { year: 2027, value: 90_000 },
        ],
      },
    ]);
    expect(changes.some((c) => c.key === KEY.campaign)).toBe(false);
  });

  it('moving an element among its siblings is not a change of content', () => {
    const v2 = outline([
      pillar(KEY.prevention, 'Prevention', 0),
      pillar(KEY.protection, 'Protection', 1),
      objective(KEY.awareness, KEY.prevention, 'Raise public awareness of trafficking'),
      activity(KEY.campaign, KEY.awareness, 'National awareness campaign', {}, 1),
      activity(KEY.radio, KEY.awareness, 'Radio shows in Swahili', {}, 0),
      indicator(KEY.reached, KEY.campaign, [
        { year: 2026, value: 50_000 },
        { year: 2027, value: 80_000 },
      ]),
    ]);
    expect(compareElements(version1(), v2)).toEqual({ changes: [], unchanged: 6 });
  });

  it('compares an older version with a newer one in either direction', () => {
    const v2 = version1().filter((e) => e.key !== KEY.radio);
    expect(compareElements(v2, version1()).changes).toEqual([
      expect.objectContaining({ key: KEY.radio, change: 'added' }),
    ]);
  });
});

describe('sameValue', () => {
  it.each([
    [null, undefined, true],
    [1, 1, true],
    [1, '1', false],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [{ a: 1, b: [1] }, { b: [1], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: null }, true],
    [{ a: 1 }, { a: 2 }, false],
    [[], {}, false],
    [null, 0, false],
  ])('%j vs %j → %s', (x, y, same) => {
    expect(sameValue(x, y)).toBe(same);
  });
});
