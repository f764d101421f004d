import type { AttendanceStatus } from '@kinga/shared/picklists';
import type { ActionItemDto, SessionUserDto } from '@kinga/shared';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as YYYY-MM-DD in the reader's time zone. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The value of a `datetime-local` input (the reader's time zone) for a UTC time; empty for none. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${localDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the reader's time zone) as a UTC ISO time; null when empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const MEETING_VIEWS = ['upcoming', 'past'] as const;
export type MeetingView = (typeof MEETING_VIEWS)[number];

/**
 * The date range and order of the meetings list: upcoming from today on, soonest first;
 * past up to yesterday, latest first. Today's meetings count as upcoming all day.
 */
export function meetingRange(
  view: MeetingView,
  now: Date = new Date(),
): { from?: string; to?: string; order: 'asc' | 'desc' } {
  if (view === 'upcoming') return { from: localDay(now), order: 'asc' };
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  return { to: localDay(yesterday), order: 'desc' };
}

/**
 * Whether the user answers for an action item, so may change its status: the person it
 * names, or a focal point of the agency it names. The server decides; this only hides
 * controls that it would refuse.
 */
export function ownsActionItem(
  item: Pick<ActionItemDto, 'ownerUserId' | 'ownerAgencyId'>,
  user: Pick<SessionUserDto, 'id' | 'agencyId' | 'roles'>,
): boolean {
  if (item.ownerUserId !== null && item.ownerUserId === user.id) return true;
  return item.ownerAgencyId !== null && item.ownerAgencyId === user.agencyId && user.roles.includes('focal_point');
}

/** The owner of an action item for people: the person, with the agency when both are named. */
export function ownerLabel(item: Pick<ActionItemDto, 'ownerUserName' | 'ownerAgencyName'>): string {
  if (item.ownerUserName && item.ownerAgencyName) return `${item.ownerUserName} (${item.ownerAgencyName})`;
  return item.ownerUserName ?? item.ownerAgencyName ?? '';
}

/** Whether an address is a web link that may be shown as one (http or https only). */
export function isWebLink(value: string | null): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** How many attendees were present, sent apologies or were absent. */
export function attendanceCounts(
  attendees: readonly { attendance: AttendanceStatus }[],
): Record<AttendanceStatus, number> {
  const counts: Record<AttendanceStatus, number> = { present: 0, apologies: 0, absent: 0 };
  for (const a of attendees) counts[a.attendance] += 1;
  return counts;
}
