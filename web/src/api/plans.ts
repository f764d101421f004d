import type {
  CommentInput,
  CommentThreadDto,
  ComparisonDto,
  DecisionListItemDto,
  DocumentQuery,
  ElementInput,
  PlanDto,
  PlanElementDto,
  PlanInput,
  PlanSummaryDto,
  PlanVersionDto,
  TransitionInput,
  UpdateElementInput,
  UpdatePlanInput,
} from '@kinga/shared';
import { request, type Page } from './client.ts';
import { itemsOf } from './intake.ts';

export type { CommentInput, ElementInput, PlanInput, TransitionInput, UpdateElementInput, UpdatePlanInput };

/** The workflow steps the secretariat records on a version. */
export type VersionTransition = 'submit' | 'return' | 'adopt';

const planPath = (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}`;
const versionPath = (planId: string, number: number) => `${planPath(planId)}/versions/${number}`;
const elementPath = (planId: string, number: number, key: string) =>
  `${versionPath(planId, number)}/elements/${encodeURIComponent(key)}`;

/** Plans, newest first, a page at a time. */
export const listPlans = (query: { limit?: number; cursor?: string | undefined }) =>
  request<Page<PlanSummaryDto>>('GET', '/api/v1/plans', { query: { ...query } });

/** Starts a plan with its first draft (and, by default, the four pillars). */
export const createPlan = (input: PlanInput) => request<PlanDto>('POST', '/api/v1/plans', { body: input });

export const getPlan = (planId: string) => request<PlanDto>('GET', planPath(planId));

export const updatePlan = (planId: string, input: UpdatePlanInput) =>
  request<PlanDto>('PATCH', planPath(planId), { body: input });

/** One version with its workflow steps and its elements in outline order. */
export const getPlanVersion = (planId: string, number: number) =>
  request<PlanVersionDto>('GET', versionPath(planId, number));

/** Starts a new draft, copying the structure of version `from` (the server's choice when left out). */
export const startDraft = (planId: string, from?: number) =>
  request<PlanVersionDto>('POST', `${planPath(planId)}/versions`, { body: from === undefined ? {} : { from } });

export const addElement = (planId: string, number: number, input: ElementInput) =>
  request<PlanElementDto>('POST', `${versionPath(planId, number)}/elements`, { body: input });

/** Replaces an element's fields and optionally moves it among its siblings. */
export const updateElement = (planId: string, number: number, key: string, input: UpdateElementInput) =>
  request<PlanElementDto>('PATCH', elementPath(planId, number, key), { body: input });

/** Deletes an element of a draft, with everything under it. */
export const deleteElement = (planId: string, number: number, key: string) =>
  request<void>('DELETE', elementPath(planId, number, key));

/** Submits a draft to the committee, or records the committee's return or adoption. */
export const transitionVersion = (
  planId: string,
  number: number,
  transition: VersionTransition,
  input: TransitionInput,
) => request<PlanVersionDto>('POST', `${versionPath(planId, number)}/${transition}`, { body: input });

/** What changed from version `from` to version `to`, element by element. */
export const comparePlanVersions = (planId: string, from: number, to: number) =>
  request<ComparisonDto>('GET', `${planPath(planId)}/compare`, { query: { from, to } });

/** Every comment thread of a version (on its elements and on the version as a whole). */
export const listPlanComments = async (planId: string, number: number) =>
  itemsOf(
    await request<Page<CommentThreadDto> | CommentThreadDto[]>('GET', `${versionPath(planId, number)}/comments`, {
      query: { state: 'all' },
    }),
  );

/** Starts a thread, or replies to one when `threadId` is set. */
export const postPlanComment = (planId: string, number: number, input: CommentInput) =>
  request<unknown>('POST', `${versionPath(planId, number)}/comments`, { body: input });

export const resolveThread = (planId: string, threadId: string) =>
  request<unknown>('POST', `${planPath(planId)}/comments/${encodeURIComponent(threadId)}/resolve`, { body: {} });

export const reopenThread = (planId: string, threadId: string) =>
  request<unknown>('POST', `${planPath(planId)}/comments/${encodeURIComponent(threadId)}/reopen`, { body: {} });

/** Meeting decisions to rest a workflow step on, found by text. */
export const listDecisions = (query: { planId?: string; q?: string; limit?: number }) =>
  request<Page<DecisionListItemDto>>('GET', '/api/v1/meeting-decisions', { query: { ...query } });

/** The address of a version's document (DOCX or PDF) in a language, for a download link. */
export function planDocumentUrl(planId: string, number: number, query: Required<DocumentQuery>): string {
  const params = new URLSearchParams({ format: query.format, lang: query.lang });
  return `${versionPath(planId, number)}/document?${params.toString()}`;
}
