import type { Db, Tx } from '../../db/database.ts';
import type { CaseServiceTable } from '../../db/schema.ts';

export interface CaseServiceRow extends CaseServiceTable {
  provider_agency_name: string | null;
}

function selectServices(db: Db | Tx) {
  return db
    .selectFrom('case_services')
    .leftJoin('agencies as provider', 'provider.id', 'case_services.provider_agency_id')
    .selectAll('case_services')
    .select('provider.name as provider_agency_name');
}

/** A case's support plan in the order it was drawn up. */
export function listServices(db: Db | Tx, caseId: string): Promise<CaseServiceRow[]> {
  return selectServices(db)
    .where('case_services.case_id', '=', caseId)
    .orderBy('case_services.created_at', 'asc')
    .orderBy('case_services.id', 'asc')
    .execute();
}

export function findService(db: Db | Tx, caseId: string, id: string): Promise<CaseServiceRow | undefined> {
  return selectServices(db)
    .where('case_services.case_id', '=', caseId)
    .where('case_services.id', '=', id)
    .executeTakeFirst();
}

export async function insertService(trx: Tx, row: CaseServiceTable): Promise<void> {
  await trx.insertInto('case_services').values(row).execute();
}

export async function updateService(trx: Tx, id: string, patch: Partial<CaseServiceTable>): Promise<void> {
  await trx.updateTable('case_services').set(patch).where('id', '=', id).execute();
}

export async function agencyExists(db: Db | Tx, id: string): Promise<boolean> {
  const row = await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
