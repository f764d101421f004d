import type {
  ActionItemStatus,
  ActivityArea,
  ActivityProgressStatus,
  AttendanceStatus,
  CoordinationBody,
  Disaggregation,
  IndicatorAggregation,
  IndicatorDirection,
  IndicatorFrequency,
  IndicatorSource,
  MeetingKind,
  MeetingStatus,
  MembershipRole,
  Pillar,
  ReportStatus,
} from '@kinga/shared';

/**
 * The demo instance's coordination work, as Kenya's Counter-Trafficking in Persons Advisory
 * Committee and its task force would hold it: partner profiles, the plan adopted in 2022 and
 * its monitoring in 2026, the draft plan for 2027–2031 (returned once by the Committee) and
 * the meetings behind both. Pure data: demo-plans.seed.ts writes it. Every person named here
 * is invented; agencies are the demo agencies of demo.seed.ts, by key.
 */

export type PartnerKey =
  'secretariat' | 'labour' | 'agencyA' | 'agencyB' | 'police' | 'helpline' | 'odpp' | 'iom' | 'unodc' | 'faith';

/** A date relative to the day the demo is loaded, so that "overdue" stays overdue. */
export interface DaysFromSeeding {
  inDays: number;
}
export type DemoDate = string | DaysFromSeeding;

// ---- partners --------------------------------------------------------------------------------

export interface DemoPartner {
  agency: PartnerKey;
  mandate: string;
  focalPersons: { name: string; title: string; email: string; phone: string }[];
  memberships: { body: CoordinationBody; role: MembershipRole; since: string }[];
  /** Counties by code; `national` for work that covers the whole country. */
  presence: { area: ActivityArea; counties: readonly number[] | 'national' }[];
}

const COMMITTEE_SINCE = '2019-03-12';
const TASK_FORCE_SINCE = '2025-11-20';

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  {
    agency: 'secretariat',
    mandate:
      'Secretariat of the Counter-Trafficking in Persons Advisory Committee (Counter-Trafficking in Persons Act 2010, ss. 19–21): prepares the Committee’s meetings and the National Plan of Action, follows up decisions, collects progress reports from lead agencies and publishes the annual national report on trafficking in persons.',
    focalPersons: [
      {
        name: 'Joseph Kamau Otieno',
        title: 'Head of Secretariat',
        email: 'secretariat@demo.kinga.test',
        phone: '+254 20 000 0101',
      },
      {
        name: 'Halima Abdi Hassan',
        title: 'Monitoring and Evaluation Officer',
        email: 'analyst@demo.kinga.test',
        phone: '+254 20 000 0111',
      },
    ],
    memberships: [
      { body: 'steering_committee', role: 'secretariat', since: COMMITTEE_SINCE },
      { body: 'task_force', role: 'secretariat', since: TASK_FORCE_SINCE },
    ],
    presence: [
      { area: 'coordination', counties: 'national' },
      { area: 'research', counties: 'national' },
    ],
  },
  {
    agency: 'labour',
    mandate:
      'Labour policy, labour migration and the regulation of private employment agencies (through the National Employment Authority); inspects recruitment agencies, runs pre-departure orientation for migrant workers, negotiates bilateral labour agreements and posts labour attachés to the Gulf states. Chairs the Advisory Committee and the task force that drafts the National Plan of Action.',
    focalPersons: [
      {
        name: 'Grace Akinyi Omondi',
        title: 'Labour Migration Officer, focal point for the plan',
        email: 'focal@demo.kinga.test',
        phone: '+254 20 000 0202',
      },
      {
        name: 'Samuel Kiptoo Chirchir',
        title: 'Senior Labour Officer, Inspections',
        email: 's.chirchir@demo.kinga.test',
        phone: '+254 20 000 0212',
      },
    ],
    memberships: [
      { body: 'steering_committee', role: 'chair', since: COMMITTEE_SINCE },
      { body: 'task_force', role: 'chair', since: TASK_FORCE_SINCE },
    ],
    presence: [
      { area: 'safe_migration', counties: 'national' },
      { area: 'training', counties: [47, 1, 42] },
      { area: 'awareness', counties: [37, 39, 40, 44, 45] },
    ],
  },
  {
    agency: 'agencyA',
    mandate:
      'Non-governmental shelter for adult and child survivors of trafficking at the coast: safe accommodation, medical referral, trauma counselling, legal aid and court accompaniment, and reintegration support. Works with hotels and tour operators against child sex tourism.',
    focalPersons: [
      {
        name: 'Daniel Kiprono Ruto',
        title: 'Programme Manager',
        email: 'supervisor.a@demo.kinga.test',
        phone: '+254 41 000 0303',
      },
    ],
    memberships: [
      { body: 'steering_committee', role: 'member', since: '2021-02-09' },
      { body: 'task_force', role: 'member', since: TASK_FORCE_SINCE },
    ],
    presence: [
      { area: 'shelter', counties: [1, 3, 2] },
      { area: 'psychosocial', counties: [1, 3, 2] },
      { area: 'legal_aid', counties: [1, 3] },
      { area: 'reintegration', counties: [1, 3, 2, 47] },
      { area: 'awareness', counties: [3, 2] },
    ],
  },
  {
    agency: 'agencyB',
    mandate:
      'Department of Children’s Services in Kisumu: rescue, care and protection of child victims, placement in rescue centres, family tracing and reunification, follow-up of children after return, and school-based awareness in the lake region and western Kenya.',
    focalPersons: [
      {
        name: 'Mercy Chebet Langat',
        title: 'Children’s Officer',
        email: 'caseworker.b@demo.kinga.test',
        phone: '+254 57 000 0404',
      },
    ],
    memberships: [
      { body: 'steering_committee', role: 'member', since: COMMITTEE_SINCE },
      { body: 'task_force', role: 'member', since: TASK_FORCE_SINCE },
    ],
    presence: [
      { area: 'shelter', counties: [42] },
      { area: 'psychosocial', counties: [42, 40, 44] },
      { area: 'reintegration', counties: [42, 37, 39, 40, 44, 45] },
      { area: 'awareness', counties: [42, 40] },
    ],
  },
  {
    agency: 'police',
    mandate:
      'Anti-human trafficking and child protection unit of the Directorate of Criminal Investigations: investigates trafficking and smuggling cases, rescues victims, works with prosecutors on charges under the Counter-Trafficking in Persons Act and with police of neighbouring countries on cross-border cases.',
    focalPersons: [
      {
        name: 'Peter Mutua Nzioka',
        title: 'Inspector, liaison officer for the plan',
        email: 'police@demo.kinga.test',
        phone: '+254 20 000 0505',
      },
    ],
    memberships: [
      { body: 'steering_committee', role: 'member', since: COMMITTEE_SINCE },
      { body: 'task_force', role: 'member', since: TASK_FORCE_SINCE },
    ],
    presence: [
      { area: 'investigation', counties: 'national' },
      { area: 'training', counties: [47, 1, 23] },
    ],
  },
  {
    agency: 'helpline',
    mandate:
      'Non-governmental national trafficking helpline, free of charge around the clock in Kiswahili and English and linked to the child helpline 116 and the gender-based violence line 1195; takes tips, refers callers to services and runs public awareness campaigns.',
    focalPersons: [
      {
        name: 'Brian Ochieng Were',
        title: 'Helpline Coordinator',
        email: 'hotline@demo.kinga.test',
        phone: '+254 20 000 0606',
      },
    ],
    memberships: [{ body: 'task_force', role: 'member', since: TASK_FORCE_SINCE }],
    presence: [
      { area: 'hotline', counties: 'national' },
      { area: 'awareness', counties: [47, 1, 37, 45] },
    ],
  },
  {
    agency: 'odpp',
    mandate:
      'Prosecutes offences under the Counter-Trafficking in Persons Act 2010 through its counter-trafficking division; guides investigations, protects victims as witnesses and trains prosecutors on victim-centred trials.',
    focalPersons: [
      {
        name: 'Lucy Wambui Gathoni',
        title: 'Senior Assistant Director of Public Prosecutions',
        email: 'l.gathoni@demo.kinga.test',
        phone: '+254 20 000 0707',
      },
      {
        name: 'Kevin Omondi Achieng',
        title: 'Prosecution Counsel',
        email: 'k.achieng@demo.kinga.test',
        phone: '+254 20 000 0717',
      },
    ],
    memberships: [
      { body: 'steering_committee', role: 'member', since: COMMITTEE_SINCE },
      { body: 'task_force', role: 'member', since: TASK_FORCE_SINCE },
    ],
    presence: [
      { area: 'prosecution', counties: 'national' },
      { area: 'training', counties: [47, 1, 42] },
      { area: 'legislation', counties: 'national' },
    ],
  },
  {
    agency: 'iom',
    mandate:
      'International Organization for Migration in Kenya: assisted voluntary return of Kenyan and foreign victims, reintegration support, migrant resource centres, training of border and frontline officials, and safe labour migration programmes with the State Department for Labour.',
    focalPersons: [
      {
        name: 'Abdirahman Noor Farah',
        title: 'Programme Officer, Counter-Trafficking',
        email: 'a.farah@demo.kinga.test',
        phone: '+254 20 000 0808',
      },
      {
        name: 'Catherine Njeri Mwangi',
        title: 'Protection Officer',
        email: 'c.mwangi@demo.kinga.test',
        phone: '+254 20 000 0818',
      },
    ],
    memberships: [
      { body: 'steering_committee', role: 'member', since: COMMITTEE_SINCE },
      { body: 'task_force', role: 'member', since: TASK_FORCE_SINCE },
    ],
    presence: [
      { area: 'repatriation', counties: 'national' },
      { area: 'safe_migration', counties: [47, 1, 37, 39, 44, 45, 23] },
      { area: 'reintegration', counties: [47, 1, 37, 39] },
      { area: 'training', counties: 'national' },
      { area: 'research', counties: 'national' },
    ],
  },
  {
    agency: 'unodc',
    mandate:
      'United Nations Office on Drugs and Crime, Eastern Africa: technical assistance on legislation aligned with the Palermo Protocol, training of investigators, prosecutors and magistrates, and the Global Report on Trafficking in Persons.',
    focalPersons: [
      {
        name: 'Moses Kiprotich Bett',
        title: 'National Programme Officer',
        email: 'm.bett@demo.kinga.test',
        phone: '+254 20 000 0909',
      },
    ],
    memberships: [
      { body: 'steering_committee', role: 'observer', since: COMMITTEE_SINCE },
      { body: 'task_force', role: 'observer', since: TASK_FORCE_SINCE },
    ],
    presence: [
      { area: 'legislation', counties: 'national' },
      { area: 'training', counties: [47, 1] },
      { area: 'research', counties: 'national' },
    ],
  },
  {
    agency: 'faith',
    mandate:
      'Network of churches and mosques in western Kenya and at the coast: community dialogues with parents, chiefs and religious leaders on offers of jobs and schooling, pastoral and psychosocial care for survivors, and support for their return to their families.',
    focalPersons: [
      {
        name: 'Rev. Benson Wafula Simiyu',
        title: 'Coordinator',
        email: 'b.simiyu@demo.kinga.test',
        phone: '+254 56 000 1010',
      },
      {
        name: 'Sr. Agnes Nafula Wekesa',
        title: 'Community Outreach Officer',
        email: 'a.wekesa@demo.kinga.test',
        phone: '+254 56 000 1020',
      },
    ],
    memberships: [
      { body: 'steering_committee', role: 'member', since: '2021-02-09' },
      { body: 'task_force', role: 'member', since: TASK_FORCE_SINCE },
    ],
    presence: [
      { area: 'awareness', counties: [37, 39, 40, 44, 45, 3] },
      { area: 'psychosocial', counties: [37, 39, 45] },
      { area: 'reintegration', counties: [37, 39] },
    ],
  },
];

