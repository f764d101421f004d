/**
 * Fixed vocabularies shared by server and web, free of zod so the browser bundle can import
 * them without the schema library.
 */
export * from './access.ts';
export * from './country.ts';
export * from './plans-vocab.ts';
export * from './indicator-status.ts';

export const LANGUAGES = ['en', 'sw'] as const;
export type Language = (typeof LANGUAGES)[number];

/** HTCDS org_Type, the kinds of organisation an agency can be. */
export const AGENCY_TYPES = [
  'NGO',
  'LawEnforcement',
  'CentralGovernment',
  'LocalGovernment',
  'Health',
  'Immigration',
  'LegalService',
  'InternationalOrganisation',
  'FaithBased',
  'Other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const RECORD_STATUSES = ['active', 'inactive'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

export const AGENCY_SORTS = ['name', 'type', 'createdAt'] as const;
export const USER_SORTS = ['name', 'email', 'createdAt', 'lastSignInAt'] as const;
export * from './cases-vocab.ts';
export * from './screening.ts';
export * from './countries.ts';
export * from './analytics-vocab.ts';
