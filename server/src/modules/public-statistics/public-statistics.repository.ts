import type { Db, Tx } from '../../db/database.ts';

/** The instance setting that holds the smallest published count. */
export const STATISTICS_K_KEY = 'statistics_k';

/** The stored k as text, if an administrator ever set one. */
export async function findStatisticsK(db: Db | Tx): Promise<string | undefined> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', STATISTICS_K_KEY)
    .executeTakeFirst();
  return row?.value;
}

export async function saveStatisticsK(trx: Tx, k: number): Promise<void> {
  const value = String(k);
  await trx
    .insertInto('instance_settings')
    .values({ key: STATISTICS_K_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
