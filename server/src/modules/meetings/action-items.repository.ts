import type { listActionItemsQuerySchema } from '@kinga/shared';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { afterCursor, decodeCursor, pageFrom } from '../../db/keyset.ts';
import type { ActionItemTable } from '../../db/schema.ts';
import { OPEN_ACTION_ITEM_STATUSES } from './meetings.repository.ts';

export type ActionItemRow = ActionItemTable;
/** An action item with the names the list and the meeting page show. */
export interface ActionItemListRow extends ActionItemRow {
  meeting_title: string;
  owner_agency_name: string | null;
  owner_user_name: string | null;
}

export type ListActionItemsQuery = z.output<typeof listActionItemsQuerySchema>;

function selectActionItems(db: Db | Tx) {
  return db
    .selectFrom('action_items')
    .innerJoin('meetings', 'meetings.id', 'action_items.meeting_id')
    .leftJoin('agencies', 'agencies.id', 'action_items.owner_agency_id')
    .leftJoin('users', 'users.id', 'action_items.owner_user_id')
    .selectAll('action_items')
    .select(['meetings.title as meeting_title', 'agencies.name as owner_agency_name', 'users.name as owner_user_name']);
}

// Items without a due date come last; the same expression sorts and pages.
const DUE_SORT = sql<string>`coalesce(action_items.due_on, '9999-12-31')`;

/** One page of action items by due date; `today` (UTC) decides what is overdue. */
export async function listActionItems(
  db: Db,
  query: ListActionItemsQuery,
  caller: { userId: string; agencyId: string },
  today: string,
) {
  let q = selectActionItems(db)
    .select(DUE_SORT.as('sort_value'))
    .where((eb) => {
      const and: Expression<SqlBool>[] = [];
      if (query.state !== 'all') and.push(eb('action_items.status', 'in', OPEN_ACTION_ITEM_STATUSES));
      if (query.state === 'overdue') {
        and.push(eb('action_items.due_on', 'is not', null), eb('action_items.due_on', '<', today));
      }
      if (query.ownerAgencyId) and.push(eb('action_items.owner_agency_id', '=', query.ownerAgencyId));
      if (query.mine === 'true') {
        and.push(
          eb.or([
            eb('action_items.owner_user_id', '=', caller.userId),
            eb('action_items.owner_agency_id', '=', caller.agencyId),
          ]),
        );
      }
      return eb.and(and);
    });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, DUE_SORT, eb.ref('action_items.id'), cursor, 'asc'));
  }
  const rows = await q
    .orderBy(DUE_SORT, 'asc')
    .orderBy('action_items.id', 'asc')
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r.sort_value);
}

/** A meeting's action items in the order they were recorded. */
export function listMeetingActionItems(db: Db | Tx, meetingId: string): Promise<ActionItemListRow[]> {
  return selectActionItems(db)
    .where('action_items.meeting_id', '=', meetingId)
    .orderBy('action_items.created_at')
    .orderBy('action_items.id')
    .execute();
}

export function findActionItem(db: Db | Tx, id: string): Promise<ActionItemListRow | undefined> {
  return selectActionItems(db).where('action_items.id', '=', id).executeTakeFirst();
}

export async function insertActionItem(trx: Tx, row: ActionItemRow): Promise<void> {
  await trx.insertInto('action_items').values(row).execute();
}

export async function updateActionItem(trx: Tx, id: string, patch: Partial<ActionItemRow>): Promise<void> {
  await trx.updateTable('action_items').set(patch).where('id', '=', id).execute();
}
