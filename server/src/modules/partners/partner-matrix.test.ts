import { KENYA_COUNTIES } from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { buildPartnerMatrix, type MatrixInput } from './partner-matrix.ts';

const A = '0190a0b1-0000-7000-8000-00000000000a';
const B = '0190a0b1-0000-7000-8000-00000000000b';
const C = '0190a0b1-0000-7000-8000-00000000000c';

const input = (extra: Partial<MatrixInput> = {}): MatrixInput => ({
  presence: [
    { agency_id: A, agency_name: 'Amani Shelter', area: 'shelter', county_code: 1 },
    { agency_id: A, agency_name: 'Amani Shelter', area: 'shelter', county_code: 3 },
    { agency_id: B, agency_name: 'Bidii Helpline', area: 'hotline', county_code: 0 },
  ],
  activities: [
    { area: 'awareness', leadAgencyId: A, supportingAgencyIds: [C], countyCodes: [42] },
    { area: 'shelter', leadAgencyId: A, supportingAgencyIds: [], countyCodes: [] },
    { area: null, leadAgencyId: B, supportingAgencyIds: [], countyCodes: [47] },
  ],
  activeAgencyNames: new Map([
    [A, 'Amani Shelter'],
    [B, 'Bidii Helpline'],
  ]),
  counties: KENYA_COUNTIES,
  ...extra,
});

describe('buildPartnerMatrix', () => {
  it('keeps declared and plan-derived cells apart and leaves out inactive agencies and arealess activities', () => {
    const matrix = buildPartnerMatrix(input());
    expect(matrix.rows.map((r) => r.agencyName)).toEqual(['Amani Shelter', 'Bidii Helpline']);
    expect(matrix.rows[0]?.cells).toEqual([
      { area: 'awareness', national: false, countyCodes: [42], fromPlan: true },
      { area: 'shelter', national: false, countyCodes: [1, 3], fromPlan: false },
      { area: 'shelter', national: true, countyCodes: [], fromPlan: true },
    ]);
    expect(matrix.rows[1]?.cells).toEqual([{ area: 'hotline', national: true, countyCodes: [], fromPlan: false }]);
  });

  it('counts distinct agencies per county, national work in every county', () => {
    const counts = new Map(buildPartnerMatrix(input()).countyPartners.map((c) => [c.countyCode, c.partners]));
    expect(counts.size).toBe(47);
    // A works nationally through the plan's shelter activity; B's hotline is national.
    expect([...counts.values()].every((n) => n === 2)).toBe(true);
    const declaredOnly = buildPartnerMatrix(input({ activities: [] }));
    const byCode = new Map(declaredOnly.countyPartners.map((c) => [c.countyCode, c.partners]));
    expect([byCode.get(1), byCode.get(3), byCode.get(47)]).toEqual([2, 2, 1]);
  });

  it('filters by area and by county', () => {
    const awareness = buildPartnerMatrix(input({ area: 'awareness' }));
    expect(awareness.areas).toEqual(['awareness']);
    expect(awareness.rows.map((r) => r.agencyId)).toEqual([A]);
    const mombasa = buildPartnerMatrix(input({ activities: [], countyCode: 1 }));
    expect(mombasa.rows.flatMap((r) => r.cells.map((c) => c.area))).toEqual(['shelter', 'hotline']);
    const kisumu = buildPartnerMatrix(input({ activities: [], countyCode: 42 }));
    expect(kisumu.rows.map((r) => r.agencyId)).toEqual([B]);
  });
});
