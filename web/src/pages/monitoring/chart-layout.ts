import type { ActivityProgressStatus } from '@kinga/shared/picklists';

/** An activity's status on the dashboard: reported, or not reported for the period. */
export type StatusKey = ActivityProgressStatus | 'unreported';

/** The order of the stacked segments and of the legend: done first, then what needs attention. */
export const STATUS_ORDER: readonly StatusKey[] = [
  'completed',
  'on_track',
  'not_started',
  'delayed',
  'cancelled',
  'unreported',
];

/** One segment of a stacked bar, in percent of the bar's width. */
export interface Segment {
  status: StatusKey;
  count: number;
  /** Left edge, 0–100. */
  start: number;
  /** Width, 0–100; the widths of a bar add up to 100. */
  width: number;
}

/** Narrowest chart the layout plans for (a 360 px screen less the page's margins). */
export const MIN_CHART_PX = 300;
/** Approximate width of one digit of a segment's count, and the padding around it, in pixels. */
const DIGIT_PX = 8;
const LABEL_PADDING_PX = 6;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Splits a bar into one segment per status with a count, in `order`. Edges are rounded from
 * the running total, so the segments touch and the last one ends at exactly 100.
 */
export function stackSegments(
  counts: Partial<Record<string, number>>,
  order: readonly StatusKey[] = STATUS_ORDER,
): Segment[] {
  const present = order
    .map((status) => ({ status, count: Math.max(0, counts[status] ?? 0) }))
    .filter((s) => s.count > 0);
  const total = present.reduce((sum, s) => sum + s.count, 0);
  if (total === 0) return [];
  let running = 0;
  return present.map(({ status, count }) => {
    const start = round2((running / total) * 100);
    running += count;
    const end = round2((running / total) * 100);
    return { status, count, start, width: round2(end - start) };
  });
}

/** True when a segment's count can be written inside it even on the narrowest screen. */
export function countFits(widthPercent: number, label: string): boolean {
  return (widthPercent / 100) * MIN_CHART_PX >= label.length * DIGIT_PX + LABEL_PADDING_PX;
}

/** A value's share of the largest value, in percent, 0–100; 0 when nothing is above zero. */
export function shareOf(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return round2(Math.min(100, (value / max) * 100));
}

/** Bar widths for a list of amounts, each as a share of the largest. */
export function valueBars<T extends { amount: number }>(rows: readonly T[]): (T & { width: number })[] {
  const max = rows.reduce((m, r) => Math.max(m, r.amount), 0);
  return rows.map((r) => ({ ...r, width: shareOf(r.amount, max) }));
}

/** Where an indicator's actual bar ends and its target mark stands, on a scale to the larger of the two. */
export interface TargetBar {
  /** Width of the actual's bar, 0–100; null without an actual. */
  actual: number | null;
  /** Position of the target's mark, 0–100; null without a target. */
  target: number | null;
}

/** Room left after the larger value, so the target's mark never sits on the bar's end. */
export const TARGET_HEADROOM = 1.1;

/** Lays out actual against target; negative values (a level below zero) draw as zero. */
export function targetBar(actual: number | null, target: number | null): TargetBar {
  const max = Math.max(actual ?? 0, target ?? 0) * TARGET_HEADROOM;
  if (!(max > 0)) return { actual: actual === null ? null : 0, target: target === null ? null : 0 };
  return {
    actual: actual === null ? null : shareOf(actual, max),
    target: target === null ? null : shareOf(target, max),
  };
}
