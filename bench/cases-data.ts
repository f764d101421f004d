import { randomBytes, randomFillSync } from 'node:crypto';
import pg from 'pg';
import {
  CONTROL_METHODS,
  EDUCATION_LEVELS,
  LABOUR_INDUSTRIES,
  RECRUITMENT_METHODS,
  RELATIONSHIPS_TO_TRAFFICKER,
  SEX_EXPLOITATION_TYPES,
  WEBSITES_AND_APPS,
  type CaseDto,
  type ExploitationType,
  type Gender,
} from '@kinga/shared';
import type { AppContext } from '../server/src/context.ts';
import type { CaseTable } from '../server/src/db/schema.ts';
import { ageBandFor, sealIdentity, type PlainIdentity } from '../server/src/modules/cases/case-fields.ts';
import { EMPTY_PROFILE, EMPTY_VICTIM } from '../server/src/modules/cases/cases.presenter.ts';
import { formatCaseCode } from '../server/src/modules/cases/cases.repository.ts';
import { DEMO_USERS } from '../server/src/modules/demo/demo.seed.ts';

/**
 * Synthetic cases for the case-list benchmark, written straight into `cases` and
 * `case_exploitation_types` in bulk, shaped as the case service writes them: codes from the
 * year's sequence, picklist columns in clear, profile and victim JSON, identifying values
 * sealed under the database's data keys with their blind indexes. The persons are invented.
 */

export interface CaseDataOptions {
  cases: number;
  /** The seed of the picklist values and dates, so two runs fill the same database. */
  seed: number;
  /** The end of the three years the cases were registered in. */
  now: Date;
  /** Every `sealEvery`-th case gets real sealed values; the others random opaque text of the same shape and length. */
  sealEvery: number;
}

/** What was written, for the report and to check the API's answers against. */
export interface CaseDataSummary {
  cases: number;
  exploitationTypeRows: number;
  /** Cases per demo agency key. */
  byAgency: Record<string, number>;
  sealedCases: number;
  /** Average stored row width of `cases`, in bytes of text. */
  averageRowChars: number;
  seconds: number;
}

/** Demo agencies that register cases, with their share of the cases; agencyA is caseworker.a's. */
const CASE_AGENCIES: readonly { key: string; share: number }[] = [
  { key: 'agencyA', share: 0.34 },
  { key: 'agencyB', share: 0.3 },
  { key: 'police', share: 0.2 },
  { key: 'helpline', share: 0.16 },
];

