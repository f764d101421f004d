/**
 * Vocabulary of analytics and data release. Analytics speak CTDC: every de-identified
 * record, whether projected from a Kinga case or imported from a CTDC file, is stored in
 * CTDC's categories (`../shared/data/ctdc/`), so dashboards, public figures and releases
 * read one table (`stat_records`) and releases carry CTDC variable names.
 *
 * Multi-valued attributes (a victim can suffer several forms of exploitation or means of
 * control) are stored as bitmasks over the lists below: bit i is the list's i-th value.
 * Missing values ("", "Unknown", "Missing", "NotSpecified") are stored as null / no bit.
 */
import { RECRUITMENT_METHODS } from './cases-vocab.ts';

/** Where a de-identified record comes from: a Kinga case (own or HTCDS-imported) or an imported CTDC file. */
export const STAT_SOURCES = ['case', 'ctdc'] as const;
export type StatSource = (typeof STAT_SOURCES)[number];

/** CTDC `gender` (2018: Female, Male; 2024 adds trans/non-conforming). HTCDS genders map onto these. */
export const STAT_GENDERS = ['Female', 'Male', 'TransgenderOrNonConforming'] as const;
export type StatGender = (typeof STAT_GENDERS)[number];

/** CTDC `Datasource`. Kinga cases are case management. */
export const STAT_DATA_SOURCES = ['CaseManagement', 'Hotline'] as const;

/** CTDC is*Exploit flags (isSexAndLabour is derived: both bits set). */
export const STAT_EXPLOITATION = [
  'ForcedLabour',
  'SexualExploitation',
  'ForcedMarriage',
  'ForcedMilitary',
  'OrganRemoval',
  'Other',
] as const;

/** CTDC typeOfLabour* flags (typeOfLabourNotSpecified is "no bit"). */
export const STAT_LABOUR = [
  'Agriculture',
  'Aquafarming',
  'Begging',
  'Construction',
  'DomesticWork',
  'Hospitality',
  'IllicitActivities',
  'Manufacturing',
  'MiningOrDrilling',
  'Peddling',
  'Transportation',
  'Other',
] as const;

/** CTDC typeOfSex* flags. */
export const STAT_SEX_TYPES = [
  'Prostitution',
  'Pornography',
  'RemoteInteractiveServices',
  'PrivateSexualServices',
] as const;

/** CTDC meansOfControl* flags (meansOfControlNotSpecified is "no bit"). */
export const STAT_CONTROL = [
  'DebtBondage',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'Threats',
  'PsychologicalAbuse',
  'PhysicalAbuse',
  'SexualAbuse',
  'FalsePromises',
  'PsychoactiveSubstances',
  'RestrictsMovement',
  'RestrictsMedicalCare',
  'ExcessiveWorkingHours',
  'UsesChildren',
  'ThreatOfLawEnforcement',
  'WithholdsNecessities',
  'WithholdsDocuments',
  'Other',
] as const;

/** CTDC recruiterRelation* flags (recruiterRelationUnknown is "no bit"). */
export const STAT_RECRUITER = ['IntimatePartner', 'Friend', 'Family', 'Other'] as const;

/** How victims were recruited: HTCDS vic_MethodOfRecruitment, plus CTDC's isAbduction. */
export const STAT_RECRUITMENT = [...RECRUITMENT_METHODS, 'Abduction'] as const;

/** The multi-valued attributes, each with its value list (bit order) and its `stat_records` column. */
export const STAT_FLAG_FAMILIES = {
  exploitation: STAT_EXPLOITATION,
  labour: STAT_LABOUR,
  sexType: STAT_SEX_TYPES,
  control: STAT_CONTROL,
  recruiter: STAT_RECRUITER,
  recruitment: STAT_RECRUITMENT,
} as const;
export type StatFlagFamily = keyof typeof STAT_FLAG_FAMILIES;

export const STAT_FLAG_COLUMNS: Record<StatFlagFamily, string> = {
  exploitation: 'exploitation',
  labour: 'labour',
  sexType: 'sex_types',
  control: 'control',
  recruiter: 'recruiter',
  recruitment: 'recruitment',
};

/**
 * CTDC column name of each flag value, as in `ctdc_global_k_anonymized_2018.csv` (0/1/empty).
 * isSexAndLabour and the *NotSpecified / *Unknown columns are derived on export.
 */
