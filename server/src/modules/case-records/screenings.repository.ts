import type { Db, Tx } from '../../db/database.ts';
import type { ScreeningTable } from '../../db/schema.ts';

export interface ScreeningRow extends ScreeningTable {
  screened_by_name: string;
  decided_by_name: string | null;
  decision_agency_name: string | null;
}

function selectScreenings(db: Db | Tx) {
  return db
    .selectFrom('screenings')
    .innerJoin('users as screener', 'screener.id', 'screenings.screened_by')
    .leftJoin('users as decider', 'decider.id', 'screenings.decided_by')
    .leftJoin('agencies as decision_agency', 'decision_agency.id', 'screenings.decision_agency_id')
    .selectAll('screenings')
    .select([
      'screener.name as screened_by_name',
      'decider.name as decided_by_name',
      'decision_agency.name as decision_agency_name',
    ]);
}

/** A case's screenings, newest first: the first one decides the case's trafficking status. */
export function listScreenings(db: Db | Tx, caseId: string): Promise<ScreeningRow[]> {
  return selectScreenings(db)
    .where('screenings.case_id', '=', caseId)
    .orderBy('screenings.screened_at', 'desc')
    .orderBy('screenings.id', 'desc')
    .execute();
}

export function findScreening(db: Db | Tx, caseId: string, id: string): Promise<ScreeningRow | undefined> {
  return selectScreenings(db)
    .where('screenings.case_id', '=', caseId)
    .where('screenings.id', '=', id)
    .executeTakeFirst();
}

export async function insertScreening(trx: Tx, row: ScreeningTable): Promise<void> {
  await trx.insertInto('screenings').values(row).execute();
}

/**
 * Records a supervisor's decision on a screening still pending; false when it was already
 * decided (the state check in the update keeps two racing supervisors from both deciding).
 */
export async function recordDetermination(
  trx: Tx,
  id: string,
  decision: Pick<
    ScreeningTable,
    | 'determination_state'
    | 'determined_status'
    | 'decided_by'
    | 'decided_at'
    | 'decision_org'
    | 'decision_agency_id'
    | 'decision_reason_enc'
  >,
): Promise<boolean> {
  const result = await trx
    .updateTable('screenings')
    .set(decision)
    .where('id', '=', id)
    .where('determination_state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The status the case's latest screening gives: its determination, else its suggestion. */
export async function latestScreeningStatus(trx: Tx, caseId: string): Promise<string | null> {
  const latest = await trx
    .selectFrom('screenings')
    .select(['suggested_status', 'determined_status'])
    .where('case_id', '=', caseId)
    .orderBy('screened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest ? (latest.determined_status ?? latest.suggested_status) : null;
}

export async function setCaseTraffickingStatus(trx: Tx, caseId: string, status: string | null, now: string) {
  await trx
    .updateTable('cases')
    .set({ trafficking_status: status, updated_at: now })
    .where('id', '=', caseId)
    .execute();
}

export async function agencyTypeOf(db: Db | Tx, agencyId: string): Promise<string | null> {
  const row = await db.selectFrom('agencies').select('type').where('id', '=', agencyId).executeTakeFirst();
  return row?.type ?? null;
}
