import { ageBandOf, type AgeBand, type CaseInput } from '@kinga/shared';
import type { CaseTable } from '../../db/schema.ts';
import type { DataKeys } from '../../secrets/data-keys.ts';

/**
 * Identifying columns of a case and how each is sealed and searched. The list is the single
 * source for encryption, reveal, search and the canary test.
 */
export const IDENTITY_COLUMNS = {
  firstName: 'first_name_enc',
  middleName: 'middle_name_enc',
  lastName: 'last_name_enc',
  birthDate: 'birth_date_enc',
  identityNumber: 'identity_number_enc',
} as const;
export const CONTACT_COLUMNS = { phone: 'phone_enc', email: 'email_enc', address: 'address_enc' } as const;

type SealedColumn =
  | (typeof IDENTITY_COLUMNS)[keyof typeof IDENTITY_COLUMNS]
  | (typeof CONTACT_COLUMNS)[keyof typeof CONTACT_COLUMNS]
  | 'narrative_enc';

/** Letters and digits only, lower-case, accents removed, tokens sorted: "Wanjiru  Mary" = "mary wanjiru". */
export function normaliseName(...parts: (string | null | undefined)[]): string | null {
  const tokens = parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort();
  return tokens.length ? tokens.join(' ') : null;
}

/**
 * Digits only, in international form for the configured country: "0712 345 678",
 * "+254712345678" and "00254712345678" are one number in Kenya.
 */
export function normalisePhone(value: string | null | undefined, callingCode = '254'): string | null {
  if (!value) return null;
  let digits = value.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = callingCode + digits.slice(1);
  return digits || null;
}

export function normaliseEmail(value: string | null | undefined): string | null {
  const v = value?.trim().toLowerCase();
  return v ? v : null;
}

export function normaliseIdentityNumber(value: string | null | undefined): string | null {
  const v = value?.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return v ? v : null;
}

/** The blind index of each searchable identifier; `name` covers first and last name, not the middle one. */
export function blindIndexes(keys: DataKeys, person: PlainIdentity): Pick<CaseTable, BlindColumn> {
  const bi = (kind: string, v: string | null) => (v === null ? null : keys.blindIndex(kind, v));
  return {
    bi_name: bi('name', normaliseName(person.firstName, person.lastName)),
    bi_birth_date: bi('birthDate', person.birthDate ?? null),
    bi_identity_number: bi('identityNumber', normaliseIdentityNumber(person.identityNumber)),
    bi_phone: bi('phone', normalisePhone(person.phone)),
    bi_email: bi('email', normaliseEmail(person.email)),
  };
}
export type BlindColumn = 'bi_name' | 'bi_birth_date' | 'bi_identity_number' | 'bi_phone' | 'bi_email';

/** The blind index a search compares against, for one identifier typed by a user. */
export function searchIndex(
  keys: DataKeys,
  field: 'name' | 'birthDate' | 'identityNumber' | 'phone' | 'email',
  value: string,
): { column: BlindColumn; index: string | null } {
  switch (field) {
    case 'name': {
      const v = normaliseName(value);
      return { column: 'bi_name', index: v && keys.blindIndex('name', v) };
    }
    case 'birthDate':
      return { column: 'bi_birth_date', index: keys.blindIndex('birthDate', value.trim()) };
    case 'identityNumber': {
      const v = normaliseIdentityNumber(value);
      return { column: 'bi_identity_number', index: v && keys.blindIndex('identityNumber', v) };
    }
    case 'phone': {
      const v = normalisePhone(value);
      return { column: 'bi_phone', index: v && keys.blindIndex('phone', v) };
    }
    case 'email': {
      const v = normaliseEmail(value);
      return { column: 'bi_email', index: v && keys.blindIndex('email', v) };
    }
  }
}

export interface PlainIdentity {
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  birthDate?: string | null;
  identityNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/** Opens a case's identifying columns (for a reveal, or to merge a partial change). */
export function openIdentity(keys: DataKeys, row: CaseTable): PlainIdentity & { narrative: string | null } {
  const open = (column: SealedColumn) => keys.open(row[column], 'cases', row.id, column);
  return {
    firstName: open('first_name_enc'),
    middleName: open('middle_name_enc'),
    lastName: open('last_name_enc'),
    birthDate: open('birth_date_enc'),
    identityNumber: open('identity_number_enc'),
    phone: open('phone_enc'),
    email: open('email_enc'),
    address: open('address_enc'),
    narrative: open('narrative_enc'),
  };
}

/** Seals identifying values into their columns, with the blind indexes that let them be found. */
export function sealIdentity(
  keys: DataKeys,
  caseId: string,
  person: PlainIdentity & { narrative?: string | null },
): Pick<CaseTable, SealedColumn | BlindColumn> {
  const seal = (column: SealedColumn, value: string | null | undefined) =>
    keys.seal(value ?? null, 'cases', caseId, column);
  return {
    first_name_enc: seal('first_name_enc', person.firstName),
    middle_name_enc: seal('middle_name_enc', person.middleName),
    last_name_enc: seal('last_name_enc', person.lastName),
    birth_date_enc: seal('birth_date_enc', person.birthDate),
    identity_number_enc: seal('identity_number_enc', person.identityNumber),
    phone_enc: seal('phone_enc', person.phone),
    email_enc: seal('email_enc', person.email),
    address_enc: seal('address_enc', person.address),
    narrative_enc: seal('narrative_enc', person.narrative),
    ...blindIndexes(keys, person),
  };
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age band kept in clear for lists and duplicate checks: from the birth date, else the estimate. */
export function ageBandFor(
  birthDate: string | null | undefined,
  estimatedAge: number | null | undefined,
  today: string,
): AgeBand | null {
  if (birthDate) return ageBandOf(Math.max(0, ageOn(birthDate, today)));
  if (estimatedAge !== null && estimatedAge !== undefined) return ageBandOf(estimatedAge);
  return null;
}

export type CaseIntake = NonNullable<CaseInput>;
