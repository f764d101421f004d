import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { afterCursor, decodeCursor, pageFrom } from '../../db/keyset.ts';
import type { CaseAttachmentTable } from '../../db/schema.ts';

/** An attachment without its content: what lists show. */
export type AttachmentRow = Omit<CaseAttachmentTable, 'content_enc'> & { uploaded_by_name: string };

const CREATED_AT = sql<string>`case_attachments.created_at`;

function selectAttachments(db: Db | Tx) {
  return db
    .selectFrom('case_attachments')
    .innerJoin('users as uploader', 'uploader.id', 'case_attachments.uploaded_by')
    .select([
      'case_attachments.id',
      'case_attachments.case_id',
      'case_attachments.file_name_enc',
      'case_attachments.media_type',
      'case_attachments.size',
      'case_attachments.uploaded_by',
      'case_attachments.created_at',
      'uploader.name as uploaded_by_name',
    ]);
}

/** One page of a case's attachments, newest first, without their content. */
export async function listAttachments(
  db: Db,
  caseId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ rows: AttachmentRow[]; nextCursor: string | null }> {
  let q = selectAttachments(db).where('case_attachments.case_id', '=', caseId);
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor);
    q = q.where((eb) => afterCursor(eb, CREATED_AT, eb.ref('case_attachments.id'), cursor, 'desc'));
  }
  const rows = await q
    .orderBy('case_attachments.created_at', 'desc')
    .orderBy('case_attachments.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return pageFrom(rows, page.limit, (r) => r.created_at);
}

export function findAttachment(db: Db | Tx, caseId: string, id: string): Promise<AttachmentRow | undefined> {
  return selectAttachments(db)
    .where('case_attachments.case_id', '=', caseId)
    .where('case_attachments.id', '=', id)
    .executeTakeFirst();
}

/** The sealed content of one attachment of a case. */
export async function findAttachmentContent(db: Db, caseId: string, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_attachments')
    .select('content_enc')
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.content_enc;
}

export async function insertAttachment(trx: Tx, row: CaseAttachmentTable): Promise<void> {
  await trx.insertInto('case_attachments').values(row).execute();
}
