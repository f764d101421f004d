import type {
  MeetingPersonDto,
  ActionItemDto,
  ActionItemInput,
  AttendanceInput,
  CountyBoundariesInput,
  CountyBoundariesUploadDto,
  DecisionDto,
  Language,
  ListActionItemsQuery,
  ListMeetingsQuery,
  ListPartnersQuery,
  MeetingDto,
  MeetingInput,
  MeetingListItemDto,
  PartnerDto,
  PartnerMatrixDto,
  PartnerProfileInput,
  PlanSummaryDto,
  UpdateActionItemInput,
  UpdateMeetingInput,
} from '@kinga/shared';
import type { FeatureCollection, Geometry } from 'geojson';
import { ApiError, request, type Page, type QueryOf } from './client.ts';

export type {
  ActionItemInput,
  AttendanceInput,
  ListActionItemsQuery,
  ListMeetingsQuery,
  ListPartnersQuery,
  MeetingInput,
  PartnerProfileInput,
  UpdateActionItemInput,
  UpdateMeetingInput,
};

const meetingPath = (id: string) => `/api/v1/meetings/${encodeURIComponent(id)}`;
const partnerPath = (agencyId: string) => `/api/v1/partners/${encodeURIComponent(agencyId)}`;

// ---- meetings ------------------------------------------------------------------------------

export const listMeetings = (query: QueryOf<ListMeetingsQuery>) =>
  request<Page<MeetingListItemDto>>('GET', '/api/v1/meetings', { query: { ...query } });

export const getMeeting = (id: string) => request<MeetingDto>('GET', meetingPath(id));

export const createMeeting = (input: MeetingInput) => request<MeetingDto>('POST', '/api/v1/meetings', { body: input });

/** Changes details, minutes or status (held, cancelled) of a meeting. */
export const updateMeeting = (id: string, input: UpdateMeetingInput) =>
  request<MeetingDto>('PATCH', meetingPath(id), { body: input });

/** Replaces the meeting's attendance list as a whole. */
export const setAttendance = (id: string, input: AttendanceInput) =>
  request<MeetingDto>('PUT', `${meetingPath(id)}/attendance`, { body: input });

export const addDecision = (meetingId: string, text: string) =>
  request<DecisionDto>('POST', `${meetingPath(meetingId)}/decisions`, { body: { text } });

export const updateDecision = (meetingId: string, decisionId: string, text: string) =>
  request<DecisionDto>('PATCH', `${meetingPath(meetingId)}/decisions/${encodeURIComponent(decisionId)}`, {
    body: { text },
  });

/** Deletes a decision; the server answers 409 `decision_in_use` when a plan step or action item rests on it. */
export const deleteDecision = (meetingId: string, decisionId: string) =>
  request<void>('DELETE', `${meetingPath(meetingId)}/decisions/${encodeURIComponent(decisionId)}`);

export const addActionItem = (meetingId: string, input: ActionItemInput) =>
  request<ActionItemDto>('POST', `${meetingPath(meetingId)}/action-items`, { body: input });

export const listActionItems = (query: QueryOf<ListActionItemsQuery>) =>
  request<Page<ActionItemDto>>('GET', '/api/v1/action-items', { query: { ...query } });

/** The secretariat changes anything; an owner (agency or person) changes the status. */
export const updateActionItem = (id: string, input: UpdateActionItemInput) =>
  request<ActionItemDto>('PATCH', `/api/v1/action-items/${encodeURIComponent(id)}`, { body: input });

export type MinutesFormat = 'docx' | 'pdf';

/** Address of the minutes as a document, downloaded by a plain link (the session cookie goes with it). */
export function minutesUrl(meetingId: string, format: MinutesFormat, lang: Language): string {
  return `${meetingPath(meetingId)}/minutes?${new URLSearchParams({ format, lang }).toString()}`;
}

/** Plans to link a meeting to (the newest first page). */
export const listPlanChoices = () => request<Page<PlanSummaryDto>>('GET', '/api/v1/plans', { query: { limit: 100 } });

// ---- partners ------------------------------------------------------------------------------

export const listPartners = (query: QueryOf<ListPartnersQuery>) =>
  request<Page<PartnerDto>>('GET', '/api/v1/partners', { query: { ...query } });

export const getPartner = (agencyId: string) => request<PartnerDto>('GET', partnerPath(agencyId));

/** Saves a partner profile; `memberships` left out stays as it is (only the secretariat may send it). */
export const updatePartner = (agencyId: string, input: PartnerProfileInput) =>
  request<PartnerDto>('PUT', partnerPath(agencyId), { body: input });

export const getPartnerMatrix = (query: { area?: string | undefined; countyCode?: number | undefined }) =>
  request<PartnerMatrixDto>('GET', '/api/v1/partners/matrix', { query: { ...query } });

// ---- county boundaries ---------------------------------------------------------------------

export type CountyBoundaries = FeatureCollection<Geometry, { code: number; name: string }>;

/** The uploaded county boundaries, or null when an administrator has not uploaded any (404). */
export async function getCountyBoundaries(): Promise<CountyBoundaries | null> {
  try {
    return await request<CountyBoundaries>('GET', '/api/v1/geo/counties');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * Uploads a county boundary GeoJSON FeatureCollection (administrator). The server refuses a
 * file that leaves a county without a feature or has a feature it cannot match (400
 * `invalid_boundaries`, one issue each), and stores nothing then.
 */
export const uploadCountyBoundaries = (geojson: CountyBoundariesInput) =>
  request<CountyBoundariesUploadDto>('PUT', '/api/v1/geo/counties', { body: geojson });

/** An agency's active people by name (the secretariat's picker for attendance and owners). */
export const listMeetingPeople = (agencyId: string) =>
  request<{ items: MeetingPersonDto[] }>('GET', '/api/v1/meeting-people', { query: { agencyId } });