export const CTDC_FLAG_VARIABLES: {
  [F in StatFlagFamily]: Partial<Record<(typeof STAT_FLAG_FAMILIES)[F][number], string>>;
} = {
  exploitation: {
    ForcedLabour: 'isForcedLabour',
    SexualExploitation: 'isSexualExploit',
    ForcedMarriage: 'isForcedMarriage',
    ForcedMilitary: 'isForcedMilitary',
    OrganRemoval: 'isOrganRemoval',
    Other: 'isOtherExploit',
  },
  labour: {
    Agriculture: 'typeOfLabourAgriculture',
    Aquafarming: 'typeOfLabourAquafarming',
    Begging: 'typeOfLabourBegging',
    Construction: 'typeOfLabourConstruction',
    DomesticWork: 'typeOfLabourDomesticWork',
    Hospitality: 'typeOfLabourHospitality',
    IllicitActivities: 'typeOfLabourIllicitActivities',
    Manufacturing: 'typeOfLabourManufacturing',
    MiningOrDrilling: 'typeOfLabourMiningOrDrilling',
    Peddling: 'typeOfLabourPeddling',
    Transportation: 'typeOfLabourTransportation',
    Other: 'typeOfLabourOther',
  },
  sexType: {
    Prostitution: 'typeOfSexProstitution',
    Pornography: 'typeOfSexPornography',
    RemoteInteractiveServices: 'typeOfSexRemoteInteractiveServices',
    PrivateSexualServices: 'typeOfSexPrivateSexualServices',
  },
  control: {
    DebtBondage: 'meansOfControlDebtBondage',
    TakesEarnings: 'meansOfControlTakesEarnings',
    RestrictsFinancialAccess: 'meansOfControlRestrictsFinancialAccess',
    Threats: 'meansOfControlThreats',
    PsychologicalAbuse: 'meansOfControlPsychologicalAbuse',
    PhysicalAbuse: 'meansOfControlPhysicalAbuse',
    SexualAbuse: 'meansOfControlSexualAbuse',
    FalsePromises: 'meansOfControlFalsePromises',
    PsychoactiveSubstances: 'meansOfControlPsychoactiveSubstances',
    RestrictsMovement: 'meansOfControlRestrictsMovement',
    RestrictsMedicalCare: 'meansOfControlRestrictsMedicalCare',
    ExcessiveWorkingHours: 'meansOfControlExcessiveWorkingHours',
    UsesChildren: 'meansOfControlUsesChildren',
    ThreatOfLawEnforcement: 'meansOfControlThreatOfLawEnforcement',
    WithholdsNecessities: 'meansOfControlWithholdsNecessities',
    WithholdsDocuments: 'meansOfControlWithholdsDocuments',
    Other: 'meansOfControlOther',
  },
  recruiter: {
    IntimatePartner: 'recruiterRelationIntimatePartner',
    Friend: 'recruiterRelationFriend',
    Family: 'recruiterRelationFamily',
    Other: 'recruiterRelationOther',
  },
  recruitment: { Abduction: 'isAbduction' },
};

/** The bit of one value in a family's list. */
export function flagBit(values: readonly string[], value: string): number {
  const index = values.indexOf(value);
  if (index < 0) throw new Error('Unknown flag value');
  return 2 ** index;
}

/** The bitmask of a set of values; unknown values are ignored. */
export function flagMask(values: readonly string[], chosen: Iterable<string>): number {
  let mask = 0;
  for (const value of chosen) {
    const index = values.indexOf(value);
    if (index >= 0) mask |= 2 ** index;
  }
  return mask;
}

/** The values whose bits are set in a mask, in list order. */
export function flagValues<T extends string>(values: readonly T[], mask: number): T[] {
  return values.filter((_, index) => (mask & (2 ** index)) !== 0);
}

/**
 * The dimensions a statistics table can be broken down by. Keys in answers are codes:
 * a year ("2016"), a month ("2016-03"), a vocabulary code, an ISO-2 country, a county code
 * ("47"); null is "unknown".
 */
