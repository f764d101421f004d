import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { badRequest } from '../http/errors.ts';

/** A page cursor: the sort value and id of the last row seen, opaque to clients. */
export function encodeCursor(sortValue: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the client error
  }
  throw badRequest('invalid_cursor', 'The page cursor is not valid');
}

/** Rows after the cursor in (sort, id) order: the keyset condition for either direction. */
export function afterCursor<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  sortExpr: Expression<unknown>,
  idColumn: Expression<unknown>,
  cursor: [string | number, string],
  order: 'asc' | 'desc',
): Expression<SqlBool> {
  const [value, id] = cursor;
  const op = order === 'asc' ? sql.raw('>') : sql.raw('<');
  return sql<SqlBool>`(${sortExpr} ${op} ${value} or (${sortExpr} = ${value} and ${idColumn} ${op} ${id}))`;
}

/** Splits a fetched page of limit+1 rows into the page and the next cursor. */
export function pageFrom<T extends { id: string }>(
  rows: T[],
  limit: number,
  sortValueOf: (row: T) => string | number,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1] as T;
  return { rows: page, nextCursor: encodeCursor(sortValueOf(last), last.id) };
}

/** Escapes LIKE wildcards so a search term matches literally. */
export function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Case-insensitive "contains" over a column that is stored lower-cased. */
export function containsText(column: Expression<unknown>, term: string): Expression<SqlBool> {
  return sql<SqlBool>`${column} like ${likePattern(term)} escape '\\'`;
}
