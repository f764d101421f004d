import type { AgencyType, Role } from '@kinga/shared';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import { insertAgency, newAgencyRow } from '../agencies/agencies.repository.ts';
import { hashPassword } from '../auth/passwords.ts';
import { insertUser, newUserRow } from '../users/users.repository.ts';

const DEMO_FLAG = 'demo_data';

interface DemoAgency {
  key: string;
  name: string;
  type: AgencyType;
  countyCode: number;
  contactEmail: string;
  contactPhone: string;
  address: string;
}

/** The demo agencies of the contract; names of places and bodies are fictional or generic. */
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    key: 'secretariat',
    name: 'Counter-Trafficking Advisory Committee Secretariat',
    type: 'CentralGovernment',
    countyCode: 47,
    contactEmail: 'secretariat@demo.kinga.test',
    contactPhone: '+254 20 000 0101',
    address: 'Harambee Avenue, Nairobi',
  },
  {
    key: 'labour',
    name: 'State Department for Labour (demo)',
    type: 'CentralGovernment',
    countyCode: 47,
    contactEmail: 'labour@demo.kinga.test',
    contactPhone: '+254 20 000 0202',
    address: 'Community Area, Nairobi',
  },
  {
    key: 'agencyA',
    name: 'Tumaini Safe House',
    type: 'NGO',
    countyCode: 1,
    contactEmail: 'tumaini@demo.kinga.test',
    contactPhone: '+254 41 000 0303',
    address: 'Nyali, Mombasa',
  },
  {
    key: 'agencyB',
    name: "Children's Services Office, Kisumu",
    type: 'LocalGovernment',
    countyCode: 42,
    contactEmail: 'children.kisumu@demo.kinga.test',
    contactPhone: '+254 57 000 0404',
    address: 'Oginga Odinga Street, Kisumu',
  },
  {
    key: 'police',
    name: 'Anti-Human Trafficking Police Unit (demo)',
    type: 'LawEnforcement',
    countyCode: 47,
    contactEmail: 'ahtu@demo.kinga.test',
    contactPhone: '+254 20 000 0505',
    address: 'Kilimani, Nairobi',
  },
  {
    key: 'helpline',
    name: 'National Trafficking Helpline (demo)',
    type: 'NGO',
    countyCode: 47,
    contactEmail: 'helpline@demo.kinga.test',
    contactPhone: '+254 20 000 0606',
    address: 'Westlands, Nairobi',
  },
  // Partners of the coordination demo (demo-plans.seed.ts): members of the committee and task force without accounts.
  {
    key: 'odpp',
    name: 'Office of the Director of Public Prosecutions (demo)',
    type: 'LegalService',
    countyCode: 47,
    contactEmail: 'odpp@demo.kinga.test',
    contactPhone: '+254 20 000 0707',
    address: 'Upper Hill, Nairobi',
  },
  {
    key: 'iom',
    name: 'IOM Kenya Country Office (demo)',
    type: 'InternationalOrganisation',
    countyCode: 47,
    contactEmail: 'iom@demo.kinga.test',
    contactPhone: '+254 20 000 0808',
    address: 'Gigiri, Nairobi',
  },
  {
    key: 'unodc',
    name: 'UNODC Regional Office for Eastern Africa (demo)',
    type: 'InternationalOrganisation',
    countyCode: 47,
    contactEmail: 'unodc@demo.kinga.test',
    contactPhone: '+254 20 000 0909',
    address: 'Gigiri, Nairobi',
  },
  {
    key: 'faith',
    name: 'Interfaith Network against Trafficking, Western Kenya (demo)',
    type: 'FaithBased',
    countyCode: 37,
    contactEmail: 'interfaith@demo.kinga.test',
    contactPhone: '+254 56 000 1010',
    address: 'Kakamega town',
  },
];

interface DemoUser {
  email: string;
  name: string;
  agency: string;
  roles: Role[];
  language: 'en' | 'sw';
}

