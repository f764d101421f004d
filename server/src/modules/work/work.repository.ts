import type { Db } from '../../db/database.ts';
import type { CaseListRow } from '../cases/cases.repository.ts';

/**
 * Cases of an agency whose latest screening waits for a supervisor's determination, oldest
 * case first. Only cases with a pending screening are looked at (screenings_pending_idx).
 */
export function listCasesAwaitingDetermination(db: Db, agencyId: string, limit: number): Promise<CaseListRow[]> {
  return db
    .selectFrom('cases')
    .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
    .leftJoin('users as owner', 'owner.id', 'cases.owner_id')
    .selectAll('cases')
    .select(['agencies.name as agency_name', 'owner.name as owner_name'])
    .where('cases.agency_id', '=', agencyId)
    .where('cases.id', 'in', (eb) =>
      eb.selectFrom('screenings').select('screenings.case_id').where('screenings.determination_state', '=', 'pending'),
    )
    .where((eb) =>
      eb(
        eb
          .selectFrom('screenings as latest')
          .select('latest.determination_state')
          .whereRef('latest.case_id', '=', 'cases.id')
          .orderBy('latest.screened_at', 'desc')
          .orderBy('latest.id', 'desc')
          .limit(1),
        '=',
        'pending',
      ),
    )
    .orderBy('cases.created_at', 'asc')
    .orderBy('cases.id', 'asc')
    .limit(limit)
    .execute();
}
