import { describe, expect, it } from 'vitest';
import type { ElementFields } from '@kinga/shared';
import type { MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { interpolate } from '../../i18n/interpolate.ts';
import { plansVocabEn } from '../../i18n/plans-vocab.en.ts';
import { plansEn } from '../../i18n/plans.en.ts';
import { plansSw } from '../../i18n/plans.sw.ts';
import { emptyValues, inputOf, valuesOf } from './element-form-values.ts';
import { FIELD_ORDER, byFieldOrder, fieldLabel, formatFieldValue, type ValueContext } from './element-values.ts';

const catalogue: Record<string, string> = { ...plansVocabEn, ...plansEn };
const t: Translate = (key: MessageKey, values) => interpolate(catalogue[key] ?? `!${key}`, values);

const ctx: ValueContext = {
  t,
  locale: 'en-KE',
  currency: 'KES',
  agencyName: (id) => ({ a1: 'Ministry of Labour', a2: 'National Police Service' })[id] ?? 'Unknown agency',
  countyName: (code) => ({ 1: 'Mombasa', 47: 'Nairobi' })[code] ?? String(code),
  elementLabel: (key) => (key === 'o1' ? '1.2 Safe labour migration' : 'An element not in these versions'),
};

describe('formatFieldValue', () => {
  it('names vocabulary codes, agencies, counties and parents', () => {
    expect(formatFieldValue('area', 'safe_migration', ctx)).toBe('Safe labour migration');
    expect(formatFieldValue('disaggregations', ['sex', 'county'], ctx)).toBe('Sex, County');
    expect(formatFieldValue('source', 'cases.victims_identified', ctx)).toBe('Victims identified (from cases)');
    expect(formatFieldValue('leadAgencyId', 'a1', ctx)).toBe('Ministry of Labour');
    expect(formatFieldValue('supportingAgencyIds', ['a2', 'a1'], ctx)).toBe(
      'National Police Service, Ministry of Labour',
    );
    expect(formatFieldValue('countyCodes', [47, 1], ctx)).toBe('Nairobi, Mombasa');
    expect(formatFieldValue('parentKey', 'o1', ctx)).toBe('1.2 Safe labour migration');
  });

  it('says national for no counties and none for an empty value', () => {
    expect(formatFieldValue('countyCodes', [], ctx)).toBe('National (whole country)');
    expect(formatFieldValue('leadAgencyId', null, ctx)).toBe('None');
    expect(formatFieldValue('supportingAgencyIds', [], ctx)).toBe('None');
    expect(formatFieldValue('description', undefined, ctx)).toBe('None');
  });

  it('formats money, dates, targets and plain numbers', () => {
    expect(formatFieldValue('budget', 2_500_000, ctx)).toMatch(/2,500,000/);
    expect(formatFieldValue('budget', 2_500_000, ctx)).toMatch(/Ksh|KES/);
    expect(formatFieldValue('startDate', '2027-01-15', ctx)).toMatch(/2027/);
    expect(
      formatFieldValue(
        'targets',
        [
          { year: 2028, value: 200 },
          { year: 2027, value: 1500 },
        ],
        ctx,
      ),
    ).toBe('2027: 1,500; 2028: 200');
    expect(formatFieldValue('baseline', 1234.5, ctx)).toBe('1,234.5');
    expect(formatFieldValue('baselineYear', 2025, ctx)).toBe('2025');
    expect(formatFieldValue('title', 'Train labour inspectors', ctx)).toBe('Train labour inspectors');
  });

  it('falls back to the code for a code it does not know', () => {
    expect(formatFieldValue('area', 'astrology', ctx)).toBe('astrology');
  });
});

describe('field labels', () => {
  it('labels every field the forms and the comparison show, in both languages', () => {
    const missing = FIELD_ORDER.filter(
      (field) => !Object.hasOwn(plansEn, `plans.field.${field}`) || !Object.hasOwn(plansSw, `plans.field.${field}`),
    );
    expect(missing).toEqual([]);
    expect(fieldLabel(t, 'leadAgencyId')).toBe('Lead agency');
    expect(fieldLabel(t, 'somethingNew')).toBe('somethingNew');
  });

  it('orders field changes as the form does, unknown fields last', () => {
    const sorted = byFieldOrder([{ field: 'zzz' }, { field: 'budget' }, { field: 'title' }]);
    expect(sorted.map((f) => f.field)).toEqual(['title', 'budget', 'zzz']);
  });
});

describe('element form values', () => {
  it('builds an activity from what was typed, national when no county is chosen', () => {
    const values = {
      ...emptyValues(),
      title: '  Train labour inspectors  ',
      area: 'training',
      leadAgencyId: 'a1',
      supportingAgencyIds: ['a1', 'a2'],
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      budget: '1,500,000',
    };
    const result = inputOf('activity', 'o1', values);
    expect(result.problems).toBeNull();
    expect(result.input).toEqual({
      kind: 'activity',
      parentKey: 'o1',
      title: 'Train labour inspectors',
      description: null,
      area: 'training',
      leadAgencyId: 'a1',
      // The lead agency is not also a supporting one.
      supportingAgencyIds: ['a2'],
      countyCodes: [],
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      budget: 1_500_000,
    });
  });

  it('finds problems before sending: required title, a bad number, dates the wrong way round', () => {
    const result = inputOf('activity', 'o1', {
      ...emptyValues(),
      budget: 'a lot',
      startDate: '2028-01-01',
      endDate: '2027-01-01',
    });
    expect(result.problems).toEqual({ title: 'required', budget: 'number', endDate: 'dateRange' });
    expect(inputOf('activity', 'o1', { ...emptyValues(), title: 'x', budget: '-5' }).problems).toEqual({
      budget: 'notNegative',
    });
  });

  it('builds an indicator with a target per year, skipping empty years', () => {
    const result = inputOf('indicator', 'a1', {
      ...emptyValues(),
      title: 'Victims identified',
      unit: 'victims',
      baseline: '120',
      baselineYear: '2025',
      targets: { '2028': '200', '2027': '150', '2029': '' },
      disaggregations: ['county', 'sex'],
      source: 'cases.victims_identified',
    });
    expect(result.problems).toBeNull();
    expect(result.input).toMatchObject({
      kind: 'indicator',
      unit: 'victims',
      baseline: 120,
      baselineYear: 2025,
      targets: [
        { year: 2027, value: 150 },
        { year: 2028, value: 200 },
      ],
      disaggregations: ['sex', 'county'],
      frequency: 'quarterly',
      direction: 'increase',
      aggregation: 'sum',
      source: 'cases.victims_identified',
    });
  });

  it('requires an indicator unit and checks its years and targets', () => {
    const result = inputOf('indicator', 'a1', {
      ...emptyValues(),
      title: 'Victims identified',
      baselineYear: '25',
      targets: { '2027': 'many' },
    });
    expect(result.problems).toEqual({ unit: 'required', baselineYear: 'year', targets: 'number' });
  });

  it('reads an element back into the form unchanged', () => {
    const fields: ElementFields = {
      kind: 'indicator',
      parentKey: 'a1',
      title: 'Officers trained',
      description: 'Police and labour inspectors',
      definition: null,
      unit: 'officers',
      baseline: 0,
      baselineYear: 2025,
      targets: [{ year: 2027, value: 300 }],
      frequency: 'annual',
      meansOfVerification: 'Training registers',
      disaggregations: ['sex'],
      direction: 'increase',
      aggregation: 'sum',
      source: 'manual',
    };
    const back = inputOf('indicator', 'a1', valuesOf(fields));
    expect(back.input).toEqual(fields);
  });
});
