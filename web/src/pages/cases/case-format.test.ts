import { describe, expect, it } from 'vitest';
import { exportUrl } from '../../api/cases.ts';
import { en } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { interpolate } from '../../i18n/interpolate.ts';
import { caseActionLabel, formatDay, formatFileSize } from './case-format.ts';

const t: Translate = (key, values) => interpolate(en[key], values);

describe('formatDay', () => {
  it('shows the calendar date as stored, whatever the time zone', () => {
    expect(formatDay('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(formatDay(null, 'en-GB')).toBe('');
  });
});

describe('caseActionLabel', () => {
  it('names known actions and shows unknown ones as they are', () => {
    expect(caseActionLabel(t, 'case.identity.reveal')).toBe('Revealed identifying details');
    expect(caseActionLabel(t, 'case.something_new')).toBe('case.something_new');
  });
});

describe('formatFileSize', () => {
  it('uses the largest unit that fits', () => {
    expect(formatFileSize(5 * 1024 * 1024, 'en-GB')).toBe('5 MB');
    expect(formatFileSize(2048, 'en-GB')).toBe('2 kB');
  });
});

describe('exportUrl', () => {
  it('carries the format and the filters in use, nothing empty', () => {
    const url = exportUrl({ status: 'Active', mine: true, q: undefined, countyCode: 47, sort: 'code' }, 'xlsx');
    expect(url).toBe('/api/v1/cases/export?format=xlsx&status=Active&mine=true&countyCode=47&sort=code');
  });
});
