import { z } from 'zod';
import { RELEASE_ATTRIBUTES, RELEASE_DEFAULTS, RELEASE_METHODS, RELEASE_SOURCES } from './analytics-vocab.ts';

/**
 * Data releases: a protected, record-level file built from the de-identified view
 * (`stat_records`) with CTDC variable names, either k-anonymous (generalisation and
 * suppression over quasi-identifiers) or synthetic with differential privacy (noisy
 * marginals, after Microsoft's synthetic-data-showcase). See docs/data-release.md.
 */
const period = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'Use a year (2016) or a month (2016-03).')
  .describe('YYYY or YYYY-MM');

export const releaseMethodSchema = z.enum(RELEASE_METHODS);
export const releaseSourceSchema = z.enum(RELEASE_SOURCES);
export const releaseAttributeSchema = z.enum(RELEASE_ATTRIBUTES as [string, ...string[]]);

export const kAnonymityParamsSchema = z
  .object({
    /** Every combination of quasi-identifier values released is shared by at least k records. */
    k: z.number().int().min(2).max(100).default(RELEASE_DEFAULTS.k),
    /** The attributes an adversary could know (a subset of the release's attributes); default: the usual profile ones chosen. */
    quasiIdentifiers: z.array(releaseAttributeSchema).min(1).optional(),
    /** The largest share of records that may be dropped (0..1); the least generalisation within it is chosen. */
    maxSuppression: z.number().min(0).max(1).default(RELEASE_DEFAULTS.maxSuppression),
  })
  .strict();

export const dpParamsSchema = z
  .object({
    /** Privacy budget: lower is more private and less accurate. */
    epsilon: z.number().min(0.1).max(20).default(RELEASE_DEFAULTS.epsilon),
    delta: z.number().min(1e-9).max(1e-3).default(RELEASE_DEFAULTS.delta),
    /** Longest combination of attribute values whose counts are measured (and preserved). */
    reportingLength: z.number().int().min(1).max(4).default(RELEASE_DEFAULTS.reportingLength),
    /** How many combinations absent from the real data the synthesis may create (0 = none). */
    fabricationThreshold: z.number().int().min(0).max(1_000_000).default(RELEASE_DEFAULTS.fabricationThreshold),
  })
  .strict();

export const createReleaseSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    method: releaseMethodSchema,
    source: releaseSourceSchema.default('all'),
    attributes: z.array(releaseAttributeSchema).min(1).max(RELEASE_ATTRIBUTES.length),
    from: period.optional(),
    to: period.optional(),
    kAnonymity: kAnonymityParamsSchema.optional(),
    dp: dpParamsSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (new Set(input.attributes).size !== input.attributes.length) {
      ctx.addIssue({ code: 'custom', path: ['attributes'], message: 'Choose each attribute once.' });
    }
    if (input.from && input.to && input.from.slice(0, 4) > input.to.slice(0, 4)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period must start before it ends.' });
    }
    if (input.method === 'k_anonymity' && input.dp) {
      ctx.addIssue({
        code: 'custom',
        path: ['dp'],
        message: 'Differential privacy parameters need the dp_synthetic method.',
      });
    }
    if (input.method === 'dp_synthetic' && input.kAnonymity) {
      ctx.addIssue({
        code: 'custom',
        path: ['kAnonymity'],
        message: 'k-anonymity parameters need the k_anonymity method.',
      });
    }
    const qis = input.kAnonymity?.quasiIdentifiers;
    if (qis) {
      if (new Set(qis).size !== qis.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['kAnonymity', 'quasiIdentifiers'],
          message: 'Choose each attribute once.',
        });
      }
      if (qis.some((qi) => !input.attributes.includes(qi))) {
        ctx.addIssue({
          code: 'custom',
          path: ['kAnonymity', 'quasiIdentifiers'],
          message: 'Quasi-identifiers must be among the chosen attributes.',
        });
      }
    }
  });
export type CreateReleaseInput = z.input<typeof createReleaseSchema>;
export type CreateRelease = z.output<typeof createReleaseSchema>;

/** The parameters a release was built with, resolved (defaults applied). */
export const releaseParamsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  kAnonymity: z
    .object({
      k: z.number().int(),
      quasiIdentifiers: z.array(z.string()),
      maxSuppression: z.number(),
      /** The generalisation level chosen for each quasi-identifier (e.g. ageBroad: "child/adult"). */
      generalisation: z.record(z.string(), z.string()),
    })
    .optional(),
  dp: z
    .object({
      epsilon: z.number(),
      delta: z.number(),
      reportingLength: z.number().int(),
      fabricationThreshold: z.number().int(),
    })
    .optional(),
});
export type ReleaseParams = z.infer<typeof releaseParamsSchema>;

/** Utility and protection figures of a release, against the real records it was built from. */
export const releaseMetricsSchema = z.object({
  realRecords: z.number().int().nonnegative(),
  releasedRecords: z.number().int().nonnegative(),
  /** k-anonymity: records dropped because their class stayed below k. */
  recordsSuppressed: z.number().int().nonnegative(),
  recordsSuppressedShare: z.number().min(0).max(1),
  /** k-anonymity: quasi-identifier values replaced by a coarser category; DP: 0. */
  valuesGeneralised: z.number().int().nonnegative(),
  valuesGeneralisedShare: z.number().min(0).max(1),
  /** Values published empty though the real value was known: generalised to "*" (k) or left empty by the synthesis (DP). */
  valuesSuppressed: z.number().int().nonnegative(),
  valuesSuppressedShare: z.number().min(0).max(1),
  /** Mean absolute error of the 1-, 2- and 3-way marginal counts against the real data (null: too few attributes). */
  marginalError: z.object({
    oneWay: z.number().nonnegative().nullable(),
    twoWay: z.number().nonnegative().nullable(),
    threeWay: z.number().nonnegative().nullable(),
  }),
  /** Combinations of ≤ 3 values (≤ reporting length for DP) in the release that do not occur in the real data. */
  combinationsFabricated: z.number().int().nonnegative(),
  combinationsFabricatedShare: z.number().min(0).max(1),
  /** DP: the standard deviation of the Gaussian noise added to counts of each combination length 1..L. */
  noiseSigma: z.array(z.number().nonnegative()).nullable(),
});
export type ReleaseMetrics = z.infer<typeof releaseMetricsSchema>;

export const releaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  method: releaseMethodSchema,
  source: releaseSourceSchema,
  attributes: z.array(z.string()),
  params: releaseParamsSchema,
  metrics: releaseMetricsSchema,
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
});
export type ReleaseDto = z.infer<typeof releaseSchema>;

export const releaseListSchema = z.object({ items: z.array(releaseSchema), nextCursor: z.string().nullable() });
export type ReleaseListDto = z.infer<typeof releaseListSchema>;
