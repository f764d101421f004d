import {
  AGE_BANDS,
  COUNTRY_CODES,
  CTDC_FLAG_VARIABLES,
  STAT_FLAG_FAMILIES,
  STAT_RECRUITER,
  flagBit,
  type ImportErrorDto,
  type StatFlagFamily,
} from '@kinga/shared';
import type { StatRecordTable } from '../../db/schema.ts';

/**
 * One CTDC global dataset row (`ctdc_global_k_anonymized_2018.csv`, 59 columns, ISO-2 codes)
 * read into the categories of `stat_records`. The 2024 codebook's spellings are accepted as
 * well (age "18–20", gender Man/Woman). "", "Unknown", "Missing" and "NotSpecified" are
 * missing values: stored as null or no bit.
 */

/** A valid row: every `stat_records` column but the ids, which the import adds. */
export type CtdcRecord = Omit<StatRecordTable, 'id' | 'source' | 'import_id' | 'case_id'>;

const MISSING = new Set(['', 'unknown', 'missing', 'notspecified', 'not specified', 'na', 'n/a']);
const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);
const AGE_BAND_SET: ReadonlySet<string> = new Set(AGE_BANDS);
const FIRST_YEAR = 1990;

const DATA_SOURCES: Record<string, string> = {
  'case management': 'CaseManagement',
  casemanagement: 'CaseManagement',
  hotline: 'Hotline',
};

const GENDERS: Record<string, string> = {
  female: 'Female',
  woman: 'Female',
  girl: 'Female',
  male: 'Male',
  man: 'Male',
  boy: 'Male',
  'trans/transgender/nonconforming': 'TransgenderOrNonConforming',
  transgender: 'TransgenderOrNonConforming',
  'transgender/nonconforming': 'TransgenderOrNonConforming',
  'trans/nonconforming': 'TransgenderOrNonConforming',
  nonconforming: 'TransgenderOrNonConforming',
  transgenderornonconforming: 'TransgenderOrNonConforming',
};

/** RecruiterRelationship text values (2018 file) and their recruiter flag. */
const RECRUITER_TEXT: Record<string, (typeof STAT_RECRUITER)[number] | null> = {
  'family/relative': 'Family',
  family: 'Family',
  friend: 'Friend',
  'intimate partner': 'IntimatePartner',
  intimatepartner: 'IntimatePartner',
  other: 'Other',
  unknown: null,
};

const FLAG_FAMILIES = Object.keys(STAT_FLAG_FAMILIES) as StatFlagFamily[];

/** Every flag column of the file with its family and bit. */
const FLAG_COLUMNS: { column: string; family: StatFlagFamily; bit: number }[] = FLAG_FAMILIES.flatMap((family) =>
  Object.entries(CTDC_FLAG_VARIABLES[family] as Record<string, string>).map(([value, column]) => ({
    column,
    family,
    bit: flagBit(STAT_FLAG_FAMILIES[family], value),
  })),
);

const RECRUITER_COLUMNS = Object.values(CTDC_FLAG_VARIABLES.recruiter as Record<string, string>);

/** The columns an import needs; a file without one of them is refused as a whole. */
export const CTDC_REQUIRED_COLUMNS: readonly string[] = [
  'X',
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'citizenship',
  'CountryOfExploitation',
  'isSexAndLabour',
  'RecruiterRelationship',
  ...FLAG_COLUMNS.map((f) => f.column),
];

type RowResult = { ok: true; record: CtdcRecord } | { ok: false; error: ImportErrorDto };

/** Reads a CTDC file's header: the position of every needed column, or the header's errors. */
export function readCtdcHeader(
  header: readonly string[],
): { ok: true; reader: CtdcRowReader } | { ok: false; errors: ImportErrorDto[] } {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim();
    if (!positions.has(key)) positions.set(key, index);
  });
  const missing = CTDC_REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length) {
    return { ok: false, errors: missing.map((column) => ({ line: 1, reason: 'missing_column', column })) };
  }
  return { ok: true, reader: new CtdcRowReader(positions, header.length) };
}

/** Reads data rows against a known header; at most one reason per invalid row (the first column at fault). */
export class CtdcRowReader {
  private readonly at: Record<string, number> = {};
  /** Flag columns with their position, family index and bit, resolved once for the file. */
  private readonly flags: { column: string; index: number; family: number; bit: number }[];
  private readonly recruiterIndexes: number[];

  constructor(
    positions: ReadonlyMap<string, number>,
    private readonly columnCount: number,
  ) {
    for (const [name, index] of positions) this.at[name] = index;
    this.flags = FLAG_COLUMNS.map((f) => ({
      column: f.column,
      index: positions.get(f.column) as number,
      family: FLAG_FAMILIES.indexOf(f.family),
      bit: f.bit,
    }));
    this.recruiterIndexes = RECRUITER_COLUMNS.map((c) => positions.get(c) as number);
  }

