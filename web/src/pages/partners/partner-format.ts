import { COUNTRY_PROFILES, KENYA_COUNTIES, type County } from '@kinga/shared/picklists';
import type { InstanceDto, SessionUserDto } from '@kinga/shared';

/**
 * What the user may change on an agency's partner profile: everything (the secretariat),
 * all but memberships (the agency's own focal point), or nothing. The server decides; this
 * only hides what it would refuse.
 */
export function partnerEditScope(user: SessionUserDto | null, agencyId: string): 'all' | 'profile' | null {
  if (!user || !user.permissions.includes('partner:manage')) return null;
  if (user.roles.includes('secretariat')) return 'all';
  if (user.roles.includes('focal_point') && user.agencyId === agencyId) return 'profile';
  return null;
}

/** The counties of the configured country, with their centres where the country profile has them. */
export function countiesWithCentres(instance: InstanceDto): readonly County[] {
  const profile = COUNTRY_PROFILES[instance.country.iso2]?.counties ?? [];
  const centres = new Map(profile.map((p) => [p.code, p.centre]));
  const counties = instance.counties.length > 0 ? instance.counties : KENYA_COUNTIES;
  return counties.map((c) => {
    const centre = centres.get(c.code);
    return centre ? { code: c.code, name: c.name, centre } : { code: c.code, name: c.name };
  });
}

/** A list of county names for a cell or a profile, in the reader's collation order. */
export function countyNames(codes: readonly number[], counties: readonly County[], locale: string): string[] {
  const byCode = new Map(counties.map((c) => [c.code, c.name]));
  return codes.map((code) => byCode.get(code) ?? String(code)).sort((a, b) => a.localeCompare(b, locale));
}

/** One shading class of the county map: counties with `from` to `to` active partners. */
export interface ShadeClass {
  from: number;
  to: number;
  /** 0 (lightest) to 4 (darkest), spread over the five shades when there are fewer classes. */
  shade: number;
}

/**
 * Up to five classes of equal width over the counts' range, so each shade means a range of
 * partner numbers; a narrow range gets one class per number.
 */
export function shadeClasses(counts: readonly number[]): ShadeClass[] {
  if (counts.length === 0) return [];
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  const span = hi - lo + 1;
  const n = Math.min(5, span);
  const classes: ShadeClass[] = [];
  for (let i = 0; i < n; i++) {
    const from = lo + Math.floor((i * span) / n);
    const to = lo + Math.floor(((i + 1) * span) / n) - 1;
    classes.push({ from, to, shade: n === 1 ? 2 : Math.round((i * 4) / (n - 1)) });
  }
  return classes;
}

/** The class a count falls in (the last one for anything above). */
export function shadeOf(classes: readonly ShadeClass[], count: number): number {
  return (classes.find((c) => count >= c.from && count <= c.to) ?? classes[classes.length - 1])?.shade ?? 0;
}
