import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type {
  ImportDto,
  ImportErrorDto,
  ImportKind,
  ImportStatus,
  ListImportsQuery,
  pageQuerySchema,
} from '@kinga/shared';
import type { z } from 'zod';
import { hasPermission, type Actor } from '../../access/access.ts';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { countryProfile } from '../../country.ts';
import type { Tx } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { decodeCursor, encodeCursor } from '../../db/keyset.ts';
import type { StatRecordTable } from '../../db/schema.ts';
import { HttpProblem, badRequest, hiddenRecord, notFound, refused, validationFailed } from '../../http/errors.ts';
import { readXlsx, type SheetRow } from '../../lib/spreadsheet.ts';
import { MAX_FILE_NAME_LENGTH, cleanFileName, detectMediaType, fileNameLength } from '../../lib/uploads.ts';
import { findAgency } from '../agencies/agencies.repository.ts';
import { refreshCaseStatistics } from '../analytics/case-statistics.ts';
import { insertConsent } from '../consents/consents.repository.ts';
import { updateCase } from '../cases/cases.repository.ts';
import { caseAudit, insertDraftCase, today } from '../cases/cases.service.ts';
import { decodeCsvText, readCsv } from './csv-reader.ts';
import { readCtdcHeader, type CtdcRecord } from './ctdc-records.ts';
import { readHtcdsSheet, type HtcdsCase } from './htcds-rows.ts';
import { presentImport } from './imports.presenter.ts';
import * as repo from './imports.repository.ts';

/**
 * Imports of CTDC files and HTCDS workbooks. An upload is checked (permission, agency, file
 * type), recorded as a running import and answered at once; the rows are then read and
 * validated in the background, with progress in `processed_rows`. Invalid rows are listed
 * (line, reason code, column; never a cell's value) and skipped; every valid row goes in within
 * ONE transaction, so an import is all of its valid rows or nothing. A file whose SHA-256 was
 * imported before (same kind, and agency for HTCDS) is not imported again.
 */

/** Rows read between two turns of the event loop. */
const PROGRESS_EVERY = 1_000;
/** The shortest time between two progress writes. */
const PROGRESS_MS = 250;
const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'] as const;

/** Imports running in this process, so tests, the CLI and shutdown can wait for them. */
const runningJobs = new WeakMap<AppContext, Set<Promise<void>>>();

/** Waits until every import this process started has finished (completed, rejected or failed). */
export async function waitForImports(ctx: AppContext): Promise<void> {
  const jobs = runningJobs.get(ctx);
  while (jobs && jobs.size > 0) await Promise.allSettled([...jobs]);
}

function importAudit(rc: RequestContext, action: string, id: string): AuditEntry {
  return {
    action,
    outcome: 'success',
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType: 'import',
    entityId: id,
    requestId: rc.requestId,
  };
}

// ---- scope ----------------------------------------------------------------------------------

function isAdministrator(actor: Actor): boolean {
  return actor.roles.includes('administrator');
}

/** CTDC imports for analytics:import; HTCDS imports of every agency for administrators, else of the own agency. */
function importScope(actor: Actor): repo.ImportScope {
  const htcds: repo.ImportScope['htcds'] = !hasPermission(actor, 'case:import')
    ? { kind: 'none' }
    : isAdministrator(actor)
      ? { kind: 'all' }
      : { kind: 'agency', agencyId: actor.agencyId };
  return { ctdc: hasPermission(actor, 'analytics:import'), htcds };
}

function isVisible(scope: repo.ImportScope, row: repo.ImportRow): boolean {
  if (row.kind === 'ctdc') return scope.ctdc;
  if (scope.htcds.kind === 'all') return true;
  return scope.htcds.kind === 'agency' && row.agency_id === scope.htcds.agencyId;
}

/** Imports are for those who may import something; anyone else is refused (audited). */
function requireImporter(actor: Actor): repo.ImportScope {
  const scope = importScope(actor);
  if (!scope.ctdc && scope.htcds.kind === 'none') throw refused('forbidden', 'You may not import data', 'import');
  return scope;
}

async function visibleImportOrThrow(ctx: AppContext, rc: RequestContext, id: string): Promise<repo.ImportListRow> {
  const scope = requireImporter(rc.actor);
  const row = await repo.findImport(ctx.db, id);
  if (!row) throw notFound('Import');
  if (!isVisible(scope, row)) throw hiddenRecord('import', id, 'Import');
  return row;
}