/** The demo accounts of the contract; the persons are fictional. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@demo.kinga.test',
    name: 'Amina Wanjiru',
    agency: 'secretariat',
    roles: ['administrator'],
    language: 'en',
  },
  {
    email: 'secretariat@demo.kinga.test',
    name: 'Joseph Kamau Otieno',
    agency: 'secretariat',
    roles: ['secretariat'],
    language: 'en',
  },
  {
    email: 'focal@demo.kinga.test',
    name: 'Grace Akinyi Omondi',
    agency: 'labour',
    roles: ['focal_point'],
    language: 'en',
  },
  {
    email: 'caseworker.a@demo.kinga.test',
    name: 'Faith Mwende Musyoka',
    agency: 'agencyA',
    roles: ['case_worker'],
    language: 'sw',
  },
  {
    email: 'supervisor.a@demo.kinga.test',
    name: 'Daniel Kiprono Ruto',
    agency: 'agencyA',
    roles: ['case_supervisor'],
    language: 'en',
  },
  {
    email: 'caseworker.b@demo.kinga.test',
    name: 'Mercy Chebet Langat',
    agency: 'agencyB',
    roles: ['case_worker'],
    language: 'sw',
  },
  {
    email: 'police@demo.kinga.test',
    name: 'Peter Mutua Nzioka',
    agency: 'police',
    roles: ['law_enforcement'],
    language: 'en',
  },
  {
    email: 'analyst@demo.kinga.test',
    name: 'Halima Abdi Hassan',
    agency: 'secretariat',
    roles: ['analyst'],
    language: 'en',
  },
  {
    email: 'hotline@demo.kinga.test',
    name: 'Brian Ochieng Were',
    agency: 'helpline',
    roles: ['hotline_operator'],
    language: 'sw',
  },
];

export async function isDemoInstance(db: Db): Promise<boolean> {
  const row = await db.selectFrom('instance_settings').select('value').where('key', '=', DEMO_FLAG).executeTakeFirst();
  return row?.value === 'true';
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Whether start-up should load the demo set: `auto` only on an empty embedded (SQLite) database. */
export function shouldSeedDemo(mode: 'auto' | 'on' | 'off', engine: 'sqlite' | 'postgres', empty: boolean): boolean {
  if (!empty || mode === 'off') return false;
  return mode === 'on' || engine === 'sqlite';
}

/**
 * Loads the demo data set in one transaction. Later modules add their demo records here,
 * after the platform's, so every module's demo data exists together.
 */
export async function seedDemo(ctx: AppContext): Promise<{ agencies: number; users: number }> {
  const passwordHashes = await Promise.all(DEMO_USERS.map(() => hashPassword(ctx.config.demoPassword)));
  await ctx.db.transaction().execute(async (trx) => {
    const agencyIds = await seedAgencies(trx);
    await seedUsers(trx, agencyIds, passwordHashes);
    await trx.insertInto('instance_settings').values({ key: DEMO_FLAG, value: 'true' }).execute();
    await ctx.audit.inTransaction(trx, { action: 'demo.seed', outcome: 'success', entityType: 'instance' });
  });
  return { agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length };
}

async function seedAgencies(trx: Tx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { key, ...fields } of DEMO_AGENCIES) {
    const row = newAgencyRow(fields);
    ids.set(key, row.id);
    await insertAgency(trx, row);
  }
  return ids;
}

async function seedUsers(trx: Tx, agencyIds: Map<string, string>, passwordHashes: string[]): Promise<void> {
  for (const [i, u] of DEMO_USERS.entries()) {
    const agencyId = agencyIds.get(u.agency);
    if (!agencyId) throw new Error(`demo agency ${u.agency} missing`);
    const row = newUserRow({
      name: u.name,
      email: u.email,
      agencyId,
      language: u.language,
      passwordHash: passwordHashes[i] ?? null,
      isDemo: true,
    });
    await insertUser(trx, row, u.roles);
  }
}