// ---- plan structure ----------------------------------------------------------------------------

/** Present in one version only (1: removed in version 2; 2: added in version 2); both when absent. */
type OnlyIn = 1 | 2;

interface ElementCommon {
  /** Local name used in this file; the seed gives every element a real key. */
  ref: string;
  only?: OnlyIn;
}

export interface PillarDef extends ElementCommon {
  kind: 'pillar';
  pillar: Pillar;
  title: string;
  description: string;
}

export interface ObjectiveDef extends ElementCommon {
  kind: 'objective';
  parent: string;
  title: string;
  description?: string;
  v1?: { title?: string };
}

interface ActivityValues {
  title: string;
  description: string;
  area: ActivityArea;
  lead: PartnerKey;
  supporting: readonly PartnerKey[];
  /** Empty: national. */
  counties: readonly number[];
  start: string;
  end: string;
  /** In the plan's currency (KES). */
  budget: number;
}
export interface ActivityDef extends ActivityValues, ElementCommon {
  kind: 'activity';
  parent: string;
  v1?: Partial<ActivityValues>;
}

interface IndicatorValues {
  title: string;
  definition: string;
  unit: string;
  baseline: number | null;
  baselineYear: number | null;
  /** Targets from the plan's first year on. */
  targets: readonly number[];
  frequency: IndicatorFrequency;
  meansOfVerification: string;
  disaggregations: readonly Disaggregation[];
  direction: IndicatorDirection;
  aggregation: IndicatorAggregation;
  source: IndicatorSource;
}
export interface IndicatorDef extends Partial<Omit<IndicatorValues, 'title' | 'unit' | 'targets'>>, ElementCommon {
  kind: 'indicator';
  parent: string;
  title: string;
  description?: string;
  unit: string;
  targets: readonly number[];
  v1?: Partial<IndicatorValues>;
}

export type ElementDef = PillarDef | ObjectiveDef | ActivityDef | IndicatorDef;

const PILLARS_OF_PLAN = (descriptions: Record<Pillar, string>): PillarDef[] => [
  { ref: 'P1', kind: 'pillar', pillar: 'prevention', title: 'Prevention', description: descriptions.prevention },
  { ref: 'P2', kind: 'pillar', pillar: 'protection', title: 'Protection', description: descriptions.protection },
  { ref: 'P3', kind: 'pillar', pillar: 'prosecution', title: 'Prosecution', description: descriptions.prosecution },
  { ref: 'P4', kind: 'pillar', pillar: 'partnership', title: 'Partnership', description: descriptions.partnership },
];

const ORIGIN_WEST = [37, 39, 40, 44, 45] as const;
const COAST = [1, 3, 2] as const;

export interface DemoPlanDef {
  title: string;
  periodStart: number;
  periodEnd: number;
  submissionDeadline: string | null;
  /**
   * The first reporting period kept in Kinga. The earlier plan's reports up to 2026-Q1 were
   * kept on paper before Kinga was introduced, so its periods start at 2026-Q2 and the
   * monitoring pages do not list years of "missing" reports.
   */
  monitoredFrom?: string;
  elements: readonly ElementDef[];
}

/**
 * The draft for 2027–2031. Version 2 (the current draft) is what the fields say; `v1`
 * holds what version 1, returned by the Committee on 14 October 2026, said instead, and
 * `only` marks what the task force removed or added in answer to the Committee.
 */
