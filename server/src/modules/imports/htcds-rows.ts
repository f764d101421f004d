import {
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  GENDERS,
  LABOUR_INDUSTRIES,
  RECRUITMENT_METHODS,
  SEX_EXPLOITATION_TYPES,
  caseInputSchema,
  type CaseInput,
  type County,
  type ImportErrorDto,
} from '@kinga/shared';
import type { SheetRow } from '../../lib/spreadsheet.ts';

/**
 * Rows of the HTCDS v2 Excel template (`Toolkit/Excel/HTCDS Excel Spreadsheet v2.0.xlsx`):
 * a header row of HTCDS field names (`prs_Gender`, `vic_TypeOfExploitation` …; the template's
 * hidden first row), optionally followed by the template's row of labels, then one case per
 * row. Picklist values are HTCDS value names, which are Kinga's codes; multi-select cells
 * separate values with ";". Identifying fields go to the case's sealed identity and contact.
 *
 * What Kinga takes and why:
 * - registration needs sex/gender, birth date (the age band), a citizenship, a type of
 *   exploitation and the county where the person was identified; HTCDS has no county, so
 *   `prs_MailingState` (a county name or code) or an extra column `kinga_County` gives it;
 * - `con_Consent` (a checkbox: TRUE/1/yes) records a standing statistics consent: HTCDS's
 *   consent covers "the use of non-identifying data for research purposes". Without it the
 *   case is imported but does not count in statistics;
 * - the trafficking status, case status, referral and closure fields are not taken: in Kinga
 *   they are decided through screening, referral and closure workflows, with their own audit.
 */

export const HTCDS_REQUIRED_COLUMNS = ['prs_Gender', 'prs_Birthdate', 'prs_Citizenship', 'vic_TypeOfExploitation'];

/** A valid row: the intake input, the county and whether a statistics consent was given. */
export interface HtcdsCase {
  line: number;
  input: CaseInput;
  consent: boolean;
}

type RowResult = { ok: true; value: HtcdsCase } | { ok: false; error: ImportErrorDto };

const norm = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');

function codeTable<T extends string>(codes: readonly T[], aliases: Record<string, T> = {}): Map<string, T> {
  const table = new Map<string, T>(codes.map((c) => [norm(c), c]));
  for (const [alias, code] of Object.entries(aliases)) table.set(norm(alias), code);
  return table;
}

const GENDER_CODES = codeTable(GENDERS, {
  NotSpecifiedUnknown: 'NonSpecifiedUnknown',
  'Not Specified/Unknown': 'NonSpecifiedUnknown',
  Female: 'Feminine',
  Male: 'Masculine',
});
const EXPLOITATION_CODES = codeTable(EXPLOITATION_TYPES);
const RECRUITMENT_CODES = codeTable(RECRUITMENT_METHODS);
const CONTROL_CODES = codeTable(CONTROL_METHODS);
const SEX_CODES = codeTable(SEX_EXPLOITATION_TYPES);
const LABOUR_CODES = new Map<string, (typeof LABOUR_INDUSTRIES)[number]>();
for (const code of LABOUR_INDUSTRIES) {
  LABOUR_CODES.set(norm(code), code);
  LABOUR_CODES.set(norm(code.slice(2)), code);
  LABOUR_CODES.set(norm(code.slice(0, 1)), code);
}

const YES = new Set(['true', '1', 'yes', 'y', 'x', 'ndiyo', '✓', '✔']);
const NO = new Set(['false', '0', 'no', 'n', 'hapana', '']);

