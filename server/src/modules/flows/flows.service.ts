import {
  FLOW_COUNTRY_TABLES,
  FLOW_COUNTY_TABLES,
  type FlowCountryTableId,
  type FlowCountyTableId,
  type StatFilters,
  type StatFlowsDto,
  type StatTable,
} from '@kinga/shared';
import type { AppContext, RequestContext } from '../../context.ts';
import { countBy } from '../analytics/stat-query.ts';
import { protectForActor } from '../public-statistics/protection.ts';

const COUNTY_PREFIX = 'county.';

/**
 * The flow views' figures: links between countries (origin or citizenship → transit →
 * exploitation) and between counties, with their margins, all counted in SQL by `countBy`
 * and protected together, so a cell hidden in one table cannot be worked out from another.
 */
export async function getFlows(ctx: AppContext, rc: RequestContext, filters: StatFilters): Promise<StatFlowsDto> {
  const countryIds = Object.keys(FLOW_COUNTRY_TABLES) as FlowCountryTableId[];
  const countyIds = Object.keys(FLOW_COUNTY_TABLES) as FlowCountyTableId[];
  // SQLite serves one query at a time anyway; PostgreSQL runs them side by side on the pool.
  const counted = await Promise.all([
    ...countryIds.map((id) => countBy(ctx.db, filters, FLOW_COUNTRY_TABLES[id], id)),
    ...countyIds.map((id) => countBy(ctx.db, filters, FLOW_COUNTY_TABLES[id], `${COUNTY_PREFIX}${id}`)),
  ]);
  const { tables, protection } = await protectForActor(ctx, rc.actor, counted);
  const byId = new Map(tables.map((t) => [t.id, t]));
  const table = (id: string): StatTable => {
    const found = byId.get(id);
    if (!found) throw new Error(`flow table ${id} missing`);
    return found;
  };
  return {
    protection,
    // Every table counts the same records; the margin of origins carries the (protected) total.
    total: table('origin').total,
    countries: {
      originTransit: table('originTransit'),
      transitExploitation: table('transitExploitation'),
      originExploitation: table('originExploitation'),
      origin: table('origin'),
      transit: table('transit'),
      exploitation: table('exploitation'),
    },
    counties: {
      originExploitation: table(`${COUNTY_PREFIX}originExploitation`),
      origin: table(`${COUNTY_PREFIX}origin`),
      exploitation: table(`${COUNTY_PREFIX}exploitation`),
    },
  };
}
