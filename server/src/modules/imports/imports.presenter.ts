import type { ImportDto, ImportKind, ImportStatus } from '@kinga/shared';
import type { ImportListRow } from './imports.repository.ts';

/** An import as its callers see it: counts and status, never a cell of the file. */
export function presentImport(row: ImportListRow): ImportDto {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    status: row.status as ImportStatus,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    validRows: row.valid_rows,
    invalidRows: row.invalid_rows,
    importedRows: row.imported_rows,
    createdById: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
