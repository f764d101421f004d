import type {
  CommentThreadDto,
  PlanElementDto,
  PlanVersionStatus,
  PlanVersionSummaryDto,
  VersionStepDto,
} from '@kinga/shared';
import type { MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';

/** How far a deadline is from today: days left, due today, or days overdue. */
export type TimeLeft = { state: 'left'; days: number } | { state: 'today' } | { state: 'overdue'; days: number };

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(date: string): number | null {
  const parsed = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed) ? null : Math.round(parsed / DAY_MS);
}

/**
 * The time left until a deadline (YYYY-MM-DD), counted in whole calendar days from `today`
 * (YYYY-MM-DD in the reader's time zone); null when either date is not a date.
 */
export function timeLeft(deadline: string, today: string): TimeLeft | null {
  const due = dayNumber(deadline);
  const now = dayNumber(today);
  if (due === null || now === null) return null;
  const days = due - now;
  if (days > 0) return { state: 'left', days };
  if (days === 0) return { state: 'today' };
  return { state: 'overdue', days: -days };
}

/** "12 days left", "Due today", "3 days overdue" in the reader's language. */
export function timeLeftLabel(t: Translate, left: TimeLeft): string {
  switch (left.state) {
    case 'left':
      return left.days === 1 ? t('plans.deadline.oneDayLeft') : t('plans.deadline.daysLeft', { days: left.days });
    case 'today':
      return t('plans.deadline.today');
    case 'overdue':
      return left.days === 1 ? t('plans.deadline.oneDayOverdue') : t('plans.deadline.daysOverdue', { days: left.days });
  }
}

/** True while the plan still has to be presented to the committee, so the deadline's time left matters. */
export function deadlineApplies(latestStatus: PlanVersionStatus): boolean {
  return latestStatus === 'draft' || latestStatus === 'returned';
}

/** The years of a plan period, first to last. */
export function periodYears(start: number, end: number): number[] {
  const years: number[] = [];
  for (let year = start; year <= end && years.length <= 30; year += 1) years.push(year);
  return years;
}

/** "2026–2030", or "2026" for a one-year plan. */
export function periodLabel(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}

/**
 * A number typed by a person: spaces and thousands commas are ignored; an empty entry is
 * null; anything else that is not a finite number is 'invalid'.
 */
export function parseNumber(text: string): number | null | 'invalid' {
  const cleaned = text.replace(/[\s\u00a0,]/g, '');
  if (cleaned === '') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return 'invalid';
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : 'invalid';
}

/** An amount in the plan currency, without cents. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // An unknown currency code makes Intl throw; the amount is still worth showing.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount)} ${currency}`;
  }
}

/** An element with the elements under it: indicators apart from the objectives or activities. */
export interface OutlineNode {
  element: PlanElementDto;
  indicators: PlanElementDto[];
  children: OutlineNode[];
}

/**
 * The version's elements (in outline order, as the API answers them) as a tree of pillars,
 * objectives and activities, each with its indicators. An element whose parent is missing
 * is shown at the top rather than lost.
 */