// ---- reading ---------------------------------------------------------------------------------

/** One import with its progress and counts. */
export async function readImport(ctx: AppContext, rc: RequestContext, id: string): Promise<ImportDto> {
  return presentImport(await visibleImportOrThrow(ctx, rc, id));
}

/** The caller's imports, newest first. */
export async function listImports(
  ctx: AppContext,
  rc: RequestContext,
  query: ListImportsQuery,
): Promise<{ items: ImportDto[]; nextCursor: string | null }> {
  const page = await repo.listImports(ctx.db, requireImporter(rc.actor), query);
  return { items: page.rows.map(presentImport), nextCursor: page.nextCursor };
}

/** The rows an import skipped, in line order, a page at a time. */
export async function listImportErrors(
  ctx: AppContext,
  rc: RequestContext,
  id: string,
  query: z.output<typeof pageQuerySchema>,
): Promise<{ items: ImportErrorDto[]; nextCursor: string | null }> {
  const row = await visibleImportOrThrow(ctx, rc, id);
  let offset = 0;
  if (query.cursor) {
    const [value, cursorId] = decodeCursor(query.cursor);
    if (cursorId !== id || typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw badRequest('invalid_cursor', 'The page cursor is not valid');
    }
    offset = value;
  }
  const errors = JSON.parse(row.errors_json) as ImportErrorDto[];
  const items = errors.slice(offset, offset + query.limit);
  const next = offset + items.length;
  return { items, nextCursor: next < errors.length ? encodeCursor(next, id) : null };
}

// ---- starting an import --------------------------------------------------------------------

export interface ImportUpload {
  kind: ImportKind;
  agencyId?: string | undefined;
  fileNameHeader: string;
  content: Buffer | null;
}

type ParsedFile = { kind: 'ctdc'; text: string } | { kind: 'htcds'; rows: SheetRow[] };

/** The file as text (CSV) or sheet rows (XLSX); 415 when it is not that kind of file. */
async function parseFile(kind: ImportKind, content: Buffer): Promise<ParsedFile> {
  if (kind === 'ctdc') {
    const text = decodeCsvText(content);
    if (text === null) throw new HttpProblem(415, 'unsupported_media_type', 'A CTDC import is a CSV file (UTF-8 text)');
    return { kind, text };
  }
  const type = await detectMediaType(content, XLSX_TYPES);
  const rows = type ? readXlsx(content) : null;
  if (!rows) throw new HttpProblem(415, 'unsupported_media_type', 'An HTCDS import is an Excel workbook (.xlsx)');
  return { kind, rows };
}

/** The agency HTCDS cases go to: the caller's own, or any active one for administrators. */
async function targetAgency(ctx: AppContext, rc: RequestContext, upload: ImportUpload): Promise<string | null> {
  if (upload.kind === 'ctdc') {
    if (upload.agencyId !== undefined) {
      throw validationFailed([
        { path: 'querystring.agencyId', message: 'An agency is given for HTCDS imports only', code: 'invalid_agency' },
      ]);
    }
    return null;
  }
  const agencyId = upload.agencyId ?? rc.actor.agencyId;
  if (agencyId !== rc.actor.agencyId && !isAdministrator(rc.actor)) {
    throw refused('agency_not_allowed', 'Cases are imported into your own agency', 'agency', agencyId);
  }
  const agency = await findAgency(ctx.db, agencyId);
  if (agency?.status !== 'active') {
    throw validationFailed([
      { path: 'querystring.agencyId', message: 'Name an active agency', code: 'invalid_agency' },
    ]);
  }
  return agencyId;
}

/**
 * Checks an upload and starts its import in the background; answers the running import, or
 * the earlier import of the same file with `duplicate: true` (nothing is imported then).
 */
