import {
  PUBLIC_STAT_TABLES,
  PUBLIC_TOP_CATEGORIES,
  type PublicStatTableId,
  type PublicStatisticsDto,
  type StatFilters,
  type StatTable,
  type StatisticsSettings,
  type StatisticsSettingsInput,
} from '@kinga/shared';
import { hasPermission } from '../../access/access.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { refused } from '../../http/errors.ts';
import { countBy } from '../analytics/stat-query.ts';
import { Throttle } from '../auth/throttle.ts';
import { protectTables, statisticsK } from './protection.ts';
import * as repo from './public-statistics.repository.ts';

/** Public reads per address and minute; the answer is cached by browsers and proxies for a minute anyway. */
export const PUBLIC_READS_PER_MINUTE = 120;

/** Tables that list only their largest published categories. */
const TOP_TABLES: ReadonlySet<PublicStatTableId> = new Set(['citizenship', 'countryOfExploitation']);

/**
 * Counts the address's public reads in the shared throttle table; 429 once it reads more
 * than PUBLIC_READS_PER_MINUTE in a minute. The address is stored as a blind index only.
 */
async function limitPublicReads(ctx: AppContext, ip: string): Promise<void> {
  const throttle = new Throttle(ctx.db, ctx.engine);
  const key = `public-stats:ip:${ctx.keyring.blindIndex('throttle', ip)}`;
  await throttle.assertAllowed([key]);
  await throttle.recordFailure(key, { maxFailures: PUBLIC_READS_PER_MINUTE, windowMs: 60_000 });
}

/** The largest published known categories first, at most PUBLIC_TOP_CATEGORIES of them. */
function topCategories(table: StatTable): StatTable {
  const published = table.cells.filter(
    (cell): cell is { keys: string[]; count: number } => cell.count !== null && cell.count > 0 && cell.keys[0] !== null,
  );
  published.sort((a, b) => b.count - a.count || (a.keys[0]! < b.keys[0]! ? -1 : 1));
  return { ...table, cells: published.slice(0, PUBLIC_TOP_CATEGORIES) };
}

/**
 * The national figures anyone may read, always protected whoever asks: every table is
 * counted over the same filtered records and suppressed together, so a figure hidden in one
 * table cannot be worked out from another. Leaving cells out afterwards (the top lists)
 * publishes less, never more.
 */
export async function getPublicStatistics(
  ctx: AppContext,
  filters: StatFilters,
  ip: string,
): Promise<PublicStatisticsDto> {
  await limitPublicReads(ctx, ip);
  const k = await statisticsK(ctx.db);
  const ids = Object.keys(PUBLIC_STAT_TABLES) as PublicStatTableId[];
  const counted = await Promise.all(ids.map((id) => countBy(ctx.db, filters, PUBLIC_STAT_TABLES[id], id)));
  const { tables, suppressedCells } = protectTables(counted, k);
  return {
    protection: { exact: false, k, suppressedCells },
    total: tables[0]?.total ?? null,
    topCategories: PUBLIC_TOP_CATEGORIES,
    tables: tables.map((table) => (TOP_TABLES.has(table.id as PublicStatTableId) ? topCategories(table) : table)),
  };
}

/** The statistics settings (k). */
export async function getStatisticsSettings(ctx: AppContext): Promise<StatisticsSettings> {
  return { k: await statisticsK(ctx.db) };
}

/** Sets k; audited with the setting as entity (the value is a setting, not personal data, but is not logged). */
export async function putStatisticsSettings(
  ctx: AppContext,
  rc: RequestContext,
  input: StatisticsSettingsInput,
): Promise<StatisticsSettings> {
  if (!hasPermission(rc.actor, 'analytics:manage')) throw refused('forbidden', 'You may not do this');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveStatisticsK(trx, input.k);
    await ctx.audit.inTransaction(trx, {
      action: 'analytics.settings.update',
      outcome: 'success',
      actorId: rc.actor.userId,
      agencyId: rc.actor.agencyId,
      entityType: 'statistics_settings',
      entityId: null,
      requestId: rc.requestId,
    });
  });
  return { k: input.k };
}
