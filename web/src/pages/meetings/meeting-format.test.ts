import { describe, expect, it } from 'vitest';
import type { SessionUserDto } from '@kinga/shared';
import {
  attendanceCounts,
  fromLocalInput,
  isWebLink,
  meetingRange,
  ownerLabel,
  ownsActionItem,
  toLocalInput,
} from './meeting-format.ts';

const user = { id: 'u1', agencyId: 'a1', roles: ['case_worker'] } as SessionUserDto;
const focalPoint = { ...user, roles: ['focal_point'] } as SessionUserDto;

describe('datetime-local values', () => {
  it('round-trips a UTC time through the reader’s time zone', () => {
    const iso = '2026-09-14T07:30:00.000Z';
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(iso);
  });

  it('answers empty or null for no value and for values that are not times', () => {
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('not a time')).toBe('');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2026-09-14')).toBeNull();
    expect(fromLocalInput('2026-13-45T99:99')).toBeNull();
  });
});

describe('meetingRange', () => {
  const now = new Date(2026, 2, 1, 15, 0); // 1 March 2026, local time

  it('lists upcoming meetings from today, soonest first', () => {
    expect(meetingRange('upcoming', now)).toEqual({ from: '2026-03-01', order: 'asc' });
  });

  it('lists past meetings up to yesterday, latest first, across a month end', () => {
    expect(meetingRange('past', now)).toEqual({ to: '2026-02-28', order: 'desc' });
  });
});

describe('action item owners', () => {
  const item = { ownerUserId: null, ownerAgencyId: null };

  it('counts the named person and the focal points of the named agency as owners', () => {
    expect(ownsActionItem({ ...item, ownerUserId: 'u1' }, user)).toBe(true);
    expect(ownsActionItem({ ...item, ownerAgencyId: 'a1' }, focalPoint)).toBe(true);
    expect(ownsActionItem({ ...item, ownerAgencyId: 'a1' }, user)).toBe(false);
    expect(ownsActionItem({ ownerUserId: 'u2', ownerAgencyId: 'a2' }, user)).toBe(false);
    expect(ownsActionItem(item, user)).toBe(false);
  });

  it('names the person with the agency, or whichever is set', () => {
    expect(ownerLabel({ ownerUserName: 'Amina', ownerAgencyName: 'Labour' })).toBe('Amina (Labour)');
    expect(ownerLabel({ ownerUserName: null, ownerAgencyName: 'Labour' })).toBe('Labour');
    expect(ownerLabel({ ownerUserName: null, ownerAgencyName: null })).toBe('');
  });
});

describe('isWebLink', () => {
  it('accepts http and https only', () => {
    expect(isWebLink('https://meet.example.org/abc')).toBe(true);
    expect(isWebLink('http://example.org')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('example.org')).toBe(false);
    expect(isWebLink(null)).toBe(false);
  });
});

describe('attendanceCounts', () => {
  it('counts each kind of attendance', () => {
    expect(
      attendanceCounts([{ attendance: 'present' }, { attendance: 'present' }, { attendance: 'apologies' }]),
    ).toEqual({ present: 2, apologies: 1, absent: 0 });
  });
});
