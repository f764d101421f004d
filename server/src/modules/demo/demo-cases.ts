import {
  SHARED_SECTIONS,
  suggestTraffickingStatus,
  type CaseInput,
  type consentInputSchema,
  type EDUCATION_LEVELS,
  type IloIndicator,
  type REFERRAL_REASONS,
  type ReferralKind,
  type ReferralStatus,
  type Role,
  type screeningInputSchema,
  type SERVICE_STATUSES,
  type ServiceType,
  type SharedSection,
  type TraffickingStatus,
} from '@kinga/shared';
import type { z } from 'zod';
import { mulberry32, Rng, type Weighted } from './demo-random.ts';
import {
  countyName,
  ILO_OF_CONTROL,
  KENYAN_FEMALE,
  KENYAN_MALE,
  NAME_GROUPS,
  storyOf,
  townOf,
  type PersonLanguage,
  type Story,
  type TraffickingPattern,
} from './demo-stories.ts';

export { TRAFFICKING_PATTERNS, type TraffickingPattern } from './demo-stories.ts';

/**
 * The demo instance's case load: about 300 synthetic cases shaped like the situation the
 * product brief describes for Kenya (the people and their stories are in demo-stories.ts),
 * and what happened after intake: screening and determination, consents, services, referrals
 * and transfers in every state, notes, follow-up and closure, with timestamps spread over the
 * last two and a half years.
 *
 * The generator is a pure function of its seed and of the day it runs: no database, no clock
 * of its own, no Math.random.
 */

type Education = (typeof EDUCATION_LEVELS)[number];
type ServiceStatus = (typeof SERVICE_STATUSES)[number];
type ReferralReason = (typeof REFERRAL_REASONS)[number];
export type DemoScreeningInput = z.output<typeof screeningInputSchema>;
type ConsentInput = z.output<typeof consentInputSchema>;

// ---- who works on the cases -------------------------------------------------------------------

/** Demo agencies that hold cases; `labour` only provides services (it has no case workers). */
export type CaseAgencyKey = 'agencyA' | 'agencyB' | 'police' | 'helpline';
export const PROVIDER_KEYS = ['agencyA', 'agencyB', 'police', 'helpline', 'labour'] as const;
export type ProviderKey = (typeof PROVIDER_KEYS)[number];

export interface DemoStaffMember {
  email: string;
  name: string;
  agency: CaseAgencyKey;
  roles: Role[];
  language: 'en' | 'sw';
}

/**
 * Colleagues of the contract's demo accounts, loaded with the demo cases so that every agency
 * holding cases has a supervisor (determinations, closures and transfers need one) and the
 * shelter has two case workers. Fictional, like every demo account.
 */
export const DEMO_CASE_STAFF: readonly DemoStaffMember[] = [
  {
    email: 'caseworker.a2@demo.kinga.test',
    name: 'Salma Juma Bakari',
    agency: 'agencyA',
    roles: ['case_worker'],
    language: 'sw',
  },
  {
    email: 'supervisor.b@demo.kinga.test',
    name: 'Tom Odhiambo Owino',
    agency: 'agencyB',
    roles: ['case_supervisor'],
    language: 'en',
  },
  {
    email: 'supervisor.police@demo.kinga.test',
    name: 'Jane Wairimu Ndegwa',
    agency: 'police',
    roles: ['law_enforcement', 'case_supervisor'],
    language: 'en',
  },
  {
    email: 'supervisor.helpline@demo.kinga.test',
    name: 'Esther Nduta Kariuki',
    agency: 'helpline',
    roles: ['hotline_operator', 'case_supervisor'],
    language: 'sw',
  },
];

/** Who owns new cases in each agency, and how often. */
const CASE_OWNERS: Record<CaseAgencyKey, readonly (readonly [string, number])[]> = {
  agencyA: [
    ['caseworker.a@demo.kinga.test', 46],
    ['caseworker.a2@demo.kinga.test', 40],
    ['supervisor.a@demo.kinga.test', 14],
  ],
  agencyB: [
    ['caseworker.b@demo.kinga.test', 85],
    ['supervisor.b@demo.kinga.test', 15],
  ],
  police: [
    ['police@demo.kinga.test', 85],
    ['supervisor.police@demo.kinga.test', 15],
  ],
  helpline: [
    ['hotline@demo.kinga.test', 85],
    ['supervisor.helpline@demo.kinga.test', 15],
  ],
};

const SUPERVISORS: Record<CaseAgencyKey, string> = {
  agencyA: 'supervisor.a@demo.kinga.test',
  agencyB: 'supervisor.b@demo.kinga.test',
  police: 'supervisor.police@demo.kinga.test',
  helpline: 'supervisor.helpline@demo.kinga.test',
};

// ---- what a scenario says -----------------------------------------------------------------------

export interface DemoConsent {
  purpose: ConsentInput['purpose'];
  /** The agency a referral consent names. */
  agency: CaseAgencyKey | null;
  sections: SharedSection[];
  method: ConsentInput['method'];
  givenOn: string;
  guardianName: string | null;
  bestInterestNote: string | null;
  recordedAt: string;
  recordedBy: string;
  /** Withdrawn later by whoever holds the case then. */
  withdrawal: { at: string; by: string; reason: string } | null;
}

export interface DemoScreening {
  input: DemoScreeningInput;
  /** What the screening tool will suggest for these observations. */
  suggested: TraffickingStatus;
  screenedAt: string;
  screenedBy: string;
  determination:
    | { decidedAt: string; decidedBy: string; decision: 'confirm' }
    | { decidedAt: string; decidedBy: string; decision: 'override'; status: TraffickingStatus; reason: string }
    | null;
}

export interface DemoService {
  type: ServiceType;
  provider: ProviderKey | null;
  startDate: string | null;
  endDate: string | null;
  status: ServiceStatus;
  details: string;
  createdAt: string;
  createdBy: string;
}

