import { describe, expect, it } from 'vitest';
import { ACTIVITY_PROGRESS_STATUSES } from '@kinga/shared/picklists';
import { MIN_CHART_PX, STATUS_ORDER, countFits, shareOf, stackSegments, targetBar, valueBars } from './chart-layout.ts';

describe('STATUS_ORDER', () => {
  it('places every reported status and "not reported" exactly once', () => {
    expect([...STATUS_ORDER].sort()).toEqual([...ACTIVITY_PROGRESS_STATUSES, 'unreported'].sort());
  });
});

describe('stackSegments', () => {
  it('lays out the statuses with a count in the legend order, touching, ending at 100', () => {
    const segments = stackSegments({ delayed: 1, completed: 2, unreported: 1, on_track: 0 });
    expect(segments.map((s) => s.status)).toEqual(['completed', 'delayed', 'unreported']);
    expect(segments.map((s) => [s.start, s.width])).toEqual([
      [0, 50],
      [50, 25],
      [75, 25],
    ]);
  });

  it('rounds edges from the running total so thirds leave no gap and no overlap', () => {
    const segments = stackSegments({ completed: 1, on_track: 1, delayed: 1 });
    for (let i = 1; i < segments.length; i++) {
      const prev = segments[i - 1]!;
      expect(segments[i]!.start).toBeCloseTo(prev.start + prev.width, 10);
    }
    const last = segments.at(-1)!;
    expect(last.start + last.width).toBeCloseTo(100, 10);
  });

  it('draws nothing for a row without activities, and ignores negative or unknown counts', () => {
    expect(stackSegments({})).toEqual([]);
    expect(stackSegments({ completed: -3, somethingElse: 4 })).toEqual([]);
  });
});

describe('countFits', () => {
  it('writes a count only where its digits fit on the narrowest screen', () => {
    const onePx = 100 / MIN_CHART_PX;
    // One digit needs 8 px plus 6 px of padding; two digits 22 px.
    expect(countFits(14.1 * onePx, '3')).toBe(true);
    expect(countFits(13.9 * onePx, '3')).toBe(false);
    expect(countFits(14.1 * onePx, '12')).toBe(false);
    expect(countFits(22.1 * onePx, '12')).toBe(true);
  });
});

describe('shareOf and valueBars', () => {
  it('scales to the largest value and clamps to 0–100', () => {
    expect(shareOf(25, 100)).toBe(25);
    expect(shareOf(150, 100)).toBe(100);
    expect(shareOf(-5, 100)).toBe(0);
    expect(shareOf(5, 0)).toBe(0);
    expect(shareOf(1, 3)).toBe(33.33);
  });

  it('gives the largest amount the full width and zero amounts none', () => {
    const bars = valueBars([
      { key: '2026', amount: 4_000_000 },
      { key: '2027', amount: 1_000_000 },
      { key: '2028', amount: 0 },
    ]);
    expect(bars.map((b) => b.width)).toEqual([100, 25, 0]);
    expect(valueBars([{ key: 'x', amount: 0 }])[0]?.width).toBe(0);
  });
});

describe('targetBar', () => {
  it('scales actual and target to the larger of the two, with room after it', () => {
    expect(targetBar(55, 200)).toEqual({ actual: 25, target: 90.91 });
    expect(targetBar(300, 200)).toEqual({ actual: 90.91, target: 60.61 });
    expect(targetBar(200, 200)).toEqual({ actual: 90.91, target: 90.91 });
  });

  it('keeps a missing actual or target missing, and draws zero and negatives at the start', () => {
    expect(targetBar(null, 80)).toEqual({ actual: null, target: 90.91 });
    expect(targetBar(40, null)).toEqual({ actual: 90.91, target: null });
    expect(targetBar(0, 0)).toEqual({ actual: 0, target: 0 });
    expect(targetBar(-4, 10)).toEqual({ actual: 0, target: 90.91 });
    expect(targetBar(null, null)).toEqual({ actual: null, target: null });
  });
});
