import { z } from 'zod';
import { idSchema, pageQuerySchema } from './platform.ts';

/**
 * Imports of outside data: CTDC files (de-identified records, straight into the statistics
 * view) and HTCDS workbooks (each row a case of an agency). Invalid rows are listed with their
 * line and a reason code naming the column, never the cell's value, and skipped; the valid
 * rows go in together in one transaction or not at all.
 */

export const IMPORT_KINDS = ['ctdc', 'htcds'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** running → completed; rejected when no row was valid (nothing imported); failed when the work broke off. */
export const IMPORT_STATUSES = ['running', 'completed', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Why a row (or the header, line 1) was not imported. */
export const IMPORT_ERROR_REASONS = [
  'missing_column',
  'wrong_column_count',
  'missing_value',
  'invalid_value',
  'unreadable_file',
] as const;
export type ImportErrorReason = (typeof IMPORT_ERROR_REASONS)[number];

/** The largest file an import takes. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const importErrorSchema = z.object({
  line: z.number().int(),
  reason: z.enum(IMPORT_ERROR_REASONS),
  /** The column (file's own header name) at fault, when one is. */
  column: z.string().optional(),
});
export type ImportErrorDto = z.infer<typeof importErrorSchema>;

export const importSchema = z.object({
  id: idSchema,
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  fileSha256: z.string(),
  agencyId: idSchema.nullable(),
  agencyName: z.string().nullable(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  importedRows: z.number().int(),
  createdById: idSchema,
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportDto = z.infer<typeof importSchema>;

/** The answer to an upload: the import, and whether the same file had been imported before (nothing new then). */
export const importStartedSchema = z.object({ import: importSchema, duplicate: z.boolean() });
export type ImportStartedDto = z.infer<typeof importStartedSchema>;

/** Upload query: the file itself is the raw body, its name in `X-File-Name`. */
export const importUploadQuerySchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    /** HTCDS: the agency the cases go to (administrators only; others import into their own). */
    agencyId: idSchema.optional(),
  })
  .strict();

export const listImportsQuerySchema = pageQuerySchema.extend({ kind: z.enum(IMPORT_KINDS).optional() });
export type ListImportsQuery = z.infer<typeof listImportsQuerySchema>;
