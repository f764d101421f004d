import type { AgencyType, CreateAgencyInput, CreateUserInput, Role } from '@kinga/shared';
import type { AppContext } from '../src/context.ts';
import { insertAgency as writeAgency, newAgencyRow } from '../src/modules/agencies/agencies.repository.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { insertUser as writeUser, newUserRow } from '../src/modules/users/users.repository.ts';

/**
 * Realistic, fictional records for tests: Kenyan places, names and numbers. Every call gives a
 * new name and email, so records made in one database never collide.
 */

let sequence = 0;
const next = () => (sequence += 1);
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

const TOWNS = [
  { name: 'Mombasa', county: 1, street: 'Moi Avenue' },
  { name: 'Kilifi', county: 3, street: 'Malindi Road' },
  { name: 'Garissa', county: 7, street: 'Kismayu Road' },
  { name: 'Machakos', county: 16, street: 'Syokimau Street' },
  { name: 'Nyeri', county: 19, street: 'Kimathi Way' },
  { name: 'Lodwar', county: 23, street: 'Kakuma Road' },
  { name: 'Eldoret', county: 27, street: 'Uganda Road' },
  { name: 'Nakuru', county: 32, street: 'Kenyatta Avenue' },
  { name: 'Narok', county: 33, street: 'Mau Road' },
  { name: 'Kakamega', county: 37, street: 'Canon Awori Street' },
  { name: 'Busia', county: 40, street: 'Kisumu Road' },
  { name: 'Kisumu', county: 42, street: 'Jomo Kenyatta Highway' },
  { name: 'Nairobi', county: 47, street: 'Ngong Road' },
] as const;

const AGENCY_KINDS: readonly { type: AgencyType; label: string }[] = [
  { type: 'NGO', label: 'Rescue and Rehabilitation Centre' },
  { type: 'NGO', label: "Women's Shelter" },
  { type: 'LocalGovernment', label: "County Children's Office" },
  { type: 'LawEnforcement', label: 'Police Gender and Child Protection Desk' },
  { type: 'Immigration', label: 'Border Immigration Office' },
  { type: 'Health', label: 'County Referral Hospital Gender Violence Unit' },
  { type: 'LegalService', label: 'Legal Aid Clinic' },
  { type: 'FaithBased', label: 'Interfaith Outreach' },
];

const FIRST_NAMES = [
  'Wanjiku',
  'Achieng',
  'Kipchoge',
  'Njeri',
  'Otieno',
  'Mwanajuma',
  'Kiprotich',
  'Nyambura',
  'Baraka',
  'Zawadi',
  'Omari',
  'Chepkoech',
];
const LAST_NAMES = [
  'Kamau',
  'Odhiambo',
  'Cheruiyot',
  'Mwangi',
  'Wafula',
  'Mohamed',
  'Kiptoo',
  'Njoroge',
  'Auma',
  'Mutiso',
  'Barasa',
  'Jeptoo',
];

/** The body of POST /api/v1/agencies. */
export function buildAgency(overrides: Partial<CreateAgencyInput> = {}): CreateAgencyInput {
  const n = next();
  const town = pick(TOWNS, n);
  const kind = pick(AGENCY_KINDS, Math.floor(n / TOWNS.length) + n);
  return {
    name: `${town.name} ${kind.label} ${n}`,
    type: kind.type,
    countyCode: town.county,
    contactEmail: `info${n}@${town.name.toLowerCase()}-partners.example`,
    contactPhone: `+254 7${String(10 + (n % 90))} ${String(100_000 + n * 7).slice(-6, -3)} ${String(100_000 + n * 7).slice(-3)}`,
    address: `${10 + n} ${town.street}, ${town.name}`,
    ...overrides,
  };
}

/** The body of POST /api/v1/users. */
export function buildUser(overrides: Partial<CreateUserInput> & { agencyId: string; roles?: Role[] }): CreateUserInput {
  const n = next();
  const first = pick(FIRST_NAMES, n);
  const last = pick(LAST_NAMES, n * 5 + 1);
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}.${n}@staff.example`.toLowerCase(),
    roles: ['case_worker'],
    language: n % 2 === 0 ? 'sw' : 'en',
    ...overrides,
  };
}

/** An agency written straight to the database (for set-up; the API path is tested on its own). */
export async function insertAgency(
  ctx: AppContext,
  overrides: Partial<CreateAgencyInput> & { status?: 'active' | 'inactive' } = {},
): Promise<{ id: string; name: string }> {
  const input = buildAgency(overrides);
  const row = newAgencyRow({ ...input, status: overrides.status ?? 'active' });
  await writeAgency(ctx.db, row);
  const { id } = row;
  return { id, name: input.name };
}

export interface InsertedUser {
  id: string;
  email: string;
  password: string;
  agencyId: string;
}

/**
 * An account with a password, written straight to the database. Not a demo account unless
 * asked, so the MFA rules for real accounts apply.
 */
export async function insertUser(
  ctx: AppContext,
  options: {
    agencyId: string;
    roles: Role[];
    password?: string;
    isDemo?: boolean;
    mfaRequired?: boolean;
    status?: 'active' | 'inactive';
  },
): Promise<InsertedUser> {
  const input = buildUser({ agencyId: options.agencyId, roles: options.roles });
  const password = options.password ?? `Mvua ya ${next()} inanyesha Kericho`;
  const row = newUserRow({
    name: input.name,
    email: input.email,
    agencyId: options.agencyId,
    language: input.language ?? 'en',
    status: options.status ?? 'active',
    passwordHash: await hashPassword(password),
    mfaRequired: options.mfaRequired ?? false,
    isDemo: options.isDemo ?? false,
  });
  await ctx.db.transaction().execute((trx) => writeUser(trx, row, options.roles));
  const { id } = row;
  return { id, email: input.email, password, agencyId: options.agencyId };
}
