import { describe, expect, it } from 'vitest';
import type { CaseDto } from '@kinga/shared';
import {
  ageFromBirthDate,
  emptyEvent,
  emptyIntakeValues,
  fieldKeyOfIssuePath,
  inputOfSteps,
  stepOfIssuePath,
  valuesFromCase,
  type IntakeValues,
} from './intake-values.ts';

function values(change: (v: IntakeValues) => void): IntakeValues {
  const v = emptyIntakeValues();
  change(v);
  return v;
}

describe('inputOfSteps', () => {
  it('sends only the part of the case that the saved step owns', () => {
    const input = inputOfSteps(
      values((v) => {
        v.person.firstName = 'Amina';
        v.victim.narrative = 'Recruited for a hotel job';
      }),
      ['person'],
    );
    expect(Object.keys(input).sort()).toEqual(['contact', 'identity', 'profile']);
    expect(input.identity?.firstName).toBe('Amina');
  });

  it('sends emptied text fields as null, so a cleared answer is cleared on the server', () => {
    const input = inputOfSteps(
      values((v) => {
        v.person.middleName = '   ';
        v.person.phone = '';
      }),
      ['person'],
    );
    expect(input.identity?.middleName).toBeNull();
    expect(input.contact?.phone).toBeNull();
  });

  it('derives the estimated age from a birth date and sends no birth date for an estimate', () => {
    const byBirthDate = inputOfSteps(
      values((v) => {
        v.person.ageBy = 'birthDate';
        v.person.birthDate = '2000-01-01';
        v.person.estimatedAge = '99';
      }),
      ['person'],
    );
    expect(byBirthDate.identity?.birthDate).toBe('2000-01-01');
    expect(byBirthDate.profile?.estimatedAge).toBe(ageFromBirthDate('2000-01-01'));

    const estimated = inputOfSteps(
      values((v) => {
        v.person.birthDate = '2000-01-01';
        v.person.estimatedAge = '16';
      }),
      ['person'],
    );
    expect(estimated.identity?.birthDate).toBeNull();
    expect(estimated.profile?.estimatedAge).toBe(16);
  });

  it('drops the labour industry and sex-exploitation forms when their exploitation type is not ticked', () => {
    const input = inputOfSteps(
      values((v) => {
        v.victim.exploitationTypes = ['ForcedBegging'];
        v.victim.labourIndustry = 'F_Construction';
        v.victim.sexExploitationTypes = ['Prostitution'];
      }),
      ['victim'],
    );
    expect(input.victim?.labourIndustry).toBeNull();
    expect(input.victim?.sexExploitationTypes).toEqual([]);
  });

  it('keeps a county only for route stages in Kenya, in the order the stages were put', () => {
    const input = inputOfSteps(
      values((v) => {
        v.events = [
          { ...emptyEvent('Recruitment'), country: 'KE', countyCode: '47', place: 'Eastleigh' },
          { ...emptyEvent('Exploitation'), country: 'SA', countyCode: '47', date: '2025-03-01' },
        ];
      }),
      ['route'],
    );
    expect(input.events).toEqual([
      { type: 'Recruitment', country: 'KE', countyCode: 47, place: 'Eastleigh', date: null },
      { type: 'Exploitation', country: 'SA', countyCode: null, place: null, date: '2025-03-01' },
    ]);
  });
});

describe('ageFromBirthDate', () => {
  const today = new Date(2026, 5, 15);
  it('counts whole years, one less before the birthday', () => {
    expect(ageFromBirthDate('2010-06-15', today)).toBe(16);
    expect(ageFromBirthDate('2010-06-16', today)).toBe(15);
  });
  it('refuses a date in the future or a malformed one', () => {
    expect(ageFromBirthDate('2027-01-01', today)).toBeNull();
    expect(ageFromBirthDate('15/06/2010', today)).toBeNull();
  });
});

describe('issues of a submit', () => {
  it('belong to the step that holds their field', () => {
    expect(stepOfIssuePath('body.identity.firstName')).toBe('person');
    expect(stepOfIssuePath('profile.gender')).toBe('person');
    expect(stepOfIssuePath('victim.exploitationTypes')).toBe('victim');
    expect(stepOfIssuePath('countyCode')).toBe('victim');
    expect(stepOfIssuePath('events.2.country')).toBe('route');
    expect(stepOfIssuePath('')).toBe('review');
  });

  it('point at the element of their field', () => {
    expect(fieldKeyOfIssuePath('body.identity.lastName')).toBe('identity-lastName');
    expect(fieldKeyOfIssuePath('victim.exploitationTypes.1')).toBe('victim-exploitationTypes');
    expect(fieldKeyOfIssuePath('events.1.date')).toBe('events-1-date');
    expect(fieldKeyOfIssuePath('profile.estimatedAge')).toBe('age');
    expect(fieldKeyOfIssuePath('narrative')).toBe('narrative');
  });
});

describe('valuesFromCase', () => {
  it('fills the form from a stored draft and its revealed details, and saves back the same', () => {
    const caseDto = {
      profile: { gender: 'Feminine', estimatedAge: 17, citizenships: ['ET'], languages: ['am'], education: null },
      victim: {
        relationshipToTrafficker: null,
        ageWhenTrafficked: 16,
        recruitmentMethods: [],
        recruitmentWebsites: ['TikTok'],
        controlMethods: ['WithholdsDocuments'],
        exploitationTypes: ['ForcedLabour'],
        labourIndustry: 'T_ActivitiesOfHouseholdsAsEmployers',
        sexExploitationTypes: [],
      },
      events: [
        {
          id: '0190a0b0-0000-7000-8000-000000000001',
          type: 'Transit',
          country: 'KE',
          countyCode: 30,
          place: null,
          date: null,
        },
      ],
      countyCode: 30,
    } as unknown as CaseDto;
    const v = valuesFromCase(caseDto, {
      identity: { firstName: 'Hana', middleName: null, lastName: 'T.', birthDate: null, identityNumber: null },
      contact: null,
      narrative: 'Kept at a house in Nakuru',
    });
    expect(v.person.ageBy).toBe('estimate');
    expect(v.person.estimatedAge).toBe('17');
    expect(v.victim.countyCode).toBe('30');
    const input = inputOfSteps(v, ['person', 'victim', 'route']);
    expect(input.profile?.estimatedAge).toBe(17);
    expect(input.victim?.labourIndustry).toBe('T_ActivitiesOfHouseholdsAsEmployers');
    expect(input.narrative).toBe('Kept at a house in Nakuru');
    expect(input.events?.[0]).toEqual({ type: 'Transit', country: 'KE', countyCode: 30, place: null, date: null });
  });
});
