import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { z } from 'zod';

/**
 * The Kinga backup format, version 1: gzip'd JSON lines. The first line is the header, then
 * one line per row (`{"table","row"}`) in foreign-key order, then a footer with the row count
 * of every table, so a file cut short at a line boundary is still detected.
 *
 * It is logical, not a copy of database pages, so a backup made on SQLite restores on
 * PostgreSQL and back. The master key is NOT in it: encrypted columns (such as
 * users.totp_secret_enc) can only be read with the master key of the instance that made it,
 * so that key must be kept, separately and safely, with every backup.
 */
export const BACKUP_FORMAT = 'kinga-backup';
export const BACKUP_VERSION = 1;

export class BackupError extends Error {}

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  kingaVersion: z.string().optional(),
  migrations: z.array(z.string()),
  tables: z.array(z.string()),
  /** A check value derived from the master key (never the key): tells a restore whether the key in place matches. */
  masterKeyCheck: z.string().nullable().optional(),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

const footerSchema = z.object({ end: z.literal(true), rows: z.record(z.string(), z.number().int().nonnegative()) });

/** A stored value: text, number or null; binary values travel as base64. */
export type CellValue = string | number | null | Buffer;
export type BackupRow = Record<string, CellValue>;
export interface BackupRecord {
  table: string;
  row: BackupRow;
}

// A row larger than this is not something Kinga writes: stop rather than exhaust memory.
const MAX_LINE_CHARS = 64 * 1024 * 1024;
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** The header line. */
export function encodeHeader(header: BackupHeader): string {
  return `${JSON.stringify(header)}\n`;
}

/** One row line; binary values become `{"$base64":…}`. */
export function encodeRow(table: string, row: Record<string, unknown>): string {
  const out: Record<string, string | number | null | { $base64: string }> = {};
  for (const [column, value] of Object.entries(row)) {
    if (value === null || typeof value === 'string' || typeof value === 'number') out[column] = value;
    else if (typeof value === 'bigint') out[column] = Number(value);
    else if (Buffer.isBuffer(value)) out[column] = { $base64: value.toString('base64') };
    else throw new Error(`${table}.${column} holds a value the backup format cannot carry (${typeof value})`);
  }
  return `${JSON.stringify({ table, row: out })}\n`;
}

/** The footer line: how many rows of each table precede it. */
export function encodeFooter(rows: Record<string, number>): string {
  return `${JSON.stringify({ end: true, rows })}\n`;
}

/**
 * Writes the lines gzip'd to `file` atomically: a temporary file in the same folder, mode
 * 0600 (it holds personal data), fsync'd, then renamed over the target and the folder
 * fsync'd, so a crash leaves either the old file or the complete new one.
 */
export async function writeBackupFile(file: string, lines: AsyncIterable<string>): Promise<number> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new BackupError(`The folder ${dir} does not exist`);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await pipeline(
      Readable.from(lines),
      zlib.createGzip({ level: 6 }),
      fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }),
    );
    const fd = fs.openSync(temp, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  const dirFd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
  return fs.statSync(target).size;
}

/** An opened backup: its checked header, then its rows, checked as they are read. */
export interface BackupReader {
  header: BackupHeader;
  /** Rows in file order; throws BackupError on a corrupt or truncated file, after the last row if need be. */
  rows(): AsyncGenerator<BackupRecord>;
  /** Row counts per table, known once rows() has been read to the end. */
  counts: Record<string, number>;
}

