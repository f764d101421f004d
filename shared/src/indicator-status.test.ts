import { describe, expect, it } from 'vitest';
import { indicatorProgress, type IndicatorProgressInput } from './indicator-status.ts';

type Case = [
  string,
  Pick<IndicatorProgressInput, 'direction' | 'aggregation'> & Partial<IndicatorProgressInput>,
  ReturnType<typeof indicatorProgress>,
];

const base = { baseline: null, target: 100, actual: 50, elapsedShare: 0.5 };

/** Each row: what the indicator is, its figures, and the status and progress the rule must give. */
const CASES: Case[] = [
  // Counting things that happen (victims identified, officers trained): the year's periods add up.
  [
    'sum ↑ target met early',
    { direction: 'increase', aggregation: 'sum', actual: 100 },
    { status: 'achieved', progress: 1 },
  ],
  [
    'sum ↑ above target',
    { direction: 'increase', aggregation: 'sum', actual: 130, elapsedShare: 0.25 },
    { status: 'achieved', progress: 1 },
  ],
  [
    'sum ↑ half way at mid-year',
    { direction: 'increase', aggregation: 'sum', actual: 50 },
    { status: 'on_track', progress: 0.5 },
  ],
  [
    'sum ↑ 90 % of expected is on track',
    { direction: 'increase', aggregation: 'sum', actual: 90, elapsedShare: 1 },
    { status: 'on_track', progress: 0.9 },
  ],
  [
    'sum ↑ 70 % of expected is at risk',
    { direction: 'increase', aggregation: 'sum', actual: 35 },
    { status: 'at_risk', progress: 0.35 },
  ],
  [
    'sum ↑ 60 % of expected is still at risk',
    { direction: 'increase', aggregation: 'sum', actual: 60, elapsedShare: 1 },
    { status: 'at_risk', progress: 0.6 },
  ],
  [
    'sum ↑ 40 % of expected is off track',
    { direction: 'increase', aggregation: 'sum', actual: 20 },
    { status: 'off_track', progress: 0.2 },
  ],
  [
    'sum ↑ nothing yet, year over',
    { direction: 'increase', aggregation: 'sum', actual: 0, elapsedShare: 1 },
    { status: 'off_track', progress: 0 },
  ],
  [
    'sum ↑ zero target met by zero',
    { direction: 'increase', aggregation: 'sum', target: 0, actual: 0 },
    { status: 'achieved', progress: 1 },
  ],
  // Counting things to reduce (incidents): the allowance so far is target × elapsed share.
  [
    'sum ↓ within the allowance',
    { direction: 'decrease', aggregation: 'sum', target: 40, actual: 15 },
    { status: 'on_track', progress: 1 },
  ],
  [
    'sum ↓ a little over the allowance',
    { direction: 'decrease', aggregation: 'sum', target: 40, actual: 25 },
    { status: 'at_risk', progress: 0.8 },
  ],
  [
    'sum ↓ far over the allowance',
    { direction: 'decrease', aggregation: 'sum', target: 40, actual: 50 },
    { status: 'off_track', progress: 0.4 },
  ],
  [
    'sum ↓ year over within target',
    { direction: 'decrease', aggregation: 'sum', target: 40, actual: 40, elapsedShare: 1 },
    { status: 'achieved', progress: 1 },
  ],
  [
    'sum ↓ year over above target',
    { direction: 'decrease', aggregation: 'sum', target: 40, actual: 45, elapsedShare: 1 },
    { status: 'at_risk', progress: 0.889 },
  ],
  [
    'sum ↓ under target mid-year is not yet achieved',
    { direction: 'decrease', aggregation: 'sum', target: 40, actual: 10 },
    { status: 'on_track', progress: 1 },
  ],
  // Levels (counties with a committee): the latest value, measured from the baseline.
  [
    'latest ↑ target reached',
    { direction: 'increase', aggregation: 'latest', baseline: 10, target: 30, actual: 30 },
    { status: 'achieved', progress: 1 },
  ],
  [
    'latest ↑ half the distance at mid-year',
    { direction: 'increase', aggregation: 'latest', baseline: 10, target: 30, actual: 20 },
    { status: 'on_track', progress: 0.5 },
  ],
  [
    'latest ↑ 35 % of the distance at mid-year',
    { direction: 'increase', aggregation: 'latest', baseline: 10, target: 30, actual: 17 },
    { status: 'at_risk', progress: 0.35 },
  ],
  [
    'latest ↑ 20 % of the distance at mid-year',
    { direction: 'increase', aggregation: 'latest', baseline: 10, target: 30, actual: 14 },
    { status: 'off_track', progress: 0.2 },
  ],
  [
    'latest ↑ fallen below the baseline',
    { direction: 'increase', aggregation: 'latest', baseline: 10, target: 30, actual: 5, elapsedShare: 0.25 },
    { status: 'off_track', progress: 0 },
  ],
  [
    'latest ↑ no baseline counts from zero',
    { direction: 'increase', aggregation: 'latest', baseline: null, target: 10, actual: 5 },
    { status: 'on_track', progress: 0.5 },
  ],
  [
    'latest ↓ target reached',
    { direction: 'decrease', aggregation: 'latest', baseline: 50, target: 20, actual: 20 },
    { status: 'achieved', progress: 1 },
  ],
  [
    'latest ↓ below target',
    { direction: 'decrease', aggregation: 'latest', baseline: 50, target: 20, actual: 12 },
    { status: 'achieved', progress: 1 },
  ],
  [
    'latest ↓ half the distance at mid-year',
    { direction: 'decrease', aggregation: 'latest', baseline: 50, target: 20, actual: 35 },
    { status: 'on_track', progress: 0.5 },
  ],
  [
    'latest ↓ two thirds of the distance, year over',
    { direction: 'decrease', aggregation: 'latest', baseline: 50, target: 20, actual: 30, elapsedShare: 1 },
    { status: 'at_risk', progress: 0.667 },
  ],
  [
    'latest ↓ hardly moved at three quarters',
    { direction: 'decrease', aggregation: 'latest', baseline: 50, target: 20, actual: 45, elapsedShare: 0.75 },
    { status: 'off_track', progress: 0.167 },
  ],
  // Nothing to judge.
  [
    'no target for the year',
    { direction: 'increase', aggregation: 'sum', target: null },
    { status: 'no_target', progress: null },
  ],
  [
    'no target and no actual',
    { direction: 'decrease', aggregation: 'latest', target: null, actual: null },
    { status: 'no_target', progress: null },
  ],
  [
    'a target but nothing reported',
    { direction: 'increase', aggregation: 'sum', actual: null },
    { status: 'no_data', progress: null },
  ],
  [
    'latest with a target but nothing reported',
    { direction: 'decrease', aggregation: 'latest', baseline: 50, target: 20, actual: null },
    { status: 'no_data', progress: null },
  ],
];

describe('indicatorProgress', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(indicatorProgress({ ...base, ...input })).toEqual(expected);
  });

  it('an elapsed share outside 0…1 is clamped', () => {
    const over = indicatorProgress({
      ...base,
      direction: 'decrease',
      aggregation: 'sum',
      target: 40,
      actual: 40,
      elapsedShare: 1.5,
    });
    expect(over).toEqual({ status: 'achieved', progress: 1 });
    const under = indicatorProgress({
      ...base,
      direction: 'increase',
      aggregation: 'sum',
      actual: 1,
      elapsedShare: -1,
    });
    expect(under.status).toBe('on_track');
  });
});
