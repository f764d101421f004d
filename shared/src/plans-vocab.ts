/**
 * Vocabulary of the National Plan of Action and coordination: coordination bodies, plan
 * structure, workflow, monitoring. Zod-free so the browser bundle can import it.
 */

/** The bodies an agency can belong to, and the role it has there. */
export const COORDINATION_BODIES = ['steering_committee', 'task_force'] as const;
export type CoordinationBody = (typeof COORDINATION_BODIES)[number];
export const MEMBERSHIP_ROLES = ['chair', 'member', 'secretariat', 'observer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** The four P's: the default pillars of a new plan. */
export const PILLARS = ['prevention', 'protection', 'prosecution', 'partnership'] as const;
export type Pillar = (typeof PILLARS)[number];

/** What an agency does: the columns of the "who does what where" matrix, grouped by pillar. */
export const ACTIVITY_AREAS = [
  'awareness',
  'training',
  'safe_migration',
  'research',
  'hotline',
  'shelter',
  'medical',
  'psychosocial',
  'legal_aid',
  'repatriation',
  'reintegration',
  'investigation',
  'prosecution',
  'legislation',
  'coordination',
] as const;
export type ActivityArea = (typeof ACTIVITY_AREAS)[number];
export const AREA_PILLAR: Record<ActivityArea, Pillar> = {
  awareness: 'prevention',
  training: 'prevention',
  safe_migration: 'prevention',
  research: 'prevention',
  hotline: 'protection',
  shelter: 'protection',
  medical: 'protection',
  psychosocial: 'protection',
  legal_aid: 'protection',
  repatriation: 'protection',
  reintegration: 'protection',
  investigation: 'prosecution',
  prosecution: 'prosecution',
  legislation: 'prosecution',
  coordination: 'partnership',
};
/** `partner_presence.county_code` of work that covers the whole country. */
export const NATIONAL_COUNTY_CODE = 0;

export const MEETING_KINDS = ['drafting_session', 'committee_meeting', 'task_force_meeting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * A version is edited only while `draft`. `in_review` (submitted to the committee) is
 * frozen: the committee adopts it or returns it, and a returned or adopted version is
 * changed only by starting a new draft from it. Adopting a version supersedes the one
 * adopted before.
 */
export const PLAN_VERSION_STATUSES = ['draft', 'in_review', 'returned', 'adopted', 'superseded'] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];
export const PLAN_TRANSITIONS = ['create', 'submit', 'return', 'adopt', 'supersede'] as const;
export type PlanTransition = (typeof PLAN_TRANSITIONS)[number];

/** Plan structure: pillar > objective > activity; an indicator measures an objective or an activity. */
export const PLAN_ELEMENT_KINDS = ['pillar', 'objective', 'activity', 'indicator'] as const;
export type PlanElementKind = (typeof PLAN_ELEMENT_KINDS)[number];
export const PARENT_KINDS: Record<PlanElementKind, readonly PlanElementKind[]> = {
  pillar: [],
  objective: ['pillar'],
  activity: ['objective'],
  indicator: ['objective', 'activity'],
};

export const INDICATOR_FREQUENCIES = ['monthly', 'quarterly', 'biannual', 'annual'] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];
export const REPORTING_FREQUENCIES = ['quarterly', 'biannual', 'annual'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];
export const DISAGGREGATIONS = ['sex', 'age_group', 'county'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];
/** Categories of the sex and age-group disaggregations (county uses county codes). */
export const SEX_CATEGORIES = ['female', 'male', 'other_unknown'] as const;
export const AGE_GROUP_CATEGORIES = ['child', 'adult', 'unknown'] as const;
export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/**
 * Where an indicator's actual comes from: entered by hand, or computed live from Kinga's
 * own records by a named source the server registers. A module that adds a source adds
 * its name here and registers its computation on the server.
 */
export const INDICATOR_SOURCES = [
  'manual',
  'cases.victims_identified',
  'cases.victims_referred',
  'referrals.completed',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const ACTIVITY_PROGRESS_STATUSES = ['not_started', 'on_track', 'delayed', 'completed', 'cancelled'] as const;
export type ActivityProgressStatus = (typeof ACTIVITY_PROGRESS_STATUSES)[number];
export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The status an indicator's actual gives against its target (rules in indicator-status.ts). */
export const INDICATOR_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data', 'no_target'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * Evidence files of a progress report, judged by their content: PDF, JPEG, PNG, WebP, DOCX and
 * XLSX (macro-enabled Office files are refused), at most 5 MB each.
 */
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