/** Opens a backup file and reads its header; nothing else is read until rows() is iterated. */
export async function openBackup(file: string): Promise<BackupReader> {
  assertGzipFile(file);
  const lines = readLines(file);
  const first = await nextLine(lines);
  if (first === undefined) throw new BackupError(`${file} is empty inside: not a Kinga backup`);
  const header = parseHeader(first);
  const counts: Record<string, number> = {};
  const tableOrder = new Map(header.tables.map((t, i) => [t, i]));

  async function* rows(): AsyncGenerator<BackupRecord> {
    let lineNo = 1;
    let position = 0;
    for (;;) {
      const line = await nextLine(lines);
      lineNo += 1;
      if (line === undefined) throw new BackupError('The backup is truncated: its end marker is missing');
      const value = parseJson(line, lineNo);
      if (isObject(value) && value.end === true) {
        checkFooter(value, counts, header.tables);
        if ((await nextLine(lines)) !== undefined)
          throw new BackupError(`The backup has data after its end marker (line ${lineNo + 1})`);
        return;
      }
      const record = parseRecord(value, lineNo);
      const index = tableOrder.get(record.table);
      if (index === undefined)
        throw new BackupError(`Line ${lineNo}: table ${record.table} is not listed in the header`);
      if (index < position)
        throw new BackupError(`Line ${lineNo}: rows of ${record.table} are out of foreign-key order`);
      position = index;
      counts[record.table] = (counts[record.table] ?? 0) + 1;
      yield record;
    }
  }

  return { header, rows, counts };
}

function assertGzipFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${code ?? 'error'})`);
  }
  try {
    const magic = Buffer.alloc(2);
    const read = fs.readSync(fd, magic, 0, 2, 0);
    if (read < 2 || !magic.equals(GZIP_MAGIC)) throw new BackupError(`${file} is not a Kinga backup (not gzip data)`);
  } finally {
    fs.closeSync(fd);
  }
}

async function* readLines(file: string): AsyncGenerator<string, undefined> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      pending += decoder.write(chunk);
      let start = 0;
      let newline: number;
      while ((newline = pending.indexOf('\n', start)) >= 0) {
        yield pending.slice(start, newline);
        start = newline + 1;
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE_CHARS)
        throw new BackupError('The backup holds a line too long to be a row: the file is corrupt');
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') throw new BackupError('The backup is truncated: the compressed data ends early');
    throw new BackupError(`The backup is corrupt: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  pending += decoder.end();
  if (pending.length > 0) throw new BackupError('The backup is truncated: its last line is incomplete');
  return undefined;
}

async function nextLine(lines: AsyncGenerator<string, undefined>): Promise<string | undefined> {
  const { value, done } = await lines.next();
  return done ? undefined : value;
}

function parseJson(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`Line ${lineNo} of the backup is not valid JSON: the file is corrupt`);
  }
}

function parseHeader(line: string): BackupHeader {
  const value = parseJson(line, 1);
  if (!isObject(value) || value.format !== BACKUP_FORMAT)
    throw new BackupError('Not a Kinga backup: the header is missing');
  if (value.version !== BACKUP_VERSION) {
    throw new BackupError(
      `Backup format version ${String(value.version)} is not supported (this Kinga reads version ${BACKUP_VERSION})`,
    );
  }
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success)
    throw new BackupError(
      `The backup header is malformed: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  return parsed.data;
}

function parseRecord(value: unknown, lineNo: number): BackupRecord {
  if (!isObject(value) || typeof value.table !== 'string' || !isObject(value.row)) {
    throw new BackupError(`Line ${lineNo} of the backup is not a row: the file is corrupt`);
  }
  const row: BackupRow = {};
  for (const [column, cell] of Object.entries(value.row)) {
    if (cell === null || typeof cell === 'string' || typeof cell === 'number') row[column] = cell;
    else if (isObject(cell) && typeof cell.$base64 === 'string') row[column] = Buffer.from(cell.$base64, 'base64');
    else throw new BackupError(`Line ${lineNo}: ${value.table}.${column} holds a value of an unknown kind`);
  }
  return { table: value.table, row };
}

function checkFooter(value: Record<string, unknown>, counts: Record<string, number>, tables: readonly string[]): void {
  const parsed = footerSchema.safeParse(value);
  if (!parsed.success) throw new BackupError('The backup end marker is malformed');
  for (const table of tables) {
    const expected = parsed.data.rows[table] ?? 0;
    const read = counts[table] ?? 0;
    if (expected !== read)
      throw new BackupError(`The backup is incomplete: ${table} should have ${expected} rows, it has ${read}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