export const DRAFT_PLAN: DemoPlanDef = {
  title: 'National Plan of Action to Combat Trafficking in Persons 2027–2031',
  periodStart: 2027,
  periodEnd: 2031,
  submissionDeadline: '2027-09-30',
  elements: [
    ...PILLARS_OF_PLAN({
      prevention:
        'Fewer people are recruited into trafficking: the public knows the signs of a deceptive offer, labour migration is safe and regulated, and the extent of trafficking is known.',
      protection:
        'Victims, Kenyan and foreign, adults and children, are identified early, assisted, returned home safely and reintegrated.',
      prosecution:
        'The law punishes every form of trafficking in line with the Palermo Protocol, and traffickers are investigated, prosecuted and convicted.',
      partnership:
        'Ministries, counties, international organisations, NGOs and faith-based organisations coordinate, share data and account for the plan.',
    }),

    // Prevention
    {
      ref: 'O11',
      kind: 'objective',
      parent: 'P1',
      title: 'Communities in origin counties and the public recognise deceptive offers and report trafficking',
    },
    {
      ref: 'A111',
      kind: 'activity',
      parent: 'O11',
      title: 'Run the national public information campaign “Kazi Salama” on deceptive job and education offers',
      description:
        'Radio in Kiswahili and local languages, social media and posters at bus parks and markets, with the helpline numbers (1195, 116) and the public check of licensed recruitment agencies. Messages speak to young women offered domestic work in the Gulf and to parents approached with offers of schooling in the city.',
      area: 'awareness',
      lead: 'helpline',
      supporting: ['secretariat', 'faith', 'iom'],
      counties: [],
      start: '2027-03-01',
      end: '2031-06-30',
      budget: 24_000_000,
    },
    {
      ref: 'A112',
      kind: 'activity',
      parent: 'O11',
      title: 'Hold community dialogues with chiefs, parents and faith leaders in origin counties',
      description:
        'Most victims are recruited by relatives or friends. Dialogues at barazas and places of worship explain how offers of jobs and schooling are used to recruit children and young people, and where to check an offer.',
      area: 'awareness',
      lead: 'faith',
      supporting: ['agencyB', 'iom'],
      counties: [...ORIGIN_WEST, 3, 2, 23],
      start: '2027-04-01',
      end: '2031-09-30',
      budget: 9_600_000,
    },
    {
      ref: 'A113',
      kind: 'activity',
      parent: 'O11',
      title: 'Set up school clubs on child trafficking, child labour and child marriage',
      description:
        'Clubs in secondary schools of the lake region and western Kenya, with teachers trained by children’s officers; pupils learn the signs and the 116 child helpline.',
      area: 'awareness',
      lead: 'agencyB',
      supporting: ['faith', 'helpline'],
      counties: [42, 40, 44, 45, 37, 39],
      start: '2027-05-01',
      end: '2030-12-31',
      budget: 7_200_000,
    },
    {
      ref: 'A114',
      kind: 'activity',
      parent: 'O11',
      only: 1,
      title: 'Produce a prime-time television drama series on trafficking',
      description: 'A thirteen-episode series in Kiswahili broadcast on national television, with a discussion guide.',
      area: 'awareness',
      lead: 'secretariat',
      supporting: ['helpline'],
      counties: [],
      start: '2027-07-01',
      end: '2028-12-31',
      budget: 35_000_000,
    },
    {
      ref: 'A115',
      kind: 'activity',
      parent: 'O11',
      title: 'Mark the World Day against Trafficking in Persons (30 July) in every region each year',
      description:
        'Public events in Nairobi, Mombasa, Kisumu and Kakamega with survivors’ groups, county governments and the media.',
      area: 'awareness',
      lead: 'secretariat',
      supporting: ['helpline', 'faith', 'iom', 'unodc'],
      counties: [47, 1, 42, 37],
      start: '2027-07-01',
      end: '2031-07-31',
      budget: 7_500_000,
    },
    {
      ref: 'I1',
      kind: 'indicator',
      parent: 'O11',
      title: 'Share of adults in origin counties who can name two signs of a deceptive job offer',
      definition:
        'Respondents aged 18 and over in the surveyed origin counties who name at least two signs (fees to the recruiter, no written contract, passport kept by the agent, a job abroad without a licensed agency…), divided by all respondents.',
      unit: 'percent',
      baseline: 22,
      baselineYear: 2026,
      targets: [30, 40, 50, 60, 70],
      frequency: 'annual',
      meansOfVerification: 'Knowledge, attitudes and practice survey in origin counties (Secretariat with IOM)',
      disaggregations: ['sex', 'county'],
      aggregation: 'latest',
    },
    {
      ref: 'I2',
      kind: 'indicator',
      parent: 'O11',
      title: 'People reached by awareness campaigns and community dialogues',
      unit: 'people',
      baseline: 310_000,
      baselineYear: 2026,
      targets: [350_000, 400_000, 450_000, 500_000, 500_000],
      meansOfVerification: 'Attendance records of dialogues and events; radio audience estimates of the broadcasters',
      disaggregations: ['sex', 'county'],
    },
    {
      ref: 'O12',
      kind: 'objective',
      parent: 'P1',
      title: 'Labour migration is safe, regulated and free of deceptive recruitment',
    },
    {
      ref: 'A121',
      kind: 'activity',
      parent: 'O12',
      title: 'Vet and license private employment agencies and publish the register',
      description:
        'The National Employment Authority’s register is published online and through the public recruitment-agency check, so that a job seeker can verify a licence before paying any fee.',
      area: 'safe_migration',
      lead: 'labour',
      supporting: ['police'],
      counties: [],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 8_400_000,
      v1: { budget: 6_000_000 },
    },
    {
      ref: 'A122',
      kind: 'activity',
      parent: 'O12',
      title: 'Inspect recruitment agencies jointly and blacklist rogue agents',
      description:
        'Joint inspections by labour officers and the DCI of agencies in Nairobi, Mombasa and Kisumu; agencies that charge workers fees or keep their passports lose their licence and are referred for prosecution.',
      area: 'safe_migration',
      lead: 'labour',
      supporting: ['police', 'odpp'],
      counties: [47, 1, 42],
      start: '2027-03-01',
      end: '2031-12-31',
      budget: 5_200_000,
    },
    {
      ref: 'A123',
      kind: 'activity',
      parent: 'O12',
      title: 'Make pre-departure orientation compulsory for domestic workers going to the Gulf',
      description:
        'A six-day course on rights, contracts, the kafala system, contacts of the labour attachés and the embassy, and what to do if the employer keeps the passport or withholds wages.',
      area: 'safe_migration',
      lead: 'labour',
      supporting: ['iom', 'faith'],
      counties: [47, 1, 37, 39, 45],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 12_000_000,
    },
    {
      ref: 'A124',
      kind: 'activity',
      parent: 'O12',
      title:
        'Review the protection clauses of the bilateral labour agreements with Saudi Arabia, the UAE, Qatar and Oman',
      description:
        'Standard contracts, minimum wage, days off, keeping one’s own passport, and joint committees that hear complaints.',
      area: 'safe_migration',
      lead: 'labour',
      supporting: ['iom'],
      counties: [],
      start: '2027-04-01',
      end: '2028-06-30',
      budget: 4_500_000,
    },
    {
      ref: 'A125',
      kind: 'activity',
      parent: 'O12',
      title: 'Post labour attachés and run safe houses for distressed migrant workers in the Gulf',
      description:
        'Labour attachés in Riyadh, Jeddah, Dubai, Doha and Muscat, and safe houses run with the missions for workers who escape abusive employers.',
      area: 'safe_migration',
      lead: 'labour',
      supporting: ['iom'],
      counties: [],
      start: '2027-07-01',
      end: '2031-12-31',
      budget: 30_000_000,
    },
    {
      ref: 'A126',
      kind: 'activity',
      parent: 'O12',
      title: 'Open migrant resource centres in origin counties',
      description:
        'Walk-in centres where job seekers check offers and agencies, and learn about safe migration, in county headquarters.',
      area: 'safe_migration',
      lead: 'iom',
      supporting: ['labour'],
      counties: [37, 39, 44, 23],
      start: '2027-06-01',
      end: '2030-06-30',
      budget: 18_000_000,
      v1: { counties: [37, 39, 44] },
    },
    {
      ref: 'I3',
      kind: 'indicator',
      parent: 'O12',
      title: 'Share of Gulf-bound domestic workers recruited through a licensed agency',
      unit: 'percent',
      baseline: 61,
      baselineYear: 2026,
      targets: [70, 78, 85, 90, 95],
      frequency: 'biannual',
      meansOfVerification: 'Emigration clearance records of the National Employment Authority',
      aggregation: 'latest',
    },
    {
      ref: 'I4',
      kind: 'indicator',
      parent: 'O12',
      title: 'Recruitment agencies whose licence was suspended or revoked after inspection',
      unit: 'agencies',
      baseline: 41,
      baselineYear: 2026,
      targets: [45, 45, 40, 35, 30],
      meansOfVerification: 'Inspection register of the State Department for Labour',
    },
    {
      ref: 'I5',
      kind: 'indicator',
      parent: 'O12',
      title: 'Migrant workers who completed pre-departure orientation',
      unit: 'people',
      baseline: 38_000,
      baselineYear: 2026,
      targets: [45_000, 50_000, 55_000, 60_000, 60_000],
      meansOfVerification: 'Attendance lists of the accredited orientation centres',
      disaggregations: ['sex', 'county'],
    },
    {
      ref: 'I6',
      kind: 'indicator',
      parent: 'A126',
      title: 'Migrant resource centres operating in origin counties',
      unit: 'centres',
      baseline: 1,
      baselineYear: 2026,
      targets: [2, 3, 4, 4, 4],
      frequency: 'annual',
      meansOfVerification: 'IOM and State Department for Labour programme reports',
      disaggregations: ['county'],
      aggregation: 'latest',
    },
    {
      ref: 'O13',
      kind: 'objective',
      parent: 'P1',
      title: 'The media report responsibly and the extent of trafficking is known',
    },
    {
      ref: 'A131',
      kind: 'activity',
      parent: 'O13',
      title: 'Train journalists and editors on reporting trafficking ethically',
      description:
        'Never naming or showing a victim, the difference between trafficking and smuggling, and the help available.',
      area: 'training',
      lead: 'secretariat',
      supporting: ['unodc', 'iom'],
      counties: [47, 1, 42],
      start: '2027-09-01',
      end: '2029-12-31',
      budget: 2_800_000,
    },
    {
      ref: 'A132',
      kind: 'activity',
      parent: 'O13',
      title: 'Engage hotels, tour operators and beach operators against child sex tourism at the coast',
      description:
        'A code of conduct, staff training and a reporting line with the police in Mombasa, Kilifi and Kwale.',
      area: 'awareness',
      lead: 'agencyA',
      supporting: ['police'],
      counties: [...COAST],
      start: '2027-06-01',
      end: '2031-06-30',
      budget: 3_600_000,
    },
    {
      ref: 'A133',
      kind: 'activity',
      parent: 'O13',
      title: 'Conduct a national baseline survey on the prevalence of trafficking in persons',
      description:
        'A household survey in twelve counties and a study of Kenyan workers returning from the Gulf and Lebanon.',
      area: 'research',
      lead: 'secretariat',
      supporting: ['iom', 'unodc'],
      counties: [],
      start: '2027-07-01',
      end: '2028-12-31',
      budget: 14_000_000,
      v1: { end: '2028-06-30' },
    },
    {
      ref: 'I7',
      kind: 'indicator',
      parent: 'O13',
      title: 'Journalists and editors trained on ethical reporting on trafficking',
      unit: 'people',
      baseline: 35,
      baselineYear: 2026,
      targets: [60, 60, 60, 40, 40],
      frequency: 'biannual',
      meansOfVerification: 'Training attendance lists',
      disaggregations: ['sex'],
    },
    {
      ref: 'I-media',
      kind: 'indicator',
      parent: 'O13',
      only: 1,
      title: 'Media articles and broadcasts on trafficking',
      unit: 'articles',
      baseline: 120,
      baselineYear: 2026,
      targets: [150, 170, 190, 210, 230],
      meansOfVerification: 'Media monitoring by the Secretariat',
    },

    // Protection
    {
      ref: 'O21',
      kind: 'objective',
      parent: 'P2',
      title: 'Victims are identified early and referred through the National Referral Mechanism',
    },
    {
      ref: 'A211',
      kind: 'activity',
      parent: 'O21',
      title: 'Roll out standard operating procedures for victim identification and the National Referral Mechanism',
      description:
        'Screening on the Palermo definition and the ILO forced-labour indicators, consent, and referral between agencies, as Kinga records them.',
      area: 'training',
      lead: 'secretariat',
      supporting: ['agencyA', 'agencyB', 'police', 'iom'],
      counties: [],
      start: '2027-01-01',
      end: '2028-06-30',
      budget: 6_000_000,
    },
    {
      ref: 'A212',
      kind: 'activity',
      parent: 'O21',
      title: 'Train frontline officers at airports, border points and ports to identify victims',
      description:
        'Police, immigration, labour and children’s officers and health workers at Jomo Kenyatta and Moi international airports, Busia and Malaba, Lunga Lunga, Lokichoggio and Moyale.',
      area: 'training',
      lead: 'iom',
      supporting: ['police', 'labour', 'agencyB'],
      counties: [47, 1, 40, 2, 23, 10],
      start: '2027-03-01',
      end: '2031-06-30',
      budget: 9_800_000,
    },
    {
      ref: 'A213',
      kind: 'activity',
      parent: 'O21',
      title: 'Run the national trafficking helpline around the clock, linked to 116 and 1195',
      description: 'Free calls in Kiswahili and English; tips are triaged into cases or investigations the same day.',
      area: 'hotline',
      lead: 'helpline',
      supporting: ['agencyB'],
      counties: [],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 21_000_000,
    },
    {
      ref: 'A214',
      kind: 'activity',
      parent: 'O21',
      title: 'Screen returning migrant workers for signs of trafficking at the international airports',
      description:
        'A desk at the arrivals of Jomo Kenyatta and Moi international airports for workers returning from the Gulf and Lebanon.',
      area: 'repatriation',
      lead: 'labour',
      supporting: ['iom', 'police'],
      counties: [47, 1],
      start: '2027-07-01',
      end: '2031-12-31',
      budget: 4_000_000,
    },
    {
      ref: 'I8',
      kind: 'indicator',
      parent: 'O21',
      title: 'Victims of trafficking identified',
      definition: 'Presumed and confirmed victims registered in Kinga by any agency in the period.',
      unit: 'victims',
      baseline: 118,
      baselineYear: 2026,
      targets: [130, 140, 150, 160, 170],
      meansOfVerification: 'Kinga case records, counted live',
      disaggregations: ['sex', 'age_group', 'county'],
      source: 'cases.victims_identified',
      v1: { targets: [125, 130, 135, 140, 145], disaggregations: ['sex', 'age_group'] },
    },
    {
      ref: 'I9',
      kind: 'indicator',
      parent: 'O21',
      title: 'Frontline officers trained on victim identification',
      unit: 'people',
      baseline: 420,
      baselineYear: 2026,
      targets: [600, 600, 600, 600, 600],
      meansOfVerification: 'Training attendance lists with pre- and post-test scores',
      disaggregations: ['sex', 'county'],
    },
    {
      ref: 'I10',
      kind: 'indicator',
      parent: 'O21',
      title: 'Calls and tips on trafficking received by the helpline',
      unit: 'calls',
      baseline: 2_400,
      baselineYear: 2026,
      targets: [2_800, 3_200, 3_600, 4_000, 4_400],
      meansOfVerification: 'Helpline call records',
      disaggregations: ['county'],
    },
    {
      ref: 'O22',
      kind: 'objective',
      parent: 'P2',
      title: 'Victims receive shelter, medical, psychosocial and legal assistance, whatever their nationality',
      v1: { title: 'Victims receive shelter, medical, psychosocial and legal assistance' },
    },
    {
      ref: 'A221',
      kind: 'activity',
      parent: 'O22',
      title: 'Set minimum standards and accredit shelters for adult and child victims',
      description:
        'Standards for safety, staffing, separate care of children and confidentiality; shelters that meet them receive a grant.',
      area: 'shelter',
      lead: 'agencyB',
      supporting: ['agencyA', 'faith'],
      counties: [1, 47, 42, 37],
      start: '2027-01-01',
      end: '2029-12-31',
      budget: 45_000_000,
      v1: { budget: 38_000_000 },
    },
    {
      ref: 'A222',
      kind: 'activity',
      parent: 'O22',
      title: 'Expand shelter capacity at the coast',
      description: 'Forty more places in Mombasa, Kilifi and Kwale, with a separate wing for children.',
      area: 'shelter',
      lead: 'agencyA',
      supporting: ['agencyB', 'iom'],
      counties: [...COAST],
      start: '2027-04-01',
      end: '2031-12-31',
      budget: 32_000_000,
    },
    {
      ref: 'A223',
      kind: 'activity',
      parent: 'O22',
      title: 'Provide psychosocial support and trauma counselling to survivors',
      description: 'Individual and group counselling, in the survivor’s language, for as long as needed.',
      area: 'psychosocial',
      lead: 'agencyA',
      supporting: ['faith', 'agencyB'],
      counties: [1, 3, 2, 42, 47],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 15_000_000,
    },
    {
      ref: 'A224',
      kind: 'activity',
      parent: 'O22',
      title: 'Provide free legal aid and court accompaniment, including victim impact statements',
      description:
        'Lawyers and paralegals for victims who testify, claims for compensation and protection as witnesses.',
      area: 'legal_aid',
      lead: 'agencyA',
      supporting: ['odpp'],
      counties: [1, 47, 42],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 8_000_000,
    },
    {
      ref: 'A225',
      kind: 'activity',
      parent: 'O22',
      only: 2,
      title: 'Operationalise the National Assistance Trust Fund for victims (Act, ss. 22–24)',
      description:
        'Gazette the fund’s regulations, appoint its board and pay the first grants to victims for medical care, shelter and livelihoods, as the Committee asked when it returned version 1.',
      area: 'reintegration',
      lead: 'secretariat',
      supporting: ['labour', 'odpp'],
      counties: [],
      start: '2027-07-01',
      end: '2029-06-30',
      budget: 50_000_000,
    },
    {
      ref: 'I11',
      kind: 'indicator',
      parent: 'O22',
      title: 'Victims referred for assistance',
      definition: 'Victims whose case was referred to another agency for a service in the period.',
      unit: 'victims',
      baseline: 86,
      baselineYear: 2026,
      targets: [100, 115, 130, 145, 160],
      meansOfVerification: 'Kinga referral records, counted live',
      disaggregations: ['sex', 'age_group', 'county'],
      source: 'cases.victims_referred',
    },
    {
      ref: 'I12',
      kind: 'indicator',
      parent: 'O22',
      title: 'Referrals to assistance completed',
      definition: 'Referrals that the receiving agency completed in the period.',
      unit: 'referrals',
      baseline: 64,
      baselineYear: 2026,
      targets: [80, 95, 110, 125, 140],
      meansOfVerification: 'Kinga referral records, counted live',
      source: 'referrals.completed',
    },
    {
      ref: 'I13',
      kind: 'indicator',
      parent: 'O22',
      title: 'Accredited shelters meeting the minimum standards',
      unit: 'shelters',
      baseline: 6,
      baselineYear: 2026,
      targets: [8, 10, 12, 14, 15],
      frequency: 'annual',
      meansOfVerification: 'Accreditation register of the Department of Children’s Services',
      disaggregations: ['county'],
      aggregation: 'latest',
    },
    {
      ref: 'I14',
      kind: 'indicator',
      parent: 'A225',
      only: 2,
      title: 'Victims supported by the National Assistance Trust Fund',
      unit: 'victims',
      baseline: 0,
      baselineYear: 2026,
      targets: [20, 80, 150, 200, 250],
      meansOfVerification: 'Payment records of the fund’s board',
      disaggregations: ['sex', 'age_group'],
    },
    {
      ref: 'O23',
      kind: 'objective',
      parent: 'P2',
      title: 'Victims return home safely and are reintegrated in their communities',
    },
    {
      ref: 'A231',
      kind: 'activity',
      parent: 'O23',
      title: 'Repatriate Kenyan victims from the Gulf, Lebanon and neighbouring countries',
      description: 'Travel documents with the missions, flights, reception at the airport and a first medical check.',
      area: 'repatriation',
      lead: 'iom',
      supporting: ['labour', 'police'],
      counties: [],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 36_000_000,
      v1: { lead: 'labour', supporting: ['iom', 'police'] },
    },
    {
      ref: 'A232',
      kind: 'activity',
      parent: 'O23',
      title: 'Return foreign victims to their countries of origin in safety and dignity',
      description:
        'Victims from Ethiopia, Somalia, Uganda, Burundi and South Sudan, with the authorities and IOM missions of their countries.',
      area: 'repatriation',
      lead: 'iom',
      supporting: ['police', 'agencyA'],
      counties: [47, 1],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 14_000_000,
    },
    {
      ref: 'A233',
      kind: 'activity',
      parent: 'O23',
      title: 'Give survivors reintegration packages: livelihood grants, vocational training and school re-entry',
      description: 'Packages agreed with each survivor in the support plan, in the county they return to.',
      area: 'reintegration',
      lead: 'agencyB',
      supporting: ['iom', 'faith'],
      counties: [...ORIGIN_WEST, 42],
      start: '2027-04-01',
      end: '2031-12-31',
      budget: 24_000_000,
    },
    {
      ref: 'A234',
      kind: 'activity',
      parent: 'O23',
      title: 'Trace families and follow up child victims for twelve months after return',
      description:
        'Home visits by children’s officers at one, three, six and twelve months; school attendance is checked.',
      area: 'reintegration',
      lead: 'agencyB',
      supporting: ['helpline'],
      counties: [42, ...ORIGIN_WEST, 23],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 6_000_000,
    },
    {
      ref: 'I15',
      kind: 'indicator',
      parent: 'O23',
      title: 'Kenyan victims repatriated from abroad',
      unit: 'victims',
      baseline: 96,
      baselineYear: 2026,
      targets: [110, 120, 130, 140, 150],
      meansOfVerification: 'IOM return records and the State Department for Labour’s register of distressed workers',
      disaggregations: ['sex', 'age_group'],
    },
    {
      ref: 'I16',
      kind: 'indicator',
      parent: 'O23',
      title: 'Share of reintegrated survivors in school, training or work twelve months after return',
      unit: 'percent',
      baseline: 38,
      baselineYear: 2026,
      targets: [45, 52, 60, 65, 70],
      frequency: 'annual',
      meansOfVerification: 'Follow-up visits recorded in Kinga',
      disaggregations: ['sex', 'age_group'],
      aggregation: 'latest',
    },

    // Prosecution
    {
      ref: 'O31',
      kind: 'objective',
      parent: 'P3',
      title: 'The law punishes every form of trafficking in line with the Palermo Protocol',
    },
    {
      ref: 'A311',
      kind: 'activity',
      parent: 'O31',
      title: 'Review the Counter-Trafficking in Persons Act 2010 against the Palermo Protocol and draft amendments',
      description:
        'Article by article: criminalisation (art. 5), assistance and protection of victims (art. 6), repatriation (art. 8), prevention (art. 9) and border measures (art. 11), with the non-punishment of victims and the regulations of the National Assistance Trust Fund.',
      area: 'legislation',
      lead: 'secretariat',
      supporting: ['odpp', 'unodc'],
      counties: [],
      start: '2027-01-01',
      end: '2027-12-31',
      budget: 5_500_000,
    },
    {
      ref: 'A312',
      kind: 'activity',
      parent: 'O31',
      title: 'Present the amendment bill to the National Assembly and brief its committees',
      description:
        'Briefings of the Departmental Committee on Labour and of the Justice and Legal Affairs Committee, and public participation.',
      area: 'legislation',
      lead: 'secretariat',
      supporting: ['odpp', 'labour'],
      counties: [],
      start: '2028-01-01',
      end: '2029-06-30',
      budget: 2_000_000,
    },
    {
      ref: 'I17',
      kind: 'indicator',
      parent: 'O31',
      title: 'Palermo Protocol obligations fully reflected in national law',
      definition: 'Obligations of the Protocol’s checklist (20) that the legislation review rates as met.',
      unit: 'obligations of 20',
      baseline: 14,
      baselineYear: 2026,
      targets: [14, 17, 19, 20, 20],
      frequency: 'annual',
      meansOfVerification: 'Legislation alignment review; Kenya Gazette',
      aggregation: 'latest',
    },
    {
      ref: 'O32',
      kind: 'objective',
      parent: 'P3',
      title: 'Traffickers are investigated, prosecuted and convicted, and their assets confiscated',
    },
    {
      ref: 'A321',
      kind: 'activity',
      parent: 'O32',
      title: 'Train DCI officers in specialised anti-trafficking and financial investigations',
      description: 'Interviewing victims without retraumatising them, digital evidence, and following the money.',
      area: 'training',
      lead: 'police',
      supporting: ['unodc', 'odpp'],
      counties: [47, 1, 42, 23, 40],
      start: '2027-02-01',
      end: '2031-06-30',
      budget: 11_000_000,
    },
    {
      ref: 'A322',
      kind: 'activity',
      parent: 'O32',
      title: 'Train prosecutors and magistrates on the Act and on victim-centred trials',
      description:
        'Charging under the Act rather than under immigration or labour law, plea agreements, and protecting victims who testify.',
      area: 'training',
      lead: 'odpp',
      supporting: ['unodc'],
      counties: [47, 1, 42, 37],
      start: '2027-03-01',
      end: '2031-06-30',
      budget: 7_500_000,
    },
    {
      ref: 'A323',
      kind: 'activity',
      parent: 'O32',
      title: 'Form joint investigation teams with Uganda, Tanzania and Ethiopia',
      description:
        'Teams at Busia, Lunga Lunga, Lokichoggio and Moyale that share evidence on recruiters and transporters.',
      area: 'investigation',
      lead: 'police',
      supporting: ['iom', 'unodc'],
      counties: [40, 2, 23, 10],
      start: '2027-07-01',
      end: '2031-12-31',
      budget: 6_800_000,
    },
    {
      ref: 'A324',
      kind: 'activity',
      parent: 'O32',
      title: 'Trace and confiscate the proceeds of trafficking with the Assets Recovery Agency',
      description:
        'Financial investigations in every major case; confiscated assets go to the National Assistance Trust Fund.',
      area: 'investigation',
      lead: 'police',
      supporting: ['odpp'],
      counties: [],
      start: '2028-01-01',
      end: '2031-12-31',
      budget: 3_200_000,
    },
    {
      ref: 'A325',
      kind: 'activity',
      parent: 'O32',
      title: 'Hold monthly case conferences between investigators and prosecutors on every trafficking case',
      description:
        'In Nairobi, Mombasa and Kisumu, so that charges are under the Act and cases are not withdrawn for lack of witnesses.',
      area: 'prosecution',
      lead: 'odpp',
      supporting: ['police'],
      counties: [47, 1, 42],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 2_400_000,
    },
    {
      ref: 'A326',
      kind: 'activity',
      parent: 'O32',
      title: 'Investigate online recruitment and sexual exploitation',
      description:
        'Fake job advertisements on social media and online sexual exploitation of children, with the helpline’s tips.',
      area: 'investigation',
      lead: 'police',
      supporting: ['helpline', 'unodc'],
      counties: [],
      start: '2027-04-01',
      end: '2031-12-31',
      budget: 9_000_000,
    },
    {
      ref: 'I18',
      kind: 'indicator',
      parent: 'O32',
      title: 'Trafficking investigations opened',
      unit: 'investigations',
      baseline: 64,
      baselineYear: 2026,
      targets: [70, 80, 90, 100, 110],
      meansOfVerification: 'DCI crime statistics',
      disaggregations: ['county'],
      v1: { baseline: 58 },
    },
    {
      ref: 'I19',
      kind: 'indicator',
      parent: 'O32',
      title: 'Persons prosecuted under the Counter-Trafficking in Persons Act',
      unit: 'persons',
      baseline: 41,
      baselineYear: 2026,
      targets: [50, 58, 66, 74, 82],
      meansOfVerification: 'ODPP case register',
      disaggregations: ['sex'],
      v1: { disaggregations: [] },
    },
    {
      ref: 'I20',
      kind: 'indicator',
      parent: 'O32',
      title: 'Persons convicted under the Counter-Trafficking in Persons Act',
      unit: 'persons',
      baseline: 12,
      baselineYear: 2026,
      targets: [16, 20, 24, 28, 32],
      meansOfVerification: 'ODPP case register; court judgements',
      disaggregations: ['sex'],
    },
    {
      ref: 'I21',
      kind: 'indicator',
      parent: 'O32',
      title: 'Average time from charge to judgement in trafficking trials',
      unit: 'months',
      baseline: 30,
      baselineYear: 2026,
      targets: [28, 24, 20, 18, 16],
      frequency: 'annual',
      meansOfVerification: 'Judiciary case management system',
      direction: 'decrease',
      aggregation: 'latest',
    },
    {
      ref: 'I22',
      kind: 'indicator',
      parent: 'A321',
      title: 'DCI officers, prosecutors and magistrates trained on the Act',
      unit: 'people',
      baseline: 180,
      baselineYear: 2026,
      targets: [250, 250, 250, 250, 250],
      meansOfVerification: 'Training attendance lists',
      disaggregations: ['sex'],
    },

    // Partnership
    {
      ref: 'O41',
      kind: 'objective',
      parent: 'P4',
      title: 'National and county coordination works and is accountable',
    },
    {
      ref: 'A411',
      kind: 'activity',
      parent: 'O41',
      title: 'Hold quarterly meetings of the Advisory Committee and the task force',
      description: 'Minutes, decisions and action items followed up in Kinga.',
      area: 'coordination',
      lead: 'secretariat',
      supporting: [],
      counties: [],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 4_000_000,
    },
    {
      ref: 'A412',
      kind: 'activity',
      parent: 'O41',
      only: 2,
      title: 'Set up anti-trafficking coordination committees in ten origin and destination counties',
      description:
        'County committees chaired by the county commissioner, with the county government, police, children’s services, NGOs and faith leaders.',
      area: 'coordination',
      lead: 'secretariat',
      supporting: ['agencyB', 'faith', 'iom'],
      counties: [47, 1, 3, 2, ...ORIGIN_WEST, 23],
      start: '2027-07-01',
      end: '2029-12-31',
      budget: 10_000_000,
    },
    {
      ref: 'A413',
      kind: 'activity',
      parent: 'O41',
      title: 'Publish the annual national report on trafficking in persons and contribute to UNODC’s Global Report',
      description: 'Figures from Kinga, checked for small cells before publication.',
      area: 'research',
      lead: 'secretariat',
      supporting: ['police', 'odpp'],
      counties: [],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 3_000_000,
    },
    {
      ref: 'A414',
      kind: 'activity',
      parent: 'O41',
      title: 'Share case and monitoring data through Kinga and train every user',
      description: 'Accounts for every partner agency, training of case workers and focal points, and a help desk.',
      area: 'coordination',
      lead: 'secretariat',
      supporting: ['agencyA', 'agencyB', 'police', 'helpline', 'labour'],
      counties: [],
      start: '2027-01-01',
      end: '2029-12-31',
      budget: 12_000_000,
      v1: { budget: 8_000_000 },
    },
    {
      ref: 'I23',
      kind: 'indicator',
      parent: 'A412',
      only: 2,
      title: 'County coordination committees meeting at least once a quarter',
      unit: 'committees',
      baseline: 2,
      baselineYear: 2026,
      targets: [4, 7, 10, 10, 10],
      meansOfVerification: 'Minutes of the county committees',
      disaggregations: ['county'],
      aggregation: 'latest',
    },
    {
      ref: 'I24',
      kind: 'indicator',
      parent: 'O41',
      title: 'Share of Advisory Committee action items completed by their due date',
      unit: 'percent',
      baseline: 55,
      baselineYear: 2026,
      targets: [65, 70, 75, 80, 85],
      frequency: 'annual',
      meansOfVerification: 'Action items in Kinga',
      aggregation: 'latest',
    },
    {
      ref: 'O42',
      kind: 'objective',
      parent: 'P4',
      title: 'Kenya cooperates with countries of origin, transit and destination',
    },
    {
      ref: 'A421',
      kind: 'activity',
      parent: 'O42',
      title: 'Cooperate through the EAC, IGAD and the Khartoum Process on cross-border cases',
      description:
        'Regional meetings, exchange of information on recruiters, and return of victims between the countries.',
      area: 'coordination',
      lead: 'secretariat',
      supporting: ['iom', 'unodc', 'police'],
      counties: [],
      start: '2027-01-01',
      end: '2031-12-31',
      budget: 3_500_000,
    },
    {
      ref: 'A422',
      kind: 'activity',
      parent: 'O42',
      title: 'Evaluate the plan at mid-term and at the end',
      description: 'Independent evaluations in 2029 and 2031, presented to the Advisory Committee.',
      area: 'research',
      lead: 'secretariat',
      supporting: ['unodc'],
      counties: [],
      start: '2029-01-01',
      end: '2031-12-31',
      budget: 6_000_000,
    },
    {
      ref: 'I25',
      kind: 'indicator',
      parent: 'O42',
      title: 'Cross-border cases handled jointly with another country',
      unit: 'cases',
      baseline: 9,
      baselineYear: 2026,
      targets: [12, 15, 18, 21, 24],
      meansOfVerification: 'DCI and IOM case files',
    },
  ],
};

