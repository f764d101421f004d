import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@kinga/shared';
import type { Db, Tx } from '../../db/database.ts';
import { hotQuery } from '../../db/hot-query.ts';
import { nowIso } from '../../db/ids.ts';

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

/** The database keeps only a hash of the session id, so a copy of the database opens no session. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Starts a new session (a new id at every sign-in); returns the cookie value and the CSRF token. */
export async function createSession(trx: Tx | Db, userId: string, timeouts: SessionTimeouts, now = Date.now()) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await trx
    .insertInto('sessions')
    .values({
      id_hash: hashSessionToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: nowIso(now),
      last_seen_at: nowIso(now),
      idle_expires_at: nowIso(now + timeouts.idleMs),
      absolute_expires_at: nowIso(now + timeouts.absoluteMs),
    })
    .execute();
  return { token, csrfToken };
}

export interface ActiveSession {
  idHash: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  user: {
    name: string;
    email: string;
    agencyId: string;
    agencyName: string;
    language: 'en' | 'sw';
    isDemo: boolean;
    mfaRequired: boolean;
    totpEnabled: boolean;
    roles: Role[];
  };
}

// Touching the session on every request would turn each read into a write; once a minute is enough for idle expiry.
const TOUCH_INTERVAL_MS = 60_000;

const selectLiveSession = hotQuery('session.findLive', (db, idHash: string, now: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .leftJoin('user_roles as r', 'r.user_id', 's.user_id')
    .select([
      's.id_hash',
      's.user_id',
      's.csrf_token',
      's.last_seen_at',
      's.idle_expires_at',
      's.absolute_expires_at',
      'u.name',
      'u.email',
      'u.agency_id',
      'a.name as agency_name',
      'u.language',
      'u.is_demo',
      'u.mfa_required',
      'u.totp_enabled',
      'r.role',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.idle_expires_at', '>', now)
    .where('s.absolute_expires_at', '>', now)
    .where('u.status', '=', 'active')
    .where('a.status', '=', 'active')
    .orderBy('r.role'),
);

/**
 * Finds the live session of a cookie value: unexpired, of an active user in an active agency,
 * with the user's roles. Extends the idle timeout, at most once a minute.
 */
export async function findActiveSession(
  db: Db,
  token: string,
  timeouts: SessionTimeouts,
  now = Date.now(),
): Promise<ActiveSession | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const nowText = nowIso(now);
  const rows = await selectLiveSession(db, hashSessionToken(token), nowText);
  const row = rows[0];
  if (!row) return undefined;
  if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: nowText, idle_expires_at: nowIso(now + timeouts.idleMs) })
      .where('id_hash', '=', row.id_hash)
      .execute();
  }
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
    idleExpiresAt: row.idle_expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
    user: {
      name: row.name,
      email: row.email,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      language: row.language,
      isDemo: row.is_demo === 1,
      mfaRequired: row.mfa_required === 1,
      totpEnabled: row.totp_enabled === 1,
      roles: rows.flatMap((r) => (r.role ? [r.role as Role] : [])),
    },
  };
}

export async function deleteSession(trx: Tx | Db, idHash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user at once (deactivation, password reset). */
export async function deleteUserSessions(trx: Tx | Db, userId: string, exceptIdHash?: string): Promise<void> {
  let q = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
  await q.execute();
}

/** Removes expired sessions and lapsed throttle counters; run at start and every hour. */
export async function purgeExpiredSessions(db: Db, now = Date.now()): Promise<void> {
  const nowText = nowIso(now);
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('idle_expires_at', '<=', nowText), eb('absolute_expires_at', '<=', nowText)]))
    .execute();
  // A counter whose window began a day ago no longer blocks or counts toward anything.
  await db
    .deleteFrom('throttles')
    .where('window_started_at', '<', nowIso(now - 86_400_000))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', nowText)]))
    .execute();
}
