import {
  MAX_COMBINATION_LENGTH,
  PairCodec,
  binomial,
  comboIds,
  comboKey,
  compareMarginals,
  countMarginals,
  encodeRows,
  forEachSubset,
  histogramOf,
  totalOf,
  type Histogram,
  type Marginals,
} from './histogram.ts';
import { cryptoRng, gaussianSigma, gaussianSource, type Rng } from './noise.ts';

/**
 * Synthetic records from differentially private marginals, after Microsoft's
 * synthetic-data-showcase (SDS) "DP aggregate-seeded" synthesis (pure, no I/O):
 *
 * 1. count every combination of attribute = value pairs (non-empty values) of length 1..L
 *    that occurs in the data, and the number of records;
 * 2. add Gaussian noise, the budget split evenly over the L lengths (ε/L, δ/L each); one
 *    record touches at most C(m, ℓ) combinations of length ℓ (m attributes), so the L2
 *    sensitivity of the length-ℓ counts is √C(m, ℓ) (√(m + 1) for length 1, which also
 *    carries the record count); σℓ from `gaussianSigma` (classic mechanism for ε/L ≤ 1,
 *    analytic above, where the classic bound is unproven);
 * 3. keep the combinations whose noisy count reaches `NOISE_THRESHOLD`·σℓ and whose every
 *    sub-combination was kept; only combinations present in the real data are considered;
 * 4. make them consistent: per attribute the counts add up to at most the noisy record
 *    count (re-scaled), and a combination counts no more than any of its sub-combinations
 *    (lengths processed upward, clamped);
 * 5. synthesise the noisy number of records, one attribute at a time, weighting each value by
 *    the noisy count of it with the most specific kept context of ≤ L − 1 chosen values; a
 *    value is allowed only if every combination of it with ≤ L − 1 chosen values is kept
 *    (else the attribute is left empty), so no combination of length ≤ L outside the
 *    aggregates is created — up to `fabricationThreshold` missing combinations per value
 *    may be tolerated when asked;
 * 6. measure utility against the real data (mean absolute error of 1-, 2-, 3-way marginals,
 *    fabricated combinations).
 *
 * Steps 4–5 only read the noisy aggregates, so the records are as private as the aggregates
 * (post-processing). See docs/data-release.md for what the guarantee does and does not cover.
 */

export interface DpParams {
  epsilon: number;
  delta: number;
  reportingLength: number;
  /** Missing aggregate combinations tolerated for one synthesised value (0 = none). */
  fabricationThreshold: number;
}

/** Noisy counts below this many standard deviations are dropped. */
export const NOISE_THRESHOLD = 2;

export interface DpAggregates {
  /** Combination length actually used: min(L, number of attributes). */
  reportingLength: number;
  /** σℓ for ℓ = 1..L (index ℓ − 1). */
  sigmas: number[];
  /** Noisy, thresholded, consistent counts by length (index ℓ). */
  counts: Marginals;
  noisyTotal: number;
}

export interface DpResult {
  histogram: Histogram;
  records: (string | null)[][];
  aggregates: DpAggregates;
  realRecords: number;
  releasedRecords: number;
  /** Values left empty because no allowed value was drawn. */
  valuesSuppressed: number;
  marginalError: [number | null, number | null, number | null];
  combinationsFabricated: number;
  combinationsFabricatedShare: number;
}

/** σℓ of each combination length for m attributes: the budget split evenly over the L lengths. */
export function noiseSigmas(
  attributes: number,
  params: Pick<DpParams, 'epsilon' | 'delta' | 'reportingLength'>,
): number[] {
  const length = Math.min(params.reportingLength, attributes);
  const sigmas: number[] = [];
  for (let l = 1; l <= length; l++) {
    const touched = binomial(attributes, l) + (l === 1 ? 1 : 0);
    sigmas.push(gaussianSigma(Math.sqrt(touched), params.epsilon / length, params.delta / length));
  }
  return sigmas;
}

/** Steps 1–4: the noisy, consistent aggregates of the real data (real pair ids of `codec`). */
export function dpAggregates(input: Histogram, codec: PairCodec, params: DpParams, rng: Rng): DpAggregates {
  const m = input.attributes.length;
  const L = Math.min(params.reportingLength, m, MAX_COMBINATION_LENGTH);
  const sigmas = noiseSigmas(m, { ...params, reportingLength: L });
  const real = countMarginals(encodeRows(input, codec), L);
  const normal = gaussianSource(rng);
  const noisyTotal = Math.max(0, Math.round(totalOf(input) + sigmas[0]! * normal()));

  const counts: Marginals = Array.from({ length: L + 1 }, () => new Map<number, number>());
  for (let l = 1; l <= L; l++) {
    const sigma = sigmas[l - 1]!;
    const threshold = Math.max(NOISE_THRESHOLD * sigma, 1);
    // Sorted keys: the noise drawn for a combination does not depend on Map insertion order.
    const keys = [...real[l]!.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      const noisy = real[l]!.get(key)! + sigma * normal();
      if (noisy < threshold) continue;
      if (l > 1 && !everySubKept(key, l, counts)) continue;
      counts[l]!.set(key, noisy);
    }
  }

  // Per attribute, the counts of its values add up to at most the record count.
  const perAttribute = new Map<number, number>();
  for (const [key, count] of counts[1]!) {
    const attribute = codec.attributeOf(key);
    perAttribute.set(attribute, (perAttribute.get(attribute) ?? 0) + count);
  }
  for (const [key, count] of counts[1]!) {
    const sum = perAttribute.get(codec.attributeOf(key))!;
    counts[1]!.set(key, sum > noisyTotal ? (count * noisyTotal) / sum : Math.min(count, noisyTotal));
  }
  // A combination counts no more than any of its sub-combinations.
  for (let l = 2; l <= L; l++) {
    for (const [key, count] of counts[l]!) {
      const ids = comboIds(key);
      let limit = count;
      for (let skip = 0; skip < ids.length; skip++) {
        const sub = comboKey(ids.filter((_, i) => i !== skip));
        limit = Math.min(limit, counts[l - 1]!.get(sub) ?? 0);
      }
      counts[l]!.set(key, limit);
    }
  }
  return { reportingLength: L, sigmas, counts, noisyTotal };
}