/** A referral or transfer, and how far it went; `status` is where it ends. */
export interface DemoReferral {
  kind: ReferralKind;
  to: CaseAgencyKey;
  services: ServiceType[];
  reason: ReferralReason;
  details: string;
  createdAt: string;
  createdBy: string;
  /** A supervisor referred without the person's consent, for this reason. */
  consentOverrideReason: string | null;
  approval: { at: string; by: string } | null;
  answer:
    | { at: string; by: string; decision: 'accept' }
    | { at: string; by: string; decision: 'decline'; reason: string }
    | null;
  end: { at: string; by: string; step: 'complete' | 'revoke' } | null;
  status: ReferralStatus;
  /** A pending referral whose answer is (meant to be) late. */
  overdue: boolean;
}

export interface DemoNote {
  body: string;
  at: string;
  by: string;
  /** Written by the agency a completed transfer handed the case to. */
  afterHandover: boolean;
}

export interface DemoCaseScenario {
  /** Place in registration order, oldest first. */
  index: number;
  pattern: TraffickingPattern;
  /** The agency that registers the case (a completed transfer moves it later). */
  agency: CaseAgencyKey;
  owner: string;
  openedAt: string;
  draft: boolean;
  /** Under 18 when exploited. */
  child: boolean;
  intake: CaseInput;
  consents: DemoConsent[];
  screening: DemoScreening | null;
  services: DemoService[];
  /** In the order they are made; at most one transfer, always last. */
  referrals: DemoReferral[];
  notes: DemoNote[];
  followUp: { date: string; status: 'Active' | 'FollowUp'; at: string; by: string } | null;
  closure: {
    status: 'Closed' | 'ClosedReferred';
    reason: string;
    requestedAt: string;
    requestedBy: string;
    approval: { at: string; by: string } | null;
  } | null;
}

export interface GenerateOptions {
  /** The moment the demo is generated for: cases are spread over the 2.5 years before it. */
  now: Date;
  count?: number;
  seed?: number;
}

export const DEMO_CASE_COUNT = 300;
const DEFAULT_SEED = 20_100_814;
const DAY_MS = 86_400_000;
/** How far back the demo case load reaches: about two and a half years. */
const SPAN_DAYS = 912;

// ---- who registers the case --------------------------------------------------------------------

/** Which agency registers the case: the shelter most, the children's office for children. */
function agencyFor(rng: Rng, story: Story, child: boolean): CaseAgencyKey {
  const table: Weighted<CaseAgencyKey> = (() => {
    switch (story.pattern) {
      case 'gulf_domestic':
        if (story.stillAbroad) return [['helpline', 1]];
        return child
          ? [
              ['agencyA', 40],
              ['police', 30],
              ['agencyB', 30],
            ]
          : [
              ['agencyA', 60],
              ['police', 25],
              ['helpline', 15],
            ];
      case 'internal_domestic':
        return child
          ? [
              ['agencyB', 62],
              ['agencyA', 14],
              ['police', 10],
              ['helpline', 14],
            ]
          : [
              ['agencyA', 60],
              ['police', 15],
              ['helpline', 25],
            ];
      case 'internal_sexual':
        return child
          ? [
              ['agencyB', 40],
              ['police', 30],
              ['agencyA', 20],
              ['helpline', 10],
            ]
          : [
              ['agencyA', 58],
              ['police', 32],
              ['helpline', 10],
            ];
      case 'foreign_transit':
        return child
          ? [
              ['police', 60],
              ['agencyB', 25],
              ['agencyA', 15],
            ]
          : [
              ['police', 72],
              ['agencyA', 20],
              ['helpline', 8],
            ];
      case 'foreign_in_kenya':
        return child
          ? [
              ['agencyB', 45],
              ['agencyA', 30],
              ['police', 25],
            ]
          : [
              ['agencyA', 58],
              ['police', 28],
              ['helpline', 14],
            ];
      case 'local_child':
        return [
          ['agencyB', 65],
          ['police', 25],
          ['helpline', 10],
        ];
    }
  })();
  return rng.weighted(table);
}

/** Where the person was identified, given who identified them. */
function identifiedCountyOf(rng: Rng, story: Story, agency: CaseAgencyKey): number {
  if (story.pattern === 'gulf_domestic') {
    if (story.stillAbroad) return story.homeCounty ?? 47;
    const airport = story.route.find((s) => s.type === 'Transit' && s.country === 'KE')?.county ?? 47;
    switch (agency) {
      case 'police':
        return airport === 40 ? 47 : airport;
      case 'agencyA':
        return rng.weighted<number>([
          [1, 50],
          [47, 30],
          [story.homeCounty ?? 1, 20],
        ]);
      case 'agencyB':
      case 'helpline':
        return story.homeCounty ?? 47;
    }
  }
  if (agency === 'agencyB' && story.identifiedCounty !== 42 && story.homeCounty !== null && rng.chance(0.5)) {
    // Children come home and are identified there by the children's office.
    return story.homeCounty;
  }
  return story.identifiedCounty ?? 47;
}

// ---- dates ------------------------------------------------------------------------------------------

/**
 * Time inside one case, counted in days after it was opened. Every timestamp lies before the
 * day the demo is generated, and timestamps of one case taken in order never go backwards.
 */
class CaseClock {
  private tick = 0;
  private readonly openedMs: number;

  constructor(
    /** Midnight UTC of the day the demo is generated. */
    private readonly day0: number,
    /** Whole days before day0 the case was opened (at least 1). */
    readonly openedDaysAgo: number,
    /** Minute of the opening day (UTC), in office hours in Nairobi. */
    openedMinute: number,
  ) {
    this.openedMs = day0 - openedDaysAgo * DAY_MS + openedMinute * 60_000;
  }

  /** The last day anything may happen on: yesterday. */
  get lastDay(): number {
    return this.openedDaysAgo - 1;
  }

  /** A timestamp `days` after opening (clamped to [opening, yesterday]); a few minutes after the previous one. */
  at(days: number): string {
    const d = Math.max(0, Math.min(Math.floor(days), this.lastDay));
    const ms = this.openedMs + d * DAY_MS + this.tick * 7 * 60_000;
    this.tick += 1;
    return new Date(ms).toISOString();
  }

  /** The calendar date `days` after opening; after yesterday it lies in the future. */
  date(days: number): string {
    return new Date(this.day0 - (this.openedDaysAgo - Math.floor(days)) * DAY_MS).toISOString().slice(0, 10);
  }

