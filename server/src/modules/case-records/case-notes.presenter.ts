import type { NoteDto } from '@kinga/shared';
import type { DataKeys } from '../../secrets/data-keys.ts';
import type { CaseNoteRow } from './case-notes.repository.ts';

/** A case note; only the owning agency ever receives one. */
export function presentNote(keys: DataKeys, row: CaseNoteRow): NoteDto {
  return {
    id: row.id,
    body: keys.open(row.body_enc, 'case_notes', row.id, 'body_enc'),
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
  };
}
