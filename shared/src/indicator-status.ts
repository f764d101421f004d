import type { IndicatorDirection, IndicatorStatus } from './plans-vocab.ts';

/**
 * How an indicator's actuals add up over a target year: `sum` indicators count things that
 * happen (victims identified, officers trained), so a year's periods add up; `latest`
 * indicators measure a level (counties with a coordination committee), so the latest
 * period's value is the year's value.
 */
export const INDICATOR_AGGREGATIONS = ['sum', 'latest'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

export interface IndicatorProgressInput {
  direction: IndicatorDirection;
  aggregation: IndicatorAggregation;
  baseline: number | null;
  /** The target of the year being judged. */
  target: number | null;
  /** The year's actual so far (sum of periods or latest value); null when nothing is reported. */
  actual: number | null;
  /** The share of the target year elapsed at the end of the judged period, from 0 to 1. */
  elapsedShare: number;
}

export interface IndicatorProgress {
  status: IndicatorStatus;
  /** Distance covered towards the target, 1 = reached; null without a target or an actual. */
  progress: number | null;
}

/** Share of the expected progress at or above which an indicator is on track, and at risk. */
export const ON_TRACK_SHARE = 0.9;
export const AT_RISK_SHARE = 0.6;

/**
 * The explicit rule that turns a target and an actual into a status.
 *
 * - No target for the year: `no_target`. No actual: `no_data`.
 * - Progress is the distance covered towards the target: actual ÷ target for an increasing
 *   `sum`; (actual − baseline) ÷ (target − baseline) for a `latest` level, mirrored for a
 *   decreasing one. For a decreasing `sum` (fewer incidents) it is the allowance so far
 *   (target × elapsed share) ÷ actual, capped at 1.
 * - `achieved` when the target is met (for a decreasing `sum`, only once the year is over);
 *   otherwise the progress is compared with the elapsed share of the year: at least 90 % of
 *   it is `on_track`, at least 60 % is `at_risk`, less is `off_track`.
 */
export function indicatorProgress(input: IndicatorProgressInput): IndicatorProgress {
  const { direction, aggregation, target, actual } = input;
  if (target === null) return { status: 'no_target', progress: null };
  if (actual === null) return { status: 'no_data', progress: null };
  const elapsed = Math.min(1, Math.max(0, input.elapsedShare));
  const baseline = input.baseline ?? 0;

  if (direction === 'increase' && actual >= target && (aggregation === 'sum' || target >= baseline)) {
    return { status: 'achieved', progress: 1 };
  }
  if (direction === 'decrease' && aggregation === 'latest' && actual <= target && target <= baseline) {
    return { status: 'achieved', progress: 1 };
  }

  let progress: number;
  if (aggregation === 'sum' && direction === 'increase') {
    progress = target === 0 ? 1 : actual / target;
  } else if (aggregation === 'sum') {
    const allowance = target * elapsed;
    if (elapsed >= 1 && actual <= target) return { status: 'achieved', progress: 1 };
    progress = actual <= allowance ? 1 : allowance / actual;
    return { status: statusFor(progress, 1), progress: round(progress) };
  } else {
    const span = direction === 'increase' ? target - baseline : baseline - target;
    const covered = direction === 'increase' ? actual - baseline : baseline - actual;
    progress = span <= 0 ? (covered >= 0 ? 1 : 0) : covered / span;
  }
  return { status: statusFor(progress, elapsed), progress: round(Math.max(0, progress)) };
}

function statusFor(progress: number, expected: number): IndicatorStatus {
  if (progress >= ON_TRACK_SHARE * expected) return 'on_track';
  if (progress >= AT_RISK_SHARE * expected) return 'at_risk';
  return 'off_track';
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
