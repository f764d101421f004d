import { describe, expect, it } from 'vitest';
import type { PlanElementDto, ReportingPeriodDto } from '@kinga/shared';
import {
  breakdownProblems,
  choosePeriod,
  draftInput,
  draftOf,
  indicatorDefinitions,
  mayEnterActual,
  missingByPeriod,
  moneyFormatter,
  parseAmount,
  sameDraft,
} from './monitoring-values.ts';

const period = (id: string, startsOn: string, endsOn: string): ReportingPeriodDto => ({
  id,
  label: id,
  startsOn,
  endsOn,
  dueOn: endsOn,
  missingReports: 0,
});
const q1 = period('2026-Q1', '2026-01-01', '2026-03-31');
const q2 = period('2026-Q2', '2026-04-01', '2026-06-30');
const q3 = period('2026-Q3', '2026-07-01', '2026-09-30');

describe('choosePeriod', () => {
  it('opens on the latest period that has ended', () => {
    expect(choosePeriod([q3, q1, q2], null, '2026-08-15')?.id).toBe('2026-Q2');
    expect(choosePeriod([q1, q2, q3], null, '2026-07-01')?.id).toBe('2026-Q2');
  });

  it('counts a period as ended only after its last day', () => {
    expect(choosePeriod([q1, q2], null, '2026-06-30')?.id).toBe('2026-Q1');
  });

  it('opens on the first period while none has ended, and on nothing without periods', () => {
    expect(choosePeriod([q2, q1], null, '2026-02-01')?.id).toBe('2026-Q1');
    expect(choosePeriod([], null, '2026-02-01')).toBeNull();
  });

  it('keeps the period named in the address, and ignores an unknown one', () => {
    expect(choosePeriod([q1, q2, q3], '2026-Q3', '2026-08-15')?.id).toBe('2026-Q3');
    expect(choosePeriod([q1, q2, q3], 'gone', '2026-08-15')?.id).toBe('2026-Q2');
  });
});

describe('breakdownProblems', () => {
  it('accepts parts that add up to the total or less (unknowns left out)', () => {
    expect(
      breakdownProblems(10, { sex: { female: 6, male: 4 }, age_group: { child: 3 } }, ['sex', 'age_group']),
    ).toEqual([]);
  });

  it('names each breakdown whose parts exceed the total', () => {
    expect(
      breakdownProblems(10, { sex: { female: 6, male: 5 }, age_group: { adult: 2 }, county: { '47': 8, '1': 3 } }, [
        'sex',
        'age_group',
        'county',
      ]),
    ).toEqual([
      { dimension: 'sex', sum: 11 },
      { dimension: 'county', sum: 11 },
    ]);
  });

  it('tolerates decimal rounding and skips breakdowns the indicator does not ask for', () => {
    expect(breakdownProblems(0.3, { sex: { female: 0.1, male: 0.2 } }, ['sex'])).toEqual([]);
    expect(breakdownProblems(1, { sex: { female: 5 } }, ['county'])).toEqual([]);
  });
});

const element = (key: string, parentKey: string | null, fields: Record<string, unknown>): PlanElementDto =>
  ({
    key,
    kind: fields.kind,
    parentKey,
    position: 0,
    number: '1',
    fields,
    leadAgencyName: null,
    openComments: 0,
    updatedAt: '2026-01-01T00:00:00Z',
  }) as PlanElementDto;

describe('indicatorDefinitions and mayEnterActual', () => {
  const elements = [
    element('p', null, { kind: 'pillar', title: 'Prevention' }),
    element('o', 'p', { kind: 'objective', title: 'Awareness' }),
    element('a', 'o', { kind: 'activity', title: 'Campaign', leadAgencyId: 'labour' }),
    element('i1', 'a', { kind: 'indicator', title: 'People reached', disaggregations: ['sex', 'county'] }),
    element('i2', 'o', { kind: 'indicator', title: 'Counties covered', disaggregations: [] }),
  ];
  const definitions = indicatorDefinitions(elements);
  const focal = { canManage: false, canReport: true, agencyId: 'labour' };
  const otherFocal = { canManage: false, canReport: true, agencyId: 'police' };
  const secretariat = { canManage: true, canReport: false, agencyId: 'secretariat' };
  const reader = { canManage: false, canReport: false, agencyId: 'labour' };

  it("reads each indicator's breakdowns and the lead agency of the activity it measures", () => {
    expect(definitions.get('i1')).toEqual({ disaggregations: ['sex', 'county'], activityLeadAgencyId: 'labour' });
    expect(definitions.get('i2')).toEqual({ disaggregations: [], activityLeadAgencyId: null });
    expect(definitions.has('a')).toBe(false);
  });

  it('offers the form to the secretariat and to the focal point of the lead agency, for manual indicators only', () => {
    expect(mayEnterActual('manual', definitions.get('i1'), secretariat)).toBe(true);
    expect(mayEnterActual('manual', definitions.get('i2'), secretariat)).toBe(true);
    expect(mayEnterActual('manual', definitions.get('i1'), focal)).toBe(true);
    expect(mayEnterActual('manual', definitions.get('i2'), focal)).toBe(false);
    expect(mayEnterActual('manual', definitions.get('i1'), otherFocal)).toBe(false);
    expect(mayEnterActual('manual', definitions.get('i1'), reader)).toBe(false);
    expect(mayEnterActual('cases.victims_identified', definitions.get('i1'), secretariat)).toBe(false);
  });
});

