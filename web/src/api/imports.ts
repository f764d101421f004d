import type { ImportDto, ImportErrorDto, ImportKind, ImportStartedDto } from '@kinga/shared';
import { request, uploadRaw, type Page } from './client.ts';

/** Imports of CTDC files and HTCDS workbooks (server: server/src/modules/imports). */

export const listImports = (query: { cursor?: string | undefined; limit?: number; kind?: ImportKind }) =>
  request<Page<ImportDto>>('GET', '/api/v1/imports', { query: { ...query } });

export const getImport = (id: string) => request<ImportDto>('GET', `/api/v1/imports/${encodeURIComponent(id)}`);

export const listImportErrors = (id: string, query: { cursor?: string | undefined; limit?: number }) =>
  request<Page<ImportErrorDto>>('GET', `/api/v1/imports/${encodeURIComponent(id)}/errors`, { query: { ...query } });

/** Uploads the file as the raw body; 202 with the running import, or 200 with the earlier import of the same file. */
export const uploadImport = (kind: ImportKind, file: File, agencyId?: string) => {
  const params = new URLSearchParams({ kind });
  if (agencyId) params.set('agencyId', agencyId);
  return uploadRaw<ImportStartedDto>(`/api/v1/imports?${params.toString()}`, file, {
    'Content-Type': 'application/octet-stream',
    'X-File-Name': encodeURIComponent(file.name),
  });
};
