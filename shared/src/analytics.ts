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