describe('parseAmount', () => {
  it('reads plain numbers, spaces and thousands commas; empty is null; the rest NaN', () => {
    expect(parseAmount(' 120 ')).toBe(120);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('12 500')).toBe(12500);
    expect(parseAmount('1,250,000')).toBe(1250000);
    expect(parseAmount('-3')).toBe(-3);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('12,5')).toBeNaN();
    expect(parseAmount('ten')).toBeNaN();
    expect(parseAmount('1e3')).toBeNaN();
  });
});

describe('report drafts', () => {
  const report = {
    entries: [
      {
        activityKey: 'a1',
        activityNumber: '1.1.1',
        activityTitle: 'A',
        status: 'on_track' as const,
        narrative: 'Going',
      },
      { activityKey: 'a2', activityNumber: '1.1.2', activityTitle: 'B', status: null, narrative: null },
    ],
  };

  it('starts from the server report and notices changes, not trailing spaces', () => {
    const draft = draftOf(report);
    expect(draft).toEqual({ a1: { status: 'on_track', narrative: 'Going' }, a2: { status: '', narrative: '' } });
    expect(sameDraft(draft, { ...draft, a1: { status: 'on_track', narrative: 'Going  ' } })).toBe(true);
    expect(sameDraft(draft, { ...draft, a2: { status: 'delayed', narrative: '' } })).toBe(false);
  });

  it('saves only entries with a status, and refuses a narrative without one', () => {
    const draft = {
      a1: { status: 'on_track' as const, narrative: ' Going ' },
      a2: { status: '' as const, narrative: '' },
    };
    expect(draftInput(draft, ['a1', 'a2'], false)).toEqual({
      input: { entries: [{ activityKey: 'a1', status: 'on_track', narrative: 'Going' }] },
      problems: new Map(),
    });
    const orphan = { ...draft, a2: { status: '' as const, narrative: 'Something' } };
    expect(draftInput(orphan, ['a1', 'a2'], false).problems).toEqual(new Map([['a2', 'status_for_narrative']]));
  });

  it('needs a status for every activity to submit', () => {
    const draft = { a1: { status: 'completed' as const, narrative: '' } };
    expect(draftInput(draft, ['a1', 'a2'], true).problems).toEqual(new Map([['a2', 'status_required']]));
  });
});

describe('moneyFormatter', () => {
  it('writes amounts in the plan currency without decimals', () => {
    const text = moneyFormatter('en-KE', 'KES')(1_250_000.4);
    expect(text).toContain('1,250,000');
    expect(text).toMatch(/Ksh|KES/);
  });

  it('falls back to a plain number and the code for a currency the runtime does not know', () => {
    expect(moneyFormatter('en-KE', 'NOT A CODE')(1000)).toBe('1,000 NOT A CODE');
  });
});

describe('missingByPeriod', () => {
  it('groups the agencies under their period, the latest period first', () => {
    const m = (periodLabel: string, agencyName: string) => ({
      periodId: periodLabel,
      periodLabel,
      agencyId: agencyName,
      agencyName,
    });
    expect(missingByPeriod([m('2026-Q1', 'Police'), m('2026-Q1', 'IOM'), m('2026-Q2', 'Police')])).toEqual([
      { periodId: '2026-Q2', periodLabel: '2026-Q2', agencies: [{ agencyId: 'Police', agencyName: 'Police' }] },
      {
        periodId: '2026-Q1',
        periodLabel: '2026-Q1',
        agencies: [
          { agencyId: 'Police', agencyName: 'Police' },
          { agencyId: 'IOM', agencyName: 'IOM' },
        ],
      },
    ]);
    expect(missingByPeriod([])).toEqual([]);
  });
});
