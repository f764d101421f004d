import { createHash, randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';

const LIFETIME_MS = { setup: 72 * 3_600_000, reset: 24 * 3_600_000 } as const;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Voids every password link of a user (a new link, a deactivation). */
export async function revokePasswordTokens(trx: Tx, userId: string): Promise<void> {
  await trx.deleteFrom('password_tokens').where('user_id', '=', userId).execute();
}

/** Issues a one-time password link token; earlier unused tokens of the user stop working. */
export async function issuePasswordToken(trx: Tx, userId: string, purpose: 'setup' | 'reset', now = Date.now()) {
  await revokePasswordTokens(trx, userId);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = nowIso(now + LIFETIME_MS[purpose]);
  await trx
    .insertInto('password_tokens')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      purpose,
      created_at: nowIso(now),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** Uses a token once: answers the user it belongs to, or undefined when unknown, used or expired. */
export async function consumePasswordToken(trx: Tx | Db, token: string, now = Date.now()): Promise<string | undefined> {
  const nowText = nowIso(now);
  const row = await trx
    .selectFrom('password_tokens')
    .select(['token_hash', 'user_id'])
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowText)
    .executeTakeFirst();
  if (!row) return undefined;
  const used = await trx
    .updateTable('password_tokens')
    .set({ used_at: nowText })
    .where('token_hash', '=', row.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return used.numUpdatedRows === 1n ? row.user_id : undefined;
}

/** The link an administrator hands to the user; the token rides in the fragment, which no server or proxy logs. */
export function passwordLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/set-password#token=${token}`;
}