/** The plan in force since the Committee adopted it on 14 June 2022 (one version). */
export const EARLIER_PLAN: DemoPlanDef = {
  title: 'National Plan of Action 2022–2026',
  periodStart: 2022,
  periodEnd: 2026,
  submissionDeadline: '2022-05-31',
  monitoredFrom: '2026-Q2',
  elements: [
    ...PILLARS_OF_PLAN({
      prevention: 'Awareness of trafficking and safe recruitment of migrant workers.',
      protection: 'Identification, shelter, care, return and reintegration of victims.',
      prosecution: 'Investigation and prosecution of traffickers.',
      partnership: 'Coordination and cooperation at home and across borders.',
    }),
    {
      ref: 'E-O1',
      kind: 'objective',
      parent: 'P1',
      title: 'The public knows the risks of trafficking and migrates safely',
    },
    {
      ref: 'E-A1',
      kind: 'activity',
      parent: 'E-O1',
      title: 'Public awareness campaigns on deceptive job offers in origin counties',
      description: 'Radio, community meetings and posters with the helpline number.',
      area: 'awareness',
      lead: 'helpline',
      supporting: ['faith'],
      counties: [37, 39, 45, 44, 40],
      start: '2022-07-01',
      end: '2026-06-30',
      budget: 12_000_000,
    },
    {
      ref: 'E-A2',
      kind: 'activity',
      parent: 'E-O1',
      title: 'Pre-departure training for migrant domestic workers',
      description: 'A course on rights and contacts abroad for workers going to the Gulf.',
      area: 'safe_migration',
      lead: 'labour',
      supporting: ['iom'],
      counties: [47, 1],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 8_000_000,
    },
    {
      ref: 'E-A3',
      kind: 'activity',
      parent: 'E-O1',
      title: 'Vetting and inspection of private employment agencies',
      description: 'Licensing and yearly inspection of the agencies that recruit for work abroad.',
      area: 'safe_migration',
      lead: 'labour',
      supporting: ['police'],
      counties: [],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 5_000_000,
    },
    {
      ref: 'E-I1',
      kind: 'indicator',
      parent: 'E-O1',
      title: 'People reached by awareness campaigns',
      unit: 'people',
      baseline: 60_000,
      baselineYear: 2021,
      targets: [80_000, 100_000, 120_000, 140_000, 160_000],
      meansOfVerification: 'Campaign records and radio audience estimates',
      disaggregations: ['sex', 'county'],
    },
    {
      ref: 'E-I2',
      kind: 'indicator',
      parent: 'E-A3',
      title: 'Private employment agencies inspected',
      unit: 'agencies',
      baseline: 120,
      baselineYear: 2021,
      targets: [150, 180, 210, 240, 260],
      meansOfVerification: 'Inspection register of the State Department for Labour',
    },
    {
      ref: 'E-O2',
      kind: 'objective',
      parent: 'P1',
      title: 'Officers know and apply the Counter-Trafficking in Persons Act',
    },
    {
      ref: 'E-A4',
      kind: 'activity',
      parent: 'E-O2',
      title: 'Training of police officers on the Counter-Trafficking in Persons Act',
      description: 'Two-day courses in police training colleges and county headquarters.',
      area: 'training',
      lead: 'police',
      supporting: ['unodc'],
      counties: [47, 1, 42],
      start: '2022-09-01',
      end: '2026-09-30',
      budget: 6_000_000,
    },
    {
      ref: 'E-A5',
      kind: 'activity',
      parent: 'E-O2',
      title: 'Training of labour and children’s officers on identifying victims',
      description: 'Screening, referral and the rights of child victims.',
      area: 'training',
      lead: 'labour',
      supporting: ['agencyB'],
      counties: [],
      start: '2022-09-01',
      end: '2026-09-30',
      budget: 3_500_000,
    },
    {
      ref: 'E-I3',
      kind: 'indicator',
      parent: 'E-O2',
      title: 'Officers trained on the Act',
      unit: 'people',
      baseline: 150,
      baselineYear: 2021,
      targets: [200, 250, 300, 350, 400],
      meansOfVerification: 'Training attendance lists',
      disaggregations: ['sex'],
    },
    { ref: 'E-O3', kind: 'objective', parent: 'P2', title: 'Victims are protected, assisted and reintegrated' },
    {
      ref: 'E-A6',
      kind: 'activity',
      parent: 'E-O3',
      title: 'Shelter and psychosocial care for victims at the coast',
      description: 'Safe accommodation and counselling in Mombasa, Kilifi and Kwale.',
      area: 'shelter',
      lead: 'agencyA',
      supporting: [],
      counties: [...COAST],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 20_000_000,
    },
    {
      ref: 'E-A7',
      kind: 'activity',
      parent: 'E-O3',
      title: 'Rescue, care and family reunification of child victims',
      description: 'Rescue centres, family tracing and home visits in the lake region and western Kenya.',
      area: 'reintegration',
      lead: 'agencyB',
      supporting: ['faith'],
      counties: [42, 40, 44, 45],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 9_000_000,
    },
    {
      ref: 'E-A8',
      kind: 'activity',
      parent: 'E-O3',
      title: 'National trafficking helpline',
      description: 'A free line in Kiswahili and English that refers callers to services.',
      area: 'hotline',
      lead: 'helpline',
      supporting: [],
      counties: [],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 10_000_000,
    },
    {
      ref: 'E-A9',
      kind: 'activity',
      parent: 'E-O3',
      title: 'Repatriation of Kenyan victims from abroad',
      description: 'Return of workers in distress from the Gulf states and Lebanon with IOM.',
      area: 'repatriation',
      lead: 'labour',
      supporting: ['iom'],
      counties: [],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 15_000_000,
    },
    {
      ref: 'E-A10',
      kind: 'activity',
      parent: 'E-O3',
      title: 'Reintegration support for survivors',
      description: 'Livelihood grants and vocational training.',
      area: 'reintegration',
      lead: 'agencyA',
      supporting: ['faith'],
      counties: [1, 3, 47],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 7_000_000,
    },
    {
      ref: 'E-I4',
      kind: 'indicator',
      parent: 'E-O3',
      title: 'Victims of trafficking identified',
      unit: 'victims',
      baseline: 64,
      baselineYear: 2021,
      targets: [70, 80, 90, 100, 110],
      meansOfVerification: 'Kinga case records, counted live',
      disaggregations: ['sex', 'age_group', 'county'],
      source: 'cases.victims_identified',
    },
    {
      ref: 'E-I5',
      kind: 'indicator',
      parent: 'E-O3',
      title: 'Victims referred for assistance',
      unit: 'victims',
      baseline: 30,
      baselineYear: 2021,
      targets: [35, 40, 45, 50, 60],
      meansOfVerification: 'Kinga referral records, counted live',
      disaggregations: ['sex', 'age_group'],
      source: 'cases.victims_referred',
    },
    {
      ref: 'E-I6',
      kind: 'indicator',
      parent: 'E-A9',
      title: 'Kenyan victims repatriated from abroad',
      unit: 'victims',
      baseline: 40,
      baselineYear: 2021,
      targets: [50, 60, 70, 80, 90],
      meansOfVerification: 'IOM return records',
      disaggregations: ['sex'],
    },
    { ref: 'E-O4', kind: 'objective', parent: 'P3', title: 'Traffickers are brought to justice' },
    {
      ref: 'E-A11',
      kind: 'activity',
      parent: 'E-O4',
      title: 'Operations of the anti-human trafficking police unit',
      description: 'Investigations, rescues and arrests, with the prosecution.',
      area: 'investigation',
      lead: 'police',
      supporting: ['odpp'],
      counties: [],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 12_000_000,
    },
    {
      ref: 'E-A12',
      kind: 'activity',
      parent: 'E-O4',
      title: 'Joint case reviews of investigators and prosecutors',
      description: 'Quarterly reviews of open trafficking cases in Nairobi and Mombasa.',
      area: 'prosecution',
      lead: 'police',
      supporting: ['odpp'],
      counties: [47, 1],
      start: '2022-10-01',
      end: '2026-12-31',
      budget: 2_000_000,
    },
    {
      ref: 'E-I7',
      kind: 'indicator',
      parent: 'E-O4',
      title: 'Persons prosecuted under the Act',
      unit: 'persons',
      baseline: 30,
      baselineYear: 2021,
      targets: [35, 40, 45, 50, 55],
      meansOfVerification: 'ODPP case register',
      disaggregations: ['sex'],
    },
    { ref: 'E-O5', kind: 'objective', parent: 'P4', title: 'Agencies coordinate and share data' },
    {
      ref: 'E-A13',
      kind: 'activity',
      parent: 'E-O5',
      title: 'Collection of trafficking case data from every agency',
      description: 'A common form for cases, sent to the Secretariat every quarter.',
      area: 'research',
      lead: 'police',
      supporting: ['helpline', 'agencyB'],
      counties: [],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 3_000_000,
    },
    {
      ref: 'E-I8',
      kind: 'indicator',
      parent: 'E-O5',
      title: 'Counties with an anti-trafficking coordination structure',
      unit: 'counties',
      baseline: 1,
      baselineYear: 2021,
      targets: [2, 3, 4, 5, 6],
      frequency: 'annual',
      meansOfVerification: 'Minutes of county meetings',
      disaggregations: ['county'],
      aggregation: 'latest',
    },
    { ref: 'E-O6', kind: 'objective', parent: 'P4', title: 'Kenya cooperates across borders' },
    {
      ref: 'E-A14',
      kind: 'activity',
      parent: 'E-O6',
      title: 'Cross-border cooperation with Uganda and Tanzania',
      description: 'Joint border operations at Busia and Lunga Lunga.',
      area: 'coordination',
      lead: 'police',
      supporting: ['iom'],
      counties: [40, 2],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 4_000_000,
    },
    {
      ref: 'E-A15',
      kind: 'activity',
      parent: 'E-O6',
      title: 'Participation in regional meetings (EAC, Khartoum Process)',
      description: 'Kenya’s delegation and follow-up of regional commitments.',
      area: 'coordination',
      lead: 'labour',
      supporting: ['iom', 'secretariat'],
      counties: [],
      start: '2022-07-01',
      end: '2026-12-31',
      budget: 2_500_000,
    },
  ],
};

