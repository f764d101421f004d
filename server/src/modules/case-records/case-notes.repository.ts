import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { afterCursor, decodeCursor, pageFrom } from '../../db/keyset.ts';
import type { CaseNoteTable } from '../../db/schema.ts';

export interface CaseNoteRow extends CaseNoteTable {
  author_name: string;
}

const CREATED_AT = sql<string>`case_notes.created_at`;

function selectNotes(db: Db | Tx) {
  return db
    .selectFrom('case_notes')
    .innerJoin('users as author', 'author.id', 'case_notes.author_id')
    .selectAll('case_notes')
    .select('author.name as author_name');
}

/** One page of a case's notes, newest first. */
export async function listNotes(
  db: Db,
  caseId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ rows: CaseNoteRow[]; nextCursor: string | null }> {
  let q = selectNotes(db).where('case_notes.case_id', '=', caseId);
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor);
    q = q.where((eb) => afterCursor(eb, CREATED_AT, eb.ref('case_notes.id'), cursor, 'desc'));
  }
  const rows = await q
    .orderBy('case_notes.created_at', 'desc')
    .orderBy('case_notes.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return pageFrom(rows, page.limit, (r) => r.created_at);
}

export function findNote(db: Db | Tx, caseId: string, id: string): Promise<CaseNoteRow | undefined> {
  return selectNotes(db).where('case_notes.case_id', '=', caseId).where('case_notes.id', '=', id).executeTakeFirst();
}

export async function insertNote(trx: Tx, row: CaseNoteTable): Promise<void> {
  await trx.insertInto('case_notes').values(row).execute();
}
