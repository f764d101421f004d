import { describe, expect, it } from 'vitest';
import { CTDC_REQUIRED_COLUMNS, readCtdcHeader } from './ctdc-records.ts';

const header = [...CTDC_REQUIRED_COLUMNS];
function reader() {
  const read = readCtdcHeader(header);
  if (!read.ok) throw new Error('header refused');
  return read.reader;
}
function row(values: Record<string, string>): string[] {
  return header.map((c) => values[c] ?? '');
}
const base = { X: '7', yearOfRegistration: '2016', Datasource: 'Case Management', gender: 'Female' };

describe('CTDC rows', () => {
  it('names every missing header column', () => {
    const read = readCtdcHeader(['X', 'gender']);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.errors).toContainEqual({ line: 1, reason: 'missing_column', column: 'yearOfRegistration' });
  });

  it('maps codes, 2024 spellings and missing values', () => {
    const result = reader().read(
      2,
      row({ ...base, gender: 'Man', ageBroad: '9–17', citizenship: 'Unknown', CountryOfExploitation: 'us' }),
      2026,
    );
    expect(result).toMatchObject({
      ok: true,
      record: { line: 2, year: 2016, gender: 'Male', age_band: '9-17', citizenship: null, country_exploitation: 'US' },
    });
  });

  it('isSexAndLabour sets both bits; the recruiter text fills in only when the flags are empty', () => {
    const r = reader();
    const both = r.read(
      2,
      row({ ...base, isSexAndLabour: '1', RecruiterRelationship: 'Family/Relative; Friend' }),
      2026,
    );
    expect(both).toMatchObject({ ok: true, record: { exploitation: 3, recruiter: 2 | 4 } });
    const flagged = r.read(
      2,
      row({ ...base, RecruiterRelationship: 'Friend', recruiterRelationOther: '1', recruiterRelationFriend: '0' }),
      2026,
    );
    expect(flagged).toMatchObject({ ok: true, record: { recruiter: 8 } });
  });

  it('one reason per invalid row: code and column, never the value', () => {
    const r = reader();
    expect(r.read(3, row({ ...base, X: '' }), 2026)).toEqual({
      ok: false,
      error: { line: 3, reason: 'missing_value', column: 'X' },
    });
    expect(r.read(3, row({ ...base, yearOfRegistration: '1667367' }), 2026)).toMatchObject({
      error: { reason: 'invalid_value', column: 'yearOfRegistration' },
    });
    expect(r.read(3, row({ ...base, yearOfRegistration: '2030' }), 2026)).toMatchObject({
      error: { column: 'yearOfRegistration' },
    });
    expect(r.read(3, row({ ...base, citizenship: 'XX' }), 2026)).toMatchObject({ error: { column: 'citizenship' } });
    expect(r.read(3, row({ ...base, isForcedLabour: 'yes' }), 2026)).toMatchObject({
      error: { reason: 'invalid_value', column: 'isForcedLabour' },
    });
    expect(r.read(3, ['1', '2'], 2026)).toEqual({ ok: false, error: { line: 3, reason: 'wrong_column_count' } });
  });
});
