import type { NoteDto } from '@kinga/shared';
import type { AppContext, RequestContext } from '../../context.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { notFound } from '../../http/errors.ts';
import { caseAudit } from '../cases/cases.service.ts';
import { loadCaseFor, loadEditableCase } from './case-record-access.ts';
import { presentNote } from './case-notes.presenter.ts';
import * as repo from './case-notes.repository.ts';

// Notes are the owning agency's working record: no referral or de-identified view reads them.
const NOT_VISIBLE = { code: 'notes_not_visible', title: "Only the owning agency sees a case's notes" };

/** One page of a case's notes, newest first, for the owning agency. */
export async function listNotes(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: NoteDto[]; nextCursor: string | null }> {
  const { row } = await loadCaseFor(ctx, ctx.db, rc, code, null, NOT_VISIBLE);
  const result = await repo.listNotes(ctx.db, row.id, page);
  await ctx.audit.record(caseAudit(rc, 'case.note.list', row.id));
  return { items: result.rows.map((r) => presentNote(ctx.dataKeys, r)), nextCursor: result.nextCursor };
}

/** Adds a note to an open case of the caller's agency; the text is sealed. */
export async function createNote(ctx: AppContext, rc: RequestContext, code: string, body: string): Promise<NoteDto> {
  const { caseId, id } = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc, code);
    const id = newId();
    await repo.insertNote(trx, {
      id,
      case_id: row.id,
      body_enc: ctx.dataKeys.seal(body, 'case_notes', id, 'body_enc'),
      author_id: rc.actor.userId,
      created_at: nowIso(),
    });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.note.create', row.id));
    return { caseId: row.id, id };
  });
  const note = await repo.findNote(ctx.db, caseId, id);
  if (!note) throw notFound('Note');
  return presentNote(ctx.dataKeys, note);
}
