import { z } from 'zod';
import { INDICATOR_AGGREGATIONS } from './indicator-status.ts';
import {
  ACTION_ITEM_STATUSES,
  ACTIVITY_AREAS,
  ACTIVITY_PROGRESS_STATUSES,
  ATTENDANCE_STATUSES,
  COORDINATION_BODIES,
  DISAGGREGATIONS,
  DOCUMENT_FORMATS,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_SOURCES,
  INDICATOR_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  MEMBERSHIP_ROLES,
  PILLARS,
  PLAN_ELEMENT_KINDS,
  PLAN_TRANSITIONS,
  PLAN_VERSION_STATUSES,
  REPORT_STATUSES,
  REPORTING_FREQUENCIES,
} from './plans-vocab.ts';
import { idSchema, languageSchema, pageQuerySchema } from './platform.ts';

/**
 * National Plan of Action and coordination: partners, meetings, plans with versions and
 * their structure, comments, comparison, monitoring and dashboard. Requests and answers of
 * `/api/v1/partners`, `/api/v1/meetings`, `/api/v1/action-items` and `/api/v1/plans`.
 */

const isoTime = z.string().describe('UTC time, ISO 8601');
const date = z.iso.date();
const required = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);
/** `optional` without the default, for PATCH bodies: zod 4 applies defaults inside `.partial()`, which would clear fields not sent. */
const optionalPatch = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'must not repeat a value');
const countyCode = z.number().int().min(1).max(999);
const year = z.number().int().min(2000).max(2100);
const amount = z.number().finite().min(0).max(1e13);
export const elementKeySchema = z.uuid().describe('An element of a plan, the same in every version');
export const versionNumberSchema = z.coerce.number().int().min(1).max(10_000);
export const documentQuerySchema = z.object({
  format: z.enum(DOCUMENT_FORMATS),
  lang: languageSchema.default('en'),
});
export type DocumentQuery = z.input<typeof documentQuerySchema>;

// ---- partners --------------------------------------------------------------------------

export const focalPersonSchema = z.object({
  name: required(200),
  title: optional(200),
  email: z
    .union([z.literal(''), z.email().max(254)])
    .transform((v) => (v === '' ? null : v.toLowerCase()))
    .nullable()
    .default(null),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()-]*$/, 'Use digits, spaces, +, - and brackets only')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
});
export const membershipSchema = z.object({
  body: z.enum(COORDINATION_BODIES),
  role: z.enum(MEMBERSHIP_ROLES),
  since: date.nullable().default(null),
});
/** Where an agency works in one area: `national` or a list of counties. */
export const presenceSchema = z.object({
  area: z.enum(ACTIVITY_AREAS),
  national: z.boolean(),
  countyCodes: uniqueList(countyCode, 60),
});

/** PUT /api/v1/partners/{agencyId}: the secretariat sets everything; an agency's focal point all but memberships. */
export const partnerProfileInputSchema = z.object({
  mandate: optional(4000),
  focalPersons: z.array(focalPersonSchema).max(20),
  /** Only the secretariat may change memberships; left out, they stay as they are. */
  memberships: z
    .array(membershipSchema)
    .max(COORDINATION_BODIES.length)
    .refine((ms) => new Set(ms.map((m) => m.body)).size === ms.length, 'one role per body')
    .optional(),
  presence: z
    .array(presenceSchema)
    .max(ACTIVITY_AREAS.length)
    .refine((ps) => new Set(ps.map((p) => p.area)).size === ps.length, 'one entry per area'),
});
export type PartnerProfileInput = z.input<typeof partnerProfileInputSchema>;

export const partnerSchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  agencyType: z.string(),
  status: z.enum(['active', 'inactive']),
  mandate: z.string().nullable(),
  focalPersons: z.array(
    z.object({
      name: z.string(),
      title: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  memberships: z.array(
    z.object({ body: z.enum(COORDINATION_BODIES), role: z.enum(MEMBERSHIP_ROLES), since: z.string().nullable() }),
  ),
  presence: z.array(
    z.object({ area: z.enum(ACTIVITY_AREAS), national: z.boolean(), countyCodes: z.array(z.number().int()) }),
  ),
  updatedAt: isoTime.nullable(),
});
export type PartnerDto = z.infer<typeof partnerSchema>;

export const listPartnersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  body: z.enum(COORDINATION_BODIES).optional(),
  area: z.enum(ACTIVITY_AREAS).optional(),
  countyCode: z.coerce.number().int().min(1).max(999).optional(),
});
export type ListPartnersQuery = z.input<typeof listPartnersQuerySchema>;

