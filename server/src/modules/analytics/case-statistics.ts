import {
  STAT_CONTROL,
  STAT_EXPLOITATION,
  STAT_LABOUR,
  STAT_RECRUITER,
  STAT_RECRUITMENT,
  STAT_SEX_TYPES,
  flagMask,
  type CONTROL_METHODS,
  type EXPLOITATION_TYPES,
  type GENDERS,
  type RELATIONSHIPS_TO_TRAFFICKER,
  type SEX_EXPLOITATION_TYPES,
  type StatGender,
} from '@kinga/shared';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { StatRecordTable } from '../../db/schema.ts';

/**
 * The projection of Kinga cases into `stat_records`, the one de-identified view every figure
 * is read from. A case is there (source 'case', data source 'CaseManagement') only while it
 * is registered (not a draft), is not determined "not a victim of trafficking", and holds a
 * standing statistics consent; every other case is removed. Only CTDC categories are copied:
 * no identifier, no free text, no date finer than the month of registration.
 */

type Gender = (typeof GENDERS)[number];
type ExploitationType = (typeof EXPLOITATION_TYPES)[number];
type ControlMethod = (typeof CONTROL_METHODS)[number];
type Relationship = (typeof RELATIONSHIPS_TO_TRAFFICKER)[number];
type SexType = (typeof SEX_EXPLOITATION_TYPES)[number];

/** The country a county belongs to when an event names a county but no country. */
export const DEFAULT_STAT_COUNTRY = 'KE';

/**
 * HTCDS case vocabulary → CTDC categories, in one place (docs/analytics-api.md repeats it).
 * A value mapped to null is "unknown" in CTDC. Values not listed in `labourBySection`
 * (ISIC sections D, E, G, J–S, U) are CTDC "Other".
 */
export const CASE_TO_CTDC = {
  gender: {
    Feminine: 'Female',
    Masculine: 'Male',
    TransgenderFeminine: 'TransgenderOrNonConforming',
    TransgenderMasculine: 'TransgenderOrNonConforming',
    NonConforming: 'TransgenderOrNonConforming',
    NonSpecifiedUnknown: null,
  } satisfies Record<Gender, StatGender | null>,
  exploitation: {
    ForcedLabour: 'ForcedLabour',
    ChildLabour: 'ForcedLabour',
    Servitude: 'ForcedLabour',
    ForcedBegging: 'ForcedLabour',
    SexualExploitation: 'SexualExploitation',
    ForcedMarriage: 'ForcedMarriage',
    ForcedMilitaryByNonStateActors: 'ForcedMilitary',
    OrganRemoval: 'OrganRemoval',
    ForcedAdoption: 'Other',
    Surrogacy: 'Other',
    Other: 'Other',
  } satisfies Record<ExploitationType, (typeof STAT_EXPLOITATION)[number]>,
  /** ISIC rev. 4 section (the letter before `_`) → CTDC typeOfLabour. */
  labourBySection: {
    A: 'Agriculture',
    B: 'MiningOrDrilling',
    C: 'Manufacturing',
    F: 'Construction',
    H: 'Transportation',
    I: 'Hospitality',
    T: 'DomesticWork',
  } satisfies Record<string, (typeof STAT_LABOUR)[number]>,
  /** Labour types implied by a form of exploitation, whatever the industry. */
  labourByExploitation: { ForcedBegging: 'Begging' } satisfies Partial<
    Record<ExploitationType, (typeof STAT_LABOUR)[number]>
  >,
  sexType: {
    Prostitution: 'Prostitution',
    Pornography: 'Pornography',
    RemoteInteractiveServices: 'RemoteInteractiveServices',
    PrivateSexualServices: 'PrivateSexualServices',
  } satisfies Record<SexType, (typeof STAT_SEX_TYPES)[number]>,
  control: {
    PhysicalThreats: 'Threats',
    ThreatensChildrenFamily: 'Threats',
    ThreatsLawEnforcement: 'ThreatOfLawEnforcement',
    PsychoactiveSubstance: 'PsychoactiveSubstances',
    DebtBondage: 'DebtBondage',
    FalsePromises: 'FalsePromises',
    PhysicalAbuse: 'PhysicalAbuse',
    SexualAbuse: 'SexualAbuse',
    TakesEarnings: 'TakesEarnings',
    RestrictsFinancialAccess: 'RestrictsFinancialAccess',
    RestrictsMedicalCare: 'RestrictsMedicalCare',
    WithholdsNecessities: 'WithholdsNecessities',
    PsychologicalAbuse: 'PsychologicalAbuse',
    ExcessiveWorkingHours: 'ExcessiveWorkingHours',
    WithholdsDocuments: 'WithholdsDocuments',
    Other: 'Other',
  } satisfies Record<ControlMethod, (typeof STAT_CONTROL)[number]>,
  recruiter: {
    Familial: 'Family',
    Acquainted: 'Friend',
    Unaquainted: 'Other',
  } satisfies Record<Relationship, (typeof STAT_RECRUITER)[number]>,
} as const;

/** The inputs of the projection, as a case holds them. */
export interface CaseStatisticsInput {
  id: string;
  draft: number;
  trafficking_status: string | null;
  gender: string | null;
  age_band: string | null;
  citizenship: string | null;
  victim_json: string;
  created_at: string;
}

/** A route stage of the case, in position order. */
export interface CaseEventInput {
  type: string;
  country: string | null;
  county_code: number | null;
}

export type CaseStatRecord = Omit<StatRecordTable, 'id'>;

interface Victim {
  exploitationTypes?: string[];
  labourIndustry?: string | null;
  sexExploitationTypes?: string[];
  controlMethods?: string[];
  relationshipToTrafficker?: string | null;
  recruitmentMethods?: string[];
}