export async function startImport(
  ctx: AppContext,
  rc: RequestContext,
  upload: ImportUpload,
): Promise<{ duplicate: boolean; import: ImportDto }> {
  const permission = upload.kind === 'ctdc' ? 'analytics:import' : 'case:import';
  if (!hasPermission(rc.actor, permission)) {
    throw refused('forbidden', 'You may not import this kind of file', 'import');
  }
  const agencyId = await targetAgency(ctx, rc, upload);
  const fileName = cleanFileName(upload.fileNameHeader);
  if (fileName === null || fileNameLength(fileName) > MAX_FILE_NAME_LENGTH) {
    throw validationFailed([
      {
        path: 'headers.x-file-name',
        message: `Give the file's name, URI-encoded, in at most ${MAX_FILE_NAME_LENGTH} characters`,
        code: 'invalid_file_name',
      },
    ]);
  }
  const content = upload.content;
  if (!content || content.length === 0) throw badRequest('empty_file', 'The file is empty');
  const parsed = await parseFile(upload.kind, content);
  const sha256 = createHash('sha256').update(content).digest('hex');

  const earlier = await repo.findSameFile(ctx.db, upload.kind, sha256, agencyId);
  if (earlier) return { duplicate: true, import: presentImport(earlier) };

  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertImport(trx, {
      id,
      kind: upload.kind,
      status: 'running',
      file_name: fileName,
      file_sha256: sha256,
      agency_id: agencyId,
      total_rows: 0,
      processed_rows: 0,
      valid_rows: 0,
      invalid_rows: 0,
      imported_rows: 0,
      errors_json: '[]',
      created_by: rc.actor.userId,
      created_at: nowIso(),
      finished_at: null,
    });
    await ctx.audit.inTransaction(trx, importAudit(rc, 'import.create', id));
  });
  const ownerId = agencyId === rc.actor.agencyId ? rc.actor.userId : null;
  const work =
    parsed.kind === 'ctdc'
      ? runCtdcImport(ctx, rc, id, parsed.text)
      : runHtcdsImport(ctx, rc, id, parsed.rows, agencyId as string, ownerId);
  track(ctx, id, work);
  const row = await repo.findImport(ctx.db, id);
  if (!row) throw notFound('Import');
  return { duplicate: false, import: presentImport(row) };
}

/** Keeps the background work findable and turns any failure into a 'failed' import. */
function track(ctx: AppContext, id: string, work: Promise<void>): void {
  let jobs = runningJobs.get(ctx);
  if (!jobs) {
    jobs = new Set();
    runningJobs.set(ctx, jobs);
  }
  const job: Promise<void> = work
    .catch(async (error: unknown) => {
      ctx.logger.error({ err: error, importId: id }, 'import failed');
      await repo
        .updateImport(ctx.db, id, { status: 'failed', finished_at: nowIso() })
        .catch((e: unknown) => ctx.logger.error({ err: e, importId: id }, 'could not mark the import failed'));
    })
    .finally(() => {
      jobs.delete(job);
      progressWrittenAt.delete(id);
    });
  jobs.add(job);
}

/** Marks imports that a stopped process left running as failed; their transaction never committed. */
export async function failInterruptedImports(ctx: AppContext, startedAt: string): Promise<number> {
  return repo.failInterruptedImports(ctx.db, startedAt, nowIso());
}

// ---- the background work ---------------------------------------------------------------------

interface Outcome {
  status: ImportStatus;
  totalRows: number;
  validRows: number;
  errors: ImportErrorDto[];
  /** Writes the valid rows inside the import's one transaction; answers how many went in. */
  write?: (trx: Tx) => Promise<number>;
}

/** Writes the valid rows, the final counts and the audit row in one transaction. */
async function finishImport(ctx: AppContext, rc: RequestContext, id: string, outcome: Outcome): Promise<void> {
  progressWrittenAt.delete(id);
  await ctx.db.transaction().execute(async (trx) => {
    const imported = outcome.write && outcome.validRows > 0 ? await outcome.write(trx) : 0;
    const rowErrors = new Set(outcome.errors.filter((e) => e.reason !== 'missing_column').map((e) => e.line));
    await repo.updateImport(trx, id, {
      status: outcome.status === 'completed' && imported === 0 ? 'rejected' : outcome.status,
      total_rows: outcome.totalRows,
      processed_rows: outcome.totalRows,
      valid_rows: outcome.validRows,
      invalid_rows: rowErrors.size,
      imported_rows: imported,
      errors_json: JSON.stringify(outcome.errors),
      finished_at: nowIso(),
    });
    await ctx.audit.inTransaction(trx, importAudit(rc, 'import.complete', id));
  });
}

/** When each running import last wrote its progress. */
const progressWrittenAt = new Map<string, number>();

/**
 * Progress for the page that polls, written at most every PROGRESS_MS (each write is a durable
 * commit); the event loop gets a turn either way, so other requests are served meanwhile.
 */
