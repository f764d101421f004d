import { DEFAULT_STATISTICS_K, type StatProtection, type StatTable } from '@kinga/shared';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import { protectTables as suppressSmallCells } from '../../lib/privacy/suppression.ts';
import { findStatisticsK } from './public-statistics.repository.ts';

/**
 * The one place figures are protected before they leave the server: the dashboard, the
 * flows and the public figures call these (decision: exact figures only for roles that may
 * read cases, who see the records anyway).
 */

/** The smallest count this instance publishes (instance setting `statistics_k`, default 11). */
export async function statisticsK(db: Db | Tx): Promise<number> {
  const stored = await findStatisticsK(db);
  const k = stored === undefined ? NaN : Number(stored);
  return Number.isInteger(k) && k >= 2 ? k : DEFAULT_STATISTICS_K;
}

/**
 * Primary and complementary suppression across tables counted over the same records; see
 * lib/privacy/suppression.ts. Unsuppressed figures are unchanged.
 */
export function protectTables(tables: StatTable[], k: number): { tables: StatTable[]; suppressedCells: number } {
  return suppressSmallCells(tables, k);
}

/**
 * Tables as this actor may see them: exact for those who may read cases, otherwise with
 * small cells (and the cells that would reveal them) withheld.
 */
export async function protectForActor(
  ctx: AppContext,
  actor: Actor,
  tables: StatTable[],
): Promise<{ tables: StatTable[]; protection: StatProtection }> {
  const k = await statisticsK(ctx.db);
  if (hasPermission(actor, 'case:read')) return { tables, protection: { exact: true, k, suppressedCells: 0 } };
  const result = suppressSmallCells(tables, k);
  return { tables: result.tables, protection: { exact: false, k, suppressedCells: result.suppressedCells } };
}
