import { z } from 'zod';
import { COUNTRY_CODES } from './countries.ts';
import {
  AGE_BANDS,
  CASE_SORTS,
  CASE_STATUSES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONTROL_METHODS,
  DECISION_MAKING_ORGS,
  DETERMINATION_STATES,
  EDUCATION_LEVELS,
  EVENT_TYPES,
  EXPLOITATION_TYPES,
  GENDERS,
  ILO_INDICATORS,
  LABOUR_INDUSTRIES,
  PALERMO_ACTS,
  PALERMO_MEANS,
  PALERMO_PURPOSES,
  PERSON_LANGUAGES,
  RECRUITMENT_METHODS,
  REFERRAL_KINDS,
  REFERRAL_REASONS,
  REFERRAL_SORTS,
  REFERRAL_STATUSES,
  RELATIONSHIPS_TO_TRAFFICKER,
  SERVICE_STATUSES,
  SERVICE_TYPES,
  SEX_EXPLOITATION_TYPES,
  SHARED_SECTIONS,
  TRAFFICKING_STATUSES,
  WEBSITES_AND_APPS,
} from './cases-vocab.ts';
import { idSchema, pageQuerySchema, sortOrderSchema } from './platform.ts';

const isoTime = z.string().describe('UTC time, ISO 8601');
/** A calendar date, YYYY-MM-DD, that exists. */
export const dateSchema = z.iso.date();
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'must not repeat a value');
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

export const caseCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}-\d{4}-\d{6}$/, 'must be a case code such as KE-2026-000123')
  .describe('The pseudonymous case code');
export const countryCodeSchema = z.enum(COUNTRY_CODES);
export const countyCodeSchema = z.number().int().min(1).max(999);

// ---- intake -------------------------------------------------------------------------------

/** Identifying details: encrypted at rest, shown only when a user with access reveals them. */
export const identitySchema = z.object({
  firstName: text(100),
  middleName: text(100),
  lastName: text(100),
  birthDate: dateSchema.nullable(),
  identityNumber: text(50),
});
export const contactSchema = z.object({
  phone: text(40),
  email: text(200),
  address: text(500),
});

/** What describes the person without identifying them. */
export const personProfileSchema = z.object({
  gender: z.enum(GENDERS).nullable(),
  estimatedAge: z.number().int().min(0).max(120).nullable(),
  citizenships: uniqueList(countryCodeSchema, 5),
  languages: uniqueList(z.enum(PERSON_LANGUAGES), 8),
  education: z.enum(EDUCATION_LEVELS).nullable(),
});

export const victimDetailsSchema = z.object({
  relationshipToTrafficker: z.enum(RELATIONSHIPS_TO_TRAFFICKER).nullable(),
  ageWhenTrafficked: z.number().int().min(0).max(120).nullable(),
  recruitmentMethods: uniqueList(z.enum(RECRUITMENT_METHODS), RECRUITMENT_METHODS.length),
  recruitmentWebsites: uniqueList(z.enum(WEBSITES_AND_APPS), WEBSITES_AND_APPS.length),
  controlMethods: uniqueList(z.enum(CONTROL_METHODS), CONTROL_METHODS.length),
  exploitationTypes: uniqueList(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length),
  labourIndustry: z.enum(LABOUR_INDUSTRIES).nullable(),
  sexExploitationTypes: uniqueList(z.enum(SEX_EXPLOITATION_TYPES), SEX_EXPLOITATION_TYPES.length),
});

/** One stage of the victim's route (HTCDS historic trafficking event). */
export const traffickingEventSchema = z.object({
  type: z.enum(EVENT_TYPES),
  country: countryCodeSchema.nullable(),
  /** Only when the country is the configured one (Kenya: 1–47). */
  countyCode: countyCodeSchema.nullable(),
  /** Town or place: free text, encrypted at rest. */
  place: text(200),
  date: dateSchema.nullable(),
});

/**
 * The intake form. Every part is optional while the case is a draft; submitting checks
 * that what registration needs is there.
 */
export const caseInputSchema = z
  .object({
    identity: identitySchema.partial(),
    contact: contactSchema.partial(),
    profile: personProfileSchema.partial(),
    victim: victimDetailsSchema.partial(),
    events: z.array(traffickingEventSchema).max(30),
    /** County where the person was identified: lists filter on it. */
    countyCode: countyCodeSchema.nullable(),
    /** Free-text account of the situation: encrypted at rest. */
    narrative: text(10_000),
  })
  .partial()
  .strict();