function everySubKept(key: number, length: number, counts: Marginals): boolean {
  const ids = comboIds(key);
  for (let skip = 0; skip < ids.length; skip++) {
    if (!counts[length - 1]!.has(comboKey(ids.filter((_, i) => i !== skip)))) return false;
  }
  return true;
}

/**
 * How many combinations of `value` with up to L − 1 of the `chosen` ids (ascending) are not
 * in the aggregates, counting shortest first and stopping once past `limit`.
 */
export function missingWith(
  chosen: readonly number[],
  value: number,
  L: number,
  counts: Marginals,
  limit: number,
): number {
  let missing = 0;
  const subset: number[] = [];
  const walk = (start: number, size: number): boolean => {
    if (subset.length === size) {
      const ids = [...subset, value].sort((a, b) => a - b);
      if (!counts[size + 1]!.has(comboKey(ids))) missing += 1;
      return missing <= limit;
    }
    for (let i = start; i < chosen.length; i++) {
      subset.push(chosen[i]!);
      const go = walk(i + 1, size);
      subset.pop();
      if (!go) return false;
    }
    return true;
  };
  for (let size = 1; size <= Math.min(L - 1, chosen.length); size++) {
    if (!walk(0, size)) break;
  }
  return missing;
}

interface Candidates {
  /** Pair ids allowed for the attribute in this context (0 = empty, always last). */
  ids: Int32Array;
  /** Their weights from the aggregates (before the running budgets). */
  weights: Float64Array;
  /** Chance that a value the context expects is withheld because no value is allowed (counted as suppressed). */
  withheldShare: number;
}

/**
 * Step 5: records drawn from the aggregates only. Attributes are filled in a random order per
 * record. Each value's weight is its count with the most specific kept context, times what is
 * left of its own count (and of the attribute's empty count) after the records drawn so far,
 * like SDS's use of synthetic counts, so one-way counts follow the aggregates although
 * empty values cannot be conditioned on.
 */
