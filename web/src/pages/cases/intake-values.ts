import type { CaseDto, CaseInput, RevealedIdentityDto } from '@kinga/shared';
import type { EventType } from '@kinga/shared/picklists';

/** The steps of the intake wizard, in order; the last one reviews and submits. */
export const INTAKE_STEPS = ['person', 'victim', 'route', 'review'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];
/** The steps that hold fields (and are saved). */
export type FormStep = Exclude<IntakeStep, 'review'>;

type Identity = NonNullable<CaseInput['identity']>;
type Profile = NonNullable<CaseInput['profile']>;
type Victim = NonNullable<CaseInput['victim']>;
type CaseEvent = NonNullable<CaseInput['events']>[number];

export interface PersonValues {
  firstName: string;
  middleName: string;
  lastName: string;
  gender: NonNullable<Profile['gender']> | '';
  /** Whether the person's age is known from a birth date or estimated. */
  ageBy: 'birthDate' | 'estimate';
  birthDate: string;
  estimatedAge: string;
  citizenships: NonNullable<Profile['citizenships']>;
  languages: NonNullable<Profile['languages']>;
  education: NonNullable<Profile['education']> | '';
  identityNumber: string;
  phone: string;
  email: string;
  address: string;
}

export interface VictimValues {
  relationshipToTrafficker: NonNullable<Victim['relationshipToTrafficker']> | '';
  ageWhenTrafficked: string;
  recruitmentMethods: NonNullable<Victim['recruitmentMethods']>;
  recruitmentWebsites: NonNullable<Victim['recruitmentWebsites']>;
  controlMethods: NonNullable<Victim['controlMethods']>;
  exploitationTypes: NonNullable<Victim['exploitationTypes']>;
  labourIndustry: NonNullable<Victim['labourIndustry']> | '';
  sexExploitationTypes: NonNullable<Victim['sexExploitationTypes']>;
  countyCode: string;
  narrative: string;
}

export interface EventValues {
  /** Keeps React's list identity while stages are added, moved and removed; never sent. */
  key: string;
  type: EventType;
  country: NonNullable<CaseEvent['country']> | '';
  countyCode: string;
  place: string;
  date: string;
}

export interface IntakeValues {
  person: PersonValues;
  victim: VictimValues;
  events: EventValues[];
}

/** The country whose first-level areas (counties) a route stage may name. */
export const HOME_COUNTRY = 'KE';

let eventKeys = 0;
function nextEventKey(): string {
  eventKeys += 1;
  return `event-${eventKeys}`;
}

/** A new, empty stage of the route. */
export function emptyEvent(type: EventType = 'Recruitment'): EventValues {
  return { key: nextEventKey(), type, country: '', countyCode: '', place: '', date: '' };
}

export function emptyIntakeValues(): IntakeValues {
  return {
    person: {
      firstName: '',
      middleName: '',
      lastName: '',
      gender: '',
      ageBy: 'estimate',
      birthDate: '',
      estimatedAge: '',
      citizenships: [],
      languages: [],
      education: '',
      identityNumber: '',
      phone: '',
      email: '',
      address: '',
    },
    victim: {
      relationshipToTrafficker: '',
      ageWhenTrafficked: '',
      recruitmentMethods: [],
      recruitmentWebsites: [],
      controlMethods: [],
      exploitationTypes: [],
      labourIndustry: '',
      sexExploitationTypes: [],
      countyCode: '',
      narrative: '',
    },
    events: [],
  };
}

const str = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The form's values for a stored case and its revealed identifying details. */
export function valuesFromCase(caseDto: CaseDto, revealed: RevealedIdentityDto | null): IntakeValues {
  const identity = revealed?.identity ?? null;
  const contact = revealed?.contact ?? null;
  const victim = caseDto.victim;
  return {
    person: {
      firstName: str(identity?.firstName),
      middleName: str(identity?.middleName),
      lastName: str(identity?.lastName),
      gender: caseDto.profile.gender ?? '',
      ageBy: identity?.birthDate ? 'birthDate' : 'estimate',
      birthDate: str(identity?.birthDate),
      estimatedAge: str(caseDto.profile.estimatedAge),
      citizenships: [...caseDto.profile.citizenships],
      languages: [...caseDto.profile.languages],
      education: caseDto.profile.education ?? '',
      identityNumber: str(identity?.identityNumber),
      phone: str(contact?.phone),
      email: str(contact?.email),
      address: str(contact?.address),
    },
    victim: {
      relationshipToTrafficker: victim?.relationshipToTrafficker ?? '',
      ageWhenTrafficked: str(victim?.ageWhenTrafficked),
      recruitmentMethods: [...(victim?.recruitmentMethods ?? [])],
      recruitmentWebsites: [...(victim?.recruitmentWebsites ?? [])],
      controlMethods: [...(victim?.controlMethods ?? [])],
      exploitationTypes: [...(victim?.exploitationTypes ?? [])],
      labourIndustry: victim?.labourIndustry ?? '',
      sexExploitationTypes: [...(victim?.sexExploitationTypes ?? [])],
      countyCode: str(caseDto.countyCode),
      narrative: str(revealed?.narrative),
    },
    events: (caseDto.events ?? []).map((e) => ({
      key: nextEventKey(),
      type: e.type,
      country: e.country ?? '',
      countyCode: str(e.countyCode),
      place: str(e.place),
      date: str(e.date),
    })),
  };
}

