import type {
  AttachmentDto,
  CaseDto,
  CaseListItemDto,
  ListCasesQuery,
  NoteDto,
  RevealedIdentityDto,
  SEARCHABLE_IDENTIFIERS,
  ServiceDto,
} from '@kinga/shared';
import { request, uploadRaw, type Page, type QueryOf } from './client.ts';

/** The case list's filters, sort and page as the browser sends them. */
export type CaseListQuery = QueryOf<ListCasesQuery>;
/** The filters of an export: the list's, without paging. */
export type CaseExportQuery = Omit<CaseListQuery, 'cursor' | 'limit'>;
export type CaseExportFormat = 'csv' | 'xlsx';

export type SearchableIdentifier = (typeof SEARCHABLE_IDENTIFIERS)[number];
export interface SearchCasesInput {
  field: SearchableIdentifier;
  value: string;
}

export type ClosureStatus = NonNullable<CaseDto['closure']>['status'];

/** A support-plan entry as the form sends it (`serviceInputSchema`). */
export type ServiceInput = Pick<ServiceDto, 'type' | 'providerAgencyId' | 'startDate' | 'endDate' | 'status'> & {
  details?: string | null;
};

/** One entry of a case's audit trail: who did what, never values. */
export interface CaseHistoryItemDto {
  id: string;
  occurredAt: string;
  action: string;
  outcome: string;
  actorName: string | null;
  agencyName: string | null;
}

const BASE = '/api/v1/cases';
const casePath = (code: string) => `${BASE}/${encodeURIComponent(code)}`;

/** The query string of a filter set; empty values are left out. */
function queryString(query: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params.toString();
}

// ---- list, read, search, export ---------------------------------------------------------------

export const listCases = (query: CaseListQuery) => request<Page<CaseListItemDto>>('GET', BASE, { query: { ...query } });

export const getCase = (code: string) => request<CaseDto>('GET', casePath(code));

/** Reveals the identifying details of a case; the server records who asked. */
export const revealIdentity = (code: string) =>
  request<RevealedIdentityDto>('POST', `${casePath(code)}/identity`, { body: {} });

/** Exact match on one identifying detail; the value travels in the body, never in a URL. */
export const searchCases = (input: SearchCasesInput) =>
  request<Page<CaseListItemDto>>('POST', `${BASE}/search`, { body: input });

/** The address of the list as a file with the given filters; opened as a plain download link. */
export function exportUrl(query: CaseExportQuery, format: CaseExportFormat): string {
  return `${BASE}/export?${queryString({ format, ...query })}`;
}

// ---- lifecycle: each change answers the case as the caller now sees it ------------------------

export const assignCase = (code: string, ownerId: string | null) =>
  request<CaseDto>('PUT', `${casePath(code)}/assignment`, { body: { ownerId } });

export const setFollowUp = (code: string, input: { followUpAt: string | null; status?: 'Active' | 'FollowUp' }) =>
  request<CaseDto>('PUT', `${casePath(code)}/follow-up`, { body: input });

export const requestClosure = (code: string, input: { status: ClosureStatus; reason: string }) =>
  request<CaseDto>('POST', `${casePath(code)}/closure`, { body: input });

export const approveClosure = (code: string) =>
  request<CaseDto>('POST', `${casePath(code)}/closure/approve`, { body: {} });

export const rejectClosure = (code: string, reason: string) =>
  request<CaseDto>('POST', `${casePath(code)}/closure/reject`, { body: { reason } });

export const reopenCase = (code: string, reason: string) =>
  request<CaseDto>('POST', `${casePath(code)}/reopen`, { body: { reason } });

export const getCaseHistory = (code: string, query: { cursor?: string; limit?: number }) =>
  request<Page<CaseHistoryItemDto>>('GET', `${casePath(code)}/history`, { query: { ...query } });

// ---- support plan, notes, attachments ----------------------------------------------------------

export const listServices = (code: string) => request<Page<ServiceDto>>('GET', `${casePath(code)}/services`);

export const createService = (code: string, input: ServiceInput) =>
  request<ServiceDto>('POST', `${casePath(code)}/services`, { body: input });

export const updateService = (code: string, id: string, input: ServiceInput) =>
  request<ServiceDto>('PATCH', `${casePath(code)}/services/${encodeURIComponent(id)}`, { body: input });

export const listNotes = (code: string, query: { cursor?: string; limit?: number }) =>
  request<Page<NoteDto>>('GET', `${casePath(code)}/notes`, { query: { ...query } });

export const createNote = (code: string, body: string) =>
  request<NoteDto>('POST', `${casePath(code)}/notes`, { body: { body } });

export const listAttachments = (code: string, query: { cursor?: string; limit?: number }) =>
  request<Page<AttachmentDto>>('GET', `${casePath(code)}/attachments`, { query: { ...query } });

/** Uploads one file as the raw body; the server checks its content, not its name. */
export const uploadAttachment = (code: string, file: File) =>
  uploadRaw<AttachmentDto>(`${casePath(code)}/attachments`, file, {
    'Content-Type': file.type || 'application/octet-stream',
    'X-File-Name': encodeURIComponent(file.name),
  });

/** Where an attachment downloads from (`Content-Disposition: attachment`). */
export function attachmentContentUrl(code: string, id: string): string {
  return `${casePath(code)}/attachments/${encodeURIComponent(id)}/content`;
}