// ---- meetings ----------------------------------------------------------------------------------

export interface DemoAttendee {
  /** A demo account, by email; otherwise a named guest of `agency`. */
  user?: string;
  name?: string;
  agency?: PartnerKey;
  attendance: AttendanceStatus;
}

export interface DemoActionItem {
  text: string;
  /** The meeting's decision number the item follows from. */
  decision?: number;
  ownerAgency?: PartnerKey;
  ownerUser?: string;
  due: DemoDate;
  status: ActionItemStatus;
  /** When a done item was completed. */
  completedAt?: string;
}

export interface DemoMeeting {
  ref: string;
  kind: MeetingKind;
  title: string;
  status: MeetingStatus;
  /** UTC; Nairobi is three hours ahead. */
  startsAt: string | (DaysFromSeeding & { at: string });
  hours: number;
  place: string | null;
  link?: string;
  agenda: string;
  minutes?: string;
  plan: 'draft' | 'earlier';
  attendees: readonly DemoAttendee[];
  decisions: readonly string[];
  actionItems: readonly DemoActionItem[];
}

const SECRETARIAT = 'secretariat@demo.kinga.test';
const FOCAL = 'focal@demo.kinga.test';
const POLICE = 'police@demo.kinga.test';
const SHELTER = 'supervisor.a@demo.kinga.test';
const CHILDREN = 'caseworker.b@demo.kinga.test';
const HOTLINE = 'hotline@demo.kinga.test';
const ANALYST = 'analyst@demo.kinga.test';

