import {
  DEFAULT_QUASI_IDENTIFIERS,
  RELEASE_ATTRIBUTES,
  RELEASE_DEFAULTS,
  type CreateRelease,
  type ReleaseMetrics,
  type ReleaseParams,
} from '@kinga/shared';
import { dpSynthesis } from '../../lib/privacy/dp-marginals.ts';
import { hierarchyOf, kAnonymise } from '../../lib/privacy/k-anonymity.ts';
import type { Histogram } from '../../lib/privacy/histogram.ts';
import type { Rng } from '../../lib/privacy/noise.ts';

/**
 * Builds a release from the histogram of the real data (pure): the protected records in
 * the order of `histogram.attributes`, the resolved parameters and the utility metrics.
 */
export interface BuiltRelease {
  records: (string | null)[][];
  params: ReleaseParams;
  metrics: ReleaseMetrics;
  /** Attributes published empty for every record (k-anonymity generalised them to "withheld"). */
  withheld: string[];
}

/** The chosen attributes in the canonical (CTDC) order. */
export function orderedAttributes(attributes: readonly string[]): string[] {
  return RELEASE_ATTRIBUTES.filter((attribute) => attributes.includes(attribute));
}

/** The quasi-identifiers of a k-anonymous release: those asked for, else the usual profile ones chosen, else all attributes. */
export function quasiIdentifiersOf(input: CreateRelease): string[] {
  const asked = input.kAnonymity?.quasiIdentifiers;
  if (asked && asked.length > 0) return orderedAttributes(asked);
  const usual = input.attributes.filter((a) => DEFAULT_QUASI_IDENTIFIERS.includes(a));
  return orderedAttributes(usual.length > 0 ? usual : input.attributes);
}

const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);

export function buildRelease(histogram: Histogram, input: CreateRelease, rng?: Rng): BuiltRelease {
  const m = histogram.attributes.length;
  const period = { from: input.from ?? null, to: input.to ?? null };
  if (input.method === 'k_anonymity') {
    const k = input.kAnonymity?.k ?? RELEASE_DEFAULTS.k;
    const maxSuppression = input.kAnonymity?.maxSuppression ?? RELEASE_DEFAULTS.maxSuppression;
    const quasiIdentifiers = quasiIdentifiersOf(input);
    const result = kAnonymise(histogram, { k, quasiIdentifiers, maxSuppression });
    const records = result.histogram.rows.flatMap((row) => Array.from({ length: row.count }, () => row.values));
    const cells = result.releasedRecords * m;
    const withheld = quasiIdentifiers.filter(
      (qi) => result.generalisation[qi] === hierarchyOf(qi)[hierarchyOf(qi).length - 1]!.label,
    );
    return {
      records,
      withheld,
      params: { ...period, kAnonymity: { k, quasiIdentifiers, maxSuppression, generalisation: result.generalisation } },
      metrics: {
        realRecords: result.realRecords,
        releasedRecords: result.releasedRecords,
        recordsSuppressed: result.recordsSuppressed,
        recordsSuppressedShare: share(result.recordsSuppressed, result.realRecords),
        valuesGeneralised: result.valuesGeneralised,
        valuesGeneralisedShare: share(result.valuesGeneralised, cells),
        valuesSuppressed: result.valuesSuppressed,
        valuesSuppressedShare: share(result.valuesSuppressed, cells),
        marginalError: {
          oneWay: result.marginalError[0],
          twoWay: result.marginalError[1],
          threeWay: result.marginalError[2],
        },
        // Generalisation and suppression invent no record: nothing is fabricated.
        combinationsFabricated: 0,
        combinationsFabricatedShare: 0,
        noiseSigma: null,
      },
    };
  }
  const dp = {
    epsilon: input.dp?.epsilon ?? RELEASE_DEFAULTS.epsilon,
    delta: input.dp?.delta ?? RELEASE_DEFAULTS.delta,
    reportingLength: input.dp?.reportingLength ?? RELEASE_DEFAULTS.reportingLength,
    fabricationThreshold: input.dp?.fabricationThreshold ?? RELEASE_DEFAULTS.fabricationThreshold,
  };
  const result = dpSynthesis(histogram, dp, rng);
  const cells = result.releasedRecords * m;
  return {
    records: result.records,
    withheld: [],
    params: { ...period, dp },
    metrics: {
      realRecords: result.realRecords,
      releasedRecords: result.releasedRecords,
      recordsSuppressed: 0,
      recordsSuppressedShare: 0,
      valuesGeneralised: 0,
      valuesGeneralisedShare: 0,
      valuesSuppressed: result.valuesSuppressed,
      valuesSuppressedShare: share(result.valuesSuppressed, cells),
      marginalError: {
        oneWay: result.marginalError[0],
        twoWay: result.marginalError[1],
        threeWay: result.marginalError[2],
      },
      combinationsFabricated: result.combinationsFabricated,
      combinationsFabricatedShare: result.combinationsFabricatedShare,
      noiseSigma: result.aggregates.sigmas,
    },
  };
}
