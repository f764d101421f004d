import {
  ACTIVITY_AREAS,
  COORDINATION_BODIES,
  NATIONAL_COUNTY_CODE,
  type ActivityArea,
  type CoordinationBody,
  type MembershipRole,
  type PartnerDto,
} from '@kinga/shared';
import type { AgencyRow, PresenceRow, ProfileParts } from './partners.repository.ts';

/** Presence rows as the API shows them: per area, national or a sorted list of counties. */
export function presenceByArea(rows: readonly Pick<PresenceRow, 'area' | 'county_code'>[]): PartnerDto['presence'] {
  const byArea = new Map<string, { national: boolean; counties: Set<number> }>();
  for (const row of rows) {
    const entry = byArea.get(row.area) ?? { national: false, counties: new Set<number>() };
    if (row.county_code === NATIONAL_COUNTY_CODE) entry.national = true;
    else entry.counties.add(row.county_code);
    byArea.set(row.area, entry);
  }
  return ACTIVITY_AREAS.flatMap((area: ActivityArea) => {
    const entry = byArea.get(area);
    if (!entry) return [];
    return [{ area, national: entry.national, countyCodes: [...entry.counties].sort((a, b) => a - b) }];
  });
}

export function presentPartner(agency: AgencyRow, parts: ProfileParts): PartnerDto {
  const bodyOrder = (body: string) => COORDINATION_BODIES.indexOf(body as CoordinationBody);
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    agencyType: agency.type,
    status: agency.status,
    mandate: agency.mandate,
    focalPersons: parts.focalPersons.map((p) => ({ name: p.name, title: p.title, email: p.email, phone: p.phone })),
    memberships: [...parts.memberships]
      .sort((a, b) => bodyOrder(a.body) - bodyOrder(b.body))
      .map((m) => ({ body: m.body as CoordinationBody, role: m.role as MembershipRole, since: m.since })),
    presence: presenceByArea(parts.presence),
    updatedAt: agency.updated_at,
  };
}
