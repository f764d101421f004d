import type { Translate } from '../../i18n/i18n.tsx';
import { plansEn } from '../../i18n/plans.en.ts';
import { vocabLabel, type PlansVocabList } from '../../i18n/vocab.ts';
import { formatDay } from '../cases/case-format.ts';
import { formatMoney } from './plan-format.ts';

/** What turns ids and codes into names when an element's field is shown. */
export interface ValueContext {
  t: Translate;
  locale: string;
  currency: string;
  agencyName: (id: string) => string;
  countyName: (code: number) => string;
  /** "1.2 Title" of another element of the plan, by key. */
  elementLabel: (key: string) => string;
}

/** Fields whose value is a code of a vocabulary list. */
const VOCAB_FIELDS: Record<string, PlansVocabList> = {
  pillar: 'pillar',
  area: 'activityArea',
  frequency: 'indicatorFrequency',
  disaggregations: 'disaggregation',
  direction: 'indicatorDirection',
  aggregation: 'indicatorAggregation',
  source: 'indicatorSource',
  kind: 'elementKind',
};

/** The order fields are listed in, whatever order the server sends them in. */
export const FIELD_ORDER = [
  'kind',
  'parentKey',
  'position',
  'title',
  'description',
  'pillar',
  'area',
  'leadAgencyId',
  'supportingAgencyIds',
  'countyCodes',
  'startDate',
  'endDate',
  'budget',
  'definition',
  'unit',
  'baseline',
  'baselineYear',
  'targets',
  'frequency',
  'meansOfVerification',
  'disaggregations',
  'direction',
  'aggregation',
  'source',
] as const;

function isPlansKey(key: string): key is keyof typeof plansEn {
  return Object.hasOwn(plansEn, key);
}

/** The label of an element field ("leadAgencyId" → "Lead agency"); the field's name when it has none. */
export function fieldLabel(t: Translate, field: string): string {
  const key = `plans.field.${field}`;
  // Every key of plansEn is a catalogue key (en.ts spreads it), so `t` accepts it as is.
  return isPlansKey(key) ? t(key) : field;
}

/** Sorts field changes into FIELD_ORDER; unknown fields go last, in their own order. */
export function byFieldOrder<T extends { field: string }>(items: readonly T[]): T[] {
  const rank = (field: string) => {
    const index = (FIELD_ORDER as readonly string[]).indexOf(field);
    return index === -1 ? FIELD_ORDER.length : index;
  };
  return [...items].sort((a, b) => rank(a.field) - rank(b.field));
}

function isTarget(value: unknown): value is { year: number; value: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { year?: unknown }).year === 'number' &&
    typeof (value as { value?: unknown }).value === 'number'
  );
}

/** A value as plain text: strings as they are, numbers in the locale, anything else as JSON. */
function plainText(value: unknown, ctx: ValueContext): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 6 }).format(value);
  if (typeof value === 'boolean') return value ? ctx.t('plans.value.yes') : ctx.t('plans.value.no');
  return JSON.stringify(value) ?? '';
}

/**
 * One field's value for people: vocabulary labels for codes, agency and county names for
 * ids, dates and money in the reader's locale, and "none" for an empty value.
 */
export function formatFieldValue(field: string, value: unknown, ctx: ValueContext): string {
  const { t, locale } = ctx;
  if (field === 'countyCodes' && Array.isArray(value) && value.length === 0) return t('plans.value.national');
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('plans.value.none');
  }
  const list = VOCAB_FIELDS[field];
  if (list) {
    const codes: unknown[] = Array.isArray(value) ? value : [value];
    return codes.map((code) => vocabLabel(t, list, plainText(code, ctx))).join(', ');
  }
  switch (field) {
    case 'leadAgencyId':
      if (typeof value === 'string') return ctx.agencyName(value);
      break;
    case 'supportingAgencyIds':
      if (Array.isArray(value)) return value.map((id) => ctx.agencyName(plainText(id, ctx))).join(', ');
      break;
    case 'countyCodes':
      if (Array.isArray(value)) return value.map((code) => ctx.countyName(Number(code))).join(', ');
      break;
    case 'parentKey':
      if (typeof value === 'string') return ctx.elementLabel(value);
      break;
    case 'startDate':
    case 'endDate':
      if (typeof value === 'string') return formatDay(value, locale);
      break;
    case 'budget':
      if (typeof value === 'number') return formatMoney(value, ctx.currency, locale);
      break;
    case 'baselineYear':
      // A year reads without a thousands separator.
      if (typeof value === 'number') return String(value);
      break;
    case 'targets':
      if (Array.isArray(value) && value.every(isTarget)) {
        return [...value]
          .sort((a, b) => a.year - b.year)
          .map((target) => t('plans.value.target', { year: target.year, value: plainText(target.value, ctx) }))
          .join('; ');
      }
      break;
    default:
      break;
  }
  return plainText(value, ctx);
}