export const STAT_DIMENSIONS = [
  'year',
  'month',
  'source',
  'dataSource',
  'gender',
  'ageBand',
  'citizenship',
  'countryOfOrigin',
  /**
   * The country of origin, or the citizenship where the origin is not recorded (CTDC records
   * carry citizenship only): the first column of the flow views.
   */
  'originOrCitizenship',
  'countryOfTransit',
  'countryOfExploitation',
  'countyOfOrigin',
  'countyOfExploitation',
  ...(Object.keys(STAT_FLAG_FAMILIES) as StatFlagFamily[]),
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** Dimensions where one record can fall in several categories: their tables do not add up to a total. */
export const MULTI_VALUED_DIMENSIONS: readonly StatDimension[] = Object.keys(STAT_FLAG_FAMILIES) as StatFlagFamily[];

/** The smallest published count unless the instance sets another (CTDC's k). */
export const DEFAULT_STATISTICS_K = 11;

/** The dashboard's tables, each by one or two dimensions, in the order the page shows them. */
export const DASHBOARD_TABLES = {
  byYear: ['year'],
  byMonth: ['month'],
  source: ['source'],
  genderAge: ['gender', 'ageBand'],
  exploitation: ['exploitation'],
  labour: ['labour'],
  sexType: ['sexType'],
  control: ['control'],
  recruiter: ['recruiter'],
  recruitment: ['recruitment'],
  citizenship: ['citizenship'],
  countryOfExploitation: ['countryOfExploitation'],
} as const satisfies Record<string, readonly StatDimension[]>;
export type DashboardTableId = keyof typeof DASHBOARD_TABLES;

// ---- data releases (owner: releases) ----------------------------------------------------------

/** How a release protects the records it publishes. */
export const RELEASE_METHODS = ['k_anonymity', 'dp_synthetic'] as const;
export type ReleaseMethod = (typeof RELEASE_METHODS)[number];

/** Which records a release is built from: all, Kinga cases only (own, consented) or imported CTDC records. */
export const RELEASE_SOURCES = ['all', 'case', 'ctdc'] as const;
export type ReleaseSource = (typeof RELEASE_SOURCES)[number];

/** The single-valued attributes a release can carry, by CTDC variable name. */
export const RELEASE_PROFILE_ATTRIBUTES = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'citizenship',
  'CountryOfExploitation',
] as const;

function flagVariables(family: StatFlagFamily): string[] {
  const names = CTDC_FLAG_VARIABLES[family] as Record<string, string | undefined>;
  return (STAT_FLAG_FAMILIES[family] as readonly string[]).flatMap((value) => {
    const name = names[value];
    return name ? [name] : [];
  });
}

/**
 * The attributes an analyst may choose for a release, grouped as the form shows them: CTDC
 * variable names (profile variables, then every flag variable of CTDC_FLAG_VARIABLES).
 */
export const RELEASE_ATTRIBUTE_GROUPS: Readonly<Record<'profile' | StatFlagFamily, readonly string[]>> = {
  profile: RELEASE_PROFILE_ATTRIBUTES,
  exploitation: flagVariables('exploitation'),
  labour: flagVariables('labour'),
  sexType: flagVariables('sexType'),
  control: flagVariables('control'),
  recruiter: flagVariables('recruiter'),
  recruitment: flagVariables('recruitment'),
};
export type ReleaseAttributeGroup = keyof typeof RELEASE_ATTRIBUTE_GROUPS;

/** Every attribute a release may carry (CTDC variable names), in CTDC column order of the groups above. */
export const RELEASE_ATTRIBUTES: readonly string[] = Object.values(RELEASE_ATTRIBUTE_GROUPS).flat();

/** Flag attributes: published as 1/0/empty (see docs/data-release.md). */
export function isFlagAttribute(attribute: string): boolean {
  return !(RELEASE_PROFILE_ATTRIBUTES as readonly string[]).includes(attribute);
}

/** The attributes a release offers by default: the profile plus the forms of exploitation. */
export const DEFAULT_RELEASE_ATTRIBUTES: readonly string[] = [
  ...RELEASE_PROFILE_ATTRIBUTES,
  ...RELEASE_ATTRIBUTE_GROUPS.exploitation,
  ...RELEASE_ATTRIBUTE_GROUPS.recruitment,
];

/** Quasi-identifiers proposed for k-anonymity: what an adversary could know about a person. */
export const DEFAULT_QUASI_IDENTIFIERS: readonly string[] = [
  'yearOfRegistration',
  'gender',
  'ageBroad',
  'citizenship',
  'CountryOfExploitation',
];

/** CTDC's spelling of the age bands in released files (the 2018 file and the 2024 codebook: "18--20"). */
export const CTDC_AGE_BANDS = [
  '0--8',
  '9--17',
  '18--20',
  '21--23',
  '24--26',
  '27--29',
  '30--38',
  '39--47',
  '48+',
] as const;

export const RELEASE_DEFAULTS = {
  k: DEFAULT_STATISTICS_K,
  maxSuppression: 0.05,
  epsilon: 4,
  delta: 1e-6,
  reportingLength: 3,
  fabricationThreshold: 0,
} as const;