const COMMITTEE_ROOM = 'Committee Room 2, Secretariat offices, Harambee Avenue, Nairobi';
const CHAIR = { name: 'Dr. Ruth Nyambura Kiarie', agency: 'labour' } as const;
const ODPP = { name: 'Lucy Wambui Gathoni', agency: 'odpp' } as const;
const IOM = { name: 'Abdirahman Noor Farah', agency: 'iom' } as const;
const IOM2 = { name: 'Catherine Njeri Mwangi', agency: 'iom' } as const;
const UNODC = { name: 'Moses Kiprotich Bett', agency: 'unodc' } as const;
const FAITH = { name: 'Rev. Benson Wafula Simiyu', agency: 'faith' } as const;
const INSPECTOR = { name: 'Samuel Kiptoo Chirchir', agency: 'labour' } as const;

const present = (who: string | { name: string; agency: PartnerKey }): DemoAttendee =>
  typeof who === 'string' ? { user: who, attendance: 'present' } : { ...who, attendance: 'present' };
const apologies = (who: string | { name: string; agency: PartnerKey }): DemoAttendee =>
  typeof who === 'string' ? { user: who, attendance: 'apologies' } : { ...who, attendance: 'apologies' };
const absent = (who: string | { name: string; agency: PartnerKey }): DemoAttendee =>
  typeof who === 'string' ? { user: who, attendance: 'absent' } : { ...who, attendance: 'absent' };

/** Refs of the meetings whose decisions the plans' workflow steps rest on. */
export const ADOPTION_MEETING = 'committee-2022-06';
export const VALIDATION_MEETING = 'drafting-4';
export const RETURN_MEETING = 'committee-2026-10';

