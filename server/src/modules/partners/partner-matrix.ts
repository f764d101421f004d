import {
  ACTIVITY_AREAS,
  NATIONAL_COUNTY_CODE,
  type ActivityArea,
  type County,
  type PartnerMatrixDto,
} from '@kinga/shared';

/**
 * "Who does what where": agencies × activity areas × counties, from two sources kept apart
 * in the answer — what agencies declared (`partner_presence`) and what the plans in force
 * give them to do (lead or supporting agency of an activity, `fromPlan`).
 */

/** Where one agency works in one area, by one source. */
interface Coverage {
  national: boolean;
  counties: Set<number>;
}

/** An activity of an adopted version, reduced to what the matrix needs. */
export interface PlanActivity {
  area: ActivityArea | null;
  leadAgencyId: string | null;
  supportingAgencyIds: readonly string[];
  /** Empty: national. */
  countyCodes: readonly number[];
}

export interface MatrixInput {
  /** Declared presence of active agencies; county 0 is national. */
  presence: readonly { agency_id: string; agency_name: string; area: string; county_code: number }[];
  activities: readonly PlanActivity[];
  /** Names of the active agencies that activities name; others (inactive, removed) are left out. */
  activeAgencyNames: ReadonlyMap<string, string>;
  counties: readonly County[];
  area?: ActivityArea | undefined;
  countyCode?: number | undefined;
}

type Source = 'declared' | 'plan';
type AreaKey = `${Source}:${ActivityArea}`;
type AgencyCoverage = Map<AreaKey, Coverage>;

export function buildPartnerMatrix(input: MatrixInput): PartnerMatrixDto {
  const areas = input.area ? [input.area] : [...ACTIVITY_AREAS];
  const wanted = new Set<string>(areas);
  const names = new Map<string, string>();
  const coverage = new Map<string, AgencyCoverage>();

  const cover = (agencyId: string, source: Source, area: ActivityArea): Coverage => {
    const byAgency: AgencyCoverage = coverage.get(agencyId) ?? new Map<AreaKey, Coverage>();
    coverage.set(agencyId, byAgency);
    const key = `${source}:${area}` as const;
    const entry = byAgency.get(key) ?? { national: false, counties: new Set<number>() };
    byAgency.set(key, entry);
    return entry;
  };

  for (const row of input.presence) {
    if (!wanted.has(row.area)) continue;
    names.set(row.agency_id, row.agency_name);
    const entry = cover(row.agency_id, 'declared', row.area as ActivityArea);
    if (row.county_code === NATIONAL_COUNTY_CODE) entry.national = true;
    else entry.counties.add(row.county_code);
  }

  for (const activity of input.activities) {
    if (activity.area === null || !wanted.has(activity.area)) continue;
    const agencies = new Set([
      ...(activity.leadAgencyId ? [activity.leadAgencyId] : []),
      ...activity.supportingAgencyIds,
    ]);
    for (const agencyId of agencies) {
      const name = input.activeAgencyNames.get(agencyId);
      if (name === undefined) continue;
      names.set(agencyId, name);
      const entry = cover(agencyId, 'plan', activity.area);
      if (activity.countyCodes.length === 0) entry.national = true;
      else for (const code of activity.countyCodes) entry.counties.add(code);
    }
  }

  const covers = (c: Coverage, county: number) => c.national || c.counties.has(county);

  // The map counts every source and every county, whatever the county filter of the table.
  const countyPartners = input.counties.map((county) => ({
    countyCode: county.code,
    partners: [...coverage.values()].filter((byAgency) => [...byAgency.values()].some((c) => covers(c, county.code)))
      .length,
  }));

  const rows = [...coverage.entries()]
    .map(([agencyId, byAgency]) => ({
      agencyId,
      agencyName: names.get(agencyId) ?? '',
      cells: areas.flatMap((area) =>
        (['declared', 'plan'] as const).flatMap((source) => {
          const c = byAgency.get(`${source}:${area}`);
          if (!c) return [];
          if (input.countyCode !== undefined && !covers(c, input.countyCode)) return [];
          return [
            {
              area,
              national: c.national,
              countyCodes: [...c.counties].sort((a, b) => a - b),
              fromPlan: source === 'plan',
            },
          ];
        }),
      ),
    }))
    .filter((row) => row.cells.length > 0)
    .sort(
      (a, b) =>
        a.agencyName.localeCompare(b.agencyName, 'en', { sensitivity: 'base' }) || (a.agencyId < b.agencyId ? -1 : 1),
    );

  return { areas, rows, countyPartners };
}