function lookup<T extends Record<string, string | null>>(table: T, key: string | null | undefined): T[keyof T] | null {
  if (key === null || key === undefined || !Object.hasOwn(table, key)) return null;
  return table[key as keyof T];
}

function mapAll<T extends Record<string, string>>(table: T, keys: readonly string[] | undefined): string[] {
  return (keys ?? []).map((k) => lookup(table, k)).filter((v): v is T[keyof T] => v !== null);
}

/** Whether the case belongs in the statistics at all (registered, not "not a victim", consented). */
export function isCounted(row: Pick<CaseStatisticsInput, 'draft' | 'trafficking_status'>, consented: boolean): boolean {
  return row.draft === 0 && row.trafficking_status !== 'NotAVictimOfTrafficking' && consented;
}

/** The CTDC-category record of one case (pure: the caller decides whether it is counted). */
export function projectCase(
  row: CaseStatisticsInput,
  events: readonly CaseEventInput[],
  country: string = DEFAULT_STAT_COUNTRY,
): CaseStatRecord {
  const victim = JSON.parse(row.victim_json) as Victim;
  const place = (type: string) => {
    const event = events.find((e) => e.type === type);
    if (!event) return { country: null, county: null };
    return { country: event.country ?? (event.county_code !== null ? country : null), county: event.county_code };
  };
  const origin = place('Recruitment');
  const transit = place('Transit');
  const exploitation = place('Exploitation');

  const labour = [...mapAll(CASE_TO_CTDC.labourByExploitation, victim.exploitationTypes)];
  const section = victim.labourIndustry?.split('_')[0];
  if (section) labour.push(lookup(CASE_TO_CTDC.labourBySection, section) ?? 'Other');
  const recruiter = lookup(CASE_TO_CTDC.recruiter, victim.relationshipToTrafficker);

  return {
    source: 'case',
    import_id: null,
    case_id: row.id,
    line: null,
    year: Number(row.created_at.slice(0, 4)),
    month: Number(row.created_at.slice(5, 7)),
    data_source: 'CaseManagement',
    gender: lookup(CASE_TO_CTDC.gender, row.gender),
    age_band: row.age_band,
    citizenship: row.citizenship,
    country_origin: origin.country,
    country_transit: transit.country,
    country_exploitation: exploitation.country,
    county_origin: origin.county,
    county_exploitation: exploitation.county,
    exploitation: flagMask(STAT_EXPLOITATION, mapAll(CASE_TO_CTDC.exploitation, victim.exploitationTypes)),
    labour: flagMask(STAT_LABOUR, labour),
    sex_types: flagMask(STAT_SEX_TYPES, mapAll(CASE_TO_CTDC.sexType, victim.sexExploitationTypes)),
    control: flagMask(STAT_CONTROL, mapAll(CASE_TO_CTDC.control, victim.controlMethods)),
    recruiter: recruiter ? flagMask(STAT_RECRUITER, [recruiter]) : 0,
    // HTCDS recruitment methods are STAT_RECRUITMENT's own first values.
    recruitment: flagMask(STAT_RECRUITMENT, victim.recruitmentMethods ?? []),
  };
}

/** SQLite allows 32,766 bound parameters; chunks keep every `in (…)` and insert well below. */
const CHUNK = 500;

/**
 * Projects the given cases into `stat_records`: inserts or replaces those counted, deletes
 * the others (and ids of cases that no longer exist). Call it inside the transaction of
 * every write that changes a projected input.
 */
export async function refreshCaseStatistics(
  db: Db | Tx,
  caseIds: readonly string[],
  options: { country?: string } = {},
): Promise<void> {
  const country = options.country ?? DEFAULT_STAT_COUNTRY;
  const ids = [...new Set(caseIds)];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'draft', 'trafficking_status', 'gender', 'age_band', 'citizenship', 'victim_json', 'created_at'])
      .where('id', 'in', chunk)
      .execute();
    const consented = new Set(
      (
        await db
          .selectFrom('consents')
          .select('case_id')
          .where('case_id', 'in', chunk)
          .where('purpose', '=', 'statistics')
          .where('withdrawn_at', 'is', null)
          .execute()
      ).map((c) => c.case_id),
    );
    const counted = rows.filter((row) => isCounted(row, consented.has(row.id)));
    const eventsByCase = new Map<string, CaseEventInput[]>();
    if (counted.length) {
      const events = await db
        .selectFrom('case_events')
        .select(['case_id', 'type', 'country', 'county_code'])
        .where(
          'case_id',
          'in',
          counted.map((r) => r.id),
        )
        .orderBy('case_id')
        .orderBy('position')
        .execute();
      for (const e of events) {
        const list = eventsByCase.get(e.case_id) ?? [];
        list.push(e);
        eventsByCase.set(e.case_id, list);
      }
    }
    await db.deleteFrom('stat_records').where('case_id', 'in', chunk).execute();
    if (counted.length) {
      await db
        .insertInto('stat_records')
        .values(counted.map((row) => ({ id: newId(), ...projectCase(row, eventsByCase.get(row.id) ?? [], country) })))
        .execute();
    }
  }
}

/** Rebuilds the projection of every case (after a bulk load or a change of rules); returns the records written. */
export async function rebuildCaseStatistics(db: Db | Tx, options: { country?: string } = {}): Promise<number> {
  await db.deleteFrom('stat_records').where('source', '=', 'case').execute();
  const ids = (await db.selectFrom('cases').select('id').orderBy('id').execute()).map((r) => r.id);
  await refreshCaseStatistics(db, ids, options);
  const counted = await db
    .selectFrom('stat_records')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('source', '=', 'case')
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}
