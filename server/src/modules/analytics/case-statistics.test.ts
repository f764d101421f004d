import {
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  GENDERS,
  LABOUR_INDUSTRIES,
  RELATIONSHIPS_TO_TRAFFICKER,
  RECRUITMENT_METHODS,
  STAT_CONTROL,
  STAT_EXPLOITATION,
  STAT_LABOUR,
  STAT_RECRUITER,
  STAT_RECRUITMENT,
  STAT_SEX_TYPES,
  flagValues,
} from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { CASE_TO_CTDC, isCounted, projectCase, type CaseStatisticsInput } from './case-statistics.ts';

const base: CaseStatisticsInput = {
  id: 'c1',
  draft: 0,
  trafficking_status: 'ActualVictimOfTrafficking',
  gender: 'Feminine',
  age_band: '9-17',
  citizenship: 'UG',
  victim_json: '{}',
  created_at: '2025-03-14T08:00:00.000Z',
};
const victim = (v: Record<string, unknown>) => ({ ...base, victim_json: JSON.stringify(v) });

describe('which cases are counted', () => {
  it.each([
    ['a registered case with a statistics consent', 0, 'ActualVictimOfTrafficking', true, true],
    ['a possible victim', 0, 'PossibleVictimOfTrafficking', true, true],
    ['a case not yet screened', 0, null, true, true],
    ['a draft', 1, 'ActualVictimOfTrafficking', true, false],
    ['a case without a standing statistics consent', 0, 'ActualVictimOfTrafficking', false, false],
    ['a case found not to be a victim', 0, 'NotAVictimOfTrafficking', true, false],
  ] as const)('%s', (_, draft, status, consented, counted) => {
    expect(isCounted({ draft, trafficking_status: status }, consented)).toBe(counted);
  });
});

