import { z } from 'zod';
import { statProtectionSchema, statTableSchema } from './analytics.ts';

/**
 * Trafficking flows: who moved from where, through where, to where, counted over the same
 * de-identified view and filters as the dashboard (`statFiltersSchema`). Every figure is a
 * count by one or two places; no answer follows a record through all three stages, so the
 * flow diagram joins "origin → transit" and "transit → exploitation" at the transit column
 * (both sides of a transit country sum to the records that passed through it).
 *
 * The first stage is `originOrCitizenship`: the country of origin, or the citizenship where
 * the origin is not recorded (CTDC records carry citizenship only). A null transit is "no
 * transit recorded"; any other null is "unknown".
 */
export const FLOW_COUNTRY_TABLES = {
  /** originOrCitizenship × countryOfTransit */
  originTransit: ['originOrCitizenship', 'countryOfTransit'],
  /** countryOfTransit × countryOfExploitation */
  transitExploitation: ['countryOfTransit', 'countryOfExploitation'],
  /** originOrCitizenship × countryOfExploitation: the arcs of the world map */
  originExploitation: ['originOrCitizenship', 'countryOfExploitation'],
  /** The margins, published with the links so suppression covers their sums. */
  origin: ['originOrCitizenship'],
  transit: ['countryOfTransit'],
  exploitation: ['countryOfExploitation'],
} as const;

/** County of origin → county of exploitation inside the configured country, with margins. */
export const FLOW_COUNTY_TABLES = {
  originExploitation: ['countyOfOrigin', 'countyOfExploitation'],
  origin: ['countyOfOrigin'],
  exploitation: ['countyOfExploitation'],
} as const;

export type FlowCountryTableId = keyof typeof FLOW_COUNTRY_TABLES;
export type FlowCountyTableId = keyof typeof FLOW_COUNTY_TABLES;

export const statFlowsSchema = z.object({
  protection: statProtectionSchema,
  /** Records counted (null when it would itself be below k). */
  total: z.number().int().nonnegative().nullable(),
  /** Tables by country; each table's `id` is its key here. */
  countries: z.object({
    originTransit: statTableSchema,
    transitExploitation: statTableSchema,
    originExploitation: statTableSchema,
    origin: statTableSchema,
    transit: statTableSchema,
    exploitation: statTableSchema,
  }),
  /** Tables by county; ids are prefixed `county.` (e.g. `county.originExploitation`). */
  counties: z.object({
    originExploitation: statTableSchema,
    origin: statTableSchema,
    exploitation: statTableSchema,
  }),
});
export type StatFlowsDto = z.infer<typeof statFlowsSchema>;
