import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dpAggregates, dpSynthesis, noiseSigmas } from './dp-marginals.ts';
import { PairCodec, comboIds, comboKey, countMarginals, encodeRows, totalOf, type Histogram } from './histogram.ts';
import { cryptoRng, gaussianSigma, gaussianSource, normalCdf, seededRng } from './noise.ts';

describe('Gaussian noise', () => {
  it('has mean 0 and standard deviation 1 (Box–Muller over the seeded and the crypto source)', () => {
    for (const rng of [seededRng(7), cryptoRng()]) {
      const normal = gaussianSource(rng);
      const n = 40_000;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const x = normal();
        sum += x;
        squares += x * x;
      }
      const mean = sum / n;
      const variance = squares / n - mean * mean;
      // 5 standard errors: mean ± 5/√n, variance ± 5·√(2/n).
      expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
      expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    }
  });

  it('calibrates σ with the classic mechanism for ε ≤ 1 and the analytic one above', () => {
    expect(gaussianSigma(1, 1, 1e-5)).toBeCloseTo(Math.sqrt(2 * Math.log(1.25 / 1e-5)), 10);
    expect(gaussianSigma(3, 0.5, 1e-6)).toBeCloseTo((3 * Math.sqrt(2 * Math.log(1.25e6))) / 0.5, 10);
    const loss = (sigma: number, epsilon: number) => {
      const a = 2 / (2 * sigma);
      const b = (epsilon * sigma) / 2;
      return normalCdf(a - b) - Math.exp(epsilon) * normalCdf(-a - b);
    };
    for (const epsilon of [1.5, 2, 4, 10]) {
      const sigma = gaussianSigma(2, epsilon, 1e-6);
      // Meets the exact (ε, δ) condition of Balle & Wang (2018), and tightly (1 % less noise fails it)…
      expect(loss(sigma, epsilon)).toBeLessThanOrEqual(1e-6 * 1.0001);
      expect(loss(sigma * 0.99, epsilon)).toBeGreaterThan(1e-6);
      // …and a bigger budget needs less noise.
      expect(sigma).toBeGreaterThan(gaussianSigma(2, epsilon * 1.5, 1e-6));
    }
    // Where the classic bound is proven (ε ≤ 1) it is never below the exact one.
    expect(gaussianSigma(2, 1, 1e-6)).toBeGreaterThanOrEqual(gaussianSigma(2, 1.0000001, 1e-6));
  });

  it('adds noise of the calibrated spread to every measured count (fixed seed)', () => {
    // 3000 values counted 1000 times each (never below the threshold) and many empty records.
    const rows = Array.from({ length: 3000 }, (_, i) => ({ values: [`v${i}`], count: 1000 }));
    const histogram: Histogram = { attributes: ['a'], rows: [...rows, { values: [null], count: 10_000_000 }] };
    const params = { epsilon: 1, delta: 1e-6, reportingLength: 1, fabricationThreshold: 0 };
    const codec = new PairCodec();
    const aggregates = dpAggregates(histogram, codec, params, seededRng(42));
    const [sigma] = noiseSigmas(1, params);
    expect(aggregates.sigmas).toEqual([sigma]);
    expect(sigma).toBeCloseTo(Math.sqrt(2) * Math.sqrt(2 * Math.log(1.25e6)), 10);
    const noise = [...aggregates.counts[1]!.values()].map((count) => count - 1000);
    expect(noise).toHaveLength(3000);
    const mean = noise.reduce((s, x) => s + x, 0) / noise.length;
    const sd = Math.sqrt(noise.reduce((s, x) => s + (x - mean) ** 2, 0) / (noise.length - 1));
    // Sample mean within 4 standard errors of 0; sample sd within 4 standard errors (σ/√(2n)) of σ.
    expect(Math.abs(mean)).toBeLessThan((4 * sigma!) / Math.sqrt(noise.length));
    expect(Math.abs(sd - sigma!)).toBeLessThan((4 * sigma!) / Math.sqrt(2 * noise.length));
  });

  it('splits the budget evenly over the lengths, with sensitivity √C(m, ℓ) (√(m+1) for length 1)', () => {
    const sigmas = noiseSigmas(6, { epsilon: 0.9, delta: 1e-6, reportingLength: 3 });
    const c = Math.sqrt(2 * Math.log(1.25 / (1e-6 / 3))) / (0.9 / 3);
    expect(sigmas[0]).toBeCloseTo(Math.sqrt(7) * c, 8);
    expect(sigmas[1]).toBeCloseTo(Math.sqrt(15) * c, 8);
    expect(sigmas[2]).toBeCloseTo(Math.sqrt(20) * c, 8);
  });
});