/** Which CaseInput path each HTCDS column fills, to name the column when the intake schema refuses a value. */
const PATH_COLUMNS: [string, string][] = [
  ['identity.firstName', 'prs_FirstName'],
  ['identity.lastName', 'prs_SecondName'],
  ['identity.birthDate', 'prs_Birthdate'],
  ['contact.email', 'prs_Email'],
  ['contact.phone', 'prs_MobilePhone'],
  ['contact.address', 'prs_MailingStreet'],
  ['profile.gender', 'prs_Gender'],
  ['profile.citizenships', 'prs_Citizenship'],
  ['victim.exploitationTypes', 'vic_TypeOfExploitation'],
  ['victim.recruitmentMethods', 'vic_MethodOfRecruitment'],
  ['victim.controlMethods', 'vic_MethodsOfControl'],
  ['victim.labourIndustry', 'vic_ForcedLabourIndustry'],
  ['victim.sexExploitationTypes', 'vic_TypeOfSexExploitation'],
  ['countyCode', 'prs_MailingState'],
];

/** Finds the header row (the first with HTCDS field names) and reads the rows after it. */
export function readHtcdsSheet(
  rows: readonly SheetRow[],
  counties: readonly County[],
  today: string,
): { ok: true; header: HtcdsHeader; dataRows: SheetRow[] } | { ok: false; errors: ImportErrorDto[] } {
  const headerIndex = rows.findIndex((r) => r.cells.some((c) => /^(prs|vic|cas|con)_[A-Za-z]+$/.test(c.trim())));
  const headerRow = headerIndex >= 0 ? rows[headerIndex] : undefined;
  if (!headerRow) {
    return {
      ok: false,
      errors: HTCDS_REQUIRED_COLUMNS.map((column) => ({ line: 1, reason: 'missing_column' as const, column })),
    };
  }
  const positions = new Map<string, number>();
  headerRow.cells.forEach((name, index) => {
    const key = name.trim();
    if (key && !positions.has(key)) positions.set(key, index);
  });
  const missing = HTCDS_REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length) {
    return {
      ok: false,
      errors: missing.map((column) => ({ line: headerRow.line, reason: 'missing_column' as const, column })),
    };
  }
  let dataRows = rows.slice(headerIndex + 1);
  // The template's second row holds the fields' labels ("Gender" under prs_Gender).
  const labels = dataRows[0];
  const genderAt = positions.get('prs_Gender') as number;
  if (labels && norm(labels.cells[genderAt] ?? '') === 'gender') dataRows = dataRows.slice(1);
  const header = new HtcdsHeader(positions, counties, today);
  return { ok: true, header, dataRows: dataRows.filter((r) => header.hasData(r)) };
}

export class HtcdsHeader {
  private readonly countyByName: Map<string, number>;

  constructor(
    private readonly positions: ReadonlyMap<string, number>,
    private readonly counties: readonly County[],
    private readonly today: string,
  ) {
    this.countyByName = new Map(counties.map((c) => [norm(c.name), c.code]));
  }

  private cell(row: SheetRow, column: string): string {
    const at = this.positions.get(column);
    return at === undefined ? '' : (row.cells[at] ?? '').trim();
  }

  /** A row with nothing in any HTCDS column is an unused template row. */
  hasData(row: SheetRow): boolean {
    for (const at of this.positions.values()) if ((row.cells[at] ?? '').trim() !== '') return true;
    return false;
  }

