import type { AttachmentDto } from '@kinga/shared';
import type { DataKeys } from '../../secrets/data-keys.ts';
import type { AttachmentRow } from './case-attachments.repository.ts';

/** An attachment's description; only the owning agency ever receives one. */
export function presentAttachment(keys: DataKeys, row: AttachmentRow): AttachmentDto {
  return {
    id: row.id,
    fileName: keys.open(row.file_name_enc, 'case_attachments', row.id, 'file_name_enc'),
    mediaType: row.media_type,
    size: row.size,
    uploadedByName: row.uploaded_by_name,
    createdAt: row.created_at,
  };
}