const DOMAINS: (string | null)[][] = [
  ['a1', 'a2', 'a3', null],
  ['b1', 'b2', null],
  ['c1', 'c2', 'c3', 'c4', null],
  ['1', null],
  ['d1', 'd2', null],
];

const histogramArb = fc
  .array(
    fc.record({
      values: fc.tuple(...DOMAINS.map((domain) => fc.constantFrom(...domain))),
      count: fc.integer({ min: 1, max: 400 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows): Histogram => ({
    attributes: ['A', 'B', 'C', 'F', 'D'],
    rows: rows.map((r) => ({ values: [...r.values], count: r.count })),
  }));

describe('DP-marginals synthesis', () => {
  it('synthesises no combination of length ≤ L absent from the real data, and keeps the aggregates consistent', () => {
    fc.assert(
      fc.property(
        histogramArb,
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (histogram, reportingLength, epsilon, seed) => {
          const params = { epsilon, delta: 1e-6, reportingLength, fabricationThreshold: 0 };
          const result = dpSynthesis(histogram, params, seededRng(seed));
          expect(result.combinationsFabricated).toBe(0);

          // Directly: every combination of the synthetic records occurs in the real ones.
          const codec = new PairCodec();
          const real = countMarginals(encodeRows(histogram, codec), reportingLength);
          const synthetic = countMarginals(encodeRows(result.histogram, codec), reportingLength);
          for (let l = 1; l <= reportingLength; l++) {
            for (const key of synthetic[l]!.keys()) expect(real[l]!.has(key)).toBe(true);
          }
          expect(totalOf(result.histogram)).toBe(result.releasedRecords);

          // Consistency of the aggregates: no combination counts more than a sub-combination,
          // and no attribute's values add up to more than the record count.
          const agg = dpAggregates(histogram, new PairCodec(), params, seededRng(seed));
          for (let l = 2; l <= agg.reportingLength; l++) {
            for (const [key, count] of agg.counts[l]!) {
              const ids = comboIds(key);
              for (let skip = 0; skip < ids.length; skip++) {
                const sub = comboKey(ids.filter((_, i) => i !== skip));
                expect(count).toBeLessThanOrEqual(agg.counts[l - 1]!.get(sub)! + 1e-9);
              }
            }
          }
          expect(agg.noisyTotal).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 150, seed: 20260530 },
    );
  });

  it('reproduces the marginals of a large data set closely', () => {
    const rows = [
      { values: ['a1', 'b1', 'c1', '1', 'd1'], count: 4000 },
      { values: ['a1', 'b2', 'c2', null, 'd1'], count: 3000 },
      { values: ['a2', 'b1', null, '1', 'd2'], count: 2000 },
      { values: ['a3', null, 'c3', null, null], count: 1000 },
    ];
    const histogram: Histogram = { attributes: ['A', 'B', 'C', 'F', 'D'], rows };
    const result = dpSynthesis(
      histogram,
      { epsilon: 4, delta: 1e-6, reportingLength: 3, fabricationThreshold: 0 },
      seededRng(1),
    );
    expect(Math.abs(result.releasedRecords - 10_000)).toBeLessThan(200);
    // One-way counts within a few percent of 10,000 records.
    expect(result.marginalError[0]!).toBeLessThan(300);
    expect(result.combinationsFabricated).toBe(0);
  });
});
