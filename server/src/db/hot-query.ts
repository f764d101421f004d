import type { Compilable, CompiledQuery } from 'kysely';
import type { Db, Tx } from './database.ts';

const MARKER = '\u0000kinga-param:';
const compiledByDb = new WeakMap<object, Map<string, CompiledQuery>>();

/**
 * A query on a request's hot path, built and compiled once per database and then run with
 * new values. Kysely otherwise rebuilds and recompiles every query on every call, which
 * cost more than running it (docs/decisions/010-hot-queries.md).
 * `build` must use each argument only as a bound value, never to shape the query.
 */
export function hotQuery<A extends unknown[], R>(name: string, build: (db: Db | Tx, ...args: A) => Compilable<R>) {
  return async (db: Db | Tx, ...args: A): Promise<R[]> => {
    // A transaction shares its database's dialect, so the compiled SQL of either serves both.
    const key = compiledKey(db);
    let cache = compiledByDb.get(key);
    if (!cache) {
      cache = new Map();
      compiledByDb.set(key, cache);
    }
    let compiled = cache.get(name);
    if (!compiled) {
      const markers = args.map((_, i) => `${MARKER}${i}`) as unknown as A;
      compiled = build(db, ...markers).compile();
      cache.set(name, compiled);
    }
    const parameters = compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(MARKER) ? args[Number(p.slice(MARKER.length))] : p,
    );
    const result = await db.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}

function compiledKey(db: Db | Tx): object {
  // Queries compile the same on every handle of one dialect; the adapter identifies the dialect.
  return db.getExecutor().adapter;
}
