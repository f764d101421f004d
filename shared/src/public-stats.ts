import { z } from 'zod';
import type { StatDimension } from './analytics-vocab.ts';
import { statProtectionSchema, statTableSchema } from './analytics.ts';

/** How an answer was protected (see statProtectionSchema). */
export type StatProtection = z.infer<typeof statProtectionSchema>;

/**
 * The national figures anyone may read, without signing in: ids and their dimensions, in the
 * order the public page shows them. The gender and age band tables are the margins of
 * gender × age band, so the three are protected together.
 */
export const PUBLIC_STAT_TABLES = {
  byYear: ['year'],
  gender: ['gender'],
  ageBand: ['ageBand'],
  genderAge: ['gender', 'ageBand'],
  exploitation: ['exploitation'],
  citizenship: ['citizenship'],
  countryOfExploitation: ['countryOfExploitation'],
} as const satisfies Record<string, readonly StatDimension[]>;
export type PublicStatTableId = keyof typeof PUBLIC_STAT_TABLES;

/** Country tables list only their largest published categories. */
export const PUBLIC_TOP_CATEGORIES = 10;

/**
 * The public figures: always protected (counts below k withheld, and enough others that the
 * withheld ones cannot be worked out), whoever asks. `total` is null when it is below k.
 * The citizenship and country-of-exploitation tables list at most `topCategories` published
 * cells, largest first; hidden and smaller categories are left out of them.
 */
export const publicStatisticsSchema = z.object({
  protection: statProtectionSchema,
  total: z.number().int().nonnegative().nullable(),
  topCategories: z.number().int().positive(),
  tables: z.array(statTableSchema),
});
export type PublicStatisticsDto = z.infer<typeof publicStatisticsSchema>;

/** A change of the statistics settings: k is required (2 to 100). */
export const statisticsSettingsInputSchema = z
  .object({
    k: z.number().int().min(2).max(100).describe('The smallest count published (CTDC uses 11)'),
  })
  .strict();
export type StatisticsSettingsInput = z.infer<typeof statisticsSettingsInputSchema>;