export function synthesise(
  aggregates: DpAggregates,
  codec: PairCodec,
  attributes: number,
  fabricationThreshold: number,
  rng: Rng,
): { records: (string | null)[][]; valuesSuppressed: number } {
  const { counts, noisyTotal } = aggregates;
  const L = aggregates.reportingLength;
  const valuesOf: number[][] = Array.from({ length: attributes }, () => []);
  for (const key of counts[1]!.keys()) valuesOf[codec.attributeOf(key)]!.push(key);
  valuesOf.forEach((values) => values.sort((x, y) => x - y));
  const sortedWith = (ids: readonly number[], id: number) => [...ids, id].sort((x, y) => x - y);

  // Running budgets: what is left of each value's count and of each attribute's empty count (by pair id).
  const initial = new Float64Array(codec.pairs.length);
  const left = new Float64Array(codec.pairs.length);
  for (const [key, count] of counts[1]!) {
    initial[key] = count;
    left[key] = count;
  }
  const emptyInitial = valuesOf.map((values) =>
    Math.max(1, noisyTotal - values.reduce((sum, v) => sum + initial[v]!, 0)),
  );
  const emptyLeft = [...emptyInitial];

  // Kept extensions of each context by one value of an attribute: "context key:attribute" → [value, count] pairs.
  const extensions = new Map<string, [number, number][]>();
  for (let l = 1; l <= L; l++) {
    for (const [key, count] of counts[l]!) {
      const ids = comboIds(key);
      ids.forEach((value, i) => {
        const context = comboKey(ids.filter((_, j) => j !== i));
        const slot = `${context}:${codec.attributeOf(value)}`;
        const list = extensions.get(slot);
        if (list) list.push([value, count]);
        else extensions.set(slot, [[value, count]]);
      });
    }
  }
  const extensionsOf = (context: readonly number[], attribute: number) =>
    extensions.get(`${comboKey(context)}:${attribute}`) ?? [];

  const build = (chosen: readonly number[], attribute: number): Candidates => {
    const context = Math.min(L - 1, chosen.length);
    // Values are weighted by their count with the most specific kept context (the
    // sub-combination of `context` chosen values with the smallest count); the chance of an
    // empty value comes from the best-measured context (the largest count), where the fewest
    // rare combinations were dropped by the threshold.
    let specific: number[] = [];
    let specificCount = noisyTotal;
    let broad: number[] = [];
    let broadCount = noisyTotal;
    if (context > 0) {
      specificCount = Infinity;
      broadCount = -Infinity;
      forEachSubset(chosen, context, (key, length) => {
        if (length !== context) return;
        const count = counts[length]!.get(key) ?? 0;
        if (count < specificCount) {
          specificCount = count;
          specific = comboIds(key);
        }
        if (count > broadCount) {
          broadCount = count;
          broad = comboIds(key);
        }
      });
    }
    let broadMass = 0;
    for (const [, count] of extensionsOf(broad, attribute)) broadMass += count;
    const emptyShare = broadCount > 0 ? Math.min(1, Math.max(0, 1 - broadMass / broadCount)) : 1;
    const ids: number[] = [];
    const weights: number[] = [];
    let valueMass = 0;
    let withheldMass = 0;
    for (const [value, weight] of extensionsOf(specific, attribute)) {
      if (weight <= 0) continue;
      if (missingWith(chosen, value, L, counts, fabricationThreshold) > fabricationThreshold) {
        withheldMass += weight;
        continue;
      }
      valueMass += weight;
      ids.push(value);
      weights.push(weight);
    }
    // Empty keeps its share of the best-measured context; values share the rest.
    if (valueMass > 0 && emptyShare < 1) {
      ids.push(0);
      weights.push((valueMass * emptyShare) / (1 - emptyShare));
    } else {
      ids.length = 0;
      weights.length = 0;
      ids.push(0);
      weights.push(1);
    }
    return {
      ids: Int32Array.from(ids),
      weights: Float64Array.from(weights),
      withheldShare: valueMass === 0 && withheldMass > 0 ? 1 - emptyShare : 0,
    };
  };
  const cache = new Map<string, Candidates>();
  const candidatesFor = (chosen: readonly number[], attribute: number): Candidates => {
    const key = `${attribute}:${chosen.join(',')}`;
    let found = cache.get(key);
    if (!found) {
      found = build(chosen, attribute);
      cache.set(key, found);
    }
    return found;
  };

  const records: (string | null)[][] = [];
  let valuesSuppressed = 0;
  const order = Array.from({ length: attributes }, (_, i) => i);
  let dynamic = new Float64Array(16);
  for (let r = 0; r < noisyTotal; r++) {
    const record: (string | null)[] = new Array<string | null>(attributes).fill(null);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let chosen: number[] = [];
    for (const attribute of order) {
      const { ids, weights, withheldShare } = candidatesFor(chosen, attribute);
      if (dynamic.length < ids.length) dynamic = new Float64Array(ids.length * 2);
      let total = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const budget = id === 0 ? emptyLeft[attribute]! / emptyInitial[attribute]! : left[id]! / initial[id]!;
        total += weights[i]! * Math.max(0, budget);
        dynamic[i] = total;
      }
      let pick = ids.length - 1;
      if (total > 0) {
        const u = rng() * total;
        pick = 0;
        while (pick < ids.length - 1 && dynamic[pick]! <= u) pick += 1;
      } else {
        // Every budget here is spent: fall back on the aggregates' own weights.
        let sum = 0;
        for (let i = 0; i < ids.length; i++) sum += weights[i]!;
        let u = rng() * sum;
        pick = 0;
        while (pick < ids.length - 1 && u >= weights[pick]!) {
          u -= weights[pick]!;
          pick += 1;
        }
      }
      const id = ids[pick]!;
      if (withheldShare > 0 && rng() < withheldShare) valuesSuppressed += 1;
      if (id === 0) {
        emptyLeft[attribute] = emptyLeft[attribute]! - 1;
        continue;
      }
      left[id] = left[id]! - 1;
      record[attribute] = codec.pairs[id]![1];
      chosen = sortedWith(chosen, id);
    }
    records.push(record);
  }
  return { records, valuesSuppressed };
}

/** The whole pipeline: aggregates, synthesis and utility. */
export function dpSynthesis(input: Histogram, params: DpParams, rng: Rng = cryptoRng()): DpResult {
  const codec = new PairCodec();
  const aggregates = dpAggregates(input, codec, params, rng);
  const { records, valuesSuppressed } = synthesise(
    aggregates,
    codec,
    input.attributes.length,
    params.fabricationThreshold,
    rng,
  );
  const histogram = histogramOf(input.attributes, records);
  const comparison = compareMarginals(input, histogram, aggregates.reportingLength);
  return {
    histogram,
    records,
    aggregates,
    realRecords: totalOf(input),
    releasedRecords: records.length,
    valuesSuppressed,
    marginalError: comparison.meanAbsoluteError,
    combinationsFabricated: comparison.fabricated,
    combinationsFabricatedShare:
      comparison.releasedCombinations === 0 ? 0 : comparison.fabricated / comparison.releasedCombinations,
  };
}
