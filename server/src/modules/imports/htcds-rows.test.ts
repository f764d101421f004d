import fs from 'node:fs';
import { KENYA_COUNTIES } from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { readXlsx, toXlsx } from '../../lib/spreadsheet.ts';
import { sharedData } from '../../../test/shared-data.ts';
import { readHtcdsSheet } from './htcds-rows.ts';

const TEMPLATE = sharedData('htcds', 'Toolkit', 'Excel', 'HTCDS Excel Spreadsheet v2.0.xlsx');

describe('reading HTCDS workbooks', () => {
  it("reads the template's field names (hidden first row) and labels", () => {
    const rows = readXlsx(fs.readFileSync(TEMPLATE));
    expect(rows?.[0]?.cells).toContain('prs_Gender');
    expect(rows?.[0]?.cells).toContain('con_Consent');
    expect(rows?.[1]?.cells).toContain('Gender');
  });

  it('round-trips a written workbook and skips unused template rows', () => {
    const columns = [
      'prs_Gender',
      'prs_Birthdate',
      'prs_Citizenship',
      'vic_TypeOfExploitation',
      'prs_MailingState',
    ].map((header) => ({ header, value: (r: Record<string, string>) => r[header] ?? '' }));
    const workbook = toXlsx(columns, [
      {
        prs_Gender: 'Feminine',
        prs_Birthdate: '36526',
        prs_Citizenship: 'KE; UG',
        vic_TypeOfExploitation: 'Forced Labour',
        prs_MailingState: 'Kisumu County',
      },
      {},
    ]);
    const rows = readXlsx(workbook);
    if (!rows) throw new Error('unreadable');
    const sheet = readHtcdsSheet(rows, KENYA_COUNTIES, '2026-11-30');
    if (!sheet.ok) throw new Error('header refused');
    expect(sheet.dataRows).toHaveLength(1);
    const first = sheet.dataRows[0];
    if (!first) throw new Error('no row');
    expect(sheet.header.read(first)).toMatchObject({
      ok: true,
      value: {
        line: 2,
        consent: false,
        input: {
          identity: { birthDate: '2000-01-01' },
          profile: { gender: 'Feminine', citizenships: ['KE', 'UG'] },
          victim: { exploitationTypes: ['ForcedLabour'] },
          countyCode: 42,
        },
      },
    });
  });

  it('garbage is not a workbook', () => {
    expect(readXlsx(Buffer.from('not a zip'))).toBeNull();
  });
});
