import { describe, expect, it } from 'vitest';
import type { CommentThreadDto, ElementFields, PlanElementDto, PlanVersionSummaryDto } from '@kinga/shared';
import type { MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { interpolate } from '../../i18n/interpolate.ts';
import { plansEn } from '../../i18n/plans.en.ts';
import { plansSw } from '../../i18n/plans.sw.ts';
import {
  canStartDraftFrom,
  defaultCompareBase,
  elementIssueField,
  filterThreads,
  lockReason,
  movedPosition,
  outlineTree,
  parseNumber,
  periodLabel,
  periodYears,
  stepNote,
  timeLeft,
  timeLeftLabel,
} from './plan-format.ts';

const translator =
  (catalogue: Record<string, string>): Translate =>
  (key: MessageKey, values) =>
    interpolate(catalogue[key] ?? `!${key}`, values);
const tEn = translator(plansEn);
const tSw = translator(plansSw);

describe('timeLeft', () => {
  it('counts whole calendar days to the deadline', () => {
    expect(timeLeft('2026-09-30', '2026-09-18')).toEqual({ state: 'left', days: 12 });
    expect(timeLeft('2026-09-30', '2026-09-29')).toEqual({ state: 'left', days: 1 });
  });

  it('is due today on the day itself, and overdue after it', () => {
    expect(timeLeft('2026-09-30', '2026-09-30')).toEqual({ state: 'today' });
    expect(timeLeft('2026-09-30', '2026-10-03')).toEqual({ state: 'overdue', days: 3 });
  });

  it('is not moved by a summer-time change or by a time in the date', () => {
    expect(timeLeft('2026-11-02', '2026-10-20')).toEqual({ state: 'left', days: 13 });
    expect(timeLeft('2026-03-31T23:59:59Z', '2026-03-01')).toEqual({ state: 'left', days: 30 });
  });

  it('counts across a year end and a leap day', () => {
    expect(timeLeft('2028-03-01', '2028-02-28')).toEqual({ state: 'left', days: 2 });
    expect(timeLeft('2027-01-02', '2026-12-30')).toEqual({ state: 'left', days: 3 });
  });

  it('gives null for something that is not a date', () => {
    expect(timeLeft('soon', '2026-09-30')).toBeNull();
    expect(timeLeft('2026-09-30', '')).toBeNull();
  });
});

describe('timeLeftLabel', () => {
  it('says days left, due today and days overdue, with one day in the singular', () => {
    expect(timeLeftLabel(tEn, { state: 'left', days: 12 })).toBe('12 days left');
    expect(timeLeftLabel(tEn, { state: 'left', days: 1 })).toBe('1 day left');
    expect(timeLeftLabel(tEn, { state: 'today' })).toBe('due today');
    expect(timeLeftLabel(tEn, { state: 'overdue', days: 3 })).toBe('3 days overdue');
    expect(timeLeftLabel(tEn, { state: 'overdue', days: 1 })).toBe('1 day overdue');
  });

  it('speaks Swahili', () => {
    expect(timeLeftLabel(tSw, { state: 'left', days: 12 })).toBe('zimebaki siku 12');
    expect(timeLeftLabel(tSw, { state: 'overdue', days: 3 })).toBe('imechelewa kwa siku 3');
  });
});

describe('periods and numbers', () => {
  it('lists the years of a period and names it', () => {
    expect(periodYears(2026, 2030)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(periodYears(2026, 2026)).toEqual([2026]);
    expect(periodLabel(2026, 2030)).toBe('2026–2030');
    expect(periodLabel(2026, 2026)).toBe('2026');
  });

  it('reads numbers as people type them', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('1,500,000')).toBe(1_500_000);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1 000')).toBe(1000);
    expect(parseNumber('12abc')).toBe('invalid');
    expect(parseNumber('1e5')).toBe('invalid');
    expect(parseNumber('Infinity')).toBe('invalid');
  });
});

