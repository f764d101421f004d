import type {
  CaseDto,
  CaseInput,
  ConsentDto,
  ConsentInput,
  DeterminationInput,
  DuplicateCheckInput,
  DuplicateResultDto,
  RevealedIdentityDto,
  ScreeningDto,
  ScreeningInput,
  WorkDto,
} from '@kinga/shared';
import { getCase, revealIdentity } from './cases.ts';
import { request, type Page } from './client.ts';

export type { ConsentInput, DeterminationInput, DuplicateCheckInput, DuplicateResultDto, ScreeningInput };

const casePath = (code: string) => `/api/v1/cases/${encodeURIComponent(code)}`;

/**
 * The items of a short list under one case. The contract answers lists as
 * `{ items, nextCursor }`; a bare array is accepted too while the case routes are being built.
 */
export function itemsOf<T>(answer: Page<T> | T[]): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}

// ---- intake ------------------------------------------------------------------------------

/** Starts a case as a draft with what the first intake step holds. */
export const createCaseDraft = (input: CaseInput) => request<CaseDto>('POST', '/api/v1/cases', { body: input });

/** Saves intake fields of a draft or of a registered case. */
export const updateCaseIntake = (code: string, input: CaseInput) =>
  request<CaseDto>('PATCH', casePath(code), { body: input });

/** Registers a draft; answers 400 with `issues` when something registration needs is missing. */
export const submitCase = (code: string) => request<CaseDto>('POST', `${casePath(code)}/submit`, { body: {} });

/** Possible duplicates of a person, compared on the server through blind indexes. */
export const checkDuplicates = (input: DuplicateCheckInput) =>
  request<DuplicateResultDto>('POST', '/api/v1/cases/duplicates', { body: input });

/**
 * What the intake form edits: the case and, when the caller may reveal them, its identifying
 * details (the reveal is audited on the server).
 */
export async function getIntake(code: string): Promise<{ caseDto: CaseDto; revealed: RevealedIdentityDto | null }> {
  const caseDto = await getCase(code);
  const revealed = caseDto.canRevealIdentity ? await revealIdentity(code) : null;
  return { caseDto, revealed };
}

// ---- screening ---------------------------------------------------------------------------

export const listScreenings = async (code: string) =>
  itemsOf(await request<Page<ScreeningDto> | ScreeningDto[]>('GET', `${casePath(code)}/screenings`));

export const createScreening = (code: string, input: ScreeningInput) =>
  request<ScreeningDto>('POST', `${casePath(code)}/screenings`, { body: input });

/** A supervisor confirms the suggested status, or overrides it with a reason. */
export const decideScreening = (code: string, screeningId: string, input: DeterminationInput) =>
  request<ScreeningDto>('POST', `${casePath(code)}/screenings/${encodeURIComponent(screeningId)}/determination`, {
    body: input,
  });

// ---- consent -----------------------------------------------------------------------------

export const listConsents = async (code: string) =>
  itemsOf(await request<Page<ConsentDto> | ConsentDto[]>('GET', `${casePath(code)}/consents`));

export const recordConsent = (code: string, input: ConsentInput) =>
  request<ConsentDto>('POST', `${casePath(code)}/consents`, { body: input });

export const withdrawConsent = (code: string, consentId: string, reason: string) =>
  request<ConsentDto>('POST', `${casePath(code)}/consents/${encodeURIComponent(consentId)}/withdraw`, {
    body: { reason },
  });

// ---- work views --------------------------------------------------------------------------

/** The signed-in person's work lists for the home page. */
export const getWork = () => request<WorkDto>('GET', '/api/v1/work');