async function reportProgress(ctx: AppContext, id: string, processed: number, total: number): Promise<void> {
  const now = Date.now();
  if (processed === 0 || now - (progressWrittenAt.get(id) ?? 0) >= PROGRESS_MS) {
    progressWrittenAt.set(id, now);
    await repo.updateImport(ctx.db, id, { processed_rows: processed, total_rows: Math.max(total, processed) });
  }
  await yieldToEventLoop();
}

/** Reads a CTDC CSV file into `stat_records` rows (source 'ctdc'). */
async function runCtdcImport(ctx: AppContext, rc: RequestContext, id: string, text: string): Promise<void> {
  await yieldToEventLoop();
  const records = readCsv(text);
  const first = records.next();
  const header = readCtdcHeader(first.done ? [] : first.value.fields);
  if (!header.ok) {
    await finishImport(ctx, rc, id, { status: 'rejected', totalRows: 0, validRows: 0, errors: header.errors });
    return;
  }
  // An estimate for the progress bar (quoted line breaks aside); the count is exact at the end.
  let estimate = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) estimate += 1;
  await reportProgress(ctx, id, 0, estimate);
  const currentYear = new Date().getUTCFullYear();
  const valid: CtdcRecord[] = [];
  const errors: ImportErrorDto[] = [];
  let total = 0;
  for (const record of records) {
    total += 1;
    const result = header.reader.read(record.line, record.fields, currentYear);
    if (result.ok) valid.push(result.record);
    else errors.push(result.error);
    if (total % PROGRESS_EVERY === 0) await reportProgress(ctx, id, total, estimate);
  }
  await finishImport(ctx, rc, id, {
    status: 'completed',
    totalRows: total,
    validRows: valid.length,
    errors,
    write: async (trx) => {
      const rows: StatRecordTable[] = valid.map((r) => ({
        id: newId(),
        source: 'ctdc',
        import_id: id,
        case_id: null,
        ...r,
      }));
      await repo.insertStatRecords(trx, ctx.engine, rows);
      return rows.length;
    },
  });
}

/** Reads HTCDS workbook rows into registered cases of the agency, through the case service. */
async function runHtcdsImport(
  ctx: AppContext,
  rc: RequestContext,
  id: string,
  rows: SheetRow[],
  agencyId: string,
  ownerId: string | null,
): Promise<void> {
  await yieldToEventLoop();
  const day = today();
  const sheet = readHtcdsSheet(rows, countryProfile(ctx.config.country).counties, day);
  if (!sheet.ok) {
    await finishImport(ctx, rc, id, { status: 'rejected', totalRows: 0, validRows: 0, errors: sheet.errors });
    return;
  }
  const total = sheet.dataRows.length;
  await reportProgress(ctx, id, 0, total);
  const valid: HtcdsCase[] = [];
  const errors: ImportErrorDto[] = [];
  let processed = 0;
  for (const row of sheet.dataRows) {
    processed += 1;
    const result = sheet.header.read(row);
    if (result.ok) valid.push(result.value);
    else errors.push(result.error);
    if (processed % PROGRESS_EVERY === 0) await reportProgress(ctx, id, processed, total);
  }
  await finishImport(ctx, rc, id, {
    status: 'completed',
    totalRows: total,
    validRows: valid.length,
    errors,
    write: async (trx) => {
      const caseIds: string[] = [];
      for (const row of valid) {
        const created = await insertDraftCase(ctx, trx, { agencyId, ownerId, createdBy: rc.actor.userId }, row.input);
        // The row holds what registration needs (checked above): the case is registered, not a draft.
        await updateCase(trx, created.id, { draft: 0, status: 'Active', updated_at: nowIso() });
        if (row.consent) {
          const consentId = newId();
          await insertConsent(trx, {
            id: consentId,
            case_id: created.id,
            purpose: 'statistics',
            agency_id: null,
            sections: '[]',
            method: 'written',
            given_on: day,
            guardian_name_enc: null,
            best_interest_note_enc: null,
            recorded_by: rc.actor.userId,
            recorded_at: nowIso(),
            withdrawn_at: null,
            withdrawn_by: null,
            withdrawal_reason_enc: null,
          });
        }
        caseIds.push(created.id);
      }
      await refreshCaseStatistics(trx, caseIds, { country: ctx.config.country });
      await ctx.audit.inTransaction(trx, ...caseIds.map((caseId) => caseAudit(rc, 'case.create', caseId)));
      return caseIds.length;
    },
  });
}
