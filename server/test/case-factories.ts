import type { CaseDto, CaseInput } from '@kinga/shared';
import { expect } from 'vitest';
import type { App } from '../src/http/app.ts';
import { json, send, type Session } from './harness.ts';

let serial = 0;

/** A complete intake of an adult Kenyan woman exploited in domestic work abroad; override any part. */
export function buildCaseInput(overrides: CaseInput = {}): CaseInput {
  serial += 1;
  return {
    identity: {
      firstName: `Achieng${serial}`,
      middleName: null,
      lastName: 'Otieno',
      birthDate: '1998-04-12',
      identityNumber: `3${String(serial).padStart(7, '0')}`,
    },
    contact: { phone: `07${String(10_000_000 + serial)}`, email: null, address: 'Kibera, Nairobi' },
    profile: {
      gender: 'Feminine',
      estimatedAge: null,
      citizenships: ['KE'],
      languages: ['sw', 'en'],
      education: 'PrimaryEducation',
    },
    victim: {
      relationshipToTrafficker: 'Acquainted',
      ageWhenTrafficked: 24,
      recruitmentMethods: ['ThroughFriendsOrSocialEvents'],
      recruitmentWebsites: ['WhatsApp'],
      controlMethods: ['WithholdsDocuments', 'TakesEarnings'],
      exploitationTypes: ['ForcedLabour'],
      labourIndustry: 'T_ActivitiesOfHouseholdsAsEmployers',
      sexExploitationTypes: [],
    },
    events: [
      { type: 'Recruitment', country: 'KE', countyCode: 47, place: 'Eastleigh', date: '2025-01-10' },
      { type: 'Exploitation', country: 'SA', countyCode: null, place: 'Riyadh', date: '2025-03-01' },
    ],
    countyCode: 47,
    narrative: 'Promised a job as a cleaner; passport taken on arrival.',
    ...overrides,
  };
}

/** Creates a draft through the API and, unless `draft`, registers it; returns the case as its creator sees it. */
export async function registerCase(
  app: App,
  session: Session,
  input: CaseInput = buildCaseInput(),
  options: { draft?: boolean } = {},
): Promise<CaseDto> {
  const created = await send(app, session, 'POST', '/api/v1/cases', { body: input });
  expect(created.statusCode, created.body).toBe(201);
  const dto = json<CaseDto>(created);
  if (options.draft) return dto;
  const submitted = await send(app, session, 'POST', `/api/v1/cases/${dto.code}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return json<CaseDto>(submitted);
}
