import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  CASE_STATUSES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONTROL_METHODS,
  DECISION_MAKING_ORGS,
  DETERMINATION_STATES,
  EDUCATION_LEVELS,
  EVENT_TYPES,
  EXPLOITATION_TYPES,
  GENDERS,
  ILO_INDICATORS,
  LABOUR_INDUSTRIES,
  PALERMO_ACTS,
  PALERMO_MEANS,
  PALERMO_PURPOSES,
  PERSON_LANGUAGES,
  RECRUITMENT_METHODS,
  REFERRAL_KINDS,
  REFERRAL_REASONS,
  REFERRAL_STATUSES,
  RELATIONSHIPS_TO_TRAFFICKER,
  SERVICE_STATUSES,
  SERVICE_TYPES,
  SEX_EXPLOITATION_TYPES,
  SHARED_SECTIONS,
  suggestTraffickingStatus,
  TRAFFICKING_STATUSES,
  WEBSITES_AND_APPS,
  type ScreeningReason,
} from '@kinga/shared/picklists';
import type { MessageKey } from './en.ts';
import type { Translate } from './i18n.tsx';
import { countryName, languageName, vocabLabel, vocabOptions, type VocabList } from './vocab.ts';
import { vocabEn } from './vocab.en.ts';
import { vocabSw } from './vocab.sw.ts';

const LISTS: Record<VocabList, readonly string[]> = {
  gender: GENDERS,
  education: EDUCATION_LEVELS,
  personLanguage: PERSON_LANGUAGES,
  traffickingStatus: TRAFFICKING_STATUSES,
  decisionOrg: DECISION_MAKING_ORGS,
  relationship: RELATIONSHIPS_TO_TRAFFICKER,
  website: WEBSITES_AND_APPS,
  recruitmentMethod: RECRUITMENT_METHODS,
  controlMethod: CONTROL_METHODS,
  exploitationType: EXPLOITATION_TYPES,
  labourIndustry: LABOUR_INDUSTRIES,
  sexExploitationType: SEX_EXPLOITATION_TYPES,
  caseStatus: CASE_STATUSES,
  eventType: EVENT_TYPES,
  referralReason: REFERRAL_REASONS,
  serviceType: SERVICE_TYPES,
  serviceStatus: SERVICE_STATUSES,
  consentPurpose: CONSENT_PURPOSES,
  consentMethod: CONSENT_METHODS,
  sharedSection: SHARED_SECTIONS,
  referralKind: REFERRAL_KINDS,
  referralStatus: REFERRAL_STATUSES,
  palermoAct: PALERMO_ACTS,
  palermoMeans: PALERMO_MEANS,
  palermoPurpose: PALERMO_PURPOSES,
  iloIndicator: ILO_INDICATORS,
  determinationState: DETERMINATION_STATES,
  ageBand: AGE_BANDS,
};

/** Every ScreeningReason code; the Record makes the compiler flag a code added to the union. */
const SCREENING_REASONS = Object.keys({
  act_observed: true,
  act_missing: true,
  means_observed: true,
  means_from_ilo_indicators: true,
  means_missing: true,
  means_not_required_child: true,
  purpose_observed: true,
  purpose_from_ilo_indicators: true,
  purpose_missing: true,
  age_unknown: true,
  all_elements: true,
  some_elements: true,
  no_elements: true,
} satisfies Record<ScreeningReason['code'], true>);

const expectedKeys = [
  ...Object.entries(LISTS).flatMap(([list, codes]) => codes.map((code) => `${list}.${code}`)),
  ...SCREENING_REASONS.map((code) => `screeningReason.${code}`),
];

describe('case-management vocabulary labels', () => {
  it.each(Object.entries(LISTS))('every %s code has an English and a Swahili label', (list, codes) => {
    const missing = codes
      .map((code) => `${list}.${code}`)
      .filter((key) => !Object.hasOwn(vocabEn, key) || !Object.hasOwn(vocabSw, key));
    expect(missing).toEqual([]);
  });

  it('every screening reason has an English and a Swahili explanation', () => {
    const reasons = suggestTraffickingStatus({
      acts: [],
      means: [],
      purposes: [],
      iloIndicators: [],
      ageAtExploitation: null,
    }).reasons.map((r) => r.code);
    for (const code of [...SCREENING_REASONS, ...reasons]) {
      expect(vocabEn).toHaveProperty([`screeningReason.${code}`]);
      expect(vocabSw).toHaveProperty([`screeningReason.${code}`]);
    }
  });

  it('has no key for a code that is not in the vocabulary', () => {
    expect(Object.keys(vocabEn).sort()).toEqual([...expectedKeys].sort());
    expect(Object.keys(vocabSw).sort()).toEqual([...expectedKeys].sort());
  });

  it('has no empty label in either language', () => {
    const empty = [...Object.entries(vocabEn), ...Object.entries(vocabSw)].filter(([, label]) => label.trim() === '');
    expect(empty).toEqual([]);
  });

  it('translates Swahili labels rather than copying the English', () => {
    expect(vocabSw['exploitationType.ForcedLabour']).toBe('Kazi ya lazima');
    expect(vocabSw['caseStatus.Active']).toBe('Inaendelea');
    expect(vocabSw['eventType.Transit']).toBe('Kupitia');
  });
});

describe('vocabLabel and vocabOptions', () => {
  const t: Translate = (key: MessageKey) => vocabSw[key as keyof typeof vocabSw] ?? `!${key}`;

  it('labels a known code in the language of t, and falls back to an unknown code itself', () => {
    expect(vocabLabel(t, 'caseStatus', 'FollowUp')).toBe('Ufuatiliaji');
    expect(vocabLabel(t, 'caseStatus', 'Archived')).toBe('Archived');
  });

  it('keeps the order of the codes', () => {
    expect(vocabOptions(t, 'consentMethod', ['verbal', 'written'])).toEqual([
      { value: 'verbal', label: 'Kwa mdomo' },
      { value: 'written', label: 'Kwa maandishi' },
    ]);
  });
});

describe('countryName and languageName', () => {
  it('names countries from Intl, falling back to the code', () => {
    expect(countryName('en', 'KE')).toBe('Kenya');
    expect(countryName('sw', 'TZ')).not.toBe('TZ');
    expect(countryName('en', 'not-a-code')).toBe('not-a-code');
  });

  it('names languages from Intl, and "other" from the catalogue', () => {
    expect(languageName('en', 'sw')).toBe('Swahili');
    expect(languageName('sw', 'en')).toBe('Kiingereza');
    expect(languageName('en', 'other')).toBe('Other');
    expect(languageName('sw', 'other')).toBe('Nyingine');
    expect(languageName('en', 'luo')).not.toBe('luo');
  });
});
