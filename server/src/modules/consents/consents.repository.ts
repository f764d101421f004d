import type { ConsentPurpose } from '@kinga/shared';
import type { Db, Tx } from '../../db/database.ts';
import type { ConsentTable } from '../../db/schema.ts';

export type ConsentRow = ConsentTable;

/** A consent with the names its presentation needs. */
export interface ConsentListRow extends ConsentRow {
  agency_name: string | null;
  recorded_by_name: string;
  withdrawn_by_name: string | null;
}

function selectConsents(db: Db | Tx) {
  return db
    .selectFrom('consents')
    .leftJoin('agencies', 'agencies.id', 'consents.agency_id')
    .innerJoin('users as recorder', 'recorder.id', 'consents.recorded_by')
    .leftJoin('users as withdrawer', 'withdrawer.id', 'consents.withdrawn_by')
    .selectAll('consents')
    .select([
      'agencies.name as agency_name',
      'recorder.name as recorded_by_name',
      'withdrawer.name as withdrawn_by_name',
    ]);
}

/** Every consent of one case, newest first. */
export function listConsents(db: Db | Tx, caseId: string): Promise<ConsentListRow[]> {
  return selectConsents(db)
    .where('consents.case_id', '=', caseId)
    .orderBy('consents.recorded_at', 'desc')
    .orderBy('consents.id', 'desc')
    .execute();
}

/** One consent of a case; a consent of another case is not found. */
export function findConsent(db: Db | Tx, caseId: string, id: string): Promise<ConsentListRow | undefined> {
  return selectConsents(db).where('consents.case_id', '=', caseId).where('consents.id', '=', id).executeTakeFirst();
}

export async function insertConsent(trx: Tx, row: ConsentRow): Promise<void> {
  await trx.insertInto('consents').values(row).execute();
}

/** Marks a standing consent withdrawn; false when it was withdrawn already (also by a concurrent request). */
export async function markWithdrawn(
  trx: Tx,
  id: string,
  patch: Pick<ConsentRow, 'withdrawn_at' | 'withdrawn_by' | 'withdrawal_reason_enc'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('consents')
    .set(patch)
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The newest consent of a case for a purpose (and, for a referral, the named agency) that is not withdrawn. */
export function findActiveConsent(
  db: Db | Tx,
  caseId: string,
  purpose: ConsentPurpose,
  agencyId?: string,
): Promise<ConsentRow | undefined> {
  let q = db
    .selectFrom('consents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null);
  if (agencyId !== undefined) q = q.where('agency_id', '=', agencyId);
  return q.orderBy('recorded_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}
