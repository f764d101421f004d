import {
  AGE_BANDS,
  KENYA_COUNTIES,
  LANGUAGES,
  STAT_DATA_SOURCES,
  STAT_FLAG_FAMILIES,
  STAT_GENDERS,
  STAT_SOURCES,
  type Language,
  type StatDimension,
  type StatFlagFamily,
} from '@kinga/shared/picklists';
import type { MessageKey } from '../../../i18n/en.ts';
import type { Translate } from '../../../i18n/i18n.tsx';
import { analyticsVocabEn } from '../../../i18n/analytics-vocab.en.ts';
import { countryName, vocabLabel } from '../../../i18n/vocab.ts';

/** Dimensions whose keys are codes of a fixed list, in the order the list gives them. */
const ORDERED_LISTS: Partial<Record<StatDimension, readonly string[]>> = {
  source: STAT_SOURCES,
  dataSource: STAT_DATA_SOURCES,
  gender: STAT_GENDERS,
  ageBand: AGE_BANDS,
  ...STAT_FLAG_FAMILIES,
};

const COUNTRY_DIMENSIONS: readonly StatDimension[] = [
  'citizenship',
  'countryOfOrigin',
  'originOrCitizenship',
  'countryOfTransit',
  'countryOfExploitation',
];
const COUNTY_DIMENSIONS: readonly StatDimension[] = ['countyOfOrigin', 'countyOfExploitation'];

/** True for the multi-valued attributes stored as flags (a record may have none of them). */
export function isFlagFamily(dimension: StatDimension): dimension is StatFlagFamily {
  return Object.hasOwn(STAT_FLAG_FAMILIES, dimension);
}

function isCatalogueKey(key: string): key is keyof typeof analyticsVocabEn {
  return Object.hasOwn(analyticsVocabEn, key);
}

/** The language of the catalogue behind `t` (each catalogue names its own language). */
export function languageOf(t: Translate): Language {
  const language = t('statVocab.language');
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
}

/** "Mar 2016" for "2016-03", in the language of `t`; the key itself if it is not a month. */
function monthLabel(t: Translate, key: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const locale = languageOf(t) === 'sw' ? 'sw-KE' : 'en-KE';
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * The translated label of one key of any statistics dimension: a year as is, a month as
 * "Mar 2016", a country's name, a county's name, a vocabulary label; null is "Unknown"
 * ("None recorded" for a flag family, where null counts records with no flag set).
 */
export function statKeyLabel(t: Translate, dimension: StatDimension, key: string | null): string {
  if (key === null) return t(isFlagFamily(dimension) ? 'statVocab.noneRecorded' : 'statVocab.unknown');
  if (dimension === 'year') return key;
  if (dimension === 'month') return monthLabel(t, key);
  if (dimension === 'ageBand') return vocabLabel(t, 'ageBand', key);
  if (COUNTRY_DIMENSIONS.includes(dimension)) return countryName(languageOf(t), key);
  if (COUNTY_DIMENSIONS.includes(dimension)) {
    return KENYA_COUNTIES.find((c) => String(c.code) === key)?.name ?? key;
  }
  const catalogueKey = `statVocab.${dimension}.${key}`;
  return isCatalogueKey(catalogueKey) ? t(catalogueKey) : key;
}

/** The translated name of a dimension ("Sex", "Means of control"). */
export function statDimensionLabel(t: Translate, dimension: StatDimension): string {
  return t(`statVocab.dimension.${dimension}` satisfies MessageKey);
}

/**
 * Compares two keys of a dimension: vocabulary order for listed codes, numbers for
 * counties, text for years and months; unknown last.
 */
export function compareStatKeys(dimension: StatDimension, a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const list = ORDERED_LISTS[dimension];
  if (list) {
    const ia = list.indexOf(a);
    const ib = list.indexOf(b);
    return (ia < 0 ? list.length : ia) - (ib < 0 ? list.length : ib) || (a < b ? -1 : 1);
  }
  if (COUNTY_DIMENSIONS.includes(dimension)) return Number(a) - Number(b);
  return a < b ? -1 : 1;
}
