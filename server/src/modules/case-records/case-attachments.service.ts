import { ATTACHMENT_MEDIA_TYPES, type AttachmentDto } from '@kinga/shared';
import type { AppContext, RequestContext } from '../../context.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { checkUpload } from '../../lib/uploads.ts';
import { notFound } from '../../http/errors.ts';
import { caseAudit } from '../cases/cases.service.ts';
import { loadCaseFor, loadEditableCase } from './case-record-access.ts';
import { presentAttachment } from './case-attachments.presenter.ts';
import * as repo from './case-attachments.repository.ts';

// Attachments are the owning agency's: statements, medical reports, identity documents.
const NOT_VISIBLE = { code: 'attachments_not_visible', title: "Only the owning agency sees a case's attachments" };

/** One page of a case's attachments, newest first, for the owning agency. */
export async function listAttachments(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: AttachmentDto[]; nextCursor: string | null }> {
  const { row } = await loadCaseFor(ctx, ctx.db, rc, code, null, NOT_VISIBLE);
  const result = await repo.listAttachments(ctx.db, row.id, page);
  await ctx.audit.record(caseAudit(rc, 'case.attachment.list', row.id));
  return { items: result.rows.map((r) => presentAttachment(ctx.dataKeys, r)), nextCursor: result.nextCursor };
}

/**
 * Stores a file under an open case of the caller's agency. Its type is judged by its
 * content; its name and bytes are sealed, so the database holds neither in clear.
 */
export async function uploadAttachment(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  upload: { fileNameHeader: string; content: Buffer | null },
): Promise<AttachmentDto> {
  const file = await checkUpload(
    upload.fileNameHeader,
    upload.content,
    ATTACHMENT_MEDIA_TYPES,
    'Attach a PDF, JPEG, PNG or WebP file',
  );
  const { caseId, id } = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableCase(ctx, trx, rc, code);
    const id = newId();
    await repo.insertAttachment(trx, {
      id,
      case_id: row.id,
      file_name_enc: ctx.dataKeys.seal(file.fileName, 'case_attachments', id, 'file_name_enc'),
      media_type: file.mediaType,
      size: file.content.length,
      content_enc: ctx.dataKeys.sealBytes(file.content, 'case_attachments', id, 'content_enc'),
      uploaded_by: rc.actor.userId,
      created_at: nowIso(),
    });
    await ctx.audit.inTransaction(trx, caseAudit(rc, 'case.attachment.upload', row.id));
    return { caseId: row.id, id };
  });
  const stored = await repo.findAttachment(ctx.db, caseId, id);
  if (!stored) throw notFound('Attachment');
  return presentAttachment(ctx.dataKeys, stored);
}

/** The decrypted file for the owning agency; every download is audited before the bytes leave. */
export async function downloadAttachment(
  ctx: AppContext,
  rc: RequestContext,
  code: string,
  id: string,
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const { row } = await loadCaseFor(ctx, ctx.db, rc, code, null, NOT_VISIBLE);
  const attachment = await repo.findAttachment(ctx.db, row.id, id);
  const sealed = attachment ? await repo.findAttachmentContent(ctx.db, row.id, id) : undefined;
  if (!attachment || sealed === undefined) throw notFound('Attachment');
  const content = ctx.dataKeys.openBytes(sealed, 'case_attachments', id, 'content_enc');
  await ctx.audit.record(caseAudit(rc, 'case.attachment.download', row.id));
  return { ...presentAttachment(ctx.dataKeys, attachment), content };
}
