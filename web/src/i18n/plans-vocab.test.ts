import { describe, expect, it } from 'vitest';
import {
  ACTION_ITEM_STATUSES,
  ACTIVITY_AREAS,
  ACTIVITY_PROGRESS_STATUSES,
  AGE_GROUP_CATEGORIES,
  ATTENDANCE_STATUSES,
  COORDINATION_BODIES,
  DISAGGREGATIONS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_SOURCES,
  INDICATOR_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  MEMBERSHIP_ROLES,
  PILLARS,
  PLAN_ELEMENT_KINDS,
  PLAN_TRANSITIONS,
  PLAN_VERSION_STATUSES,
  REPORT_STATUSES,
  REPORTING_FREQUENCIES,
  SEX_CATEGORIES,
} from '@kinga/shared/picklists';
// The module itself, to find every list it exports (a test reads it; the app imports picklists).
import * as plansVocab from '../../../shared/src/plans-vocab.ts';
import type { MessageKey } from './en.ts';
import type { Translate } from './i18n.tsx';
import { plansVocabEn } from './plans-vocab.en.ts';
import { plansVocabSw } from './plans-vocab.sw.ts';
import { vocabLabel, vocabOptions, type PlansVocabList } from './vocab.ts';

/** Each label list and its codes; the Record makes the compiler flag a list added to PlansVocabList. */
const LISTS: Record<PlansVocabList, readonly string[]> = {
  pillar: PILLARS,
  activityArea: ACTIVITY_AREAS,
  coordinationBody: COORDINATION_BODIES,
  membershipRole: MEMBERSHIP_ROLES,
  meetingKind: MEETING_KINDS,
  meetingStatus: MEETING_STATUSES,
  attendance: ATTENDANCE_STATUSES,
  actionItemStatus: ACTION_ITEM_STATUSES,
  planVersionStatus: PLAN_VERSION_STATUSES,
  planTransition: PLAN_TRANSITIONS,
  elementKind: PLAN_ELEMENT_KINDS,
  indicatorFrequency: INDICATOR_FREQUENCIES,
  reportingFrequency: REPORTING_FREQUENCIES,
  disaggregation: DISAGGREGATIONS,
  sexCategory: SEX_CATEGORIES,
  ageGroupCategory: AGE_GROUP_CATEGORIES,
  indicatorDirection: INDICATOR_DIRECTIONS,
  indicatorAggregation: INDICATOR_AGGREGATIONS,
  indicatorSource: INDICATOR_SOURCES,
  // Activities nobody reported on are shown as 'unreported' on the dashboard.
  activityProgress: [...ACTIVITY_PROGRESS_STATUSES, 'unreported'],
  reportStatus: REPORT_STATUSES,
  indicatorStatus: INDICATOR_STATUSES,
};

/** Code lists of plans-vocab.ts that are not labelled: file formats and media types, not words people read. */
const UNLABELLED_LISTS = ['DOCUMENT_FORMATS', 'EVIDENCE_MEDIA_TYPES'];

const expectedKeys = Object.entries(LISTS).flatMap(([list, codes]) => codes.map((code) => `${list}.${code}`));

describe('plans vocabulary labels', () => {
  it.each(Object.entries(LISTS))('every %s code has an English and a Swahili label', (list, codes) => {
    const missing = codes
      .map((code) => `${list}.${code}`)
      .filter((key) => !Object.hasOwn(plansVocabEn, key) || !Object.hasOwn(plansVocabSw, key));
    expect(missing).toEqual([]);
  });

  it('labels every code list of shared/src/plans-vocab.ts', () => {
    const lists: [string, readonly string[]][] = [];
    for (const [name, value] of Object.entries(plansVocab) as [string, unknown][]) {
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) lists.push([name, value]);
    }
    expect(lists.length).toBeGreaterThan(10);
    const labelledBySome = (codes: readonly string[]) =>
      Object.values(LISTS).some((labelled) => codes.every((code) => labelled.includes(code)));
    const unlabelled = lists
      .filter(([name, codes]) => !UNLABELLED_LISTS.includes(name) && !labelledBySome(codes))
      .map(([name]) => name);
    expect(unlabelled).toEqual([]);
  });

  it('has no key for a code that is not in the vocabulary', () => {
    expect(Object.keys(plansVocabEn).sort()).toEqual([...expectedKeys].sort());
    expect(Object.keys(plansVocabSw).sort()).toEqual([...expectedKeys].sort());
  });

  it('has no empty label in either language', () => {
    const empty = [...Object.entries(plansVocabEn), ...Object.entries(plansVocabSw)].filter(
      ([, label]) => label.trim() === '',
    );
    expect(empty).toEqual([]);
  });

  it('translates Swahili labels rather than copying the English', () => {
    const copied = Object.entries(plansVocabEn)
      .filter(([key, label]) => plansVocabSw[key as keyof typeof plansVocabEn] === label)
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });
});

describe('vocabLabel and vocabOptions on plans lists', () => {
  const t: Translate = (key: MessageKey) => plansVocabSw[key as keyof typeof plansVocabSw] ?? `!${key}`;

  it('labels a plans code in the language of t, and falls back to an unknown code itself', () => {
    expect(vocabLabel(t, 'planVersionStatus', 'adopted')).toBe('Imepitishwa');
    expect(vocabLabel(t, 'indicatorSource', 'cases.victims_identified')).toBe(
      'Waathiriwa waliotambuliwa (kutoka kesi)',
    );
    expect(vocabLabel(t, 'pillar', 'prophecy')).toBe('prophecy');
  });

  it('keeps the order of the codes', () => {
    expect(vocabOptions(t, 'elementKind', ['objective', 'pillar']).map((o) => o.value)).toEqual([
      'objective',
      'pillar',
    ]);
  });
});