const YEAR_MS = 365.25 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** Fills an empty, migrated and demo-seeded Kinga database with synthetic cases. */
export async function fillCases(ctx: AppContext, options: CaseDataOptions): Promise<CaseDataSummary> {
  const started = performance.now();
  const directory = await demoDirectory(ctx);
  const random = mulberry32(options.seed);
  const end = options.now.getTime();
  // Registration times first, in order: ids, codes and the physical order follow them as in production.
  const times = Array.from({ length: options.cases }, () => end - random() * 3 * YEAR_MS).sort((a, b) => a - b);
  const sequences = new Map<number, number>();
  const byAgency: Record<string, number> = {};
  let typeRows = 0;
  let sealed = 0;
  let rowChars = 0;

  const writer = ctx.engine === 'sqlite' ? sqliteWriter(ctx) : await postgresWriter(ctx);
  let batch: { row: CaseTable; types: string[] }[] = [];
  let writing = Promise.resolve();
  for (const [i, createdMs] of times.entries()) {
    const createdAt = new Date(createdMs);
    const year = createdAt.getUTCFullYear();
    const n = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, n);
    const agency = pickAgency(random, directory);
    const seal = i % options.sealEvery === 0;
    const { row, types } = syntheticCase(ctx, random, {
      id: uuidv7(createdMs),
      code: formatCaseCode(ctx.config.country, year, n),
      agency,
      createdMs,
      end,
      seal,
    });
    byAgency[agency.key] = (byAgency[agency.key] ?? 0) + 1;
    typeRows += types.length;
    if (seal) sealed += 1;
    if (i % 97 === 0) rowChars += rowWidth(row);
    batch.push({ row, types });
    if (batch.length === writer.batchSize) {
      // PostgreSQL stores one batch while this process makes the next: two cores, both busy.
      await writing;
      writing = writer.write(batch);
      batch = [];
    }
  }
  await writing;
  if (batch.length) await writer.write(batch);
  await writer.finish([...sequences.entries()]);
  return {
    cases: options.cases,
    exploitationTypeRows: typeRows,
    byAgency,
    sealedCases: sealed,
    averageRowChars: Math.round(rowChars / Math.ceil(options.cases / 97)),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

interface AgencyUsers {
  key: string;
  id: string;
  /** Users who work on cases there: creators and owners. */
  workerIds: string[];
  /** Who approves closures: a supervisor where the agency has one. */
  approverId: string;
}

async function demoDirectory(ctx: AppContext): Promise<AgencyUsers[]> {
  const users = await ctx.db.selectFrom('users').select(['id', 'email', 'agency_id']).execute();
  return CASE_AGENCIES.map(({ key }) => {
    const demo = DEMO_USERS.filter((u) => u.agency === key);
    const rows = demo.map((u) => users.find((r) => r.email === u.email));
    const first = rows[0];
    if (!first || rows.some((r) => !r)) throw new Error(`demo users of ${key} missing: seed the demo first`);
    const supervisor = demo.findIndex((u) => u.roles.includes('case_supervisor'));
    return {
      key,
      id: first.agency_id,
      workerIds: rows.map((r) => r?.id ?? ''),
      approverId: rows[supervisor]?.id ?? first.id,
    };
  });
}

function pickAgency(random: () => number, agencies: readonly AgencyUsers[]): AgencyUsers {
  let r = random();
  for (const [i, a] of agencies.entries()) {
    r -= CASE_AGENCIES[i]?.share ?? 0;
    if (r < 0) return a;
  }
  return agencies[agencies.length - 1] as AgencyUsers;
}

// Picklist weights: rough shapes of national counter-trafficking data, not real figures.
const EXPLOITATION_WEIGHTS: readonly [ExploitationType, number][] = [
  ['ForcedLabour', 40],
  ['SexualExploitation', 30],
  ['ChildLabour', 9],
  ['Servitude', 7],
  ['ForcedMarriage', 5],
  ['ForcedBegging', 4],
  ['Other', 3],
  ['ForcedMilitaryByNonStateActors', 1],
  ['Surrogacy', 0.5],
  ['OrganRemoval', 0.3],
  ['ForcedAdoption', 0.2],
];
const GENDER_WEIGHTS: readonly [Gender, number][] = [
  ['Feminine', 58],
  ['Masculine', 38],
  ['TransgenderFeminine', 0.5],
  ['TransgenderMasculine', 0.5],
  ['NonConforming', 0.5],
  ['NonSpecifiedUnknown', 2.5],
];
const CITIZENSHIP_WEIGHTS: readonly [string, number][] = [
  ['KE', 78],
  ['UG', 6],
  ['TZ', 4],
  ['ET', 4],
  ['SO', 3],
  ['SS', 2],
  ['BI', 1],
  ['RW', 1],
  ['CD', 1],
];
const TRAFFICKING_STATUS_WEIGHTS: readonly [string | null, number][] = [
  ['PossibleVictimOfTrafficking', 50],
  ['ActualVictimOfTrafficking', 35],
  ['NotAVictimOfTrafficking', 5],
  [null, 10],
];
// Nairobi (47), Mombasa (1) and Kisumu (42) register more cases; the other counties share the rest.
const COUNTY_WEIGHTS: readonly [number, number][] = [
  [47, 16],
  [1, 10],
  [42, 6],
  ...Array.from({ length: 47 }, (_, i) => i + 1)
    .filter((c) => c !== 47 && c !== 1 && c !== 42)
    .map((c): [number, number] => [c, 68 / 44]),
];
const FIRST_NAMES = ['Achieng', 'Wanjiru', 'Amina', 'Mercy', 'Kevin', 'Brian', 'Halima', 'Otieno', 'Chebet', 'Musa'];
const LAST_NAMES = ['Odhiambo', 'Kamau', 'Mohamed', 'Wafula', 'Njoroge', 'Kiplagat', 'Mwangi', 'Abdi', 'Omondi'];
const PLACES = ['Kibera, Nairobi', 'Likoni, Mombasa', 'Nyalenda, Kisumu', 'Eastleigh, Nairobi', 'Malindi', 'Busia'];

interface CaseSeed {
  id: string;
  code: string;
  agency: AgencyUsers;
  createdMs: number;
  end: number;
  seal: boolean;
}

/** One case as intake, registration and the lifecycle would have left it. */
function syntheticCase(
  ctx: AppContext,
  random: () => number,
  seed: CaseSeed,
): { row: CaseTable; types: ExploitationType[] } {
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  };
  const some = <T>(items: readonly T[], max: number): T[] => {
    const count = Math.floor(random() * (max + 1));
    return [...new Set(Array.from({ length: count }, () => pick(items)))];
  };
  const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const { createdMs, end } = seed;
  const createdAt = new Date(createdMs).toISOString();
  const ageMs = end - createdMs;
  // Older cases are more often closed; a few recent ones are still drafts.
  const draft = ageMs < 60 * DAY_MS ? chance(0.15) : chance(0.01);
  const closedShare = 0.1 + 0.65 * (ageMs / (3 * YEAR_MS));
  const status = draft
    ? 'Active'
    : chance(closedShare)
      ? chance(0.8)
        ? 'Closed'
        : 'ClosedReferred'
      : chance(0.65)
        ? 'Active'
        : 'FollowUp';
  const open = status === 'Active' || status === 'FollowUp';

  const typeCount = draft && chance(0.4) ? 0 : chance(0.72) ? 1 : chance(0.85) ? 2 : 3;
  const types = [...new Set(Array.from({ length: typeCount }, () => weighted(EXPLOITATION_WEIGHTS)))];
  const birthDate = chance(0.55) ? isoDay(createdMs - (9 + random() * 40) * YEAR_MS) : null;
  const estimatedAge = birthDate || (draft && chance(0.5)) ? null : 8 + Math.floor(random() * 40);
  const profile: CaseDto['profile'] = {
    ...EMPTY_PROFILE,
    gender: draft && chance(0.3) ? null : weighted(GENDER_WEIGHTS),
    estimatedAge,
    citizenships: (draft && chance(0.3) ? [] : [weighted(CITIZENSHIP_WEIGHTS)]) as CaseDto['profile']['citizenships'],
    languages: chance(0.8) ? (chance(0.5) ? ['sw', 'en'] : ['sw']) : [],
    education: chance(0.6) ? pick(EDUCATION_LEVELS) : null,
  };
  const victim: NonNullable<CaseDto['victim']> = {
    ...EMPTY_VICTIM,
    relationshipToTrafficker: chance(0.7) ? pick(RELATIONSHIPS_TO_TRAFFICKER) : null,
    ageWhenTrafficked: chance(0.6) ? 8 + Math.floor(random() * 35) : null,
    recruitmentMethods: some(RECRUITMENT_METHODS, 2),
    recruitmentWebsites: chance(0.3) ? some(WEBSITES_AND_APPS, 2) : [],
    controlMethods: some(CONTROL_METHODS, 4),
    exploitationTypes: types,
    labourIndustry: types.includes('ForcedLabour') && chance(0.8) ? pick(LABOUR_INDUSTRIES) : null,
    sexExploitationTypes: types.includes('SexualExploitation') ? some(SEX_EXPLOITATION_TYPES, 2) : [],
  };

  const first = pick(FIRST_NAMES);
  const last = pick(LAST_NAMES);
  const person: PlainIdentity & { narrative: string | null } = {
    firstName: first,
    middleName: chance(0.4) ? pick(FIRST_NAMES) : null,
    lastName: last,
    birthDate,
    identityNumber: chance(0.4) ? String(20_000_000 + Math.floor(random() * 19_999_999)) : null,
    phone: chance(0.55) ? `07${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null,
    email: chance(0.15) ? `${first}.${last}${Math.floor(random() * 100)}@example.com`.toLowerCase() : null,
    address: chance(0.4) ? `Plot ${1 + Math.floor(random() * 400)}, ${pick(PLACES)}` : null,
    // Caseworkers' accounts: most cases have one, a few hundred to a thousand characters long.
    narrative: chance(0.7) ? narrative(random, 150 + Math.floor(random() * 1_050)) : null,
  };
  const identity = seed.seal ? sealIdentity(ctx.dataKeys, seed.id, person) : opaqueIdentity(person);

  const owner = chance(0.08) ? null : pick(seed.agency.workerIds);
  const createdBy = pick(seed.agency.workerIds);
  const closedAtMs = open || draft ? null : createdMs + (0.1 + random() * 0.9) * ageMs;
  const closurePending = open && !draft && chance(0.03);
  const requestedMs = closedAtMs
    ? closedAtMs - random() * 7 * DAY_MS
    : closurePending
      ? end - random() * 5 * DAY_MS
      : null;
  // Follow-ups cluster around today: some overdue, some ahead.
  const followUpMs =
    open && !draft && (status === 'FollowUp' || chance(0.5))
      ? Math.max(createdMs + DAY_MS, end + (-90 + random() * 150) * DAY_MS)
      : null;
  const reopenedMs = open && !draft && ageMs > 120 * DAY_MS && chance(0.03) ? end - random() * 60 * DAY_MS : null;
  const updatedMs = Math.max(createdMs, closedAtMs ?? 0, requestedMs ?? 0, reopenedMs ?? 0, end - random() * ageMs);
  const iso = (ms: number | null) => (ms === null ? null : new Date(Math.min(ms, end)).toISOString());
  const closureReason = 'Services completed and the person is safely reintegrated with family support.';

  const row: CaseTable = {
    id: seed.id,
    code: seed.code,
    agency_id: seed.agency.id,
    owner_id: owner,
    created_by: createdBy,
    draft: draft ? 1 : 0,
    status,
    trafficking_status: draft ? null : weighted(TRAFFICKING_STATUS_WEIGHTS),
    gender: profile.gender,
    citizenship: profile.citizenships[0] ?? null,
    age_band: ageBandFor(birthDate, estimatedAge, createdAt.slice(0, 10)),
    county_code: draft && chance(0.5) ? null : weighted(COUNTY_WEIGHTS),
    exploitation_types: JSON.stringify(types),
    profile_json: JSON.stringify(profile),
    victim_json: JSON.stringify(victim),
    follow_up_at: followUpMs === null ? null : isoDay(followUpMs),
    ...identity,
    closure_requested_at: iso(requestedMs),
    closure_requested_by: requestedMs ? pick(seed.agency.workerIds) : null,
    closure_status: requestedMs ? (status === 'ClosedReferred' ? 'ClosedReferred' : 'Closed') : null,
    closure_reason_enc: requestedMs
      ? seed.seal
        ? ctx.dataKeys.seal(closureReason, 'cases', seed.id, 'closure_reason_enc')
        : opaque(closureReason.length)
      : null,
    closure_approved_at: iso(closedAtMs),
    closure_approved_by: closedAtMs ? seed.agency.approverId : null,
    reopened_at: iso(reopenedMs),
    created_at: createdAt,
    updated_at: iso(updatedMs) ?? createdAt,
  };
  return { row, types };
}

const NARRATIVE_WORDS =
  'she was promised work in a hotel abroad and travelled by bus with an agent who kept her passport; ' +
  'on arrival the employer demanded payment of a debt for the journey, wages were withheld and she was ' +
  'not allowed to leave the house or call her family, until a neighbour alerted the hotline';

function narrative(random: () => number, length: number): string {
  const start = Math.floor(random() * NARRATIVE_WORDS.length);
  let text = NARRATIVE_WORDS.slice(start);
  while (text.length < length) text += ` ${NARRATIVE_WORDS}`;
  return text.slice(0, length);
}

/**
 * Values of the same shape and length as sealed ones (prefix, key id, IV + tag + ciphertext in
 * base64url) without the cost of AES-GCM for every field of every case; the list never opens them.
 */
function opaqueIdentity(person: PlainIdentity & { narrative: string | null }): ReturnType<typeof sealIdentity> {
  const sealedLength = (v: string | null | undefined) => (v === null || v === undefined ? null : opaque(v.length));
  const hash = (v: string | null | undefined) => (v === null || v === undefined ? null : opaqueHash());
  return {
    first_name_enc: sealedLength(person.firstName),
    middle_name_enc: sealedLength(person.middleName),
    last_name_enc: sealedLength(person.lastName),
    birth_date_enc: sealedLength(person.birthDate),
    identity_number_enc: sealedLength(person.identityNumber),
    phone_enc: sealedLength(person.phone),
    email_enc: sealedLength(person.email),
    address_enc: sealedLength(person.address),
    narrative_enc: sealedLength(person.narrative),
    // HMAC-SHA256 in base64url: 43 characters, like a blind index (unique, so nothing matches by chance).
    bi_name: hash(person.firstName),
    bi_birth_date: hash(person.birthDate),
    bi_identity_number: hash(person.identityNumber),
    bi_phone: hash(person.phone),
    bi_email: hash(person.email),
  };
}

const OPAQUE_KEY_ID = '00000000-0000-7000-8000-000000000000';

/** `k1.<key id>.` and the base64url of a 12-byte IV, a 16-byte tag and the ciphertext, as DataKeys.seal writes. */
function opaque(plaintextBytes: number): string {
  return `k1.${OPAQUE_KEY_ID}.${randomChunk(28 + plaintextBytes)}`;
}

/** An HMAC-SHA256 in base64url, as a blind index is: 43 characters. */
function opaqueHash(): string {
  return randomChunk(32);
}

// Random bytes drawn 64 KiB at a time: one getrandom call per value cost more than the inserts.
const randomPool = Buffer.alloc(65_536);
let randomOffset = randomPool.length;

function randomChunk(size: number): string {
  if (randomOffset + size > randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const chunk = randomPool.toString('base64url', randomOffset, randomOffset + size);
  randomOffset += size;
  return chunk;
}

function rowWidth(row: CaseTable): number {
  return Object.values(row).reduce<number>((s, v) => s + (v === null ? 0 : String(v).length), 0);
}

/** A UUIDv7 for a past instant: ids of synthetic cases carry their registration time, as the service's do. */
function uuidv7(ms: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Math.floor(ms), 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A small seeded generator, so two runs draw the same picklist values and dates. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---- writers ------------------------------------------------------------------------------------

interface Writer {
  batchSize: number;
  write(batch: readonly { row: CaseTable; types: readonly string[] }[]): Promise<void>;
  /** Leaves each year's case sequence at its last number, so intake continues after the synthetic cases. */
  finish(sequences: readonly [number, number][]): Promise<void>;
}

const CASE_COLUMNS = [
  'id',
  'code',
  'agency_id',
  'owner_id',
  'created_by',
  'draft',
  'status',
  'trafficking_status',
  'gender',
  'age_band',
  'citizenship',
  'county_code',
  'exploitation_types',
  'profile_json',
  'victim_json',
  'follow_up_at',
  'first_name_enc',
  'middle_name_enc',
  'last_name_enc',
  'birth_date_enc',
  'identity_number_enc',
  'phone_enc',
  'email_enc',
  'address_enc',
  'narrative_enc',
  'bi_name',
  'bi_birth_date',
  'bi_identity_number',
  'bi_phone',
  'bi_email',
  'closure_requested_at',
  'closure_requested_by',
  'closure_status',
  'closure_reason_enc',
  'closure_approved_at',
  'closure_approved_by',
  'reopened_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof CaseTable)[];

// Every column of the table, so a column added by a later migration fails the type check here.
type MissingColumns = Exclude<keyof CaseTable, (typeof CASE_COLUMNS)[number]>;
const allColumnsListed: MissingColumns extends never ? true : MissingColumns = true;
void allColumnsListed;

/** SQLite: one transaction, cached prepared statements on the raw better-sqlite3 connection. */
function sqliteWriter(ctx: AppContext): Writer {
  const sqlite = ctx.database.sqlite;
  if (!sqlite) throw new Error('no SQLite connection');
  // The load's own connection only: random-order blind-index inserts thrash the default 2 MB page cache.
  sqlite.pragma('cache_size = -131072');
  const insertCase = sqlite.prepare(
    `insert into cases (${CASE_COLUMNS.join(', ')}) values (${CASE_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertType = sqlite.prepare('insert into case_exploitation_types (case_id, type) values (?, ?)');
  const writeBatch = sqlite.transaction((batch: readonly { row: CaseTable; types: readonly string[] }[]) => {
    for (const { row, types } of batch) {
      insertCase.run(CASE_COLUMNS.map((c) => row[c]));
      for (const type of types) insertType.run(row.id, type);
    }
  });
  const upsertSequence = sqlite.prepare(
    'insert into case_sequences (year, last_value) values (?, ?) on conflict (year) do update set last_value = excluded.last_value',
  );
  return {
    batchSize: 10_000,
    write: (batch) => Promise.resolve(writeBatch(batch)),
    finish: (sequences) => {
      sqlite.transaction(() => sequences.forEach(([year, n]) => upsertSequence.run(year, n)))();
      return Promise.resolve();
    },
  };
}

/**
 * PostgreSQL: one statement per batch of 2,000 cases, INSERT … SELECT FROM unnest(…) with a
 * typed array per column (41 parameters where a multi-row VALUES list needs 78,000), the
 * exploitation types in the same statement. It is sent at once, so the server stores one
 * batch while this process makes the next.
 */
async function postgresWriter(ctx: AppContext): Promise<Writer> {
  if (!ctx.config.databaseUrl) throw new Error('no PostgreSQL URL');
  const client = new pg.Client({ connectionString: ctx.config.databaseUrl });
  await client.connect();
  const integerColumns: readonly string[] = ['draft', 'county_code'];
  const arrays = CASE_COLUMNS.map((c, i) => `$${i + 1}::${integerColumns.includes(c) ? 'integer' : 'text'}[]`);
  const typeArrays = `$${CASE_COLUMNS.length + 1}::text[], $${CASE_COLUMNS.length + 2}::text[]`;
  const insert =
    `with inserted as (insert into cases (${CASE_COLUMNS.join(', ')}) select * from unnest(${arrays.join(', ')})) ` +
    `insert into case_exploitation_types (case_id, type) select * from unnest(${typeArrays})`;
  return {
    batchSize: 2_000,
    write: async (batch) => {
      const pairs = batch.flatMap(({ row, types }) => types.map((type) => [row.id, type] as const));
      await client.query({
        name: 'bench_insert_cases',
        text: insert,
        values: [
          ...CASE_COLUMNS.map((c) => batch.map(({ row }) => row[c])),
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        ],
      });
    },
    finish: async (sequences) => {
      try {
        for (const [year, n] of sequences) {
          await client.query(
            'insert into case_sequences (year, last_value) values ($1, $2) on conflict (year) do update set last_value = excluded.last_value',
            [year, n],
          );
        }
      } finally {
        await client.end();
      }
    },
  };
}