describe('projectCase', () => {
  it('takes the month of registration, the case categories and the CaseManagement source', () => {
    expect(projectCase(base, [])).toMatchObject({
      source: 'case',
      case_id: 'c1',
      import_id: null,
      data_source: 'CaseManagement',
      year: 2025,
      month: 3,
      gender: 'Female',
      age_band: '9-17',
      citizenship: 'UG',
      exploitation: 0,
    });
  });

  it('maps every HTCDS gender', () => {
    const mapped = Object.fromEntries(GENDERS.map((g) => [g, projectCase({ ...base, gender: g }, []).gender]));
    expect(mapped).toEqual({
      Feminine: 'Female',
      Masculine: 'Male',
      TransgenderFeminine: 'TransgenderOrNonConforming',
      TransgenderMasculine: 'TransgenderOrNonConforming',
      NonConforming: 'TransgenderOrNonConforming',
      NonSpecifiedUnknown: null,
    });
    expect(projectCase({ ...base, gender: null }, []).gender).toBeNull();
  });

  it('maps every form of exploitation onto CTDC', () => {
    const mapped = Object.fromEntries(
      EXPLOITATION_TYPES.map((t) => [
        t,
        flagValues(STAT_EXPLOITATION, projectCase(victim({ exploitationTypes: [t] }), []).exploitation),
      ]),
    );
    expect(mapped).toEqual({
      ForcedLabour: ['ForcedLabour'],
      ChildLabour: ['ForcedLabour'],
      Servitude: ['ForcedLabour'],
      ForcedBegging: ['ForcedLabour'],
      SexualExploitation: ['SexualExploitation'],
      ForcedMarriage: ['ForcedMarriage'],
      ForcedMilitaryByNonStateActors: ['ForcedMilitary'],
      OrganRemoval: ['OrganRemoval'],
      ForcedAdoption: ['Other'],
      Surrogacy: ['Other'],
      Other: ['Other'],
    });
    const several = projectCase(victim({ exploitationTypes: ['ChildLabour', 'SexualExploitation', 'Surrogacy'] }), []);
    expect(flagValues(STAT_EXPLOITATION, several.exploitation)).toEqual([
      'ForcedLabour',
      'SexualExploitation',
      'Other',
    ]);
  });

  it('maps ISIC sections onto CTDC types of labour, begging from forced begging', () => {
    const labour = (industry: string) =>
      flagValues(STAT_LABOUR, projectCase(victim({ labourIndustry: industry }), []).labour);
    expect(labour('A_AgricultureForestryAndFishing')).toEqual(['Agriculture']);
    expect(labour('B_MiningAndQuarrying')).toEqual(['MiningOrDrilling']);
    expect(labour('C_Manufacturing')).toEqual(['Manufacturing']);
    expect(labour('F_Construction')).toEqual(['Construction']);
    expect(labour('H_TransportationAndStorage')).toEqual(['Transportation']);
    expect(labour('I_AccommodationAndFoodServiceActivities')).toEqual(['Hospitality']);
    expect(labour('T_ActivitiesOfHouseholdsAsEmployers')).toEqual(['DomesticWork']);
    const others = LABOUR_INDUSTRIES.filter((i) => !/^[ABCFHIT]_/.test(i));
    expect(others).toHaveLength(14);
    for (const industry of others) expect(labour(industry)).toEqual(['Other']);
    const begging = projectCase(victim({ exploitationTypes: ['ForcedBegging'], labourIndustry: null }), []);
    expect(flagValues(STAT_LABOUR, begging.labour)).toEqual(['Begging']);
    expect(projectCase(victim({ labourIndustry: null }), []).labour).toBe(0);
  });

  it('maps sex exploitation, control, recruiter and recruitment', () => {
    const p = projectCase(
      victim({
        sexExploitationTypes: ['Prostitution', 'Pornography'],
        controlMethods: [
          'PhysicalThreats',
          'ThreatensChildrenFamily',
          'ThreatsLawEnforcement',
          'PsychoactiveSubstance',
        ],
        relationshipToTrafficker: 'Familial',
        recruitmentMethods: ['AtWork', 'ThroughOnlineSocialNetworks'],
      }),
      [],
    );
    expect(flagValues(STAT_SEX_TYPES, p.sex_types)).toEqual(['Prostitution', 'Pornography']);
    expect(flagValues(STAT_CONTROL, p.control)).toEqual([
      'Threats',
      'PsychoactiveSubstances',
      'ThreatOfLawEnforcement',
    ]);
    expect(flagValues(STAT_RECRUITER, p.recruiter)).toEqual(['Family']);
    expect(flagValues(STAT_RECRUITMENT, p.recruitment)).toEqual(['AtWork', 'ThroughOnlineSocialNetworks']);
    expect(
      Object.fromEntries(
        RELATIONSHIPS_TO_TRAFFICKER.map((r) => [
          r,
          flagValues(STAT_RECRUITER, projectCase(victim({ relationshipToTrafficker: r }), []).recruiter),
        ]),
      ),
    ).toEqual({ Familial: ['Family'], Acquainted: ['Friend'], Unaquainted: ['Other'] });
  });

  it('maps every HTCDS means of control and recruitment method to a CTDC value', () => {
    for (const method of CONTROL_METHODS) {
      expect(flagValues(STAT_CONTROL, projectCase(victim({ controlMethods: [method] }), []).control)).toHaveLength(1);
    }
    for (const method of RECRUITMENT_METHODS) {
      expect(
        flagValues(STAT_RECRUITMENT, projectCase(victim({ recruitmentMethods: [method] }), []).recruitment),
      ).toEqual([method]);
    }
    expect(Object.keys(CASE_TO_CTDC.control).sort()).toEqual([...CONTROL_METHODS].sort());
  });

  it('takes countries and counties from the route, the configured country for a county alone', () => {
    const p = projectCase(base, [
      { type: 'Recruitment', country: null, county_code: 47 },
      { type: 'Transit', country: 'UG', county_code: null },
      { type: 'Transit', country: 'SS', county_code: null },
      { type: 'Exploitation', country: 'KE', county_code: 1 },
    ]);
    expect(p).toMatchObject({
      country_origin: 'KE',
      county_origin: 47,
      country_transit: 'UG',
      country_exploitation: 'KE',
      county_exploitation: 1,
    });
    expect(projectCase(base, [{ type: 'Recruitment', country: null, county_code: 3 }], 'TZ').country_origin).toBe('TZ');
    expect(projectCase(base, [])).toMatchObject({
      country_origin: null,
      county_origin: null,
      country_transit: null,
      country_exploitation: null,
      county_exploitation: null,
    });
  });

  it('ignores values outside the vocabulary instead of failing', () => {
    const p = projectCase(
      {
        ...victim({ exploitationTypes: ['Nonsense'], controlMethods: ['toString'], relationshipToTrafficker: 'x' }),
        gender: 'x',
      },
      [],
    );
    expect(p).toMatchObject({ exploitation: 0, control: 0, recruiter: 0, gender: null });
  });
});
