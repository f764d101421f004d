import type { ImportKind, ListImportsQuery } from '@kinga/shared';
import { CompiledQuery, sql, type SqlBool } from 'kysely';
import type { Db, Engine, Tx } from '../../db/database.ts';
import { afterCursor, decodeCursor, pageFrom } from '../../db/keyset.ts';
import { STAT_RECORD_COLUMNS, type ImportTable, type StatRecordTable } from '../../db/schema.ts';

export type ImportRow = ImportTable;

/** An import with the names the list shows. */
export interface ImportListRow extends ImportRow {
  agency_name: string | null;
  created_by_name: string;
}

/**
 * Which imports a caller sees: CTDC imports for holders of analytics:import; HTCDS imports of
 * every agency (administrators), of the own agency (case roles), or none.
 */
export interface ImportScope {
  ctdc: boolean;
  htcds: { kind: 'all' } | { kind: 'agency'; agencyId: string } | { kind: 'none' };
}

/** Rows per multi-row INSERT: 23 parameters a row stays far below both engines' limits. */
const INSERT_CHUNK = 500;

function selectImports(db: Db | Tx) {
  return db
    .selectFrom('imports')
    .leftJoin('agencies', 'agencies.id', 'imports.agency_id')
    .innerJoin('users', 'users.id', 'imports.created_by')
    .selectAll('imports')
    .select(['agencies.name as agency_name', 'users.name as created_by_name']);
}

export async function insertImport(db: Db | Tx, row: ImportRow): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export function findImport(db: Db | Tx, id: string): Promise<ImportListRow | undefined> {
  return selectImports(db).where('imports.id', '=', id).executeTakeFirst();
}

/** The import that already took (or is taking) the same file: same kind, hash and, for HTCDS, agency. */
export function findSameFile(
  db: Db | Tx,
  kind: ImportKind,
  sha256: string,
  agencyId: string | null,
): Promise<ImportListRow | undefined> {
  let q = selectImports(db)
    .where('imports.kind', '=', kind)
    .where('imports.file_sha256', '=', sha256)
    .where('imports.status', 'in', ['running', 'completed']);
  if (agencyId !== null) q = q.where('imports.agency_id', '=', agencyId);
  return q.orderBy('imports.created_at', 'asc').executeTakeFirst();
}

export async function updateImport(db: Db | Tx, id: string, patch: Partial<ImportRow>): Promise<void> {
  await db.updateTable('imports').set(patch).where('id', '=', id).execute();
}

/** Newest first, keyset-paginated, within the caller's scope. */
export async function listImports(
  db: Db,
  scope: ImportScope,
  query: ListImportsQuery,
): Promise<{ rows: ImportListRow[]; nextCursor: string | null }> {
  let q = selectImports(db).where((eb) => {
    const visible = [];
    if (scope.ctdc) visible.push(eb('imports.kind', '=', 'ctdc'));
    if (scope.htcds.kind === 'all') visible.push(eb('imports.kind', '=', 'htcds'));
    if (scope.htcds.kind === 'agency') {
      visible.push(eb.and([eb('imports.kind', '=', 'htcds'), eb('imports.agency_id', '=', scope.htcds.agencyId)]));
    }
    return visible.length ? eb.or(visible) : sql<SqlBool>`1 = 0`;
  });
  if (query.kind) q = q.where('imports.kind', '=', query.kind);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, eb.ref('imports.created_at'), eb.ref('imports.id'), cursor, 'desc'));
  }
  const rows = await q
    .orderBy('imports.created_at', 'desc')
    .orderBy('imports.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r.created_at);
}

/** The text of a multi-row INSERT of n records, made once per size and engine: compiling 11,000 values each time costs more than the insert. */
const insertTexts = new Map<string, string>();
function insertText(engine: Engine, rowCount: number): string {
  const key = `${engine}:${rowCount}`;
  let text = insertTexts.get(key);
  if (!text) {
    const width = STAT_RECORD_COLUMNS.length;
    const rows: string[] = [];
    for (let r = 0; r < rowCount; r += 1) {
      const marks = STAT_RECORD_COLUMNS.map((_, c) => (engine === 'postgres' ? `$${r * width + c + 1}` : '?'));
      rows.push(`(${marks.join(', ')})`);
    }
    text = `insert into stat_records (${STAT_RECORD_COLUMNS.join(', ')}) values ${rows.join(', ')}`;
    insertTexts.set(key, text);
  }
  return text;
}

/** Inserts de-identified records in multi-row statements (every value a parameter); the caller holds the transaction. */
export async function insertStatRecords(trx: Tx, engine: Engine, rows: readonly StatRecordTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    const values: unknown[] = [];
    for (const row of chunk) for (const column of STAT_RECORD_COLUMNS) values.push(row[column]);
    await trx.executeQuery(CompiledQuery.raw(insertText(engine, chunk.length), values));
  }
}

/** Imports left 'running' by a process that stopped: their transaction never committed. */
export async function failInterruptedImports(db: Db, startedBefore: string, now: string): Promise<number> {
  const result = await db
    .updateTable('imports')
    .set({ status: 'failed', finished_at: now })
    .where('status', '=', 'running')
    .where('created_at', '<', startedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
