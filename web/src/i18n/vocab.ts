import type { Language } from '@kinga/shared/picklists';
import type { Translate } from './i18n.tsx';
import { vocabEn } from './vocab.en.ts';
import { vocabSw } from './vocab.sw.ts';
import { plansVocabEn } from './plans-vocab.en.ts';

/** The lists of the case-management vocabulary; each labels its codes under `<list>.<code>`. */
export type VocabList =
  | 'gender'
  | 'education'
  | 'personLanguage'
  | 'traffickingStatus'
  | 'decisionOrg'
  | 'relationship'
  | 'website'
  | 'recruitmentMethod'
  | 'controlMethod'
  | 'exploitationType'
  | 'labourIndustry'
  | 'sexExploitationType'
  | 'caseStatus'
  | 'eventType'
  | 'referralReason'
  | 'serviceType'
  | 'serviceStatus'
  | 'consentPurpose'
  | 'consentMethod'
  | 'sharedSection'
  | 'referralKind'
  | 'referralStatus'
  | 'palermoAct'
  | 'palermoMeans'
  | 'palermoPurpose'
  | 'iloIndicator'
  | 'determinationState'
  | 'ageBand';

/** The lists of the Plan of Action and coordination vocabulary (labels in plans-vocab.{en,sw}.ts). */
export type PlansVocabList =
  | 'pillar'
  | 'activityArea'
  | 'coordinationBody'
  | 'membershipRole'
  | 'meetingKind'
  | 'meetingStatus'
  | 'attendance'
  | 'actionItemStatus'
  | 'planVersionStatus'
  | 'planTransition'
  | 'elementKind'
  | 'indicatorFrequency'
  | 'reportingFrequency'
  | 'disaggregation'
  | 'sexCategory'
  | 'ageGroupCategory'
  | 'indicatorDirection'
  | 'indicatorAggregation'
  | 'indicatorSource'
  | 'activityProgress'
  | 'reportStatus'
  | 'indicatorStatus';

function isVocabKey(key: string): key is keyof typeof vocabEn | keyof typeof plansVocabEn {
  return Object.hasOwn(vocabEn, key) || Object.hasOwn(plansVocabEn, key);
}

/** The label of one code in the reader's language; the code itself when it has none (e.g. an older code). */
export function vocabLabel(t: Translate, list: VocabList | PlansVocabList, code: string): string {
  const key = `${list}.${code}`;
  // Every vocabulary key is a catalogue key (en.ts spreads vocabEn), so `t` accepts it as is.
  return isVocabKey(key) ? t(key) : code;
}

/** Options for a select or checkbox group, in the order of `codes`. */
export function vocabOptions(
  t: Translate,
  list: VocabList | PlansVocabList,
  codes: readonly string[],
): { value: string; label: string }[] {
  return codes.map((code) => ({ value: code, label: vocabLabel(t, list, code) }));
}

type DisplayNameType = 'region' | 'language';
const displayNames = new Map<string, Intl.DisplayNames | null>();

/** Intl's display names for one language and type, made once; null where the runtime lacks them. */
function displayNamesOf(language: Language, type: DisplayNameType): Intl.DisplayNames | null {
  const cacheKey = `${language}:${type}`;
  let names = displayNames.get(cacheKey);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([language], { type, fallback: 'code' });
    } catch {
      names = null;
    }
    displayNames.set(cacheKey, names);
  }
  return names;
}

function displayName(language: Language, type: DisplayNameType, code: string): string | null {
  const names = displayNamesOf(language, type);
  if (!names) return null;
  try {
    const name = names.of(code);
    return name && name !== code ? name : null;
  } catch {
    // A malformed code (not a region or language subtag) makes `of` throw.
    return null;
  }
}

/** A country's name from its ISO 3166-1 alpha-2 code, from the runtime's CLDR data, never hand-translated. */
export function countryName(language: Language, iso2: string): string {
  return displayName(language, 'region', iso2.toUpperCase()) ?? iso2;
}

/** Codes of PERSON_LANGUAGES that Intl may not name (not ISO 639-1, or not a language at all). */
const LANGUAGE_FALLBACKS = ['other', 'luo', 'kam'] as const;

/**
 * A language's name from its ISO 639 code, from the runtime's CLDR data; for 'other', 'luo'
 * and 'kam' the catalogue's label when the runtime does not know them.
 */
export function languageName(language: Language, code: string): string {
  const name = code === 'other' ? null : displayName(language, 'language', code);
  if (name) return name;
  if ((LANGUAGE_FALLBACKS as readonly string[]).includes(code)) {
    const key = `personLanguage.${code}` as keyof typeof vocabEn;
    return (language === 'sw' ? vocabSw : vocabEn)[key];
  }
  return code;
}
