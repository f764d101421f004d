import type { Db, Engine } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import { tooManyRequests } from '../../http/errors.ts';

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

/**
 * Failure counters kept in the database, so that every app process behind a load balancer
 * sees the same count. Keys are blind indexes: no address or email is stored.
 */
export class Throttle {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
  ) {}

  /** Refuses with 429 while any of the keys is blocked. */
  async assertAllowed(keys: readonly string[], now = Date.now()): Promise<void> {
    const rows = await this.db
      .selectFrom('throttles')
      .select(['blocked_until'])
      .where('key', 'in', keys)
      .where('blocked_until', '>', nowIso(now))
      .execute();
    const until = rows.map((r) => Date.parse(r.blocked_until ?? '')).filter(Number.isFinite);
    if (until.length > 0) throw tooManyRequests((Math.max(...until) - now) / 1000);
  }

  /** Counts one failure; the key is blocked for a window once it reaches the rule's maximum. */
  async recordFailure(key: string, rule: ThrottleRule, now = Date.now()): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // The row exists before it is read, so concurrent failures on PostgreSQL queue on its lock.
      await trx
        .insertInto('throttles')
        .values({ key, window_started_at: nowIso(now), failures: 0, blocked_until: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      let query = trx.selectFrom('throttles').selectAll().where('key', '=', key);
      if (this.engine === 'postgres') query = query.forUpdate();
      const row = await query.executeTakeFirstOrThrow();
      const windowOpen = row.failures > 0 && now - Date.parse(row.window_started_at) < rule.windowMs;
      const failures = windowOpen ? row.failures + 1 : 1;
      const values = {
        window_started_at: windowOpen ? row.window_started_at : nowIso(now),
        failures,
        blocked_until: failures >= rule.maxFailures ? nowIso(now + rule.windowMs) : null,
      };
      await trx.updateTable('throttles').set(values).where('key', '=', key).execute();
    });
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('throttles').where('key', '=', key).execute();
  }
}
