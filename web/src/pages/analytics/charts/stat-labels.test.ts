import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  STAT_DATA_SOURCES,
  STAT_DIMENSIONS,
  STAT_FLAG_FAMILIES,
  STAT_GENDERS,
  STAT_SOURCES,
} from '@kinga/shared/picklists';
import { en, type MessageKey } from '../../../i18n/en.ts';
import { sw } from '../../../i18n/sw.ts';
import type { Translate } from '../../../i18n/i18n.tsx';
import { analyticsVocabEn } from '../../../i18n/analytics-vocab.en.ts';
import { analyticsVocabSw } from '../../../i18n/analytics-vocab.sw.ts';
import { compareStatKeys, statDimensionLabel, statKeyLabel } from './stat-labels.ts';

const tEn: Translate = (key: MessageKey, values) =>
  Object.entries(values ?? {}).reduce((m, [k, v]) => m.replace(`{${k}}`, String(v)), en[key]);
const tSw: Translate = (key: MessageKey, values) =>
  Object.entries(values ?? {}).reduce((m, [k, v]) => m.replace(`{${k}}`, String(v)), sw[key]);

const VOCAB_LISTS = {
  source: STAT_SOURCES,
  dataSource: STAT_DATA_SOURCES,
  gender: STAT_GENDERS,
  ...STAT_FLAG_FAMILIES,
};

describe('analytics vocabulary labels', () => {
  it.each(Object.entries(VOCAB_LISTS))('every %s value has an English and a Swahili label', (list, values) => {
    const missing = values
      .map((value) => `statVocab.${list}.${value}`)
      .filter((key) => !Object.hasOwn(analyticsVocabEn, key) || !Object.hasOwn(analyticsVocabSw, key));
    expect(missing).toEqual([]);
  });

  it('names every dimension in both languages', () => {
    for (const dimension of STAT_DIMENSIONS) {
      expect(statDimensionLabel(tEn, dimension)).not.toMatch(/statVocab/);
      expect(statDimensionLabel(tSw, dimension)).not.toBe(statDimensionLabel(tEn, dimension));
    }
  });

  it('labels no value twice within a list, so a chart never shows two bars with one name', () => {
    for (const [list, values] of Object.entries(VOCAB_LISTS)) {
      for (const t of [tEn, tSw]) {
        const labels = values.map((v) => statKeyLabel(t, list as keyof typeof VOCAB_LISTS, v));
        expect(new Set(labels).size, list).toBe(labels.length);
      }
    }
  });
});

describe('statKeyLabel', () => {
  it('labels vocabulary codes in the language of t', () => {
    expect(statKeyLabel(tEn, 'control', 'DebtBondage')).toBe('Debt bondage');
    expect(statKeyLabel(tSw, 'control', 'DebtBondage')).toBe('Utumwa wa madeni');
    expect(statKeyLabel(tEn, 'gender', 'Female')).toBe('Female');
    expect(statKeyLabel(tSw, 'exploitation', 'ForcedLabour')).toBe('Kazi ya lazima');
    expect(statKeyLabel(tEn, 'source', 'ctdc')).toBe('Imported CTDC records');
  });

  it('reuses the case vocabulary for age bands', () => {
    expect(statKeyLabel(tEn, 'ageBand', '18-20')).toBe('18–20 years');
    expect(statKeyLabel(tSw, 'ageBand', '48+')).toBe('Miaka 48 au zaidi');
  });

  it('shows years as they are and months by name', () => {
    expect(statKeyLabel(tEn, 'year', '2016')).toBe('2016');
    expect(statKeyLabel(tEn, 'month', '2016-03')).toBe('Mar 2016');
    expect(statKeyLabel(tSw, 'month', '2016-03')).toMatch(/2016/);
    expect(statKeyLabel(tSw, 'month', '2016-03')).not.toBe('Mar 2016');
  });

  it('names countries from their ISO-2 code and counties from their code', () => {
    expect(statKeyLabel(tEn, 'citizenship', 'KE')).toBe('Kenya');
    expect(statKeyLabel(tEn, 'countryOfExploitation', 'SA')).toBe('Saudi Arabia');
    expect(statKeyLabel(tSw, 'originOrCitizenship', 'TZ')).not.toBe('TZ');
    expect(statKeyLabel(tEn, 'countyOfOrigin', '47')).toBe('Nairobi');
    expect(statKeyLabel(tEn, 'countyOfExploitation', '1')).toBe('Mombasa');
  });

  it('calls null "Unknown", and "None recorded" for a flag family', () => {
    expect(statKeyLabel(tEn, 'gender', null)).toBe('Unknown');
    expect(statKeyLabel(tSw, 'citizenship', null)).toBe('Haijulikani');
    expect(statKeyLabel(tEn, 'control', null)).toBe('None recorded');
    expect(statKeyLabel(tSw, 'labour', null)).toBe('Hakuna kilichorekodiwa');
  });

  it('falls back to an unknown code itself', () => {
    expect(statKeyLabel(tEn, 'control', 'NotAMeans')).toBe('NotAMeans');
  });
});

describe('compareStatKeys', () => {
  it('orders age bands as the vocabulary does, not as text, with unknown last', () => {
    const keys = ['9-17', null, '48+', '0-8', '18-20'];
    expect(keys.sort((a, b) => compareStatKeys('ageBand', a, b))).toEqual(['0-8', '9-17', '18-20', '48+', null]);
    expect(AGE_BANDS[0]).toBe('0-8');
  });

  it('orders counties by number', () => {
    expect(['47', '3', '12'].sort((a, b) => compareStatKeys('countyOfOrigin', a, b))).toEqual(['3', '12', '47']);
  });
});