  /** The day after opening that a timestamp of this case falls on. */
  dayOf(iso: string): number {
    return Math.floor((Date.parse(iso) - this.openedMs) / DAY_MS);
  }

  /** The day after opening that is `n` days before day0 (negative `n`: in the future). */
  daysAgo(n: number): number {
    return this.openedDaysAgo - n;
  }
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// ---- what happened after intake ------------------------------------------------------------------------

/** Which agency gives each service: the agency itself, another demo agency (a referral), labour, or outside the platform (null). */
function providerFor(
  rng: Rng,
  type: ServiceType,
  agency: CaseAgencyKey,
  child: boolean,
  story: Story,
): ProviderKey | null {
  switch (type) {
    case 'Shelter':
      return child ? (rng.chance(0.6) ? 'agencyB' : 'agencyA') : 'agencyA';
    case 'Medical':
      return rng.chance(0.5) ? null : agency === 'agencyB' ? 'agencyB' : 'agencyA';
    case 'Psychosocial':
      return child && agency !== 'agencyA' ? 'agencyB' : agency === 'agencyB' ? 'agencyB' : 'agencyA';
    case 'Legal':
      return agency === 'police' || rng.chance(0.75) ? 'police' : 'agencyA';
    case 'Repatriation':
      return story.nationality === 'KE' ? 'labour' : rng.chance(0.5) ? null : 'police';
    case 'Reintegration':
    case 'Education':
      return child ? 'agencyB' : 'agencyA';
    case 'Livelihood':
      return rng.chance(0.5) ? 'labour' : 'agencyA';
    case 'RightsBasedTraining':
      return 'labour';
    case 'Financial':
    case 'LabourExploitationRehabilitation':
    case 'SexualExploitationRehabilitation':
      return 'agencyA';
  }
}

const SERVICE_DETAILS: Record<ServiceType, readonly string[]> = {
  Shelter: ['Place in the safe house while the family is traced.', 'Emergency accommodation; review after two weeks.'],
  Medical: [
    'Examination and treatment at the county referral hospital.',
    'Medical check-up, counselling and follow-up.',
  ],
  Psychosocial: ['Weekly trauma counselling sessions.', 'Group therapy and individual counselling.'],
  Legal: ['Record a statement and support the investigation.', 'Legal aid to claim unpaid wages from the agent.'],
  Repatriation: ['Travel document and return flight arranged with the embassy.', 'Safe return home with an escort.'],
  Reintegration: ['Family tracing, assessment and home visits.', 'Return to the family with follow-up visits.'],
  Education: ['Re-enrolment in school with uniform and fees.', 'Place in a vocational training centre.'],
  Livelihood: ['Start-up kit for a small business.', 'Tailoring course and a savings group.'],
  Financial: ['Transport and upkeep allowance.', 'Cash support for the first month at home.'],
  RightsBasedTraining: ['Safe migration and labour rights session.'],
  LabourExploitationRehabilitation: ['Recovery programme for survivors of labour exploitation.'],
  SexualExploitationRehabilitation: ['Recovery programme for survivors of sexual exploitation.'],
};

const REFERRAL_DETAILS: Record<CaseAgencyKey, readonly string[]> = {
  agencyA: ['Needs a safe place to stay and counselling.', 'Please admit to the safe house; medical check done.'],
  agencyB: [
    'Child needs family tracing and a school place.',
    "Please take over the child's protection and reintegration.",
  ],
  police: [
    'Please record a statement; the recruiter is known.',
    'For investigation: names and phone numbers in the file.',
  ],
  helpline: ['Please follow up by phone with the family.'],
};

const DECLINE_REASONS = [
  'No shelter space for this age group at the moment.',
  'The person lives outside the counties we cover.',
  'We do not offer this service; please refer to the county office.',
  'The family has already been reached through another agency.',
];

const NOTES: Record<TraffickingPattern, readonly string[]> = {
  gulf_domestic: [
    'Called the family; they are ready to welcome their relative home.',
    'Asked the recruitment agency for the contract and salary records.',
    'Counselling session: sleeping better, still anxious about debts at home.',
    'Embassy confirmed the emergency travel document.',
    'Follow-up call: has started a small business.',
  ],
  internal_domestic: [
    'Home visit: the mother is willing to take the child back.',
    'School head agreed to re-admit the child next term.',
    'Attended counselling; settling well.',
    "Statement recorded at the police station with the children's officer present.",
  ],
  internal_sexual: [
    'Medical follow-up done; next appointment in a month.',
    'Statement recorded; the investigating officer will call back.',
    'Counselling session; talked about going back home.',
    'Family contacted through the area chief.',
  ],
  foreign_transit: [
    'Interpreter present during the interview.',
    'Embassy informed; waiting for travel documents.',
    'Immigration status explained; no charges for unlawful entry.',
    'IOM contacted about assisted return.',
  ],
  foreign_in_kenya: [
    'Interpreter arranged for the next interview.',
    'Embassy contacted about travel documents.',
    'Counselling session held with an interpreter.',
    'Employer summoned by the police for questioning.',
  ],
  local_child: [
    'Home visit with the area chief.',
    'School placement confirmed for next term.',
    'Attended counselling; doing well at school.',
    'Parents attended a session on child protection.',
  ],
};

function guardianConsent(
  rng: Rng,
  story: Story,
  familyInvolved: boolean,
): Pick<DemoConsent, 'guardianName' | 'bestInterestNote'> {
  if (familyInvolved || rng.chance(0.2)) {
    return {
      guardianName: null,
      bestInterestNote: familyInvolved
        ? "A relative is the suspected recruiter; the children's officer consented in the child's best interest."
        : 'No guardian could be reached yet; consent recorded in the best interest of the child.',
    };
  }
  const group = NAME_GROUPS[story.people];
  const first = rng.pick(group.christian && rng.chance(0.5) ? KENYAN_FEMALE : group.female);
  return { guardianName: `${first} ${rng.pick(group.surnames)} (mother)`, bestInterestNote: null };
}

function personName(rng: Rng, story: Story): { firstName: string; middleName: string | null; lastName: string } {
  const group = NAME_GROUPS[story.people];
  const female = story.gender === 'Feminine';
  const own = female ? group.female : group.male;
  if (story.nationality === 'ET' || story.nationality === 'SO') {
    // Given name, father's name, grandfather's: the father's name serves as the surname.
    return {
      firstName: rng.pick(own),
      middleName: rng.chance(0.4) ? rng.pick(group.male) : null,
      lastName: rng.pick(group.surnames),
    };
  }
  if (group.christian && rng.chance(0.65)) {
    const given = story.nationality === 'KE' ? (female ? KENYAN_FEMALE : KENYAN_MALE) : own;
    return {
      firstName: rng.pick(given),
      middleName: rng.chance(0.6) ? rng.pick(own) : null,
      lastName: rng.pick(group.surnames),
    };
  }
  return { firstName: rng.pick(own), middleName: null, lastName: rng.pick(group.surnames) };
}

function identityNumberOf(rng: Rng, story: Story, adult: boolean): string | null {
  switch (story.nationality) {
    case 'KE':
      if (!adult || !rng.chance(0.55)) return null;
      // Passports for those who travelled abroad, national identity cards otherwise.
      return story.pattern === 'gulf_domestic' && rng.chance(0.5)
        ? `AK${rng.digits(7)}`
        : `${rng.int(2, 3)}${rng.digits(7)}`;
    case 'ET':
      return rng.chance(0.25) ? `EP${rng.digits(7)}` : null;
    case 'UG':
      return rng.chance(0.3) ? `B${rng.digits(7)}` : null;
    case 'BI':
      return rng.chance(0.2) ? `OP${rng.digits(7)}` : null;
    case 'SO':
      return null;
  }
}

function educationOf(rng: Rng, child: boolean, story: Story): Education | null {
  if (rng.chance(0.08)) return null;
  if (child) {
    return rng.weighted<Education>([
      ['PrimaryEducation', 70],
      ['NoFormalEducation', story.pattern === 'local_child' ? 25 : 15],
      ['LowerSecondaryEducation', 15],
    ]);
  }
  if (story.nationality === 'ET' || story.nationality === 'SO') {
    return rng.weighted<Education>([
      ['NoFormalEducation', 25],
      ['PrimaryEducation', 45],
      ['LowerSecondaryEducation', 20],
      ['UpperSecondaryEducation', 10],
    ]);
  }
  return rng.weighted<Education>([
    ['PrimaryEducation', 30],
    ['LowerSecondaryEducation', 22],
    ['UpperSecondaryEducation', 35],
    ['PostSecondaryNonTertiaryEducation', 9],
    ['ShortCycleTertiaryEducation', 4],
  ]);
}

function languagesOf(rng: Rng, story: Story, education: Education | null): PersonLanguage[] {
  const langs = story.languages.length ? [...story.languages] : [...NAME_GROUPS[story.people].languages];
  if (story.nationality === 'KE') {
    if (education && education !== 'PrimaryEducation' && education !== 'NoFormalEducation') langs.splice(1, 0, 'en');
    const arabic = story.route.some((s) => s.country === 'SA' || s.country === 'LB' || s.country === 'OM');
    if (story.pattern === 'gulf_domestic' && arabic && rng.chance(0.3)) langs.push('ar');
  }
  if ((story.nationality === 'ET' || story.nationality === 'SO') && rng.chance(0.3)) langs.push('sw');
  return [...new Set(langs)];
}

function screeningOf(
  rng: Rng,
  story: Story,
  clock: CaseClock,
  by: { screener: string; supervisor: string },
  end: number,
  adult: boolean,
): DemoScreening {
  const day = Math.min(
    end,
    rng.weighted<number>([
      [0, 60],
      [1, 20],
      [2, 10],
      [5, 10],
    ]),
  );
  let ilo = [...new Set(story.controls.map((c) => ILO_OF_CONTROL[c]).filter((i): i is IloIndicator => !!i))];
  if (story.labourIndustry === 'T_ActivitiesOfHouseholdsAsEmployers' && rng.chance(0.6)) {
    ilo.push('RestrictionOfMovement', 'Isolation');
  }
  if (story.nationality !== 'KE' || story.ageAtRecruitment < 18) ilo.push('AbuseOfVulnerability');
  ilo = [...new Set(ilo)];
  let means = story.means;
  let purposes = story.purposes;
  // Some adults' accounts do not (yet) show how they were controlled: the tool says "possible".
  if (adult && rng.chance(0.14)) {
    means = [];
    ilo = ilo.filter((i) =>
      ['ExcessiveOvertime', 'WithholdingOfWages', 'AbusiveWorkingAndLivingConditions'].includes(i),
    );
  }
  if (story.intercepted) {
    purposes = [];
    ilo = ilo.slice(0, 1);
  }
  const input: DemoScreeningInput = {
    acts: story.acts,
    means,
    purposes,
    iloIndicators: ilo,
    ageAtExploitation: rng.chance(0.05) ? null : story.ageAtRecruitment,
    notes:
      story.nationality !== 'KE'
        ? `Screened with an interpreter.`
        : rng.chance(0.3)
          ? 'Screened in a private room; the person was calm and consistent.'
          : null,
  };
  const suggested = suggestTraffickingStatus(input).suggestedStatus;
  const screening: DemoScreening = {
    input,
    suggested,
    screenedAt: clock.at(day),
    screenedBy: by.screener,
    determination: null,
  };
  if (end - day >= 2 && rng.chance(0.76)) {
    const decidedAt = clock.at(day + rng.int(1, Math.min(21, end - day)));
    const decidedBy = by.supervisor;
    if (suggested === 'PossibleVictimOfTrafficking' && story.intercepted && rng.chance(0.4)) {
      screening.determination = {
        decidedAt,
        decidedBy,
        decision: 'override',
        status: 'NotAVictimOfTrafficking',
        reason: 'Smuggled migrant: no purpose of exploitation established. Referred for immigration assistance.',
      };
    } else if (suggested === 'PossibleVictimOfTrafficking' && !story.intercepted && rng.chance(0.35)) {
      screening.determination = {
        decidedAt,
        decidedBy,
        decision: 'override',
        status: 'ActualVictimOfTrafficking',
        reason: 'A second interview and the messages on the phone establish deception and coercion.',
      };
    } else if (suggested === 'ActualVictimOfTrafficking' && rng.chance(0.03)) {
      screening.determination = {
        decidedAt,
        decidedBy,
        decision: 'override',
        status: 'PossibleVictimOfTrafficking',
        reason: 'The account is not yet corroborated; review after the police interview.',
      };
    } else {
      screening.determination = { decidedAt, decidedBy, decision: 'confirm' };
    }
  }
  return screening;
}

interface ReferralPlan {
  kind: ReferralKind;
  from: CaseAgencyKey;
  to: CaseAgencyKey;
  services: ServiceType[];
  /** Day after opening it is made. */
  day: number;
  /** Last day of the case's active life. */
  end: number;
  /** The case is closed at `end`: the referral must be over by then. */
  closes: boolean;
  createdBy: string;
}

function receiverOf(rng: Rng, to: CaseAgencyKey): string {
  return rng.weighted(CASE_OWNERS[to]);
}

/**
 * How referrals end, by how long ago they were made: recent ones wait for an answer, some are
 * left unanswered past their deadline, older ones were mostly accepted or completed. Referrals
 * of a case that is later closed have all ended.
 */
function referralFates(transfer: boolean, closes: boolean, ago: number): Weighted<ReferralStatus> {
  if (closes) {
    return transfer
      ? [
          ['completed', 70],
          ['declined', 20],
          ['revoked', 10],
        ]
      : [
          ['completed', 65],
          ['declined', 22],
          ['revoked', 13],
        ];
  }
  if (ago <= 2) {
    return transfer
      ? [
          ['awaiting_approval', 60],
          ['pending', 40],
        ]
      : [
          ['pending', 80],
          ['accepted', 20],
        ];
  }
  if (ago <= 21) {
    return transfer
      ? [
          ['awaiting_approval', 20],
          ['pending', 15],
          ['completed', 45],
          ['declined', 12],
          ['revoked', 8],
        ]
      : [
          ['pending', 28],
          ['accepted', 45],
          ['completed', 8],
          ['declined', 12],
          ['revoked', 7],
        ];
  }
  if (ago <= 60) {
    return transfer
      ? [
          ['awaiting_approval', 5],
          ['pending', 5],
          ['completed', 60],
          ['declined', 18],
          ['revoked', 12],
        ]
      : [
          ['pending', 8],
          ['accepted', 40],
          ['completed', 30],
          ['declined', 13],
          ['revoked', 9],
        ];
  }
  return transfer
    ? [
        ['completed', 70],
        ['declined', 18],
        ['revoked', 12],
      ]
    : [
        ['pending', 2],
        ['accepted', 28],
        ['completed', 47],
        ['declined', 14],
        ['revoked', 9],
      ];
}

/** A referral or transfer and its fate, weighted by how long ago it was made. */
function referralOf(rng: Rng, clock: CaseClock, plan: ReferralPlan): DemoReferral {
  const transfer = plan.kind === 'transfer';
  let day = plan.day;
  // Some open cases were referred in the last two days: the receivers' queues are not empty.
  if (!plan.closes && rng.chance(0.08)) day = Math.max(day, clock.lastDay - rng.int(0, 1));
  // Others were made later in the life of an open case, when a new need arose.
  else if (!plan.closes && rng.chance(0.15)) day = Math.max(day, clock.lastDay - rng.int(2, 20));
  const ago = clock.openedDaysAgo - day;
  const status = rng.weighted(referralFates(transfer, plan.closes, ago));
  // Three days is the time to answer: a pending referral is made either within it or well before.
  if (status === 'pending' && ago === 3) day = day > 0 ? day - 1 : day + 1;
  const limit = plan.closes ? plan.end : clock.lastDay;
  const createdAt = clock.at(Math.min(day, limit));
  const supervisor = SUPERVISORS[plan.from];
  const referral: DemoReferral = {
    kind: plan.kind,
    to: plan.to,
    services: plan.services,
    reason: transfer ? 'MigrationOrChangeOfLocation' : 'AdditionalServicesRequired',
    details: rng.pick(REFERRAL_DETAILS[plan.to]),
    createdAt,
    createdBy: plan.createdBy,
    consentOverrideReason: null,
    approval: null,
    answer: null,
    end: null,
    status,
    overdue: status === 'pending' && clock.openedDaysAgo - day > 3,
  };
  let cursor = day;
  const step = (min: number, max: number) => {
    cursor = Math.min(limit, cursor + rng.int(min, max));
    return clock.at(cursor);
  };
  if (transfer && status !== 'awaiting_approval' && !(status === 'revoked' && rng.chance(0.3))) {
    referral.approval = { at: step(0, 2), by: supervisor };
  }
  if (status === 'awaiting_approval' || status === 'pending') return referral;
  const receiver = receiverOf(rng, plan.to);
  if (status === 'declined') {
    referral.answer = { at: step(0, 4), by: receiver, decision: 'decline', reason: rng.pick(DECLINE_REASONS) };
    return referral;
  }
  if (status === 'revoked') {
    // A referral may be taken back after it was accepted; a transfer only before the receiver answers.
    if (!transfer && rng.chance(0.5)) referral.answer = { at: step(0, 3), by: receiver, decision: 'accept' };
    referral.end = { at: step(1, 20), by: plan.createdBy, step: 'revoke' };
    return referral;
  }
  referral.answer = { at: step(0, 4), by: receiver, decision: 'accept' };
  if (status === 'completed' && !transfer) referral.end = { at: step(10, 90), by: receiver, step: 'complete' };
  return referral;
}

/** What a referral consent opens to the receiving agency: the police rarely need the support plan. */
function sectionsFor(rng: Rng, to: CaseAgencyKey): SharedSection[] {
  if (to === 'police') {
    return rng.chance(0.7) ? ['identity', 'contact', 'victim', 'route', 'screening'] : ['identity', 'victim', 'route'];
  }
  return rng.chance(0.8) ? [...SHARED_SECTIONS] : ['identity', 'victim', 'services'];
}

/** Where a case is transferred, if anywhere: police and helpline hand cases on; the shelter hands children on. */
function transferTarget(rng: Rng, agency: CaseAgencyKey, minor: boolean): CaseAgencyKey | null {
  switch (agency) {
    case 'police':
      return rng.chance(minor ? 0.3 : 0.22) ? (minor ? 'agencyB' : 'agencyA') : null;
    case 'helpline':
      return rng.chance(0.3) ? (minor ? 'agencyB' : 'agencyA') : null;
    case 'agencyA':
      return minor && rng.chance(0.3) ? 'agencyB' : null;
    case 'agencyB':
      return !minor && rng.chance(0.3) ? 'agencyA' : null;
  }
}

/** A service's status and dates: those asked of another agency follow the referral, the rest follow time. */
function settleService(
  rng: Rng,
  service: DemoService,
  referral: DemoReferral | undefined,
  clock: CaseClock,
  end: number,
  closes: boolean,
): void {
  const start = service.startDate ? clock.dayOf(`${service.startDate}T23:59:59Z`) : 0;
  if (referral) {
    switch (referral.status) {
      case 'awaiting_approval':
      case 'pending':
        service.status = 'planned';
        service.startDate = null;
        return;
      case 'accepted':
        service.status = 'in_progress';
        service.startDate = referral.answer?.at.slice(0, 10) ?? service.startDate;
        return;
      case 'completed':
        if (referral.kind === 'transfer') {
          // The receiving agency now holds the case and gives the service itself.
          service.status = closes ? 'completed' : 'in_progress';
          service.startDate = referral.answer?.at.slice(0, 10) ?? service.startDate;
          if (closes) service.endDate = clock.date(Math.max(end, clock.dayOf(referral.answer?.at ?? '')));
          return;
        }
        service.status = 'completed';
        service.startDate = referral.answer?.at.slice(0, 10) ?? service.startDate;
        service.endDate = referral.end?.at.slice(0, 10) ?? service.startDate;
        return;
      case 'declined':
      case 'revoked':
        service.status = 'cancelled';
        service.startDate = null;
        return;
    }
  }
  if (closes) {
    service.status = rng.chance(0.92) ? 'completed' : 'cancelled';
    if (service.status === 'completed') service.endDate = clock.date(rng.int(start, Math.max(start, end)));
    return;
  }
  const running = clock.lastDay - start;
  if (running < 7 && rng.chance(0.4)) {
    service.status = 'planned';
    service.startDate = clock.date(clock.lastDay + rng.int(2, 14));
  } else if (running > 60 && rng.chance(0.5)) {
    service.status = 'completed';
    service.endDate = clock.date(rng.int(start + 14, Math.max(start + 14, clock.lastDay)));
  } else {
    service.status = 'in_progress';
  }
}

/** An intake begun and not finished: who the person is, little else. */
function draftOf(rng: Rng, intake: CaseInput): CaseInput {
  return {
    identity: {
      firstName: intake.identity?.firstName ?? null,
      lastName: intake.identity?.lastName ?? null,
      ...(rng.chance(0.5) ? { birthDate: intake.identity?.birthDate ?? null } : {}),
    },
    contact: rng.chance(0.5) ? { phone: intake.contact?.phone ?? null } : {},
    profile: {
      gender: intake.profile?.gender ?? null,
      ...(rng.chance(0.6) ? { citizenships: intake.profile?.citizenships ?? [] } : {}),
    },
    ...(rng.chance(0.5) ? { countyCode: intake.countyCode ?? null } : {}),
    ...(rng.chance(0.4) ? { narrative: intake.narrative ?? null } : {}),
  };
}

// ---- the generator --------------------------------------------------------------------------------------

const PATTERN_WEIGHTS: Weighted<TraffickingPattern> = [
  ['gulf_domestic', 31],
  ['internal_domestic', 20],
  ['internal_sexual', 15],
  ['foreign_transit', 11],
  ['foreign_in_kenya', 14],
  ['local_child', 7],
];

/** Generates the demo case load: the same scenarios for the same seed and day. */
export function generateDemoCases(options: GenerateOptions): DemoCaseScenario[] {
  const count = options.count ?? DEMO_CASE_COUNT;
  const rng = new Rng(mulberry32(options.seed ?? DEFAULT_SEED));
  const day0 = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate());
  // Case loads grow: more cases in recent months than at the start of the period. Opened
  // between 08:30 and 14:30 in Nairobi (05:30–11:30 UTC), in order, so codes follow time.
  const openings = Array.from({ length: count }, () => ({
    daysAgo: 1 + Math.floor(SPAN_DAYS * rng.float() ** 1.3),
    minute: rng.int(330, 690),
  })).sort((a, b) => b.daysAgo - a.daysAgo || a.minute - b.minute);
  return openings.map((o, index) => scenarioOf(rng, index, new CaseClock(day0, o.daysAgo, o.minute)));
}