  read(row: SheetRow): RowResult {
    const line = row.line;
    const fail = (reason: ImportErrorDto['reason'], column: string): RowResult => ({
      ok: false,
      error: { line, reason, column },
    });
    const cell = (column: string) => this.cell(row, column);
    const multi = <T extends string>(column: string, table: Map<string, T>): T[] | null => {
      const values: T[] = [];
      for (const part of cell(column).split(/[;,]/)) {
        if (part.trim() === '') continue;
        const code = table.get(norm(part));
        if (!code) return null;
        if (!values.includes(code)) values.push(code);
      }
      return values;
    };

    const genderText = cell('prs_Gender');
    if (genderText === '') return fail('missing_value', 'prs_Gender');
    const gender = GENDER_CODES.get(norm(genderText));
    if (!gender) return fail('invalid_value', 'prs_Gender');

    const birthText = cell('prs_Birthdate');
    if (birthText === '') return fail('missing_value', 'prs_Birthdate');
    const birthDate = readDate(birthText);
    if (!birthDate || birthDate > this.today || birthDate < '1900-01-01') return fail('invalid_value', 'prs_Birthdate');

    const citizenships = cell('prs_Citizenship')
      .split(/[;,\s]+/)
      .filter((c) => c !== '')
      .map((c) => c.toUpperCase());
    if (citizenships.length === 0) return fail('missing_value', 'prs_Citizenship');

    if (cell('vic_TypeOfExploitation') === '') return fail('missing_value', 'vic_TypeOfExploitation');
    const exploitationTypes = multi('vic_TypeOfExploitation', EXPLOITATION_CODES);
    if (!exploitationTypes) return fail('invalid_value', 'vic_TypeOfExploitation');
    const recruitmentMethods = multi('vic_MethodOfRecruitment', RECRUITMENT_CODES);
    if (!recruitmentMethods) return fail('invalid_value', 'vic_MethodOfRecruitment');
    const controlMethods = multi('vic_MethodsOfControl', CONTROL_CODES);
    if (!controlMethods) return fail('invalid_value', 'vic_MethodsOfControl');
    const sexExploitationTypes = multi('vic_TypeOfSexExploitation', SEX_CODES);
    if (!sexExploitationTypes) return fail('invalid_value', 'vic_TypeOfSexExploitation');
    const labourText = cell('vic_ForcedLabourIndustry');
    const labourIndustry = labourText === '' ? null : LABOUR_CODES.get(norm(labourText));
    if (labourIndustry === undefined) return fail('invalid_value', 'vic_ForcedLabourIndustry');

    const countyColumn = this.positions.has('kinga_County') ? 'kinga_County' : 'prs_MailingState';
    const countyText = cell(countyColumn);
    if (countyText === '') return fail('missing_value', countyColumn);
    const countyCode = /^\d+$/.test(countyText)
      ? this.counties.find((c) => c.code === Number(countyText))?.code
      : this.countyByName.get(norm(countyText.replace(/\s+county$/i, '')));
    if (countyCode === undefined) return fail('invalid_value', countyColumn);

    const consentText = cell('con_Consent').toLowerCase();
    if (!YES.has(consentText) && !NO.has(consentText)) return fail('invalid_value', 'con_Consent');

    const address = [
      'prs_MailingStreet',
      'prs_MailingCity',
      'prs_MailingState',
      'prs_MailingPostalCode',
      'prs_MailingCountry',
    ]
      .map(cell)
      .filter((v) => v !== '')
      .join(', ');
    const candidate = {
      identity: { firstName: cell('prs_FirstName'), lastName: cell('prs_SecondName'), birthDate },
      contact: {
        email: cell('prs_Email'),
        phone: cell('prs_MobilePhone') || cell('prs_HomePhone'),
        address,
      },
      profile: { gender, citizenships },
      victim: { exploitationTypes, recruitmentMethods, controlMethods, sexExploitationTypes, labourIndustry },
      countyCode,
    };
    const parsed = caseInputSchema.safeParse(candidate);
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path.join('.') ?? '';
      const column = PATH_COLUMNS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'prs_FirstName';
      return fail('invalid_value', column);
    }
    return { ok: true, value: { line, input: parsed.data, consent: YES.has(consentText) } };
  }
}

/** A date as ISO `YYYY-MM-DD` or an Excel day number (the template's date cells); null otherwise. */
function readDate(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
  }
  const m = /^(\d{4}-\d{2}-\d{2})T/.exec(value);
  if (m?.[1]) return readDate(m[1]);
  if (/^\d{1,6}(\.\d+)?$/.test(value)) {
    // Excel's 1900 date system: day 25569 is 1970-01-01.
    const ms = Math.round((Math.floor(Number(value)) - 25569) * 86_400_000);
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
  }
  return null;
}
