import { describe, expect, it } from 'vitest';
import { KENYA_COUNTIES } from '@kinga/shared/picklists';
import type { InstanceDto, SessionUserDto } from '@kinga/shared';
import { countiesWithCentres, countyNames, partnerEditScope, shadeClasses, shadeOf } from './partner-format.ts';

const userOf = (roles: string[], agencyId = 'labour', permissions = ['partner:manage']) =>
  ({ id: 'u', agencyId, roles, permissions }) as unknown as SessionUserDto;

describe('partnerEditScope', () => {
  it('lets the secretariat change every field of any agency', () => {
    expect(partnerEditScope(userOf(['secretariat'], 'secretariat-agency'), 'labour')).toBe('all');
  });

  it('lets a focal point change all but memberships, of the own agency only', () => {
    expect(partnerEditScope(userOf(['focal_point']), 'labour')).toBe('profile');
    expect(partnerEditScope(userOf(['focal_point']), 'police')).toBeNull();
  });

  it('gives nothing without partner:manage, or when signed out', () => {
    expect(partnerEditScope(userOf(['case_worker'], 'labour', ['plan:read']), 'labour')).toBeNull();
    expect(partnerEditScope(null, 'labour')).toBeNull();
  });
});

describe('shadeClasses', () => {
  it('makes five classes of equal width over the range', () => {
    const classes = shadeClasses([0, 3, 7, 10, 14]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
      [9, 11],
      [12, 14],
    ]);
    expect(classes.map((c) => c.shade)).toEqual([0, 1, 2, 3, 4]);
    expect(shadeOf(classes, 0)).toBe(0);
    expect(shadeOf(classes, 8)).toBe(2);
    expect(shadeOf(classes, 14)).toBe(4);
  });

  it('gives each number its own class when the range is narrow, spread over the shades', () => {
    const classes = shadeClasses([2, 3, 3, 2]);
    expect(classes).toEqual([
      { from: 2, to: 2, shade: 0 },
      { from: 3, to: 3, shade: 4 },
    ]);
  });

  it('covers every count exactly once', () => {
    const counts = [1, 4, 9, 12, 23, 40];
    const classes = shadeClasses(counts);
    for (let n = 1; n <= 40; n++) {
      expect(classes.filter((c) => n >= c.from && n <= c.to)).toHaveLength(1);
    }
  });

  it('uses one middle shade when every county has the same number, and none for no counties', () => {
    expect(shadeClasses([5, 5, 5])).toEqual([{ from: 5, to: 5, shade: 2 }]);
    expect(shadeClasses([])).toEqual([]);
  });
});

describe('counties', () => {
  const instance = {
    country: { iso2: 'KE', name: 'Kenya' },
    counties: KENYA_COUNTIES.map(({ code, name }) => ({ code, name })),
  };

  it('gives every Kenyan county a centre inside Kenya', () => {
    const counties = countiesWithCentres(instance as InstanceDto);
    expect(counties).toHaveLength(47);
    for (const c of counties) {
      expect(c.centre).toBeDefined();
      expect(c.centre!.lat).toBeGreaterThan(-5);
      expect(c.centre!.lat).toBeLessThan(5.1);
      expect(c.centre!.lon).toBeGreaterThan(33.9);
      expect(c.centre!.lon).toBeLessThan(42);
    }
  });

  it('names counties in the reader’s order, keeping unknown codes as numbers', () => {
    expect(countyNames([47, 1, 999], KENYA_COUNTIES, 'en')).toEqual(['999', 'Mombasa', 'Nairobi']);
  });
});