export type CaseInput = z.output<typeof caseInputSchema>;

// ---- case answers ---------------------------------------------------------------------------

/**
 * How much of a case the caller sees: `full` in the owning agency, `referral` in an agency
 * that accepted a referral (only the consented sections), `deidentified` for the secretariat
 * and analysts (never identity or contact).
 */
export const CASE_VIEWS = ['full', 'referral', 'deidentified'] as const;

export const caseListItemSchema = z.object({
  code: caseCodeSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  draft: z.boolean(),
  status: z.enum(CASE_STATUSES),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES).nullable(),
  gender: z.enum(GENDERS).nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  countyCode: z.number().int().nullable(),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)),
  ownerId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  followUpAt: dateSchema.nullable(),
  followUpOverdue: z.boolean(),
  closureRequested: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type CaseListItemDto = z.infer<typeof caseListItemSchema>;

export const determinationSchema = z.object({
  state: z.enum(DETERMINATION_STATES),
  status: z.enum(TRAFFICKING_STATUSES).nullable(),
  decidedById: idSchema.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: isoTime.nullable(),
  decisionOrg: z.enum(DECISION_MAKING_ORGS).nullable(),
  decisionAgencyName: z.string().nullable(),
  /** The supervisor's reason for an override: shown to the owning agency only. */
  reason: z.string().nullable(),
});

export const closureSchema = z.object({
  requestedAt: isoTime,
  requestedById: idSchema,
  requestedByName: z.string(),
  status: z.enum(['Closed', 'ClosedReferred']),
  reason: z.string().nullable(),
  approvedAt: isoTime.nullable(),
  approvedByName: z.string().nullable(),
});

export const caseSchema = caseListItemSchema.extend({
  view: z.enum(CASE_VIEWS),
  /** The sections this caller may see; absent sections are null below. */
  sections: z.array(z.enum(SHARED_SECTIONS)),
  profile: personProfileSchema,
  victim: victimDetailsSchema.nullable(),
  events: z.array(traffickingEventSchema.extend({ id: idSchema })).nullable(),
  /** True when identifying details exist and this caller may reveal them. */
  canRevealIdentity: z.boolean(),
  canEdit: z.boolean(),
  /** Where the latest screening's determination stands: a suggestion is not a decision until confirmed. */
  determination: z.enum(DETERMINATION_STATES).nullable(),
  closure: closureSchema.nullable(),
  reopenedAt: isoTime.nullable(),
});
export type CaseDto = z.infer<typeof caseSchema>;

/** What a reveal returns: only the sections the caller may see. */
export const revealedIdentitySchema = z.object({
  identity: identitySchema.nullable(),
  contact: contactSchema.nullable(),
  narrative: z.string().nullable(),
});
export type RevealedIdentityDto = z.infer<typeof revealedIdentitySchema>;

// ---- lists, search, export, duplicates --------------------------------------------------------

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listCasesQuerySchema = pageQuerySchema.extend({
  /** Code or the start of one, e.g. KE-2026-0001. */
  q: z
    .string()
    .trim()
    .max(20)
    .regex(/^[A-Za-z0-9-]*$/, 'must be a case code or its beginning')
    .optional(),
  status: z.enum(CASE_STATUSES).optional(),
  draft: booleanQuery.optional(),
  ownerId: idSchema.optional(),
  /** Only cases assigned to the caller. */
  mine: booleanQuery.optional(),
  exploitationType: z.enum(EXPLOITATION_TYPES).optional(),
  countyCode: z.coerce.number().int().min(1).max(999).optional(),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES).optional(),
  createdFrom: dateSchema.optional(),
  createdTo: dateSchema.optional(),
  followUpOverdue: booleanQuery.optional(),
  closureRequested: booleanQuery.optional(),
  sort: z.enum(CASE_SORTS).default('createdAt'),
  order: sortOrderSchema.default('desc'),
});
export type ListCasesQuery = z.output<typeof listCasesQuerySchema>;

export const exportCasesQuerySchema = listCasesQuerySchema.omit({ cursor: true, limit: true }).extend({
  format: z.enum(['csv', 'xlsx']),
});

/**
 * Exact match on one identifying detail, compared through its keyed blind index: the value
 * travels in a POST body, never in a URL, and is never decrypted on the server.
 */
export const SEARCHABLE_IDENTIFIERS = ['name', 'birthDate', 'identityNumber', 'phone', 'email'] as const;
export const searchCasesSchema = z.object({
  field: z.enum(SEARCHABLE_IDENTIFIERS),
  value: z.string().trim().min(1).max(200),
});

