import type { Language } from '@kinga/shared/picklists';
import type { MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { languageName, vocabLabel } from '../../i18n/vocab.ts';
import type { IntakeStep } from './intake-values.ts';

/** The title of each step. */
export const STEP_TITLES: Record<IntakeStep, MessageKey> = {
  person: 'intake.step.person',
  victim: 'intake.step.victim',
  route: 'intake.step.route',
  review: 'intake.step.review',
};

/** Labels of the fields by their key (`intake-<key>` is the element id), for error lists. */
const FIELD_LABELS: Record<string, MessageKey> = {
  'identity-firstName': 'intake.field.firstName',
  'identity-middleName': 'intake.field.middleName',
  'identity-lastName': 'intake.field.lastName',
  'identity-identityNumber': 'intake.field.identityNumber',
  'profile-gender': 'intake.field.gender',
  age: 'intake.field.age',
  'profile-citizenships': 'intake.field.citizenships',
  'profile-languages': 'intake.field.languages',
  'profile-education': 'intake.field.education',
  'contact-phone': 'intake.field.phone',
  'contact-email': 'intake.field.email',
  'contact-address': 'intake.field.address',
  'victim-relationshipToTrafficker': 'intake.field.relationship',
  'victim-ageWhenTrafficked': 'intake.field.ageWhenTrafficked',
  'victim-recruitmentMethods': 'intake.field.recruitmentMethods',
  'victim-recruitmentWebsites': 'intake.field.recruitmentWebsites',
  'victim-controlMethods': 'intake.field.controlMethods',
  'victim-exploitationTypes': 'intake.field.exploitationTypes',
  'victim-labourIndustry': 'intake.field.labourIndustry',
  'victim-sexExploitationTypes': 'intake.field.sexExploitationTypes',
  countyCode: 'intake.field.countyIdentified',
  narrative: 'intake.field.narrative',
  events: 'intake.step.route',
};

const EVENT_FIELD_LABELS: Record<string, MessageKey> = {
  type: 'intake.event.type',
  country: 'intake.event.country',
  countyCode: 'intake.event.county',
  place: 'intake.event.place',
  date: 'intake.event.date',
};

/** One problem to show: which step and field it belongs to, and its message in the reader's language. */
export interface IntakeIssue {
  step: IntakeStep;
  key: string;
  message: string;
}

/** The label of a field key; route stages are named by their number. */
export function labelOfKey(key: string, t: Translate): string {
  const fixed = FIELD_LABELS[key];
  if (fixed) return t(fixed);
  const event = /^events-(\d+)(?:-(\w+))?$/.exec(key);
  if (event) {
    const stage = t('intake.event.legend', { number: Number(event[1]) + 1 });
    const field = event[2] ? EVENT_FIELD_LABELS[event[2]] : undefined;
    return field ? `${stage}: ${t(field)}` : stage;
  }
  return '';
}

/** A language the person speaks: its CLDR name, or the catalogue's where the runtime has none (e.g. Kirundi). */
export function personLanguageName(t: Translate, language: Language, code: string): string {
  const name = languageName(language, code);
  return name === code ? vocabLabel(t, 'personLanguage', code) : name;
}
