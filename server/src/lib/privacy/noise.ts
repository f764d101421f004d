import { randomBytes } from 'node:crypto';

/**
 * Randomness and Gaussian noise for differential privacy. Production noise comes from the
 * operating system's cryptographic generator (`cryptoRng`); tests inject a seeded one.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Uniform doubles (53 random bits each) from crypto.randomBytes, drawn in blocks. */
export function cryptoRng(): Rng {
  const block = 4096;
  let buffer = randomBytes(block * 8);
  let offset = 0;
  return () => {
    if (offset >= buffer.length) {
      buffer = randomBytes(block * 8);
      offset = 0;
    }
    const high = buffer.readUInt32BE(offset) >>> 5; // 27 bits
    const low = buffer.readUInt32BE(offset + 4) >>> 6; // 26 bits
    offset += 8;
    return (high * 67108864 + low) / 9007199254740992;
  };
}

/** A deterministic generator for tests (sfc32 from a 32-bit seed). Never used for real noise. */
export function seededRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** Standard normal draws by the Box–Muller transform over a uniform source. */
export function gaussianSource(rng: Rng): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u1 = 1 - rng(); // (0, 1]: the logarithm stays finite
    const u2 = rng();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
}

/** Complementary error function, Numerical Recipes' erfcc (relative error < 1.2e-7 everywhere). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal distribution function. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * The standard deviation of Gaussian noise that makes a query of L2 sensitivity `sensitivity`
 * (ε, δ)-differentially private.
 *
 * - ε ≤ 1: the classic Gaussian mechanism, σ = Δ·√(2 ln(1.25/δ))/ε (Dwork & Roth, Thm A.1,
 *   proven for ε < 1).
 * - ε > 1, where the classic bound is not proven: the analytic Gaussian mechanism (Balle &
 *   Wang 2018), the smallest σ with Φ(Δ/2σ − εσ/Δ) − e^ε·Φ(−Δ/2σ − εσ/Δ) ≤ δ, found by
 *   bisection. It is exact (necessary and sufficient) for every ε.
 */
export function gaussianSigma(sensitivity: number, epsilon: number, delta: number): number {
  if (!(sensitivity > 0) || !(epsilon > 0) || !(delta > 0 && delta < 1)) throw new Error('Invalid privacy parameters');
  if (epsilon <= 1) return (sensitivity * Math.sqrt(2 * Math.log(1.25 / delta))) / epsilon;
  const privacyLoss = (sigma: number) => {
    const a = sensitivity / (2 * sigma);
    const b = (epsilon * sigma) / sensitivity;
    return normalCdf(a - b) - Math.exp(epsilon) * normalCdf(-a - b);
  };
  let low = 1e-6 * sensitivity;
  let high = sensitivity * Math.sqrt(2 * Math.log(1.25 / delta)) * 10;
  while (privacyLoss(high) > delta) high *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(low * high);
    if (privacyLoss(mid) > delta) low = mid;
    else high = mid;
    if (high / low < 1 + 1e-12) break;
  }
  return high;
}
