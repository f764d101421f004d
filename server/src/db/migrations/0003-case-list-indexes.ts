import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the case list's common pages, found by the 100,000-case benchmark (bench/):
 * - the filtered page (agency, status, county, newest first) probes only matching rows;
 * - the follow-up order sorts on coalesce(follow_up_at, '9999-12-31'), so an expression
 *   index lets both engines walk it and stop after one page instead of sorting all overdue cases;
 * - the work view's "my overdue follow-ups" walks the owner's cases in the same order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('cases_agency_status_county_created_idx')
    .on('cases')
    .columns(['agency_id', 'status', 'county_code', 'created_at', 'id'])
    .execute();
  await sql`create index cases_agency_follow_up_sort_idx on cases (agency_id, coalesce(follow_up_at, '9999-12-31'), id)`.execute(
    db,
  );
  await sql`create index cases_owner_follow_up_sort_idx on cases (owner_id, coalesce(follow_up_at, '9999-12-31'), id)`.execute(
    db,
  );
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The case list indexes migration cannot be reverted; restore a backup instead.'));
}
