import { AGENCY_TYPES } from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { decisionOrgOf } from './screenings.service.ts';

describe('decisionOrgOf', () => {
  it('maps every HTCDS organisation type of an agency to the organisation that decided', () => {
    expect(Object.fromEntries(AGENCY_TYPES.map((t) => [t, decisionOrgOf(t)]))).toEqual({
      NGO: 'NGO',
      LawEnforcement: 'Police',
      CentralGovernment: 'NonPoliceGovernmentalOrganization',
      LocalGovernment: 'NonPoliceGovernmentalOrganization',
      Health: 'NonPoliceGovernmentalOrganization',
      Immigration: 'NonPoliceGovernmentalOrganization',
      LegalService: 'CourtOrProsecution',
      InternationalOrganisation: 'NGO',
      FaithBased: 'NGO',
      Other: 'Other',
    });
  });

  it('answers Other for an unknown or missing type', () => {
    expect(decisionOrgOf('Ministry')).toBe('Other');
    expect(decisionOrgOf('toString')).toBe('Other');
    expect(decisionOrgOf(null)).toBe('Other');
  });
});
