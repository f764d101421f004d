import type { Db, Tx } from '../../db/database.ts';

/** The instance setting that holds the county boundaries, as the JSON the API answers. */
export const BOUNDARIES_KEY = 'county_boundaries';

export async function findBoundariesJson(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', BOUNDARIES_KEY)
    .executeTakeFirst();
  return row?.value;
}

export async function saveBoundariesJson(trx: Tx, json: string): Promise<void> {
  await trx
    .insertInto('instance_settings')
    .values({ key: BOUNDARIES_KEY, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}