/**
 * GET /api/v1/partners/matrix: agencies × areas × counties. A cell lists where an agency
 * works in an area, from its declared presence and from the activities it leads or
 * supports in the plan in force. `countyPartners` counts active agencies per county (work
 * declared as national counts in every county) for the map.
 */
export const partnerMatrixQuerySchema = z.object({
  area: z.enum(ACTIVITY_AREAS).optional(),
  countyCode: z.coerce.number().int().min(1).max(999).optional(),
});
export const partnerMatrixSchema = z.object({
  areas: z.array(z.enum(ACTIVITY_AREAS)),
  rows: z.array(
    z.object({
      agencyId: idSchema,
      agencyName: z.string(),
      cells: z.array(
        z.object({
          area: z.enum(ACTIVITY_AREAS),
          national: z.boolean(),
          countyCodes: z.array(z.number().int()),
          fromPlan: z.boolean(),
        }),
      ),
    }),
  ),
  countyPartners: z.array(z.object({ countyCode: z.number().int(), partners: z.number().int() })),
});
export type PartnerMatrixDto = z.infer<typeof partnerMatrixSchema>;

// ---- meetings --------------------------------------------------------------------------

export const meetingInputSchema = z
  .object({
    kind: z.enum(MEETING_KINDS),
    title: required(300),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    place: optional(300),
    link: z
      .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)])
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
    agenda: optional(10_000),
    planId: idSchema.nullable().default(null),
  })
  .refine((m) => m.endsAt === null || Date.parse(m.endsAt) >= Date.parse(m.startsAt), {
    message: 'must not be before the start',
    path: ['endsAt'],
  });
export type MeetingInput = z.input<typeof meetingInputSchema>;
export const updateMeetingSchema = z
  .object({
    kind: z.enum(MEETING_KINDS),
    title: required(300),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).nullable(),
    place: optionalPatch(300),
    link: z
      .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)])
      .transform((v) => (v === '' ? null : v))
      .nullable(),
    agenda: optionalPatch(10_000),
    minutes: optionalPatch(50_000),
    status: z.enum(MEETING_STATUSES),
    planId: idSchema.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdateMeetingInput = z.input<typeof updateMeetingSchema>;

export const attendanceInputSchema = z.object({
  attendees: z
    .array(
      z.object({
        userId: idSchema.nullable().default(null),
        name: required(200),
        agencyId: idSchema.nullable().default(null),
        attendance: z.enum(ATTENDANCE_STATUSES),
      }),
    )
    .max(300),
});
export type AttendanceInput = z.input<typeof attendanceInputSchema>;

export const decisionInputSchema = z.object({ text: required(5000) });
export const actionItemInputSchema = z
  .object({
    text: required(2000),
    decisionId: idSchema.nullable().default(null),
    ownerAgencyId: idSchema.nullable().default(null),
    ownerUserId: idSchema.nullable().default(null),
    dueOn: date.nullable().default(null),
  })
  .refine((a) => a.ownerAgencyId !== null || a.ownerUserId !== null, {
    message: 'name an owner agency or person',
    path: ['ownerAgencyId'],
  });
