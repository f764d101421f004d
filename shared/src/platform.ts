import { z } from 'zod';
import { PERMISSIONS, ROLES } from './access.ts';
import { AGENCY_SORTS, AGENCY_TYPES, AUDIT_OUTCOMES, LANGUAGES, RECORD_STATUSES, USER_SORTS } from './picklists.ts';

export const languageSchema = z.enum(LANGUAGES);

export const roleSchema = z.enum(ROLES);
export const permissionSchema = z.enum(PERMISSIONS);

export const agencyTypeSchema = z.enum(AGENCY_TYPES);
export const recordStatusSchema = z.enum(RECORD_STATUSES);

export const idSchema = z.uuid();
const isoTime = z.string().describe('UTC time, ISO 8601');

/** Problem details (RFC 9457) as every error is answered. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  requestId: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Query of every list: cursor pagination. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const sortOrderSchema = z.enum(['asc', 'desc']).default('asc');

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

// ---- health & instance --------------------------------------------------------------

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});
export type HealthDto = z.infer<typeof healthSchema>;

export const instanceSchema = z.object({
  demo: z.boolean(),
  country: z.object({ iso2: z.string(), name: z.string() }),
  counties: z.array(z.object({ code: z.number().int(), name: z.string() })),
  /** ISO 4217 code of plan budgets. */
  currency: z.string(),
  languages: z.array(languageSchema),
  passwordMinLength: z.number().int(),
});
export type InstanceDto = z.infer<typeof instanceSchema>;

// ---- agencies --------------------------------------------------------------------------

export const agencySchema = z.object({
  id: idSchema,
  name: z.string(),
  type: agencyTypeSchema,
  countyCode: z.number().int().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  status: recordStatusSchema,
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type AgencyDto = z.infer<typeof agencySchema>;

export const createAgencySchema = z.object({
  name: trimmed(200),
  type: agencyTypeSchema,
  countyCode: z.number().int().min(1).max(999).nullable().optional(),
  contactEmail: z
    .union([z.literal(''), z.email().max(254)])
    .transform((v) => (v === '' ? null : v.toLowerCase()))
    .nullable()
    .optional(),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()-]*$/, 'Use digits, spaces, +, - and brackets only')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  address: optionalText(500),
});
export type CreateAgencyInput = z.input<typeof createAgencySchema>;

export const updateAgencySchema = createAgencySchema
  .partial()
  .extend({ status: recordStatusSchema.optional() })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdateAgencyInput = z.input<typeof updateAgencySchema>;

export const listAgenciesQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  type: agencyTypeSchema.optional(),
  countyCode: z.coerce.number().int().min(1).max(999).optional(),
  status: recordStatusSchema.optional(),
  sort: z.enum(AGENCY_SORTS).default('name'),
  order: sortOrderSchema,
});
export type ListAgenciesQuery = z.input<typeof listAgenciesQuerySchema>;

// ---- users -----------------------------------------------------------------------------

export const userSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  roles: z.array(roleSchema),
  language: languageSchema,
  status: recordStatusSchema,
  mfaRequired: z.boolean(),
  mfaEnabled: z.boolean(),
  lastSignInAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type UserDto = z.infer<typeof userSchema>;

const emailInput = z
  .email()
  .max(254)
  .transform((v) => v.trim().toLowerCase());
const rolesInput = z
  .array(roleSchema)
  .min(1, 'Choose at least one role')
  .max(ROLES.length)
  .transform((roles) => [...new Set(roles)]);

export const createUserSchema = z.object({
  name: trimmed(200),
  email: emailInput,
  agencyId: idSchema,
  roles: rolesInput,
  language: languageSchema.default('en'),
  mfaRequired: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    name: trimmed(200),
    email: emailInput,
    agencyId: idSchema,
    roles: rolesInput,
    language: languageSchema,
    status: recordStatusSchema,
    mfaRequired: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const listUsersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  agencyId: idSchema.optional(),
  role: roleSchema.optional(),
  status: recordStatusSchema.optional(),
  sort: z.enum(USER_SORTS).default('name'),
  order: sortOrderSchema,
});
export type ListUsersQuery = z.input<typeof listUsersQuerySchema>;

/** A one-time link that lets a user choose a password; shown once to the administrator. */
export const passwordLinkSchema = z.object({ url: z.string(), expiresAt: isoTime });
export type PasswordLinkDto = z.infer<typeof passwordLinkSchema>;

export const createdUserSchema = z.object({ user: userSchema, passwordLink: passwordLinkSchema });

// ---- authentication and profile ----------------------------------------------------------

export const loginSchema = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(1024),
  totp: z.string().trim().max(32).optional().describe('A six-digit TOTP code or a recovery code'),
});
export type LoginInput = z.input<typeof loginSchema>;

export const sessionUserSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  roles: z.array(roleSchema),
  language: languageSchema,
  mfaEnabled: z.boolean(),
  /** True when the account must enrol a second factor before it can do anything else. */
  mfaEnrolmentRequired: z.boolean(),
  permissions: z.array(permissionSchema),
});
export type SessionUserDto = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type SessionDto = z.infer<typeof sessionSchema>;

export const passwordResetSchema = z.object({
  token: z.string().min(20).max(200),
  password: z.string().max(1024),
});
export type PasswordResetInput = z.input<typeof passwordResetSchema>;

export const updateProfileSchema = z.object({ language: languageSchema });
export const changePasswordSchema = z.object({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(1024),
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const totpSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string().describe('An SVG image of the otpauth URI as a QR code'),
});
export type TotpSetupDto = z.infer<typeof totpSetupSchema>;

export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the six-digit code'),
});
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const disableTotpSchema = z.object({ password: z.string().max(1024) });

// ---- audit -------------------------------------------------------------------------------

export const auditEventSchema = z.object({
  id: idSchema,
  seq: z.number().int(),
  occurredAt: isoTime,
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  agencyId: idSchema.nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  requestId: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const listAuditQuerySchema = pageQuerySchema.extend({
  actorId: idSchema.optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListAuditQuery = z.input<typeof listAuditQuerySchema>;