export const duplicateCheckSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  birthDate: dateSchema.nullable().optional(),
  estimatedAge: z.number().int().min(0).max(120).nullable().optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  citizenship: countryCodeSchema.nullable().optional(),
  /** The case being registered, left out of its own matches. */
  exceptCode: caseCodeSchema.optional(),
});
export const duplicateResultSchema = z.object({
  /** Possible matches in cases this user may open. */
  matches: z.array(z.object({ code: caseCodeSchema, status: z.enum(CASE_STATUSES), createdAt: isoTime })),
  /** A possible match exists in a case this user may not see; nothing more is said. */
  matchElsewhere: z.boolean(),
});

// ---- lifecycle --------------------------------------------------------------------------------

export const assignCaseSchema = z.object({ ownerId: idSchema.nullable() });
export const followUpSchema = z.object({
  followUpAt: dateSchema.nullable(),
  /** Active or FollowUp: the open statuses a worker moves between. */
  status: z.enum(['Active', 'FollowUp']).optional(),
});
export const requestClosureSchema = z.object({
  status: z.enum(['Closed', 'ClosedReferred']),
  reason: z.string().trim().min(3).max(2000),
});
export const reasonSchema = z.object({ reason: z.string().trim().min(3).max(2000) });

// ---- screening --------------------------------------------------------------------------------

export const screeningInputSchema = z.object({
  acts: uniqueList(z.enum(PALERMO_ACTS), PALERMO_ACTS.length),
  means: uniqueList(z.enum(PALERMO_MEANS), PALERMO_MEANS.length),
  purposes: uniqueList(z.enum(PALERMO_PURPOSES), PALERMO_PURPOSES.length),
  iloIndicators: uniqueList(z.enum(ILO_INDICATORS), ILO_INDICATORS.length),
  ageAtExploitation: z.number().int().min(0).max(120).nullable(),
  notes: text(5000).optional(),
});
export const screeningSchema = z.object({
  id: idSchema,
  acts: z.array(z.enum(PALERMO_ACTS)),
  means: z.array(z.enum(PALERMO_MEANS)),
  purposes: z.array(z.enum(PALERMO_PURPOSES)),
  iloIndicators: z.array(z.enum(ILO_INDICATORS)),
  ageAtExploitation: z.number().int().nullable(),
  suggestedStatus: z.enum(TRAFFICKING_STATUSES),
  child: z.boolean().nullable(),
  reasons: z.array(z.object({ code: z.string() })),
  notes: z.string().nullable(),
  screenedById: idSchema,
  screenedByName: z.string(),
  screenedAt: isoTime,
  determination: determinationSchema,
});
export type ScreeningDto = z.infer<typeof screeningSchema>;
export const determinationInputSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm') }),
  z.object({
    decision: z.literal('override'),
    status: z.enum(TRAFFICKING_STATUSES),
    reason: z.string().trim().min(3).max(2000),
  }),
]);

// ---- consent ----------------------------------------------------------------------------------

export const consentInputSchema = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    /** The agency a referral consent names. */
    agencyId: idSchema.nullable().optional(),
    /** What a referral consent opens to that agency. */
    sections: uniqueList(z.enum(SHARED_SECTIONS), SHARED_SECTIONS.length).optional(),
    method: z.enum(CONSENT_METHODS),
    givenOn: dateSchema,
    /** For a child: who consented on the child's behalf (encrypted), or a best-interest note. */
    guardianName: text(200).optional(),
    bestInterestNote: text(2000).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.purpose === 'referral' && !c.agencyId) {
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'A referral consent names the receiving agency' });
    }
    if (c.purpose !== 'referral' && (c.agencyId || c.sections?.length)) {
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'Only a referral consent names an agency' });
    }
  });
export const consentSchema = z.object({
  id: idSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  agencyId: idSchema.nullable(),
  agencyName: z.string().nullable(),
  sections: z.array(z.enum(SHARED_SECTIONS)),
  method: z.enum(CONSENT_METHODS),
  givenOn: dateSchema,
  guardianName: z.string().nullable(),
  bestInterestNote: z.string().nullable(),
  recordedById: idSchema,
  recordedByName: z.string(),
  recordedAt: isoTime,
  withdrawnAt: isoTime.nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  active: z.boolean(),
});
export type ConsentDto = z.infer<typeof consentSchema>;

// ---- assistance -------------------------------------------------------------------------------

