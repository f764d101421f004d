/**
 * The input and output of the release engines: a histogram of distinct value combinations
 * with their counts (never rows from the database), and the marginal counts over it.
 *
 * Attribute = value pairs are encoded as small integers (1..8191) so a combination of up to
 * four pairs, sorted, is one safe integer (13 bits per pair): counting the marginals of tens
 * of thousands of records is then a few million Map updates on numbers.
 */

export interface HistogramRow {
  /** One value per attribute, in the order of `Histogram.attributes`; null is empty/unknown. */
  values: (string | null)[];
  count: number;
}

export interface Histogram {
  attributes: string[];
  rows: HistogramRow[];
}

const BITS = 13;
const BASE = 2 ** BITS;
/** Longest combination a key can hold (4 × 13 bits < 2^53). */
export const MAX_COMBINATION_LENGTH = 4;

/** Attribute = value pairs ↔ small integer ids (from 1). */
export class PairCodec {
  private readonly ids = new Map<string, number>();
  /** pairs[id] = [attribute index, value]; index 0 is unused. */
  readonly pairs: [number, string][] = [[-1, '']];

  id(attribute: number, value: string): number {
    const key = `${attribute}\u0000${value}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.pairs.length;
      if (id >= BASE) throw new Error('Too many distinct attribute values for a release');
      this.ids.set(key, id);
      this.pairs.push([attribute, value]);
    }
    return id;
  }

  find(attribute: number, value: string): number | undefined {
    return this.ids.get(`${attribute}\u0000${value}`);
  }

  attributeOf(id: number): number {
    return this.pairs[id]![0];
  }
}

/** The key of a combination of pair ids given in ascending order. */
export function comboKey(ids: readonly number[]): number {
  let key = 0;
  for (const id of ids) key = key * BASE + id;
  return key;
}

/** The pair ids of a key, ascending. */
export function comboIds(key: number): number[] {
  const ids: number[] = [];
  let rest = key;
  while (rest > 0) {
    ids.unshift(rest % BASE);
    rest = Math.floor(rest / BASE);
  }
  return ids;
}

/** Calls `visit(key, length)` for every non-empty subset of `ids` (ascending) of length ≤ maxLength. */
export function forEachSubset(
  ids: readonly number[],
  maxLength: number,
  visit: (key: number, length: number) => void,
): void {
  if (maxLength <= 0) return;
  const walk = (start: number, key: number, length: number) => {
    for (let i = start; i < ids.length; i++) {
      const next = key * BASE + ids[i]!;
      visit(next, length + 1);
      if (length + 1 < maxLength) walk(i + 1, next, length + 1);
    }
  };
  walk(0, 0, 0);
}

export interface EncodedRow {
  /** Pair ids of the non-empty values, ascending. */
  ids: number[];
  count: number;
}

/** Encodes a histogram's rows (empty values are left out: they form no combination). */
export function encodeRows(histogram: Histogram, codec: PairCodec): EncodedRow[] {
  return histogram.rows.map((row) => {
    const ids: number[] = [];
    row.values.forEach((value, attribute) => {
      if (value !== null) ids.push(codec.id(attribute, value));
    });
    ids.sort((a, b) => a - b);
    return { ids, count: row.count };
  });
}

/** Marginal counts: `counts[ℓ]` maps the key of each combination of length ℓ (1..maxLength) to its count. */
export type Marginals = Map<number, number>[];

export function countMarginals(rows: readonly EncodedRow[], maxLength: number): Marginals {
  const counts: Marginals = Array.from({ length: maxLength + 1 }, () => new Map<number, number>());
  for (const row of rows) {
    if (row.count <= 0) continue;
    forEachSubset(row.ids, maxLength, (key, length) => {
      const map = counts[length]!;
      map.set(key, (map.get(key) ?? 0) + row.count);
    });
  }
  return counts;
}

/** Merges identical records into histogram rows. */
export function histogramOf(attributes: string[], records: readonly (string | null)[][]): Histogram {
  const rows = new Map<string, HistogramRow>();
  for (const values of records) {
    // Values are vocabulary codes: neither separator occurs in them.
    const key = values.map((v) => (v === null ? '\u0000' : v)).join('\u0001');
    const row = rows.get(key);
    if (row) row.count += 1;
    else rows.set(key, { values: [...values], count: 1 });
  }
  return { attributes, rows: [...rows.values()] };
}

export function totalOf(histogram: Histogram): number {
  return histogram.rows.reduce((sum, row) => sum + row.count, 0);
}

export interface MarginalComparison {
  /** Mean absolute error of the ℓ-way marginal counts (over combinations in either data set), ℓ = 1, 2, 3; null when there are fewer attributes. */
  meanAbsoluteError: [number | null, number | null, number | null];
  /** Combinations of length ≤ fabricationLength in the released data that do not occur in the real data. */
  fabricated: number;
  /** Distinct combinations of length ≤ fabricationLength in the released data. */
  releasedCombinations: number;
}

/**
 * Compares released records with the real ones, over the same attributes and value spellings:
 * the utility figures of a release (computed on the real data; they are not themselves protected).
 */
export function compareMarginals(real: Histogram, released: Histogram, fabricationLength: number): MarginalComparison {
  const codec = new PairCodec();
  const maxLength = Math.min(Math.max(3, fabricationLength), real.attributes.length, MAX_COMBINATION_LENGTH);
  const a = countMarginals(encodeRows(real, codec), maxLength);
  const b = countMarginals(encodeRows(released, codec), maxLength);
  const mae: [number | null, number | null, number | null] = [null, null, null];
  for (let length = 1; length <= Math.min(3, maxLength); length++) {
    const x = a[length]!;
    const y = b[length]!;
    let sum = 0;
    let n = 0;
    for (const [key, count] of x) {
      sum += Math.abs(count - (y.get(key) ?? 0));
      n += 1;
    }
    for (const [key, count] of y) {
      if (x.has(key)) continue;
      sum += count;
      n += 1;
    }
    mae[length - 1] = n === 0 ? 0 : sum / n;
  }
  let fabricated = 0;
  let releasedCombinations = 0;
  for (let length = 1; length <= Math.min(fabricationLength, maxLength); length++) {
    for (const key of b[length]!.keys()) {
      releasedCombinations += 1;
      if (!a[length]!.has(key)) fabricated += 1;
    }
  }
  return { meanAbsoluteError: mae, fabricated, releasedCombinations };
}

export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}