export type ActionItemInput = z.input<typeof actionItemInputSchema>;
export const updateActionItemSchema = z
  .object({
    text: required(2000),
    ownerAgencyId: idSchema.nullable(),
    ownerUserId: idSchema.nullable(),
    dueOn: date.nullable(),
    status: z.enum(ACTION_ITEM_STATUSES),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdateActionItemInput = z.input<typeof updateActionItemSchema>;

export const decisionSchema = z.object({
  id: idSchema,
  meetingId: idSchema,
  number: z.number().int(),
  text: z.string(),
  createdAt: isoTime,
});
export type DecisionDto = z.infer<typeof decisionSchema>;

export const actionItemSchema = z.object({
  id: idSchema,
  meetingId: idSchema,
  meetingTitle: z.string(),
  decisionId: idSchema.nullable(),
  text: z.string(),
  ownerAgencyId: idSchema.nullable(),
  ownerAgencyName: z.string().nullable(),
  ownerUserId: idSchema.nullable(),
  ownerUserName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_ITEM_STATUSES),
  overdue: z.boolean(),
  completedAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type ActionItemDto = z.infer<typeof actionItemSchema>;

export const meetingListItemSchema = z.object({
  id: idSchema,
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  status: z.enum(MEETING_STATUSES),
  startsAt: isoTime,
  endsAt: isoTime.nullable(),
  place: z.string().nullable(),
  planId: idSchema.nullable(),
  openActionItems: z.number().int(),
});
export type MeetingListItemDto = z.infer<typeof meetingListItemSchema>;

export const meetingSchema = meetingListItemSchema.extend({
  link: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  attendees: z.array(
    z.object({
      id: idSchema,
      userId: idSchema.nullable(),
      name: z.string(),
      agencyId: idSchema.nullable(),
      agencyName: z.string().nullable(),
      attendance: z.enum(ATTENDANCE_STATUSES),
    }),
  ),
  decisions: z.array(decisionSchema),
  actionItems: z.array(actionItemSchema),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type MeetingDto = z.infer<typeof meetingSchema>;

export const listMeetingsQuerySchema = pageQuerySchema.extend({
  kind: z.enum(MEETING_KINDS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: date.optional(),
  to: date.optional(),
  planId: idSchema.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListMeetingsQuery = z.input<typeof listMeetingsQuerySchema>;

export const listActionItemsQuerySchema = pageQuerySchema.extend({
  /** `open` = open or in progress; `overdue` = open or in progress and past due. */
  state: z.enum(['open', 'overdue', 'all']).default('open'),
  ownerAgencyId: idSchema.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export type ListActionItemsQuery = z.input<typeof listActionItemsQuerySchema>;

// ---- plan structure -------------------------------------------------------------------

const elementBase = {
  parentKey: elementKeySchema.nullable().default(null),
  title: required(500),
  description: optional(10_000),
};
export const pillarFieldsSchema = z.object({
  kind: z.literal('pillar'),
  ...elementBase,
  pillar: z.enum(PILLARS).nullable().default(null),
});
export const objectiveFieldsSchema = z.object({ kind: z.literal('objective'), ...elementBase });
export const activityFieldsSchema = z
  .object({
    kind: z.literal('activity'),
    ...elementBase,
    area: z.enum(ACTIVITY_AREAS).nullable().default(null),
    leadAgencyId: idSchema.nullable().default(null),
    supportingAgencyIds: uniqueList(idSchema, 30).default([]),
    countyCodes: uniqueList(countyCode, 60).default([]).describe('empty: national'),
    startDate: date.nullable().default(null),
    endDate: date.nullable().default(null),
    budget: amount.nullable().default(null).describe('in the plan currency'),
  })
  .refine((a) => a.startDate === null || a.endDate === null || a.startDate <= a.endDate, {
    message: 'must not be before the start',
    path: ['endDate'],
  });
export const indicatorTargetSchema = z.object({ year, value: z.number().finite().min(-1e12).max(1e12) });
export const indicatorFieldsSchema = z.object({
  kind: z.literal('indicator'),
  ...elementBase,
  definition: optional(4000),
  unit: required(100),
  baseline: z.number().finite().min(-1e12).max(1e12).nullable().default(null),
  baselineYear: year.nullable().default(null),
  targets: z
    .array(indicatorTargetSchema)
    .max(30)
    .refine((ts) => new Set(ts.map((t) => t.year)).size === ts.length, 'one target per year')
    .default([]),
  frequency: z.enum(INDICATOR_FREQUENCIES).default('quarterly'),
  meansOfVerification: optional(2000),
  disaggregations: uniqueList(z.enum(DISAGGREGATIONS), DISAGGREGATIONS.length).default([]),
  direction: z.enum(INDICATOR_DIRECTIONS).default('increase'),
  aggregation: z.enum(INDICATOR_AGGREGATIONS).default('sum'),
  source: z.enum(INDICATOR_SOURCES).default('manual'),
});

/** POST …/elements: a new element of one kind; the server checks the parent's kind. */
export const elementInputSchema = z.discriminatedUnion('kind', [
  pillarFieldsSchema,
  objectiveFieldsSchema,
  activityFieldsSchema,
  indicatorFieldsSchema,
]);
export type ElementInput = z.input<typeof elementInputSchema>;
export type ElementFields = z.output<typeof elementInputSchema>;
/** PATCH …/elements/{key}: the element's whole fields again (kind cannot change) and optionally its position. */
export const updateElementSchema = z.object({
  fields: elementInputSchema,
  position: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateElementInput = z.input<typeof updateElementSchema>;

export const planElementSchema = z.object({
  key: elementKeySchema,
  kind: z.enum(PLAN_ELEMENT_KINDS),
  parentKey: elementKeySchema.nullable(),
  position: z.number().int(),
  /** Outline number such as 2.1.3, computed from positions. */
  number: z.string(),
  fields: z.record(z.string(), z.unknown()).describe("the kind's fields, as in the input"),
  leadAgencyName: z.string().nullable(),
  openComments: z.number().int(),
  updatedAt: isoTime,
});
export type PlanElementDto = Omit<z.infer<typeof planElementSchema>, 'fields'> & { fields: ElementFields };

// ---- plans and versions ---------------------------------------------------------------

export const planInputSchema = z
  .object({
    title: required(300),
    periodStart: year,
    periodEnd: year,
    submissionDeadline: date.nullable().default(null),
    reportingFrequency: z.enum(REPORTING_FREQUENCIES).default('quarterly'),
    defaultPillars: z.boolean().default(true),
    /** The language of the default pillars' titles (the titles can be edited like any other). */
    language: languageSchema.default('en'),
  })
  .refine((p) => p.periodEnd >= p.periodStart && p.periodEnd - p.periodStart <= 15, {
    message: 'must be the start year or up to 15 years after it',
    path: ['periodEnd'],
  });
export type PlanInput = z.input<typeof planInputSchema>;
export const updatePlanSchema = z
  .object({ title: required(300), submissionDeadline: date.nullable() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdatePlanInput = z.input<typeof updatePlanSchema>;

export const versionStepSchema = z.object({
  transition: z.enum(PLAN_TRANSITIONS),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  at: isoTime,
  decisionId: idSchema.nullable(),
  decisionText: z.string().nullable(),
  meetingId: idSchema.nullable(),
  meetingTitle: z.string().nullable(),
  note: z.string().nullable(),
});
export type VersionStepDto = z.infer<typeof versionStepSchema>;

export const planVersionSummarySchema = z.object({
  number: z.number().int(),
  status: z.enum(PLAN_VERSION_STATUSES),
  basedOn: z.number().int().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type PlanVersionSummaryDto = z.infer<typeof planVersionSummarySchema>;

export const planSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  currency: z.string(),
  reportingFrequency: z.enum(REPORTING_FREQUENCIES),
  submissionDeadline: z.string().nullable(),
  /** The newest version and the one in force (adopted), if any. */
  latestVersion: planVersionSummarySchema,
  adoptedVersion: z.number().int().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type PlanSummaryDto = z.infer<typeof planSummarySchema>;
export const planSchema = planSummarySchema.extend({ versions: z.array(planVersionSummarySchema) });
export type PlanDto = z.infer<typeof planSchema>;

export const planVersionSchema = planVersionSummarySchema.extend({
  planId: idSchema,
  editable: z.boolean(),
  steps: z.array(versionStepSchema),
  elements: z.array(planElementSchema),
});
export type PlanVersionDto = Omit<z.infer<typeof planVersionSchema>, 'elements'> & { elements: PlanElementDto[] };

export const listPlansQuerySchema = pageQuerySchema;
export const newVersionSchema = z.object({ from: z.number().int().min(1).optional() });
/** submit / return / adopt: the meeting decision the step rests on (required to adopt and return). */
export const transitionInputSchema = z.object({
  decisionId: idSchema.nullable().default(null),
  note: optional(2000),
});
export type TransitionInput = z.input<typeof transitionInputSchema>;

// ---- comments ---------------------------------------------------------------------------

export const commentInputSchema = z.object({
  elementKey: elementKeySchema.nullable().default(null).describe('null: the version as a whole'),
  /** Reply to a thread: the id of its first comment. */
  threadId: idSchema.nullable().default(null),
  body: required(5000),
});
export type CommentInput = z.input<typeof commentInputSchema>;
export const commentSchema = z.object({
  id: idSchema,
  threadId: idSchema,
  elementKey: elementKeySchema.nullable(),
  authorId: idSchema,
  authorName: z.string(),
  agencyName: z.string(),
  body: z.string(),
  createdAt: isoTime,
});
export const commentThreadSchema = z.object({
  id: idSchema,
  elementKey: elementKeySchema.nullable(),
  resolved: z.boolean(),
  resolvedAt: isoTime.nullable(),
  resolvedByName: z.string().nullable(),
  comments: z.array(commentSchema),
});
export type CommentThreadDto = z.infer<typeof commentThreadSchema>;
export const listCommentsQuerySchema = z.object({
  elementKey: elementKeySchema.optional(),
  state: z.enum(['open', 'resolved', 'all']).default('all'),
});

// ---- comparison -----------------------------------------------------------------------

export const compareQuerySchema = z.object({ from: versionNumberSchema, to: versionNumberSchema });
export const elementChangeSchema = z.object({
  key: elementKeySchema,
  kind: z.enum(PLAN_ELEMENT_KINDS),
  change: z.enum(['added', 'removed', 'changed']),
  /** Title in the newer version, or in the older one for a removed element. */
  title: z.string(),
  number: z.string(),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const comparisonSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(elementChangeSchema),
  unchanged: z.number().int(),
});
export type ComparisonDto = z.infer<typeof comparisonSchema>;

// ---- monitoring ------------------------------------------------------------------------

export const reportingPeriodSchema = z.object({
  id: idSchema,
  label: z.string().describe('2026-Q1, 2026-H2 or 2026'),
  startsOn: z.string(),
  endsOn: z.string(),
  dueOn: z.string(),
  /** Lead agencies with activities in the version in force whose report is not submitted or accepted after the due date. */
  missingReports: z.number().int(),
});
export type ReportingPeriodDto = z.infer<typeof reportingPeriodSchema>;

export const progressEntryInputSchema = z.object({
  activityKey: elementKeySchema,
  status: z.enum(ACTIVITY_PROGRESS_STATUSES),
  narrative: optional(10_000),
});
/** PUT …/periods/{periodId}/reports/{agencyId}: the draft of the agency's report, entry by entry. */
export const progressReportInputSchema = z.object({
  entries: z
    .array(progressEntryInputSchema)
    .max(500)
    .refine((es) => new Set(es.map((e) => e.activityKey)).size === es.length, 'one entry per activity'),
});
export type ProgressReportInput = z.input<typeof progressReportInputSchema>;
export const reviewInputSchema = z.object({ comment: optional(4000) });
export const returnReportSchema = z.object({ comment: required(4000) });

export const evidenceSchema = z.object({
  id: idSchema,
  activityKey: elementKeySchema.nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedByName: z.string(),
  createdAt: isoTime,
});
export type EvidenceDto = z.infer<typeof evidenceSchema>;

export const progressReportSchema = z.object({
  id: idSchema.nullable().describe('null while the agency has not started its report'),
  periodId: idSchema,
  periodLabel: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  status: z.enum(REPORT_STATUSES).nullable(),
  missing: z.boolean(),
  submittedAt: isoTime.nullable(),
  submittedByName: z.string().nullable(),
  reviewedAt: isoTime.nullable(),
  reviewedByName: z.string().nullable(),
  reviewComment: z.string().nullable(),
  /** One row per activity the agency leads in the version in force. */
  entries: z.array(
    z.object({
      activityKey: elementKeySchema,
      activityNumber: z.string(),
      activityTitle: z.string(),
      status: z.enum(ACTIVITY_PROGRESS_STATUSES).nullable(),
      narrative: z.string().nullable(),
    }),
  ),
  evidence: z.array(evidenceSchema),
  editable: z.boolean(),
});
export type ProgressReportDto = z.infer<typeof progressReportSchema>;

const disaggregationValues = z.record(z.string().max(20), z.number().finite().min(0).max(1e12));
export const disaggregationSchema = z.object({
  sex: disaggregationValues.optional(),
  age_group: disaggregationValues.optional(),
  county: disaggregationValues.optional(),
});
export type DisaggregationDto = z.infer<typeof disaggregationSchema>;
export const actualInputSchema = z.object({
  value: z.number().finite().min(-1e12).max(1e12),
  disaggregation: disaggregationSchema.default({}),
  note: optional(2000),
});
export type ActualInput = z.input<typeof actualInputSchema>;

export const indicatorActualSchema = z.object({
  periodId: idSchema,
  periodLabel: z.string(),
  value: z.number().nullable(),
  disaggregation: disaggregationSchema,
  computed: z.boolean(),
  note: z.string().nullable(),
  enteredByName: z.string().nullable(),
  enteredAt: isoTime.nullable(),
});
export const indicatorProgressSchema = z.object({
  key: elementKeySchema,
  number: z.string(),
  title: z.string(),
  unit: z.string(),
  source: z.enum(INDICATOR_SOURCES),
  baseline: z.number().nullable(),
  year: z.number().int(),
  target: z.number().nullable(),
  /** The year's actual up to the judged period (sum or latest, by the indicator's aggregation). */
  actual: z.number().nullable(),
  progress: z.number().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  actuals: z.array(indicatorActualSchema),
});
export type IndicatorProgressDto = z.infer<typeof indicatorProgressSchema>;

export const indicatorSourceSchema = z.object({
  name: z.enum(INDICATOR_SOURCES),
  disaggregations: z.array(z.enum(DISAGGREGATIONS)),
});

export const dashboardQuerySchema = z.object({ periodId: idSchema.optional() });
const statusCounts = z.record(z.enum(ACTIVITY_PROGRESS_STATUSES).or(z.literal('unreported')), z.number().int());
export const dashboardSchema = z.object({
  planId: idSchema,
  version: z.number().int(),
  period: reportingPeriodSchema.nullable(),
  currency: z.string(),
  byPillar: z.array(
    z.object({
      key: elementKeySchema,
      title: z.string(),
      activities: z.number().int(),
      statuses: statusCounts,
      budget: z.number(),
    }),
  ),
  byAgency: z.array(
    z.object({
      agencyId: idSchema,
      agencyName: z.string(),
      activities: z.number().int(),
      statuses: statusCounts,
      budget: z.number(),
    }),
  ),
  indicators: z.array(indicatorProgressSchema),
  lateActivities: z.array(
    z.object({
      key: elementKeySchema,
      number: z.string(),
      title: z.string(),
      leadAgencyName: z.string().nullable(),
      endDate: z.string().nullable(),
      status: z.enum(ACTIVITY_PROGRESS_STATUSES).nullable(),
    }),
  ),
  budget: z.object({ total: z.number(), byYear: z.array(z.object({ year: z.number().int(), amount: z.number() })) }),
  missingReports: z.array(
    z.object({ periodId: idSchema, periodLabel: z.string(), agencyId: idSchema, agencyName: z.string() }),
  ),
});
export type DashboardDto = z.infer<typeof dashboardSchema>;

/** GET /api/v1/meeting-decisions: decisions to pick from when a plan version moves on. */
export const listDecisionsQuerySchema = pageQuerySchema.extend({
  planId: idSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export const decisionListItemSchema = decisionSchema.extend({
  meetingTitle: z.string(),
  meetingKind: z.enum(MEETING_KINDS),
  meetingStartsAt: isoTime,
});
export type DecisionListItemDto = z.infer<typeof decisionListItemSchema>;

// ---- county boundaries (the partner map) ------------------------------------------------

/** GET /api/v1/geo/counties: the uploaded boundaries, one feature per county of the profile. */
export const countyBoundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.number().int(), name: z.string() }),
      geometry: z.object({
        type: z.enum(['Polygon', 'MultiPolygon']),
        coordinates: z.array(z.unknown()).describe('GeoJSON positions [lon, lat], 4 decimals'),
      }),
    }),
  ),
});
export type CountyBoundariesDto = z.infer<typeof countyBoundariesSchema>;

/**
 * PUT /api/v1/geo/counties: a GeoJSON FeatureCollection of Polygon or MultiPolygon features,
 * each naming its county by a numeric `code` or by `name`. The server checks the positions.
 */
export const countyBoundariesInputSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.record(z.string(), z.unknown()).nullable().default(null),
        geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
      }),
    )
    .min(1)
    .max(1000),
});
export type CountyBoundariesInput = z.input<typeof countyBoundariesInputSchema>;
/** The answer to an accepted upload: every county of the profile was matched. */
export const countyBoundariesUploadSchema = z.object({
  matched: z.number().int(),
  missing: z.array(z.number().int()),
  unmatched: z.array(z.string()),
});
export type CountyBoundariesUploadDto = z.infer<typeof countyBoundariesUploadSchema>;

/**
 * GET /api/v1/meeting-people: the active people of an agency, by name, to record attendance
 * and name action-item owners. Names only: the user directory (emails, roles) stays with
 * `user:read`.
 */
export const listMeetingPeopleQuerySchema = z.object({ agencyId: idSchema });
export const meetingPersonSchema = z.object({ id: idSchema, name: z.string(), agencyId: idSchema });
export type MeetingPersonDto = z.infer<typeof meetingPersonSchema>;