function scenarioOf(rng: Rng, index: number, clock: CaseClock): DemoCaseScenario {
  const pattern = rng.weighted(PATTERN_WEIGHTS);
  const story = storyOf(rng, pattern);
  const child = story.ageAtRecruitment < 18;
  const agency = agencyFor(rng, story, child);
  const owner = rng.weighted(CASE_OWNERS[agency]);
  const openedAt = clock.at(0);
  const openedOn = openedAt.slice(0, 10);

  // The route, dated backwards from the day the person was identified.
  const gap = story.stillAbroad ? 0 : pattern === 'gulf_domestic' ? rng.int(7, 120) : rng.int(0, 10);
  const exploitationStart = addDays(openedOn, -(story.monthsExploited * 30 + gap));
  const transitDate = addDays(exploitationStart, -rng.int(1, 6));
  const recruitmentDate = addDays(transitDate, -rng.int(5, 75));
  const years = Math.floor((Date.parse(openedOn) - Date.parse(recruitmentDate)) / (365.25 * DAY_MS));
  const ageAtIntake = story.ageAtRecruitment + years;
  const adult = ageAtIntake >= 18;
  let transitIndex = 0;
  const events = story.route.map((stop) => ({
    type: stop.type,
    country: stop.country,
    countyCode: stop.country === 'KE' ? stop.county : null,
    place: stop.place,
    date: rng.chance(0.06)
      ? null
      : stop.type === 'Recruitment'
        ? recruitmentDate
        : stop.type === 'Transit'
          ? addDays(transitDate, transitIndex++)
          : addDays(exploitationStart, Math.max(0, transitIndex - 1)),
  }));

  const name = personName(rng, story);
  const knownBirthDate = story.nationality === 'KE' ? rng.chance(0.7) : rng.chance(0.3);
  const birthDate = knownBirthDate ? addDays(openedOn, -(ageAtIntake * 365 + rng.int(30, 330))) : null;
  const education = educationOf(rng, !adult, story);
  const phone =
    (adult && rng.chance(story.nationality === 'KE' ? 0.6 : 0.3)) || (!adult && rng.chance(0.15))
      ? `07${rng.int(0, 2)}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(3)}`
      : null;
  const email =
    adult && story.nationality === 'KE' && rng.chance(0.1)
      ? `${name.firstName}.${name.lastName}${rng.int(1, 99)}@example.com`.toLowerCase()
      : null;
  const address =
    story.homeCounty !== null && rng.chance(0.7)
      ? `${townOf(rng, story.homeCounty)}, ${countyName(story.homeCounty)} County`
      : null;

  const intake: CaseInput = {
    identity: {
      firstName: name.firstName,
      middleName: name.middleName,
      lastName: name.lastName,
      birthDate,
      identityNumber: identityNumberOf(rng, story, adult),
    },
    contact: { phone, email, address },
    profile: {
      gender: story.gender,
      estimatedAge: birthDate ? null : ageAtIntake,
      citizenships: [story.nationality],
      languages: languagesOf(rng, story, education),
      education,
    },
    victim: {
      relationshipToTrafficker: story.relationship,
      ageWhenTrafficked: story.ageAtRecruitment,
      recruitmentMethods: [story.recruitment],
      recruitmentWebsites: story.websites,
      controlMethods: story.controls,
      exploitationTypes: story.exploitationTypes,
      labourIndustry: story.labourIndustry,
      sexExploitationTypes: story.sexual ? (rng.chance(0.06) ? ['Prostitution', 'Pornography'] : ['Prostitution']) : [],
    },
    events,
    countyCode: identifiedCountyOf(rng, story, agency),
    narrative: story.narrative.replace(/\s+/g, ' ').trim(),
  };

  const scenario: DemoCaseScenario = {
    index,
    pattern,
    agency,
    owner,
    openedAt,
    draft: false,
    child,
    intake,
    consents: [],
    screening: null,
    services: [],
    referrals: [],
    notes: [],
    followUp: null,
    closure: null,
  };

  // Intakes begun in the last weeks and not yet registered; a few older ones were abandoned.
  if ((clock.openedDaysAgo <= 40 && rng.chance(0.3)) || rng.chance(0.012)) {
    scenario.draft = true;
    scenario.intake = draftOf(rng, intake);
    return scenario;
  }

  const span = clock.lastDay;
  // The case's active life: closed cases end, open ones run to yesterday.
  const closes = span > 120 && rng.chance(Math.min(0.6, span / 900));
  const end = closes ? Math.min(span, rng.int(45, Math.max(60, Math.min(span, 420)))) : span;
  const minor = !adult;

  // Consent at intake: for case management always, for statistics mostly.
  const method: DemoConsent['method'] =
    agency === 'helpline' ? (rng.chance(0.7) ? 'verbal' : 'written') : rng.chance(0.85) ? 'written' : 'verbal';
  const guardian = minor
    ? guardianConsent(rng, story, story.relationship === 'Familial')
    : { guardianName: null, bestInterestNote: null };
  const consent = (
    purpose: DemoConsent['purpose'],
    recordedAt: string,
    to: CaseAgencyKey | null = null,
    sections: SharedSection[] = [],
  ): DemoConsent => ({
    purpose,
    agency: to,
    sections,
    method,
    givenOn: recordedAt.slice(0, 10),
    ...guardian,
    recordedAt,
    recordedBy: owner,
    withdrawal: null,
  });
  /** A referral consent is given just before the referral it allows. */
  const referralConsent = (referral: DemoReferral) => {
    const given = consent('referral', minutesBefore(referral.createdAt, 5), referral.to, sectionsFor(rng, referral.to));
    if (referral.status === 'revoked' && referral.end && rng.chance(0.4)) {
      given.withdrawal = { at: minutesBefore(referral.end.at, 20), by: owner, reason: WITHDRAWN_REFERRAL };
    }
    scenario.consents.push(given);
  };
  scenario.consents.push(consent('case_management', openedAt));
  const statistics = rng.chance(0.85) ? consent('statistics', openedAt) : null;
  if (statistics) scenario.consents.push(statistics);

  // Screening: most registered cases, usually on the day of intake.
  let busyUntil = 0;
  if (!(span < 10 && rng.chance(0.45)) && !rng.chance(0.04)) {
    const by = { screener: owner, supervisor: SUPERVISORS[agency] };
    scenario.screening = screeningOf(rng, story, clock, by, end, adult);
    const decided = scenario.screening.determination;
    busyUntil = clock.dayOf(decided ? decided.decidedAt : scenario.screening.screenedAt);
  }

  // The support plan: what the person needs, and from whom.
  const wanted = new Map<CaseAgencyKey, ServiceType[]>();
  // Four services at most: the plan's main lines, not every contact.
  for (const type of rng.some(story.needs).slice(0, 4)) {
    const provider = providerFor(rng, type, agency, minor, story);
    scenario.services.push({
      type,
      provider,
      startDate: clock.date(Math.min(end, rng.int(0, 14))),
      endDate: null,
      status: 'in_progress',
      details: rng.pick(SERVICE_DETAILS[type]),
      createdAt: clock.at(Math.min(end, rng.int(0, 3))),
      createdBy: owner,
    });
    if (provider !== null && provider !== 'labour' && provider !== agency) {
      wanted.set(provider, [...(wanted.get(provider) ?? []), type]);
    }
  }

  // A transfer hands the whole case over, with the services asked of the receiving agency.
  const transferTo = transferTarget(rng, agency, minor);
  const transferServices = transferTo
    ? (wanted.get(transferTo) ?? (minor ? ['Reintegration', 'Psychosocial'] : ['Shelter', 'Psychosocial']))
    : [];
  if (transferTo) wanted.delete(transferTo);

  // Referrals for the services other agencies give; at most two keep the demo's audit trail proportionate.
  const settled = new Set<DemoService>();
  let day = Math.min(end, rng.int(1, 12));
  for (const [to, services] of [...wanted].slice(0, 2)) {
    // Police and the helpline may place a child with the children's office before anyone can consent.
    const overrideConsent = minor && to === 'agencyB' && agency !== 'agencyA' && rng.chance(0.25);
    const referral = referralOf(rng, clock, {
      kind: 'referral',
      from: agency,
      to,
      services,
      day,
      end,
      closes,
      createdBy: overrideConsent ? SUPERVISORS[agency] : owner,
    });
    if (overrideConsent) referral.consentOverrideReason = CONSENT_OVERRIDE_REASON;
    else referralConsent(referral);
    scenario.referrals.push(referral);
    for (const s of scenario.services) {
      if (s.provider !== to) continue;
      settleService(rng, s, referral, clock, end, closes);
      settled.add(s);
    }
    day = Math.min(end, day + rng.int(0, 10));
  }

  // The transfer comes last, after the agency's own decisions and referrals.
  let holder = owner;
  let holderAgency = agency;
  let handedOverDay = -1;
  if (transferTo) {
    const lastReferral = Math.max(day, busyUntil, ...scenario.referrals.map((r) => clock.dayOf(r.createdAt)));
    const transfer = referralOf(rng, clock, {
      kind: 'transfer',
      from: agency,
      to: transferTo,
      services: transferServices,
      day: Math.min(end, lastReferral + rng.int(1, 15)),
      end,
      closes,
      createdBy: owner,
    });
    referralConsent(transfer);
    scenario.referrals.push(transfer);
    for (const s of scenario.services) {
      if (s.provider !== transferTo) continue;
      settleService(rng, s, transfer, clock, end, closes);
      settled.add(s);
    }
    if (transfer.status === 'completed' && transfer.answer) {
      holder = transfer.answer.by;
      holderAgency = transferTo;
      handedOverDay = clock.dayOf(transfer.answer.at);
    }
  }
  for (const s of scenario.services) if (!settled.has(s)) settleService(rng, s, undefined, clock, end, closes);

  // Closure: the day it is asked for bounds everything else the case saw.
  const closureDay = closes ? Math.max(handedOverDay + 1, end - rng.int(1, 10)) : null;
  const lastWorkDay = closureDay ?? span;

  // Notes by whoever held the case at the time.
  const noteCount = rng.weighted<number>([
    [0, 35],
    [1, 35],
    [2, 20],
    [3, 10],
  ]);
  const noteDays = Array.from({ length: lastWorkDay > 1 ? noteCount : 0 }, () => rng.int(1, lastWorkDay)).sort(
    (a, b) => a - b,
  );
  for (const noteDay of noteDays) {
    const afterHandover = handedOverDay >= 0 && noteDay > handedOverDay;
    scenario.notes.push({
      body: rng.pick(NOTES[pattern]),
      at: clock.at(noteDay),
      by: afterHandover ? holder : owner,
      afterHandover,
    });
  }

  if (closureDay !== null) {
    const handedOn = scenario.referrals.some((r) => r.kind === 'referral' && r.status === 'completed');
    const status = handedOn && rng.chance(0.35) ? 'ClosedReferred' : 'Closed';
    const home = story.homeCounty ? countyName(story.homeCounty) : null;
    scenario.closure = {
      status,
      reason:
        status === 'ClosedReferred'
          ? 'Case management continues with the agency the case was referred to.'
          : rng.pick([
              home
                ? `Reintegrated with the family in ${home}; follow-up visits completed.`
                : 'Returned home safely; follow-up completed.',
              'Services completed; the person asked to close the case.',
              'Lost contact after three attempts over two months.',
              story.nationality === 'KE'
                ? 'Back at home and working; no further support needed.'
                : 'Repatriated to the home country.',
            ]),
      requestedAt: clock.at(closureDay),
      requestedBy: holder,
      approval: { at: clock.at(closureDay + rng.int(0, 7)), by: SUPERVISORS[holderAgency] },
    };
  } else {
    // Open cases: a follow-up date for many (some already missed), a closure waiting for some.
    if (rng.chance(0.6)) {
      const inDays = rng.int(-25, 45);
      scenario.followUp = {
        date: clock.date(clock.daysAgo(-inDays)),
        status: span > 90 && rng.chance(0.55) ? 'FollowUp' : 'Active',
        at: clock.at(Math.max(handedOverDay + 1, span - rng.int(5, 30))),
        by: holder,
      };
    }
    const open = scenario.referrals.some((r) => ['awaiting_approval', 'pending', 'accepted'].includes(r.status));
    if (span > 45 && !open && rng.chance(0.1)) {
      scenario.closure = {
        status: 'Closed',
        reason: rng.pick([
          'Reintegrated with the family; no further services needed.',
          'Services completed; ready to close.',
        ]),
        requestedAt: clock.at(Math.max(handedOverDay + 1, span - rng.int(0, 12))),
        requestedBy: holder,
        approval: null,
      };
    }
  }

  // A few ask later not to be counted; the agency holding the case by then records it.
  if (statistics && lastWorkDay > 20 && rng.chance(0.03)) {
    statistics.withdrawal = { at: clock.at(rng.int(10, lastWorkDay)), by: holder, reason: WITHDRAWN_STATISTICS };
  }
  for (const c of scenario.consents) if (c.withdrawal) c.withdrawal.by = holder;
  return scenario;
}

const CONSENT_OVERRIDE_REASON =
  'Child found alone at night and placed in a place of safety before a guardian could be reached.';
const WITHDRAWN_REFERRAL = 'Withdrew consent to share the case with this agency.';
const WITHDRAWN_STATISTICS = 'Asked that the case not be counted in reports.';

function minutesBefore(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) - minutes * 60_000).toISOString();
}