const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** A whole number typed into a field, or null when empty or not a whole number. */
export function wholeNumberOrNull(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Age in whole years on `today` of someone born on `birthDate` (YYYY-MM-DD); null when not a date or in the future. */
export function ageFromBirthDate(birthDate: string, today: Date = new Date()): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = today.getFullYear() - year;
  const beforeBirthday = today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
  if (beforeBirthday) age -= 1;
  return age >= 0 && age <= 120 ? age : null;
}

/** The person's age as the form knows it: from the birth date, or the estimate. */
export function currentAge(person: PersonValues, today: Date = new Date()): number | null {
  return person.ageBy === 'birthDate'
    ? ageFromBirthDate(person.birthDate, today)
    : wholeNumberOrNull(person.estimatedAge);
}

function personInput(p: PersonValues): CaseInput {
  const byBirthDate = p.ageBy === 'birthDate';
  const identity: Identity = {
    firstName: textOrNull(p.firstName),
    middleName: textOrNull(p.middleName),
    lastName: textOrNull(p.lastName),
    birthDate: byBirthDate ? textOrNull(p.birthDate) : null,
    identityNumber: textOrNull(p.identityNumber),
  };
  return {
    identity,
    contact: { phone: textOrNull(p.phone), email: textOrNull(p.email), address: textOrNull(p.address) },
    profile: {
      gender: p.gender || null,
      // The estimate (never the birth date, which is encrypted) drives age bands and the child rule.
      estimatedAge: currentAge(p),
      citizenships: p.citizenships,
      languages: p.languages,
      education: p.education || null,
    },
  };
}

function victimInput(v: VictimValues): CaseInput {
  const forcedLabour = v.exploitationTypes.includes('ForcedLabour');
  const sexual = v.exploitationTypes.includes('SexualExploitation');
  return {
    victim: {
      relationshipToTrafficker: v.relationshipToTrafficker || null,
      ageWhenTrafficked: wholeNumberOrNull(v.ageWhenTrafficked),
      recruitmentMethods: v.recruitmentMethods,
      recruitmentWebsites: v.recruitmentWebsites,
      controlMethods: v.controlMethods,
      exploitationTypes: v.exploitationTypes,
      // Details of a type of exploitation that is no longer ticked are not kept.
      labourIndustry: forcedLabour ? v.labourIndustry || null : null,
      sexExploitationTypes: sexual ? v.sexExploitationTypes : [],
    },
    countyCode: wholeNumberOrNull(v.countyCode),
    narrative: textOrNull(v.narrative),
  };
}

function routeInput(events: EventValues[]): CaseInput {
  return {
    events: events.map((e) => ({
      type: e.type,
      country: e.country || null,
      countyCode: e.country === HOME_COUNTRY ? wholeNumberOrNull(e.countyCode) : null,
      place: textOrNull(e.place),
      date: textOrNull(e.date),
    })),
  };
}

/** What to send for the given steps: each step owns its part of the case input. */
export function inputOfSteps(values: IntakeValues, steps: Iterable<FormStep>): CaseInput {
  let input: CaseInput = {};
  for (const step of steps) {
    switch (step) {
      case 'person':
        input = { ...input, ...personInput(values.person) };
        break;
      case 'victim':
        input = { ...input, ...victimInput(values.victim) };
        break;
      case 'route':
        input = { ...input, ...routeInput(values.events) };
        break;
    }
  }
  return input;
}

/** An issue path as the server reports it ("body.identity.firstName"), without its location prefix. */
export function normalizeIssuePath(path: string): string {
  return path.replace(/^body(\.|$)/, '');
}

/** The step whose fields an issue path names; `review` for issues about the case as a whole. */
export function stepOfIssuePath(path: string): IntakeStep {
  const first = normalizeIssuePath(path).split('.')[0] ?? '';
  switch (first) {
    case 'identity':
    case 'contact':
    case 'profile':
      return 'person';
    case 'victim':
    case 'countyCode':
    case 'narrative':
      return 'victim';
    case 'events':
      return 'route';
    default:
      return 'review';
  }
}

/**
 * The form field an issue belongs to, as the key of its element id (`intake-<key>`):
 * "victim.exploitationTypes.2" → "victim-exploitationTypes", "events.1.date" → "events-1-date".
 * Item indexes of a checkbox group are dropped; those of route stages are kept.
 */
export function fieldKeyOfIssuePath(path: string): string {
  const parts = normalizeIssuePath(path).split('.').filter(Boolean);
  if (parts[0] === 'events') return parts.slice(0, 3).join('-');
  if (parts[0] === 'identity' || parts[0] === 'contact' || parts[0] === 'profile' || parts[0] === 'victim') {
    const key = parts.slice(0, 2).join('-');
    // The form asks for birth date and estimated age together, under one "age" choice.
    return key === 'identity-birthDate' || key === 'profile-estimatedAge' ? 'age' : key;
  }
  return parts[0] ?? '';
}