export const DEMO_MEETINGS: readonly DemoMeeting[] = [
  {
    ref: ADOPTION_MEETING,
    kind: 'committee_meeting',
    title: 'Advisory Committee, second quarterly meeting of 2022: adoption of the National Plan of Action 2022–2026',
    status: 'held',
    startsAt: '2022-06-14T06:30:00.000Z',
    hours: 4,
    place: COMMITTEE_ROOM,
    plan: 'earlier',
    agenda:
      '1. Opening and adoption of the agenda\n2. Confirmation of the minutes of 15 March 2022\n3. Presentation of the draft National Plan of Action 2022–2026 by the task force\n4. Adoption of the plan\n5. Launch on the World Day against Trafficking in Persons\n6. Any other business',
    minutes:
      'The Chair opened the meeting at 09:30 and welcomed the members. The minutes of 15 March 2022 were confirmed.\n\nThe task force presented the draft plan: four pillars, six objectives, fifteen activities and eight indicators, with a budget of KES 119 million over five years. Members welcomed the focus on labour migration to the Gulf. ODPP asked that prosecutions be counted under the Counter-Trafficking in Persons Act only; the indicator was amended accordingly before adoption.\n\nThe Committee adopted the plan (decision 1) and agreed on quarterly reporting (decision 2) and on the launch (decision 3). The meeting closed at 13:10.',
    attendees: [
      present(CHAIR),
      present(SECRETARIAT),
      present(FOCAL),
      present(POLICE),
      present(CHILDREN),
      present(SHELTER),
      present(ODPP),
      present(IOM),
      apologies(UNODC),
      present(FAITH),
    ],
    decisions: [
      'The Committee adopts the National Plan of Action 2022–2026 (version 1) as presented by the task force.',
      'Lead agencies report progress on their activities to the Secretariat every quarter, within 30 days after the quarter ends.',
      'The Secretariat arranges the launch of the plan by the Cabinet Secretary on the World Day against Trafficking in Persons, 30 July 2022.',
    ],
    actionItems: [
      {
        text: 'Print the adopted plan and send it to every member agency and county commissioner',
        decision: 1,
        ownerAgency: 'secretariat',
        due: '2022-07-15',
        status: 'done',
        completedAt: '2022-07-12T12:00:00.000Z',
      },
      {
        text: 'Organise the launch on 30 July 2022 with the Cabinet Secretary',
        decision: 3,
        ownerAgency: 'secretariat',
        ownerUser: SECRETARIAT,
        due: '2022-07-30',
        status: 'done',
        completedAt: '2022-07-30T14:00:00.000Z',
      },
    ],
  },
  {
    ref: 'drafting-1',
    kind: 'drafting_session',
    title: 'Task force drafting session 1: lessons from the 2022–2026 plan and structure of the new plan',
    status: 'held',
    startsAt: '2026-02-17T06:00:00.000Z',
    hours: 7,
    place: 'Safari Park conference centre, Nairobi',
    plan: 'draft',
    agenda:
      '1. The task force’s terms of reference and timetable\n2. Lessons from the National Plan of Action 2022–2026 (Secretariat)\n3. Pillars and objectives of the 2027–2031 plan\n4. Pillar leads and the drafting timetable',
    minutes:
      'The Chair recalled that the Committee expects the new plan for adoption by 30 September 2027, before the current plan ends.\n\nThe Secretariat presented lessons from the 2022–2026 plan: inspections of recruitment agencies fell behind, repatriation depended on one agency, no county had its own coordination structure until 2024, and case data came in late and on paper. Members agreed to keep the four pillars and to draft ten objectives.\n\nPillar leads were agreed (decision 2). The Secretariat will open the draft in Kinga so members comment on each element.',
    attendees: [
      present(FOCAL),
      present(SECRETARIAT),
      present(ANALYST),
      present(POLICE),
      present(SHELTER),
      present(CHILDREN),
      present(HOTLINE),
      present(ODPP),
      present(IOM),
      present(UNODC),
      apologies(FAITH),
    ],
    decisions: [
      'The 2027–2031 plan keeps the four pillars (Prevention, Protection, Prosecution, Partnership) with ten objectives.',
      'Pillar leads: Prevention, the State Department for Labour; Protection, Tumaini Safe House with the Department of Children’s Services; Prosecution, the ODPP with the DCI; Partnership, the Secretariat.',
    ],
    actionItems: [
      {
        text: 'Open the draft plan in Kinga and give every task-force member an account',
        ownerAgency: 'secretariat',
        ownerUser: SECRETARIAT,
        due: '2026-02-28',
        status: 'done',
        completedAt: '2026-02-24T10:00:00.000Z',
      },
      {
        text: 'Pillar leads send draft objectives and activities of their pillar',
        decision: 2,
        ownerAgency: 'labour',
        due: '2026-04-10',
        status: 'done',
        completedAt: '2026-04-08T15:00:00.000Z',
      },
    ],
  },
  {
    ref: 'drafting-2',
    kind: 'drafting_session',
    title: 'Task force drafting session 2: Prevention and Protection',
    status: 'held',
    startsAt: '2026-04-21T06:00:00.000Z',
    hours: 7,
    place: 'Safari Park conference centre, Nairobi',
    plan: 'draft',
    agenda:
      '1. Prevention: awareness, safe labour migration, recruitment agencies\n2. Protection: identification, shelters, repatriation and reintegration\n3. Costing approach',
    minutes:
      'Prevention: members agreed that campaigns must reach parents and relatives, since most victims are recruited by family or friends. The State Department for Labour proposed compulsory pre-departure orientation and the publication of the register of licensed agencies.\n\nProtection: Tumaini Safe House reported that coast shelters turn away adult men for lack of space. IOM proposed to screen returning workers at the airports. Members discussed a television drama series; the Secretariat will cost it.',
    attendees: [
      present(FOCAL),
      present(INSPECTOR),
      present(SECRETARIAT),
      present(SHELTER),
      present(CHILDREN),
      present(HOTLINE),
      present(IOM),
      present(IOM2),
      present(FAITH),
      apologies(POLICE),
      absent(UNODC),
    ],
    decisions: ['Prevention and Protection activities are costed in Kenya shillings per year of the plan.'],
    actionItems: [
      {
        text: 'Cost the television drama series and the national campaign',
        ownerAgency: 'secretariat',
        due: '2026-05-29',
        status: 'done',
        completedAt: '2026-05-27T09:00:00.000Z',
      },
      {
        text: 'Send shelter occupancy figures for 2024–2025',
        ownerAgency: 'agencyA',
        ownerUser: SHELTER,
        due: '2026-05-15',
        status: 'done',
        completedAt: '2026-05-14T11:00:00.000Z',
      },
      {
        text: 'Map existing migrant resource centres',
        ownerAgency: 'iom',
        due: '2026-05-29',
        status: 'cancelled',
      },
    ],
  },
  {
    ref: 'drafting-3',
    kind: 'drafting_session',
    title: 'Task force drafting session 3: Prosecution, Partnership and indicators',
    status: 'held',
    startsAt: '2026-06-16T06:00:00.000Z',
    hours: 7,
    place: 'ODPP training centre, Nairobi',
    plan: 'draft',
    agenda:
      '1. Alignment of the Act with the Palermo Protocol (UNODC gap analysis)\n2. Investigation and prosecution activities\n3. Coordination and data\n4. Indicators, baselines and targets',
    minutes:
      'UNODC presented its gap analysis: fourteen of twenty Protocol obligations are fully met; gaps remain on non-punishment of victims, on compensation and on the regulations of the National Assistance Trust Fund.\n\nThe DCI and ODPP agreed on monthly case conferences. Members agreed that victims identified, victims referred and referrals completed are counted live from Kinga rather than reported by hand.',
    attendees: [
      present(FOCAL),
      present(SECRETARIAT),
      present(ANALYST),
      present(POLICE),
      present(ODPP),
      present(UNODC),
      present(IOM),
      present(SHELTER),
      apologies(CHILDREN),
      apologies(HOTLINE),
    ],
    decisions: [
      'Victims identified, victims referred and referrals completed are measured from Kinga’s case records.',
      'Baselines use 2026 figures; where a figure is missing the lead agency gives its best estimate and its source.',
    ],
    actionItems: [
      {
        text: 'Share the legislative gap analysis with all members',
        ownerAgency: 'unodc',
        due: '2026-06-30',
        status: 'done',
        completedAt: '2026-06-25T08:00:00.000Z',
      },
      {
        text: 'Provide prosecution and conviction figures for 2023–2025',
        decision: 2,
        ownerAgency: 'odpp',
        due: '2026-07-15',
        status: 'done',
        completedAt: '2026-07-20T08:00:00.000Z',
      },
    ],
  },
  {
    ref: VALIDATION_MEETING,
    kind: 'drafting_session',
    title: 'Task force drafting session 4: costing and validation of version 1',
    status: 'held',
    startsAt: '2026-08-11T06:00:00.000Z',
    hours: 7,
    place: 'Safari Park conference centre, Nairobi',
    plan: 'draft',
    agenda:
      '1. Costed draft, pillar by pillar\n2. Open comments on the draft\n3. Validation and submission to the Committee',
    minutes:
      'The Secretariat presented the costed draft. Members resolved the open comments and validated version 1 for submission to the Committee at its October meeting.',
    attendees: [
      present(FOCAL),
      present(SECRETARIAT),
      present(POLICE),
      present(SHELTER),
      present(CHILDREN),
      present(HOTLINE),
      present(ODPP),
      present(IOM),
      present(FAITH),
      apologies(UNODC),
    ],
    decisions: [
      'The task force validates version 1 of the draft plan and asks the Secretariat to submit it to the Advisory Committee.',
    ],
    actionItems: [
      {
        text: 'Submit version 1 to the Committee with a summary of the budget',
        decision: 1,
        ownerAgency: 'secretariat',
        ownerUser: SECRETARIAT,
        due: '2026-09-15',
        status: 'done',
        completedAt: '2026-09-15T09:00:00.000Z',
      },
    ],
  },
  {
    ref: 'committee-2026-08',
    kind: 'committee_meeting',
    title: 'Advisory Committee, third quarterly meeting of 2026: progress of the 2022–2026 plan in 2026-Q2',
    status: 'held',
    startsAt: '2026-08-20T06:30:00.000Z',
    hours: 4,
    place: COMMITTEE_ROOM,
    plan: 'earlier',
    agenda:
      '1. Opening and adoption of the agenda\n2. Progress reports for 2026-Q2\n3. Inspection of recruitment agencies\n4. Final evaluation of the 2022–2026 plan\n5. Progress of the drafting of the 2027–2031 plan',
    minutes:
      'The Secretariat presented the 2026-Q2 reports: four of five lead agencies reported on time and were accepted; the helpline’s report awaits review. Awareness campaigns reached 84,200 people in the quarter, more than half of the year’s target; inspections of recruitment agencies are behind (64 against 90 planned for the quarter).\n\nThe State Department for Labour explained that two inspectors were redeployed to the Gulf desk. The Committee asked for a recovery plan (decision 2) and commissioned the final evaluation (decision 3).',
    attendees: [
      present(CHAIR),
      present(SECRETARIAT),
      present(ANALYST),
      present(FOCAL),
      present(POLICE),
      present(CHILDREN),
      present(SHELTER),
      present(ODPP),
      present(IOM),
      present(UNODC),
      apologies(FAITH),
    ],
    decisions: [
      'The Committee notes the progress reports for 2026-Q2.',
      'The State Department for Labour presents a recovery plan for the inspection of recruitment agencies.',
      'The Secretariat commissions the final evaluation of the 2022–2026 plan, to report by March 2027.',
    ],
    actionItems: [
      {
        text: 'Present a recovery plan for the inspection of recruitment agencies',
        decision: 2,
        ownerAgency: 'labour',
        ownerUser: FOCAL,
        due: { inDays: -10 },
        status: 'open',
      },
      {
        text: 'Draft the terms of reference of the final evaluation of the 2022–2026 plan',
        decision: 3,
        ownerAgency: 'secretariat',
        ownerUser: ANALYST,
        due: { inDays: 25 },
        status: 'in_progress',
      },
      {
        text: 'Send the helpline’s 2026-Q2 call statistics by county',
        ownerAgency: 'helpline',
        ownerUser: HOTLINE,
        due: '2026-09-05',
        status: 'done',
        completedAt: '2026-09-03T10:00:00.000Z',
      },
    ],
  },
  {
    ref: RETURN_MEETING,
    kind: 'committee_meeting',
    title: 'Advisory Committee, fourth quarterly meeting of 2026: draft National Plan of Action 2027–2031',
    status: 'held',
    startsAt: '2026-10-14T06:30:00.000Z',
    hours: 5,
    place: COMMITTEE_ROOM,
    plan: 'draft',
    agenda:
      '1. Opening and adoption of the agenda\n2. Confirmation of the minutes of 20 August 2026\n3. Presentation of the draft National Plan of Action 2027–2031 (version 1)\n4. Decision on the draft\n5. Any other business',
    minutes:
      'The Chair of the task force presented version 1 of the draft: four pillars, ten objectives, 39 activities and 24 indicators.\n\nMembers welcomed the draft but found that it did not operationalise the National Assistance Trust Fund provided for by the Act, had no county coordination structures, did not disaggregate victims by county, and gave repatriation to an agency that depends on IOM for it. The television series was judged too costly for its reach in rural origin counties.\n\nThe Committee returned version 1 to the task force (decision 1) and set the date for the revised draft (decision 2).',
    attendees: [
      present(CHAIR),
      present(SECRETARIAT),
      present(FOCAL),
      present(POLICE),
      present(CHILDREN),
      present(SHELTER),
      present(ODPP),
      present(IOM),
      present(UNODC),
      present(FAITH),
      absent(HOTLINE),
    ],
    decisions: [
      'The Committee returns version 1 of the draft plan to the task force for revision: (a) operationalise the National Assistance Trust Fund for victims; (b) add county coordination committees in origin and destination counties; (c) disaggregate victims identified by county; (d) give IOM the lead on repatriation; (e) drop the television series.',
      'The revised draft is presented to the Committee for adoption no later than 30 September 2027.',
    ],
    actionItems: [
      {
        text: 'Revise the draft as set out in decision 1 and circulate version 2',
        decision: 1,
        ownerAgency: 'labour',
        ownerUser: FOCAL,
        due: { inDays: 45 },
        status: 'in_progress',
      },
      {
        text: 'Cost repatriation and reintegration for 2027–2031 under IOM’s lead',
        decision: 1,
        ownerAgency: 'iom',
        due: { inDays: -12 },
        status: 'open',
      },
      {
        text: 'Confirm the budget ceiling for the plan with the National Treasury',
        ownerAgency: 'labour',
        due: { inDays: -5 },
        status: 'in_progress',
      },
    ],
  },
  {
    ref: 'drafting-5',
    kind: 'drafting_session',
    title: 'Task force drafting session 5: revising the draft after the Committee’s return',
    status: 'held',
    startsAt: '2026-11-10T06:00:00.000Z',
    hours: 7,
    place: 'Online',
    link: 'https://meet.demo.kinga.test/task-force-5',
    plan: 'draft',
    agenda:
      '1. The Committee’s decision of 14 October 2026\n2. Changes in version 2, pillar by pillar\n3. Baselines\n4. Next steps',
    minutes:
      'The Secretariat presented version 2: the National Assistance Trust Fund and the county coordination committees are added with an indicator each, victims identified are disaggregated by county, IOM leads repatriation and the television series is dropped.\n\nThe DCI will confirm the 2026 baseline of investigations opened from its statistics. Tumaini Safe House found the coast shelter budget too low; its costing will be discussed at the next session.',
    attendees: [
      present(FOCAL),
      present(SECRETARIAT),
      present(POLICE),
      present(SHELTER),
      present(CHILDREN),
      present(IOM),
      present(FAITH),
      apologies(ODPP),
      apologies(UNODC),
      absent(HOTLINE),
    ],
    decisions: ['The task force agrees the changes of version 2 and invites written comments on it in Kinga.'],
    actionItems: [
      {
        text: 'Circulate version 2 for written comments',
        decision: 1,
        ownerAgency: 'secretariat',
        ownerUser: SECRETARIAT,
        due: '2026-11-13',
        status: 'done',
        completedAt: '2026-11-12T16:00:00.000Z',
      },
      {
        text: 'Confirm the 2026 baseline of trafficking investigations from DCI statistics',
        ownerAgency: 'police',
        ownerUser: POLICE,
        due: '2026-11-13',
        status: 'done',
        completedAt: '2026-11-12T09:30:00.000Z',
      },
      {
        text: 'Propose the minimum standards for the accreditation of shelters',
        ownerAgency: 'agencyB',
        ownerUser: CHILDREN,
        due: { inDays: -3 },
        status: 'open',
      },
      {
        text: 'Propose the counties for community dialogues with faith leaders',
        ownerAgency: 'faith',
        due: { inDays: 14 },
        status: 'open',
      },
    ],
  },
  {
    ref: 'task-force-2026-11',
    kind: 'task_force_meeting',
    title: 'Task force meeting: progress reports of 2026-Q3',
    status: 'held',
    startsAt: '2026-11-18T07:00:00.000Z',
    hours: 2,
    place: 'Online',
    link: 'https://meet.demo.kinga.test/task-force-q3',
    plan: 'earlier',
    agenda: '1. Status of the 2026-Q3 reports\n2. Returned and missing reports\n3. Indicators off track',
    minutes:
      'Four of five lead agencies have submitted their 2026-Q3 reports. The Secretariat accepted Tumaini Safe House’s report and returned the State Department for Labour’s report for missing inspection figures. The helpline has not reported.',
    attendees: [
      present(SECRETARIAT),
      present(ANALYST),
      present(FOCAL),
      present(POLICE),
      present(SHELTER),
      apologies(CHILDREN),
      absent(HOTLINE),
    ],
    decisions: [],
    actionItems: [
      {
        text: 'Resubmit the returned 2026-Q3 report with the inspection figures',
        ownerAgency: 'labour',
        ownerUser: FOCAL,
        due: { inDays: -2 },
        status: 'open',
      },
      {
        text: 'Submit the missing 2026-Q3 report of the helpline',
        ownerAgency: 'helpline',
        ownerUser: HOTLINE,
        due: { inDays: 7 },
        status: 'open',
      },
    ],
  },
  {
    ref: 'drafting-6',
    kind: 'drafting_session',
    title: 'Task force drafting session 6: validation of version 2',
    status: 'scheduled',
    startsAt: { inDays: 17, at: '06:00:00.000Z' },
    hours: 7,
    place: 'Safari Park conference centre, Nairobi',
    plan: 'draft',
    agenda:
      '1. Comments on version 2\n2. Shelter costing (Tumaini Safe House)\n3. Budget ceiling (National Treasury)\n4. Validation of version 2 for submission to the Committee',
    attendees: [apologies(UNODC)],
    decisions: [],
    actionItems: [],
  },
];

// ---- comments on the draft -----------------------------------------------------------------------

export interface DemoComment {
  by: string;
  at: string;
  body: string;
}
export interface DemoThread {
  version: 1 | 2;
  /** Element ref; absent: the version as a whole. */
  element?: string;
  comments: readonly DemoComment[];
  resolved?: { by: string; at: string };
}

