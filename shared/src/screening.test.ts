import { describe, expect, it } from 'vitest';
import { suggestTraffickingStatus, type ScreeningObservations } from './screening.ts';

const none: ScreeningObservations = { acts: [], means: [], purposes: [], iloIndicators: [], ageAtExploitation: null };

describe('suggestTraffickingStatus', () => {
  // Each row: who, what was observed, the status the tool must suggest.
  const table: [string, Partial<ScreeningObservations>, string][] = [
    [
      'adult: act, means, purpose',
      { ageAtExploitation: 25, acts: ['Recruitment'], means: ['Deception'], purposes: ['ForcedLabourOrServices'] },
      'ActualVictimOfTrafficking',
    ],
    [
      'adult: act and purpose, no means',
      { ageAtExploitation: 30, acts: ['Recruitment'], purposes: ['SexualExploitation'] },
      'PossibleVictimOfTrafficking',
    ],
    [
      'adult: means inferred from ILO deception',
      { ageAtExploitation: 22, acts: ['Transportation'], iloIndicators: ['Deception'], purposes: ['Servitude'] },
      'ActualVictimOfTrafficking',
    ],
    [
      'adult: purpose inferred from two ILO indicators',
      {
        ageAtExploitation: 40,
        acts: ['Harbouring'],
        means: ['Fraud'],
        iloIndicators: ['ExcessiveOvertime', 'WithholdingOfWages'],
      },
      'ActualVictimOfTrafficking',
    ],
    [
      'adult: one ILO working-condition indicator only',
      { ageAtExploitation: 40, iloIndicators: ['ExcessiveOvertime'] },
      'PossibleVictimOfTrafficking',
    ],
    ['adult: nothing observed', { ageAtExploitation: 35 }, 'NotAVictimOfTrafficking'],
    [
      'child: act and purpose, no means',
      { ageAtExploitation: 15, acts: ['Recruitment'], purposes: ['ChildLabour'] },
      'ActualVictimOfTrafficking',
    ],
    [
      'child at 17: act and purpose',
      { ageAtExploitation: 17, acts: ['Receipt'], purposes: ['ChildMarriage'] },
      'ActualVictimOfTrafficking',
    ],
    [
      'adult at 18: act and purpose is not enough',
      { ageAtExploitation: 18, acts: ['Receipt'], purposes: ['ForcedMarriage'] },
      'PossibleVictimOfTrafficking',
    ],
    [
      'child: purpose without act',
      { ageAtExploitation: 12, purposes: ['SexualExploitation'] },
      'PossibleVictimOfTrafficking',
    ],
    ['child: act without purpose', { ageAtExploitation: 12, acts: ['Transfer'] }, 'PossibleVictimOfTrafficking'],
    ['child: nothing observed', { ageAtExploitation: 10 }, 'NotAVictimOfTrafficking'],
    [
      'age unknown: act and purpose needs means',
      { acts: ['Recruitment'], purposes: ['SexualExploitation'] },
      'PossibleVictimOfTrafficking',
    ],
    [
      'age unknown: all three',
      { acts: ['Recruitment'], means: ['Abduction'], purposes: ['OrganRemoval'] },
      'ActualVictimOfTrafficking',
    ],
  ];

  it.each(table)('%s', (_name, observed, expected) => {
    expect(suggestTraffickingStatus({ ...none, ...observed }).suggestedStatus).toBe(expected);
  });

  it('explains the child rule', () => {
    const result = suggestTraffickingStatus({
      ...none,
      ageAtExploitation: 16,
      acts: ['Recruitment'],
      purposes: ['ChildLabour'],
    });
    expect(result.child).toBe(true);
    expect(result.elements).toEqual({ act: true, means: 'not_required', purpose: true });
    expect(result.reasons.map((r) => r.code)).toEqual([
      'act_observed',
      'means_not_required_child',
      'purpose_observed',
      'all_elements',
    ]);
  });

  it('says when the age is unknown and which element is missing', () => {
    const result = suggestTraffickingStatus({ ...none, acts: ['Recruitment'], purposes: ['SexualExploitation'] });
    expect(result.child).toBeNull();
    expect(result.reasons.map((r) => r.code)).toEqual([
      'age_unknown',
      'act_observed',
      'means_missing',
      'purpose_observed',
      'some_elements',
    ]);
  });
});
