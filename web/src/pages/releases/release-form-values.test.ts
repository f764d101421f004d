import { describe, expect, it } from 'vitest';
import { createReleaseSchema } from '@kinga/shared';
import { DEFAULT_QUASI_IDENTIFIERS, RELEASE_ATTRIBUTE_GROUPS } from '@kinga/shared/picklists';
import type { MessageKey } from '../../i18n/en.ts';
import { en } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { interpolate } from '../../i18n/interpolate.ts';
import { sw } from '../../i18n/sw.ts';
import { attributeLabel, attributeLabelWithName, generalisationLabel } from './release-labels.ts';
import {
  chosenQuasiIdentifiers,
  initialReleaseValues,
  releaseFieldOfPath,
  validateRelease,
  type ReleaseFormValues,
} from './release-form-values.ts';

const tEn: Translate = (key: MessageKey, values) => interpolate(en[key], values);
const tSw: Translate = (key: MessageKey, values) => interpolate(sw[key], values);

const form = (changes: Partial<ReleaseFormValues>): ReleaseFormValues => ({
  ...initialReleaseValues(),
  title: 'Kenya 2015–2018',
  ...changes,
});

describe('validateRelease', () => {
  it('builds a DP request from the defaults that the server schema accepts', () => {
    const { input, problems } = validateRelease(form({ reportingLength: '2' }));
    expect(problems).toEqual({});
    expect(input).toMatchObject({ method: 'dp_synthetic', dp: { epsilon: 4, delta: 1e-6, reportingLength: 2 } });
    expect(input && 'kAnonymity' in input).toBe(false);
    expect(createReleaseSchema.safeParse(input).success).toBe(true);
  });

  it('builds a k-anonymity request with the share as a fraction and the default quasi-identifiers among the chosen', () => {
    const { input } = validateRelease(
      form({ method: 'k_anonymity', attributes: ['gender', 'ageBroad', 'isForcedLabour'], maxSuppression: '2.5' }),
    );
    expect(input).toMatchObject({
      method: 'k_anonymity',
      attributes: ['gender', 'ageBroad', 'isForcedLabour'],
      kAnonymity: { k: 11, quasiIdentifiers: ['gender', 'ageBroad'], maxSuppression: 0.025 },
    });
    expect(createReleaseSchema.safeParse(input).success).toBe(true);
  });

  it('keeps attributes in CTDC order and quasi-identifiers within the attributes', () => {
    const values = form({ attributes: ['isForcedLabour', 'gender'], quasiIdentifiers: ['citizenship', 'gender'] });
    expect(chosenQuasiIdentifiers(values)).toEqual(['gender']);
    expect(validateRelease(values).input?.attributes).toEqual(['gender', 'isForcedLabour']);
  });

  it('names every field that is wrong and sends nothing', () => {
    const { input, problems } = validateRelease(
      form({
        title: ' ',
        attributes: [],
        from: '2016-13',
        epsilon: '0',
        delta: '0.5',
        reportingLength: '5',
        fabricationThreshold: '-1',
      }),
    );
    expect(input).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(
      ['attributes', 'delta', 'epsilon', 'fabricationThreshold', 'from', 'reportingLength', 'title'].sort(),
    );
  });

  it('refuses a period that ends before it starts, and k-anonymity without quasi-identifiers', () => {
    expect(validateRelease(form({ from: '2018', to: '2017-12' })).problems.to?.key).toBe('releases.error.periodOrder');
    expect(validateRelease(form({ from: '2018-03', to: '2018' })).problems).toEqual({});
    const noQis = validateRelease(form({ method: 'k_anonymity', quasiIdentifiers: [] }));
    expect(noQis.problems.quasiIdentifiers?.key).toBe('releases.error.qiRequired');
    expect(validateRelease(form({ method: 'k_anonymity', k: '1' })).problems.k?.key).toBe('releases.error.integer');
  });
});

describe('releaseFieldOfPath', () => {
  it('puts nested parameter issues on their own field', () => {
    expect(releaseFieldOfPath('body.dp.epsilon')).toBe('epsilon');
    expect(releaseFieldOfPath('body.kAnonymity.quasiIdentifiers')).toBe('quasiIdentifiers');
    expect(releaseFieldOfPath('body.attributes.2')).toBe('attributes');
    expect(releaseFieldOfPath('body.kAnonymity')).toBe('kAnonymity');
  });
});

describe('attribute labels', () => {
  it('translates every attribute of the form in both languages, never showing the raw name alone', () => {
    for (const attribute of Object.values(RELEASE_ATTRIBUTE_GROUPS).flat()) {
      expect(attributeLabel(tEn, attribute), attribute).not.toBe(attribute);
      expect(attributeLabel(tSw, attribute), attribute).not.toBe(attribute);
    }
    expect(attributeLabelWithName(tEn, 'isForcedLabour')).toBe('Forced labour (isForcedLabour)');
    expect(attributeLabelWithName(tSw, 'ageBroad')).toBe('Kundi la umri (ageBroad)');
    expect(DEFAULT_QUASI_IDENTIFIERS.map((a) => attributeLabel(tEn, a))).toContain('Sex');
  });

  it('names the generalisation levels the server reports, and shows a new one as the server wrote it', () => {
    expect(generalisationLabel(tEn, 'UN region')).toBe('UN region');
    expect(generalisationLabel(tSw, 'minor/adult')).toBe('mtoto au mtu mzima');
    expect(generalisationLabel(tEn, 'withheld')).toBe('withheld (published empty)');
    expect(generalisationLabel(tEn, 'decade')).toBe('decade');
  });
});
