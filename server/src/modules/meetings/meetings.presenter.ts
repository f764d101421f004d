import type {
  ActionItemDto,
  ActionItemStatus,
  AttendanceStatus,
  DecisionDto,
  DecisionListItemDto,
  MeetingDto,
  MeetingKind,
  MeetingListItemDto,
  MeetingStatus,
} from '@kinga/shared';
import type { ActionItemListRow } from './action-items.repository.ts';
import {
  OPEN_ACTION_ITEM_STATUSES,
  type AttendeeListRow,
  type DecisionListRow,
  type DecisionRow,
  type MeetingRow,
} from './meetings.repository.ts';

export function presentMeetingListItem(row: MeetingRow, openActionItems: number): MeetingListItemDto {
  return {
    id: row.id,
    kind: row.kind as MeetingKind,
    title: row.title,
    status: row.status as MeetingStatus,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    planId: row.plan_id,
    openActionItems,
  };
}

export function presentDecision(row: DecisionRow): DecisionDto {
  return { id: row.id, meetingId: row.meeting_id, number: row.number, text: row.text, createdAt: row.created_at };
}

export function presentDecisionListItem(row: DecisionListRow): DecisionListItemDto {
  return {
    ...presentDecision(row),
    meetingTitle: row.meeting_title,
    meetingKind: row.meeting_kind as MeetingKind,
    meetingStartsAt: row.meeting_starts_at,
  };
}

export function isOpenStatus(status: string): boolean {
  return (OPEN_ACTION_ITEM_STATUSES as readonly string[]).includes(status);
}

/** `today` is the UTC date: an open item is overdue from the day after its due date. */
export function presentActionItem(row: ActionItemListRow, today: string): ActionItemDto {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    decisionId: row.decision_id,
    text: row.text,
    ownerAgencyId: row.owner_agency_id,
    ownerAgencyName: row.owner_agency_name,
    ownerUserId: row.owner_user_id,
    ownerUserName: row.owner_user_name,
    dueOn: row.due_on,
    status: row.status as ActionItemStatus,
    overdue: isOpenStatus(row.status) && row.due_on !== null && row.due_on < today,
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentMeeting(
  row: MeetingRow,
  parts: { attendees: AttendeeListRow[]; decisions: DecisionRow[]; actionItems: ActionItemListRow[] },
  today: string,
): MeetingDto {
  return {
    ...presentMeetingListItem(row, parts.actionItems.filter((a) => isOpenStatus(a.status)).length),
    link: row.link,
    agenda: row.agenda,
    minutes: row.minutes,
    attendees: parts.attendees.map((a) => ({
      id: a.id,
      userId: a.user_id,
      name: a.name,
      agencyId: a.agency_id,
      agencyName: a.agency_name,
      attendance: a.attendance as AttendanceStatus,
    })),
    decisions: parts.decisions.map(presentDecision),
    actionItems: parts.actionItems.map((a) => presentActionItem(a, today)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
