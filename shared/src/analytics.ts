import { z } from 'zod';
import { AGE_BANDS } from './cases-vocab.ts';
import { COUNTRY_CODES } from './countries.ts';
import {
  DEFAULT_STATISTICS_K,
  STAT_DIMENSIONS,
  STAT_EXPLOITATION,
  STAT_GENDERS,
  STAT_SOURCES,
} from './analytics-vocab.ts';

/**
 * Filters shared by the dashboard, the flows, the GLOTIP table and the public figures. Every
 * filter narrows the one de-identified view (`stat_records`); none can select a record.
 * Periods are inclusive: `from=2015&to=2016-06` is January 2015 to June 2016.
 */
const period = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'Use a year (2016) or a month (2016-03).')
  .describe('YYYY or YYYY-MM');

export const statFiltersSchema = z
  .object({
    from: period.optional(),
    to: period.optional(),
    source: z.enum(STAT_SOURCES).optional(),
    gender: z.enum(STAT_GENDERS).optional(),
    ageBand: z.enum(AGE_BANDS).optional(),
    exploitation: z.enum(STAT_EXPLOITATION).optional(),
    citizenship: z.enum(COUNTRY_CODES).optional(),
    countryOfExploitation: z.enum(COUNTRY_CODES).optional(),
    /** A county of the configured country, where the victim came from or was exploited. */
    county: z.coerce.number().int().min(1).max(999).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from.slice(0, 4) <= f.to.slice(0, 4), {
    message: 'The period must start before it ends.',
    path: ['to'],
  });
export type StatFilters = z.infer<typeof statFiltersSchema>;

/**
 * One published table: counts by one or two dimensions. `cells` lists every category that
 * occurs (keys in the order of `dimensions`; null is "unknown"); `count` is null where the
 * cell is suppressed. `total` counts records, so for a multi-valued dimension it is not the
 * sum of the cells.
 */
export const statCellSchema = z.object({
  keys: z.array(z.string().nullable()),
  count: z.number().int().nonnegative().nullable(),
});
export const statTableSchema = z.object({
  id: z.string(),
  dimensions: z.array(z.enum(STAT_DIMENSIONS)).max(2),
  cells: z.array(statCellSchema),
  total: z.number().int().nonnegative().nullable(),
});
export type StatCell = z.infer<typeof statCellSchema>;
export type StatTable = z.infer<typeof statTableSchema>;

/** How an answer was protected: `exact` for roles with case access, else suppression below k. */
export const statProtectionSchema = z.object({
  exact: z.boolean(),
  k: z.number().int().min(2),
  suppressedCells: z.number().int().nonnegative(),
});

/** The statistics settings an administrator keeps: the smallest count published (CTDC uses 11). */
export const statisticsSettingsSchema = z.object({
  k: z.number().int().min(2).max(100).default(DEFAULT_STATISTICS_K),
});
export type StatisticsSettings = z.infer<typeof statisticsSettingsSchema>;

/** The dashboard: every table of DASHBOARD_TABLES (ids are its keys) over the filtered records. */
export const statDashboardSchema = z.object({
  protection: statProtectionSchema,
  /** Records counted (null when it would itself be below k). */
  total: z.number().int().nonnegative().nullable(),
  tables: z.array(statTableSchema),
});
export type StatDashboardDto = z.infer<typeof statDashboardSchema>;

// ---- dashboard and GLOTIP (analytics server) ---------------------------------------------------

/** Query of the GLOTIP table: only the period (inclusive, YYYY or YYYY-MM). */
export const glotipQuerySchema = z
  .object({ from: period.optional(), to: period.optional() })
  .strict()
  .refine((f) => !f.from || !f.to || f.from.slice(0, 4) <= f.to.slice(0, 4), {
    message: 'The period must start before it ends.',
    path: ['to'],
  });
export type GlotipQuery = z.infer<typeof glotipQuerySchema>;

/** UNODC GLOTIP categories: sex (transgender or non-conforming victims count as unknown: GLOTIP has two sexes). */
export const GLOTIP_SEXES = ['Female', 'Male', 'Unknown'] as const;
/** GLOTIP age groups: children are the CTDC bands 0-8 and 9-17 ("0 to 17 years"), adults every other band. */
export const GLOTIP_AGES = ['Child', 'Adult', 'Unknown'] as const;
/** National: a citizen of the configured country; foreign: any other citizenship. */
export const GLOTIP_CITIZENSHIPS = ['National', 'Foreign', 'Unknown'] as const;
/**
 * GLOTIP forms of exploitation. `OtherForms` is forced marriage, forced military service, organ
 * removal and other forms; `Unknown` is no form recorded. A victim with several forms is
 * counted once in each of them, so forms do not add up to the number of victims.
 */
export const GLOTIP_FORMS = ['SexualExploitation', 'ForcedLabour', 'OtherForms', 'Unknown'] as const;

export const glotipCellSchema = z.object({
  year: z.number().int(),
  sex: z.enum(GLOTIP_SEXES),
  age: z.enum(GLOTIP_AGES),
  citizenship: z.enum(GLOTIP_CITIZENSHIPS),
  form: z.enum(GLOTIP_FORMS),
  /** Victims detected; null where suppressed (below k for callers without case access). */
  count: z.number().int().nonnegative().nullable(),
});

/** Victims detected by year × sex × age group × citizenship × form of exploitation, as UNODC's GLOTIP collects them. */
export const glotipSchema = z.object({
  protection: statProtectionSchema,
  /** ISO-2 code of the configured country: its citizens are "National". */
  country: z.string(),
  /** Victims in the period (null when below k). */
  total: z.number().int().nonnegative().nullable(),
  /** Cells that occur, sorted by year, sex, age, citizenship, form. */
  cells: z.array(glotipCellSchema),
});
export type GlotipCell = z.infer<typeof glotipCellSchema>;
export type GlotipDto = z.infer<typeof glotipSchema>;