function element(
  key: string,
  kind: PlanElementDto['kind'],
  parentKey: string | null,
  position: number,
  number: string,
): PlanElementDto {
  const base = { parentKey, title: key, description: null };
  const byKind: Record<PlanElementDto['kind'], ElementFields> = {
    pillar: { kind: 'pillar', ...base, pillar: null },
    objective: { kind: 'objective', ...base },
    activity: {
      kind: 'activity',
      ...base,
      area: null,
      leadAgencyId: null,
      supportingAgencyIds: [],
      countyCodes: [],
      startDate: null,
      endDate: null,
      budget: null,
    },
    indicator: {
      kind: 'indicator',
      ...base,
      definition: null,
      unit: 'people',
      baseline: null,
      baselineYear: null,
      targets: [],
      frequency: 'quarterly',
      meansOfVerification: null,
      disaggregations: [],
      direction: 'increase',
      aggregation: 'sum',
      source: 'manual',
    },
  };
  const fields = byKind[kind];
  return {
    key,
    kind,
    parentKey,
    position,
    number,
    fields,
    leadAgencyName: null,
    openComments: 0,
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

// Outline order as the API answers it: depth first, indicators mixed with activities by position.
const ELEMENTS: PlanElementDto[] = [
  element('P1', 'pillar', null, 0, '1'),
  element('O1', 'objective', 'P1', 0, '1.1'),
  element('I1', 'indicator', 'O1', 0, '1.1-I1'),
  element('A1', 'activity', 'O1', 1, '1.1.1'),
  element('AI1', 'indicator', 'A1', 0, '1.1.1-I1'),
  element('A2', 'activity', 'O1', 2, '1.1.2'),
  element('I2', 'indicator', 'O1', 3, '1.1-I2'),
  element('P2', 'pillar', null, 1, '2'),
];

describe('outlineTree', () => {
  it('nests pillars, objectives and activities and keeps indicators apart', () => {
    const tree = outlineTree(ELEMENTS);
    expect(tree.map((n) => n.element.key)).toEqual(['P1', 'P2']);
    const objective = tree[0]?.children[0];
    expect(objective?.element.key).toBe('O1');
    expect(objective?.indicators.map((e) => e.key)).toEqual(['I1', 'I2']);
    expect(objective?.children.map((n) => n.element.key)).toEqual(['A1', 'A2']);
    expect(objective?.children[0]?.indicators.map((e) => e.key)).toEqual(['AI1']);
  });

  it('shows an element whose parent is missing at the top rather than losing it', () => {
    const tree = outlineTree([element('O9', 'objective', 'gone', 0, '9.1')]);
    expect(tree.map((n) => n.element.key)).toEqual(['O9']);
  });
});

describe('movedPosition', () => {
  it('moves an activity past its neighbouring activity, not past an indicator', () => {
    expect(movedPosition(ELEMENTS, 'A2', 'up')).toMatchObject({ position: 1, neighbour: { key: 'A1' } });
    expect(movedPosition(ELEMENTS, 'A1', 'down')).toMatchObject({ position: 2, neighbour: { key: 'A2' } });
  });

  it('moves an indicator among the indicators of the same parent', () => {
    expect(movedPosition(ELEMENTS, 'I2', 'up')).toMatchObject({ position: 0, neighbour: { key: 'I1' } });
  });

  it('does not move past either end', () => {
    expect(movedPosition(ELEMENTS, 'A1', 'up')).toBeNull();
    expect(movedPosition(ELEMENTS, 'P2', 'down')).toBeNull();
    expect(movedPosition(ELEMENTS, 'AI1', 'down')).toBeNull();
    expect(movedPosition(ELEMENTS, 'missing', 'up')).toBeNull();
  });
});

describe('elementIssueField', () => {
  it('finds the form field of a server issue, inside fields or not', () => {
    expect(elementIssueField('body.title')).toBe('title');
    expect(elementIssueField('body.fields.unit')).toBe('unit');
    expect(elementIssueField('body.fields.targets.0.value')).toBe('targets');
    expect(elementIssueField('body.supportingAgencyIds[2]')).toBe('supportingAgencyIds');
    expect(elementIssueField('body')).toBe('');
  });
});

describe('workflow rules', () => {
  const versions = (statuses: PlanVersionSummaryDto['status'][]): PlanVersionSummaryDto[] =>
    statuses.map((status, i) => ({
      number: i + 1,
      status,
      basedOn: i === 0 ? null : i,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    }));

  it('says why a version is locked', () => {
    expect(lockReason('draft', true, true, null)).toBeNull();
    expect(lockReason('draft', true, false, null)).toEqual({ key: 'plans.locked.draftReadOnly' });
    expect(lockReason('in_review', false, true, null)).toEqual({ key: 'plans.locked.inReview' });
    expect(lockReason('adopted', false, true, null)).toEqual({ key: 'plans.locked.adopted' });
    expect(lockReason('returned', false, true, null)).toEqual({ key: 'plans.locked.returned' });
    expect(lockReason('superseded', false, false, null)).toEqual({ key: 'plans.locked.superseded' });
  });

  it('points to the version where the plan is being changed, when there is one', () => {
    expect(lockReason('returned', false, true, 3)).toEqual({ key: 'plans.locked.revisedIn', number: 3 });
    expect(lockReason('adopted', false, false, 4)).toEqual({ key: 'plans.locked.revisedIn', number: 4 });
  });

  it('starts a new draft only from an adopted or returned version while no draft or review is open', () => {
    expect(canStartDraftFrom('adopted', versions(['adopted']))).toBe(true);
    expect(canStartDraftFrom('returned', versions(['returned']))).toBe(true);
    expect(canStartDraftFrom('adopted', versions(['adopted', 'draft']))).toBe(false);
    expect(canStartDraftFrom('returned', versions(['returned', 'in_review']))).toBe(false);
    expect(canStartDraftFrom('draft', versions(['draft']))).toBe(false);
    expect(canStartDraftFrom('superseded', versions(['superseded', 'adopted']))).toBe(false);
  });

  it('compares with the version a draft started from, else the one before', () => {
    const all = versions(['superseded', 'adopted', 'draft']);
    expect(defaultCompareBase(3, 2, all)).toBe(2);
    expect(defaultCompareBase(3, null, all)).toBe(2);
    expect(defaultCompareBase(1, null, all)).toBeNull();
  });
});

describe('filterThreads', () => {
  const thread = (id: string, resolved: boolean): CommentThreadDto => ({
    id,
    elementKey: null,
    resolved,
    resolvedAt: resolved ? '2026-01-02T00:00:00Z' : null,
    resolvedByName: resolved ? 'Secretariat' : null,
    comments: [],
  });
  const threads = [thread('a', false), thread('b', true), thread('c', false)];

  it('shows open, resolved or all threads', () => {
    expect(filterThreads(threads, 'open').map((th) => th.id)).toEqual(['a', 'c']);
    expect(filterThreads(threads, 'resolved').map((th) => th.id)).toEqual(['b']);
    expect(filterThreads(threads, 'all')).toHaveLength(3);
  });
});

describe('stepNote', () => {
  it("words the server's own notes in the reader's language and keeps people's notes", () => {
    expect(stepNote({ transition: 'create', note: 'based on 2' }, tSw)).toBe('Limeanzishwa kutoka toleo 2.');
    expect(stepNote({ transition: 'supersede', note: 'superseded by 3' }, tEn)).toBe('Replaced by version 3.');
    expect(stepNote({ transition: 'submit', note: 'based on 2' }, tEn)).toBe('based on 2');
    expect(stepNote({ transition: 'adopt', note: null }, tEn)).toBeNull();
  });
});

describe('movedPosition with positions that are not 0, 1, 2…', () => {
  it('answers the index among all children of the parent, which the server uses', () => {
    const spread = [
      element('P1', 'pillar', null, 0, '1'),
      element('O1', 'objective', 'P1', 10, '1.1'),
      element('O2', 'objective', 'P1', 20, '1.2'),
      element('O3', 'objective', 'P1', 30, '1.3'),
    ];
    expect(movedPosition(spread, 'O3', 'up')).toMatchObject({ position: 1, neighbour: { key: 'O2' } });
    expect(movedPosition(spread, 'O1', 'down')).toMatchObject({ position: 1, neighbour: { key: 'O2' } });
  });
});