export function outlineTree(elements: readonly PlanElementDto[]): OutlineNode[] {
  const nodes = new Map<string, OutlineNode>();
  for (const element of elements) {
    if (element.kind !== 'indicator') nodes.set(element.key, { element, indicators: [], children: [] });
  }
  const roots: OutlineNode[] = [];
  for (const element of elements) {
    const parent = element.parentKey ? nodes.get(element.parentKey) : undefined;
    if (element.kind === 'indicator') {
      if (parent) parent.indicators.push(element);
      continue;
    }
    const node = nodes.get(element.key);
    if (!node) continue;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * The siblings an element moves among: same parent, and indicators only among indicators
 * (they are numbered apart from activities).
 */
export function siblingsOf(elements: readonly PlanElementDto[], element: PlanElementDto): PlanElementDto[] {
  const isIndicator = element.kind === 'indicator';
  return elements.filter((e) => e.parentKey === element.parentKey && (e.kind === 'indicator') === isIndicator);
}

/**
 * Where an element moves one place up or down among its siblings of the same group: the
 * index the server should give it among all children of its parent (the server closes
 * ranks), which is the neighbour's index now; null at either end.
 */
export function movedPosition(
  elements: readonly PlanElementDto[],
  key: string,
  direction: 'up' | 'down',
): { position: number; neighbour: PlanElementDto } | null {
  const element = elements.find((e) => e.key === key);
  if (!element) return null;
  const group = siblingsOf(elements, element);
  const index = group.findIndex((e) => e.key === key);
  const neighbour = group[direction === 'up' ? index - 1 : index + 1];
  if (!neighbour) return null;
  // The API lists elements in outline order, so children of one parent come in their order.
  const children = elements.filter((e) => e.parentKey === element.parentKey);
  return { position: children.findIndex((e) => e.key === neighbour.key), neighbour };
}

/** The path of a server issue about an element's field → the field: "body.fields.targets.0.value" → "targets". */
export function elementIssueField(path: string): string {
  return (
    path
      .replace(/^(body|query|params)(\.|$)/, '')
      .replace(/^fields(\.|$)/, '')
      .split(/[.[]/)[0] ?? ''
  );
}

/**
 * Why a version cannot be edited, for the notice above its outline; null when it can be.
 * `revisedIn` is the number of another version still open (draft or in review), where the
 * plan is being changed instead.
 */
export function lockReason(
  status: PlanVersionStatus,
  editable: boolean,
  canManage: boolean,
  revisedIn: number | null,
): { key: MessageKey; number?: number } | null {
  if (editable && canManage) return null;
  if (status !== 'draft' && revisedIn !== null) return { key: 'plans.locked.revisedIn', number: revisedIn };
  switch (status) {
    case 'draft':
      return canManage ? null : { key: 'plans.locked.draftReadOnly' };
    case 'in_review':
      return { key: 'plans.locked.inReview' };
    case 'returned':
      return { key: 'plans.locked.returned' };
    case 'adopted':
      return { key: 'plans.locked.adopted' };
    case 'superseded':
      return { key: 'plans.locked.superseded' };
  }
}

/** The workflow steps the secretariat can record on a version in this status. */
export function transitionsFor(status: PlanVersionStatus): ('submit' | 'return' | 'adopt')[] {
  if (status === 'draft') return ['submit'];
  if (status === 'in_review') return ['return', 'adopt'];
  return [];
}

/**
 * Whether a new draft may start from this version: it is adopted or returned, and no other
 * version of the plan is still a draft or in review.
 */
export function canStartDraftFrom(status: PlanVersionStatus, versions: readonly PlanVersionSummaryDto[]): boolean {
  if (status !== 'adopted' && status !== 'returned') return false;
  return !versions.some((v) => v.status === 'draft' || v.status === 'in_review');
}

/** The version to compare a version with by default: the one it was based on, else the one before it. */
export function defaultCompareBase(
  number: number,
  basedOn: number | null,
  versions: readonly PlanVersionSummaryDto[],
): number | null {
  if (basedOn !== null && basedOn !== number) return basedOn;
  const earlier = versions.filter((v) => v.number < number).map((v) => v.number);
  return earlier.length > 0 ? Math.max(...earlier) : null;
}

export type ThreadFilter = 'open' | 'resolved' | 'all';

/** The comment threads a filter shows. */
export function filterThreads(threads: readonly CommentThreadDto[], filter: ThreadFilter): CommentThreadDto[] {
  if (filter === 'all') return [...threads];
  return threads.filter((thread) => (filter === 'resolved' ? thread.resolved : !thread.resolved));
}

/**
 * A step's note in the reader's language: the server writes "based on 2" on a new draft and
 * "superseded by 3" on a replaced version; people's own notes are shown as written.
 */
export function stepNote(step: Pick<VersionStepDto, 'transition' | 'note'>, t: Translate): string | null {
  if (!step.note) return null;
  const based = step.transition === 'create' ? /^based on (\d+)$/.exec(step.note) : null;
  if (based?.[1]) return t('plans.workflow.basedOnNote', { number: based[1] });
  const superseded = step.transition === 'supersede' ? /^superseded by (\d+)$/.exec(step.note) : null;
  if (superseded?.[1]) return t('plans.workflow.supersededNote', { number: superseded[1] });
  return step.note;
}