export const DEMO_THREADS: readonly DemoThread[] = [
  {
    version: 1,
    element: 'A114',
    comments: [
      {
        by: SHELTER,
        at: '2026-07-02T08:14:00.000Z',
        body: 'KES 35 million for a television series is more than the whole shelter line at the coast. Our survivors come from villages that watch little television.',
      },
      {
        by: SECRETARIAT,
        at: '2026-07-03T10:02:00.000Z',
        body: 'Noted; we keep it for the Committee to decide with the costing.',
      },
    ],
    resolved: { by: SECRETARIAT, at: '2026-08-11T13:00:00.000Z' },
  },
  {
    version: 2,
    element: 'A121',
    comments: [
      {
        by: FOCAL,
        at: '2026-11-16T07:40:00.000Z',
        body: 'Please say that the register is also checked through Kinga’s public recruitment-agency check, so job seekers can verify a licence before they pay any fee.',
      },
      {
        by: SECRETARIAT,
        at: '2026-11-16T12:05:00.000Z',
        body: 'Agreed in principle; we will reword it at drafting session 6.',
      },
    ],
  },
  {
    version: 2,
    element: 'I18',
    comments: [
      {
        by: POLICE,
        at: '2026-11-12T06:55:00.000Z',
        body: 'The baseline should be 64 investigations (DCI statistics for 2026), not 58, which was the 2025 figure.',
      },
      { by: SECRETARIAT, at: '2026-11-13T09:20:00.000Z', body: 'Corrected in version 2. Thank you.' },
    ],
    resolved: { by: SECRETARIAT, at: '2026-11-13T09:21:00.000Z' },
  },
  {
    version: 2,
    element: 'A222',
    comments: [
      {
        by: SHELTER,
        at: '2026-11-17T11:30:00.000Z',
        body: 'KES 32 million will not pay the staff of three shelters for five years. Our costing comes to about KES 41 million; we will share it before the validation session.',
      },
      {
        by: FOCAL,
        at: '2026-11-18T08:10:00.000Z',
        body: 'Please include the share IOM offered to co-fund, so the Treasury sees the gap.',
      },
    ],
  },
  {
    version: 2,
    element: 'A323',
    comments: [
      {
        by: POLICE,
        at: '2026-11-19T13:45:00.000Z',
        body: 'Add Somalia: many of the foreign victims we identify this year came through Mandera and Garissa, not only Moyale.',
      },
    ],
  },
  {
    version: 2,
    comments: [
      {
        by: FOCAL,
        at: '2026-11-20T09:00:00.000Z',
        body: 'Pillar 4 should say who pays for the county coordination committees. The county governments will ask at the validation session.',
      },
    ],
  },
];

// ---- monitoring of the earlier plan ----------------------------------------------------------------

export interface DemoReport {
  period: string;
  agency: PartnerKey;
  status: ReportStatus;
  /** Who submitted, by email, and when. */
  submitted?: { by: string; at: string };
  reviewed?: { at: string; comment?: string };
  /** Activity ref → status and narrative. */
  entries: Record<string, [ActivityProgressStatus, string]>;
  evidence?: { activity: string; fileName: string; title: string };
}

export const DEMO_REPORTS: readonly DemoReport[] = [
  // 2026-Q2: accepted for most lead agencies.
  {
    period: '2026-Q2',
    agency: 'labour',
    status: 'accepted',
    submitted: { by: FOCAL, at: '2026-07-24T10:15:00.000Z' },
    reviewed: {
      at: '2026-08-04T08:30:00.000Z',
      comment: 'Accepted. Please explain the delay of inspections at the Committee.',
    },
    entries: {
      'E-A2': [
        'on_track',
        '1,460 prospective domestic workers (1,312 women, 148 men) completed pre-departure training in Nairobi and Mombasa.',
      ],
      'E-A3': [
        'delayed',
        '64 agencies inspected against 90 planned: two inspectors were redeployed to the Gulf desk. 9 licences suspended.',
      ],
      'E-A5': ['on_track', 'Two courses for 58 labour and children’s officers in Kakamega and Bungoma.'],
      'E-A9': ['on_track', '24 Kenyan victims returned with IOM: 14 from Saudi Arabia, 6 from Lebanon, 4 from Oman.'],
      'E-A15': ['on_track', 'Kenya’s delegation attended the Khartoum Process senior officials’ meeting in May.'],
    },
    evidence: {
      activity: 'E-A2',
      fileName: 'pre-departure-training-attendance-2026-Q2.pdf',
      title: 'Pre-departure training attendance, 2026-Q2',
    },
  },
  {
    period: '2026-Q2',
    agency: 'police',
    status: 'accepted',
    submitted: { by: POLICE, at: '2026-07-28T14:00:00.000Z' },
    reviewed: { at: '2026-08-05T09:00:00.000Z' },
    entries: {
      'E-A4': ['on_track', '146 officers trained in Nairobi, Mombasa and Kisumu (41 women, 105 men).'],
      'E-A11': [
        'on_track',
        '23 investigations opened; 19 suspects charged under the Act; 31 victims rescued, 12 of them children.',
      ],
      'E-A12': ['on_track', 'Joint reviews held in Nairobi (April) and Mombasa (June) on 17 open cases.'],
      'E-A13': [
        'delayed',
        'Case forms received from 12 of 47 counties; the rest will come through Kinga from the third quarter.',
      ],
      'E-A14': ['on_track', 'One joint operation with the Uganda Police at Busia; 6 victims returned to Uganda.'],
    },
  },
  {
    period: '2026-Q2',
    agency: 'agencyA',
    status: 'accepted',
    submitted: { by: SHELTER, at: '2026-07-21T09:30:00.000Z' },
    reviewed: { at: '2026-08-04T09:10:00.000Z' },
    entries: {
      'E-A6': [
        'on_track',
        '38 survivors sheltered (29 women, 9 children); average stay 41 days; all received counselling.',
      ],
      'E-A10': ['on_track', '14 survivors received livelihood grants; 5 started vocational training in Kilifi.'],
    },
  },
  {
    period: '2026-Q2',
    agency: 'agencyB',
    status: 'accepted',
    submitted: { by: CHILDREN, at: '2026-07-29T16:20:00.000Z' },
    reviewed: { at: '2026-08-06T07:45:00.000Z' },
    entries: {
      'E-A7': [
        'on_track',
        '22 children rescued from domestic work and fishing camps; 17 reunited with their families after tracing.',
      ],
    },
  },
  {
    period: '2026-Q2',
    agency: 'helpline',
    status: 'submitted',
    submitted: { by: HOTLINE, at: '2026-07-30T17:05:00.000Z' },
    entries: {
      'E-A1': [
        'completed',
        'Last campaign round in Bungoma, Kisii and Migori; 84,200 people reached in the quarter. The activity ends on 30 June 2026.',
      ],
      'E-A8': ['on_track', '712 calls, 96 about trafficking; 41 referred to the police or a shelter.'],
    },
  },

  // 2026-Q3: a mix of submitted, returned and accepted; the helpline has not reported.
  {
    period: '2026-Q3',
    agency: 'labour',
    status: 'returned',
    submitted: { by: FOCAL, at: '2026-10-28T11:40:00.000Z' },
    reviewed: {
      at: '2026-11-06T10:00:00.000Z',
      comment:
        'Please give the number of agencies whose licence was suspended after the 71 inspections and attach the inspection list, as the Committee asked on 20 August.',
    },
    entries: {
      'E-A2': ['on_track', '1,530 workers trained (1,371 women, 159 men); a third centre opened in Kakamega.'],
      'E-A3': [
        'delayed',
        '71 agencies inspected against 90 planned; the recovery plan goes to the Committee in November.',
      ],
      'E-A5': ['completed', 'The last course, in Busia, trained 34 officers; the activity is complete.'],
      'E-A9': ['on_track', '31 Kenyan victims returned: 19 from Saudi Arabia, 8 from Lebanon, 4 from Qatar.'],
      'E-A15': ['on_track', 'Contribution to the EAC regional strategy against trafficking sent in September.'],
    },
  },
  {
    period: '2026-Q3',
    agency: 'police',
    status: 'submitted',
    submitted: { by: POLICE, at: '2026-10-29T08:20:00.000Z' },
    entries: {
      'E-A4': [
        'completed',
        '172 officers trained (52 women, 120 men); the training programme of the plan is complete.',
      ],
      'E-A11': ['on_track', '18 investigations opened; 12 suspects charged; 3 convictions in Mombasa.'],
      'E-A12': ['on_track', 'Joint review in Nairobi in August on 14 cases; 2 cases withdrawn for lack of witnesses.'],
      'E-A13': ['delayed', 'Kinga accounts opened for four county police units; paper forms still used elsewhere.'],
      'E-A14': ['delayed', 'The joint operation planned with Tanzania at Lunga Lunga was postponed to December.'],
    },
  },
  {
    period: '2026-Q3',
    agency: 'agencyA',
    status: 'accepted',
    submitted: { by: SHELTER, at: '2026-10-20T07:50:00.000Z' },
    reviewed: { at: '2026-11-04T08:00:00.000Z', comment: 'Accepted, thank you.' },
    entries: {
      'E-A6': [
        'on_track',
        '42 survivors sheltered (30 women, 12 children); 6 adult men referred to Nairobi for lack of space.',
      ],
      'E-A10': ['delayed', 'Grants for 9 survivors only: the third tranche from the donor arrived late.'],
    },
    evidence: { activity: 'E-A6', fileName: 'shelter-occupancy-2026-Q3.pdf', title: 'Shelter occupancy, 2026-Q3' },
  },
  {
    period: '2026-Q3',
    agency: 'agencyB',
    status: 'submitted',
    submitted: { by: CHILDREN, at: '2026-11-02T12:00:00.000Z' },
    entries: {
      'E-A7': [
        'on_track',
        '19 children rescued; 15 reunited with their families; 4 remain in the Kisumu rescue centre.',
      ],
    },
  },
];

/** Who entered the actuals, and when, per period. */
export const ACTUALS_ENTERED: Record<string, { by: string; at: string }> = {
  '2026-Q2': { by: SECRETARIAT, at: '2026-08-07T10:00:00.000Z' },
  '2026-Q3': { by: SECRETARIAT, at: '2026-11-09T10:00:00.000Z' },
};

export interface DemoActual {
  period: string;
  indicator: string;
  value: number;
  sex?: { female: number; male: number; other_unknown: number };
  county?: Record<string, number>;
  note?: string;
}

export const DEMO_ACTUALS: readonly DemoActual[] = [
  {
    period: '2026-Q2',
    indicator: 'E-I1',
    value: 84_200,
    sex: { female: 46_900, male: 37_100, other_unknown: 200 },
    county: { '37': 21_500, '39': 18_700, '45': 19_300, '44': 14_600, '40': 10_100 },
  },
  {
    period: '2026-Q3',
    indicator: 'E-I1',
    value: 91_500,
    sex: { female: 50_300, male: 40_900, other_unknown: 300 },
    county: { '37': 23_800, '39': 20_100, '45': 20_900, '44': 15_400, '40': 11_300 },
    note: 'Includes the World Day events of 30 July.',
  },
  { period: '2026-Q2', indicator: 'E-I2', value: 64, note: '9 licences suspended.' },
  { period: '2026-Q3', indicator: 'E-I2', value: 71 },
  { period: '2026-Q2', indicator: 'E-I3', value: 146, sex: { female: 41, male: 105, other_unknown: 0 } },
  { period: '2026-Q3', indicator: 'E-I3', value: 172, sex: { female: 52, male: 120, other_unknown: 0 } },
  { period: '2026-Q2', indicator: 'E-I6', value: 24, sex: { female: 21, male: 3, other_unknown: 0 } },
  { period: '2026-Q3', indicator: 'E-I6', value: 31, sex: { female: 27, male: 4, other_unknown: 0 } },
  { period: '2026-Q2', indicator: 'E-I7', value: 19, sex: { female: 6, male: 13, other_unknown: 0 } },
  { period: '2026-Q3', indicator: 'E-I7', value: 12, sex: { female: 3, male: 9, other_unknown: 0 } },
  { period: '2026-Q2', indicator: 'E-I8', value: 4, county: { '47': 1, '1': 1, '42': 1, '37': 1 } },
  {
    period: '2026-Q3',
    indicator: 'E-I8',
    value: 5,
    county: { '47': 1, '1': 1, '42': 1, '37': 1, '3': 1 },
    note: 'Kilifi county committee met for the first time in August.',
  },
];