  read(line: number, fields: readonly string[], currentYear: number): RowResult {
    if (fields.length !== this.columnCount) return fail(line, 'wrong_column_count');
    const cell = (column: string) => (fields[this.at[column] as number] ?? '').trim();

    const x = cell('X');
    if (x === '') return fail(line, 'missing_value', 'X');
    if (!/^\d{1,9}$/.test(x)) return fail(line, 'invalid_value', 'X');

    const yearText = cell('yearOfRegistration');
    if (yearText === '') return fail(line, 'missing_value', 'yearOfRegistration');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= FIRST_YEAR && year <= currentYear)) return fail(line, 'invalid_value', 'yearOfRegistration');

    const dataSource = lookup(DATA_SOURCES, cell('Datasource'));
    if (dataSource === undefined) return fail(line, 'invalid_value', 'Datasource');
    const gender = lookup(GENDERS, cell('gender'));
    if (gender === undefined) return fail(line, 'invalid_value', 'gender');
    const ageBand = readAgeBand(cell('ageBroad'));
    if (ageBand === undefined) return fail(line, 'invalid_value', 'ageBroad');
    const citizenship = readCountry(cell('citizenship'));
    if (citizenship === undefined) return fail(line, 'invalid_value', 'citizenship');
    const countryExploitation = readCountry(cell('CountryOfExploitation'));
    if (countryExploitation === undefined) return fail(line, 'invalid_value', 'CountryOfExploitation');

    // One mask per family, in FLAG_FAMILIES order.
    const masks = [0, 0, 0, 0, 0, 0];
    for (const flag of this.flags) {
      const value = fields[flag.index];
      if (value === '1') masks[flag.family] = (masks[flag.family] as number) | flag.bit;
      else if (value !== '0' && value !== '' && value !== undefined) {
        const trimmed = value.trim();
        if (trimmed === '1') masks[flag.family] = (masks[flag.family] as number) | flag.bit;
        else if (trimmed !== '0' && trimmed !== '') return fail(line, 'invalid_value', flag.column);
      }
    }
    const sexAndLabour = cell('isSexAndLabour');
    if (sexAndLabour === '1') masks[EXPLOITATION] = (masks[EXPLOITATION] as number) | SEX_AND_LABOUR_BITS;
    else if (sexAndLabour !== '0' && sexAndLabour !== '') return fail(line, 'invalid_value', 'isSexAndLabour');

    // The text column speaks only when the recruiterRelation* flags say nothing at all.
    if (this.recruiterIndexes.every((i) => (fields[i] ?? '').trim() === '')) {
      const text = cell('RecruiterRelationship');
      if (!MISSING.has(text.toLowerCase())) {
        for (const part of text.split(';')) {
          const key = part.trim().toLowerCase();
          if (key === '') continue;
          const value = RECRUITER_TEXT[key];
          if (value === undefined) return fail(line, 'invalid_value', 'RecruiterRelationship');
          if (value) masks[RECRUITER] = (masks[RECRUITER] as number) | flagBit(STAT_RECRUITER, value);
        }
      }
    }

    const mask = (family: StatFlagFamily) => masks[FLAG_FAMILIES.indexOf(family)] as number;
    return {
      ok: true,
      record: {
        line,
        year,
        month: null,
        data_source: dataSource,
        gender,
        age_band: ageBand,
        citizenship,
        country_origin: null,
        country_transit: null,
        country_exploitation: countryExploitation,
        county_origin: null,
        county_exploitation: null,
        exploitation: mask('exploitation'),
        labour: mask('labour'),
        sex_types: mask('sexType'),
        control: mask('control'),
        recruiter: mask('recruiter'),
        recruitment: mask('recruitment'),
      },
    };
  }
}

const EXPLOITATION = FLAG_FAMILIES.indexOf('exploitation');
const RECRUITER = FLAG_FAMILIES.indexOf('recruiter');
const SEX_AND_LABOUR_BITS =
  flagBit(STAT_FLAG_FAMILIES.exploitation, 'ForcedLabour') |
  flagBit(STAT_FLAG_FAMILIES.exploitation, 'SexualExploitation');

function fail(line: number, reason: ImportErrorDto['reason'], column?: string): RowResult {
  return { ok: false, error: column === undefined ? { line, reason } : { line, reason, column } };
}

/** A coded value: null when missing, undefined when not a known code. */
function lookup(table: Record<string, string>, value: string): string | null | undefined {
  const key = value.toLowerCase();
  if (MISSING.has(key)) return null;
  return table[key];
}

/** An age band in CTDC's spellings ("18--20", "18–20", "18-20"): null when missing, undefined when unknown. */
function readAgeBand(value: string): string | null | undefined {
  if (MISSING.has(value.toLowerCase())) return null;
  const band = value.replace(/\s+/g, '').replace(/--|[‐‑‒–—]/g, '-');
  return AGE_BAND_SET.has(band) ? band : undefined;
}

/** An ISO-2 code of a known country: null when missing, undefined when not a country. */
function readCountry(value: string): string | null | undefined {
  if (MISSING.has(value.toLowerCase())) return null;
  const code = value.toUpperCase();
  return COUNTRIES.has(code) ? code : undefined;
}