export const serviceInputSchema = z.object({
  type: z.enum(SERVICE_TYPES),
  providerAgencyId: idSchema.nullable(),
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  status: z.enum(SERVICE_STATUSES),
  /** Objectives and action plan: free text, encrypted. */
  details: text(5000).optional(),
});
export const serviceSchema = z.object({
  id: idSchema,
  type: z.enum(SERVICE_TYPES),
  htcdsType: z.string(),
  providerAgencyId: idSchema.nullable(),
  providerAgencyName: z.string().nullable(),
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  status: z.enum(SERVICE_STATUSES),
  details: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type ServiceDto = z.infer<typeof serviceSchema>;

export const noteInputSchema = z.object({ body: z.string().trim().min(1).max(10_000) });
export const noteSchema = z.object({
  id: idSchema,
  body: z.string(),
  authorId: idSchema,
  authorName: z.string(),
  createdAt: isoTime,
});
export type NoteDto = z.infer<typeof noteSchema>;

export const attachmentSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedByName: z.string(),
  createdAt: isoTime,
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

// ---- referrals --------------------------------------------------------------------------------

export const referralInputSchema = z.object({
  kind: z.enum(REFERRAL_KINDS).default('referral'),
  toAgencyId: idSchema,
  services: uniqueList(z.enum(SERVICE_TYPES), SERVICE_TYPES.length).min(1, 'name at least one service'),
  reason: z.enum(REFERRAL_REASONS),
  /** Message to the receiving agency: free text, encrypted; it is part of the referral summary. */
  details: text(2000).optional(),
  /** A supervisor's reason to refer without an active consent for this agency. */
  consentOverrideReason: z.string().trim().min(3).max(2000).optional(),
});

/** The summary every party sees, before and after acceptance. */
export const referralSchema = z.object({
  id: idSchema,
  caseCode: caseCodeSchema,
  kind: z.enum(REFERRAL_KINDS),
  status: z.enum(REFERRAL_STATUSES),
  fromAgencyId: idSchema,
  fromAgencyName: z.string(),
  toAgencyId: idSchema,
  toAgencyName: z.string(),
  services: z.array(z.enum(SERVICE_TYPES)),
  reason: z.enum(REFERRAL_REASONS),
  details: z.string().nullable(),
  consentOverride: z.boolean(),
  createdByName: z.string(),
  createdAt: isoTime,
  respondBy: isoTime.nullable(),
  overdue: z.boolean(),
  respondedAt: isoTime.nullable(),
  respondedByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  completedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
  /** Who the caller is in this referral. */
  direction: z.enum(['incoming', 'outgoing', 'observer']),
});
export type ReferralDto = z.infer<typeof referralSchema>;

export const listReferralsQuerySchema = pageQuerySchema.extend({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  overdue: booleanQuery.optional(),
  caseCode: caseCodeSchema.optional(),
  sort: z.enum(REFERRAL_SORTS).default('createdAt'),
  order: sortOrderSchema.default('desc'),
});

// ---- history and work views -----------------------------------------------------------------

export const caseHistoryItemSchema = z.object({
  id: idSchema,
  occurredAt: isoTime,
  action: z.string(),
  outcome: z.string(),
  actorName: z.string().nullable(),
  agencyName: z.string().nullable(),
});

export const workSchema = z.object({
  myCases: z.array(caseListItemSchema),
  overdueFollowUps: z.array(caseListItemSchema),
  incomingReferrals: z.array(referralSchema),
  /** Only for supervisors; empty otherwise. */
  determinationsToConfirm: z.array(caseListItemSchema),
  closuresToApprove: z.array(caseListItemSchema),
  transfersToApprove: z.array(referralSchema),
});
export type WorkDto = z.infer<typeof workSchema>;

// ---- request and answer types, as the web app sends and reads them ---------------------------

export type DuplicateCheckInput = z.input<typeof duplicateCheckSchema>;
export type DuplicateResultDto = z.infer<typeof duplicateResultSchema>;
export type ScreeningInput = z.input<typeof screeningInputSchema>;
export type DeterminationInput = z.input<typeof determinationInputSchema>;
export type ConsentInput = z.input<typeof consentInputSchema>;
export type ReferralInput = z.input<typeof referralInputSchema>;
export type ListReferralsQuery = z.input<typeof listReferralsQuerySchema>;
export type ServiceInput = z.input<typeof serviceInputSchema>;
export type SearchCasesInput = z.input<typeof searchCasesSchema>;
export type CaseHistoryItemDto = z.infer<typeof caseHistoryItemSchema>;
