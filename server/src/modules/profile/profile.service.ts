import type { Language, SessionUserDto, TotpSetupDto } from '@kinga/shared';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { HttpProblem, conflict, validationFailed } from '../../http/errors.ts';
import { describeSession, mustEnrolMfa } from '../auth/auth.service.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { deleteUserSessions, type ActiveSession } from '../auth/sessions.ts';
import { hashRecoveryCode, matchTotpStep, newRecoveryCodes, newTotpSecret, totpQrSvg, totpUri } from '../auth/totp.ts';
import { Throttle } from '../auth/throttle.ts';
import * as users from '../users/users.repository.ts';

const secretLocation = (userId: string) => `users:${userId}:totp_secret_enc`;

async function getSelf(ctx: AppContext, rc: RequestContext) {
  const user = await users.findUser(ctx.db, rc.actor.userId);
  if (!user) throw new HttpProblem(401, 'unauthenticated', 'Sign in to continue');
  return user;
}

function auditOf(rc: RequestContext, action: string, outcome: AuditEntry['outcome'] = 'success'): AuditEntry {
  return {
    action,
    outcome,
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType: 'user',
    entityId: rc.actor.userId,
    requestId: rc.requestId,
  };
}

/**
 * Checks a secret the signed-in user re-enters (password, first TOTP code). Failures count
 * toward a per-account limit, so a stolen session cannot be used to guess them.
 */
async function requireSecret(
  ctx: AppContext,
  rc: RequestContext,
  action: string,
  ok: () => Promise<boolean>,
  issue: { path: string; message: string; code: string },
): Promise<void> {
  const throttle = new Throttle(ctx.db, ctx.engine);
  const key = `reauth:${rc.actor.userId}`;
  await throttle.assertAllowed([key]);
  if (await ok()) return;
  await throttle.recordFailure(key, { maxFailures: ctx.config.loginMaxFailures, windowMs: ctx.config.loginWindowMs });
  await ctx.audit.record(auditOf(rc, action, 'failure'));
  throw validationFailed([issue]);
}

const passwordMatches = (hash: string | null, password: string) => async () =>
  hash !== null && (await verifyPassword(hash, password));

export async function updateLanguage(
  ctx: AppContext,
  rc: RequestContext,
  session: ActiveSession,
  language: Language,
): Promise<SessionUserDto> {
  await ctx.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, rc.actor.userId, { language, updated_at: nowIso() });
    await ctx.audit.inTransaction(trx, auditOf(rc, 'profile.language'));
  });
  return describeSession({ ...session, user: { ...session.user, language } }, rc.actor).user;
}

/** Changes the password after checking the current one; other sessions of the user end. */
export async function changePassword(
  ctx: AppContext,
  rc: RequestContext,
  session: ActiveSession,
  current: string,
  next: string,
): Promise<void> {
  const user = await getSelf(ctx, rc);
  await requireSecret(ctx, rc, 'profile.password', passwordMatches(user.password_hash, current), {
    path: 'body.currentPassword',
    message: 'The current password is wrong',
    code: 'wrong_password',
  });
  const weak = checkPasswordStrength(next, ctx.config.passwordMinLength, user.email);
  if (weak) throw validationFailed([{ path: 'body.newPassword', message: weak.message, code: weak.code }]);
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, { password_hash: hash, updated_at: nowIso() });
    await deleteUserSessions(trx, user.id, session.idHash);
    await ctx.audit.inTransaction(trx, auditOf(rc, 'profile.password'));
  });
}

/** Starts TOTP enrolment: a new secret, kept encrypted and inactive until a code confirms it. */
export async function startTotpEnrolment(ctx: AppContext, rc: RequestContext): Promise<TotpSetupDto> {
  const user = await getSelf(ctx, rc);
  if (user.totp_enabled === 1) throw conflict('mfa_already_enabled', 'A second factor is already set up');
  const secret = newTotpSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, {
      totp_secret_enc: ctx.keyring.encrypt('totp', secret, secretLocation(user.id)),
      totp_last_step: null,
      updated_at: nowIso(),
    });
    await ctx.audit.inTransaction(trx, auditOf(rc, 'profile.totp_setup'));
  });
  const uri = totpUri(secret, user.email);
  return { secret, otpauthUri: uri, qrSvg: await totpQrSvg(uri) };
}

/** Confirms enrolment with a first code; answers the recovery codes, shown this once. */
export async function confirmTotpEnrolment(ctx: AppContext, rc: RequestContext, code: string): Promise<string[]> {
  const user = await getSelf(ctx, rc);
  if (user.totp_enabled === 1) throw conflict('mfa_already_enabled', 'A second factor is already set up');
  if (!user.totp_secret_enc) throw conflict('mfa_not_started', 'Start the set-up first');
  const secret = ctx.keyring.decrypt('totp', user.totp_secret_enc, secretLocation(user.id));
  const step = matchTotpStep(secret, code);
  await requireSecret(ctx, rc, 'profile.totp_enable', () => Promise.resolve(step !== undefined), {
    path: 'body.code',
    message: 'The code is wrong; check the time on your phone',
    code: 'invalid_totp',
  });
  if (step === undefined) return [];
  const codes = newRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, { totp_enabled: 1, totp_last_step: step, updated_at: nowIso() });
    await replaceRecoveryCodes(trx, user.id, codes);
    await ctx.audit.inTransaction(trx, auditOf(rc, 'profile.totp_enable'));
  });
  return codes;
}

/** New recovery codes (the old ones stop working), against a current code from the authenticator. */
export async function regenerateRecoveryCodes(ctx: AppContext, rc: RequestContext, code: string): Promise<string[]> {
  const user = await getSelf(ctx, rc);
  if (user.totp_enabled !== 1 || !user.totp_secret_enc)
    throw conflict('mfa_not_enabled', 'Set up a second factor first');
  const secret = ctx.keyring.decrypt('totp', user.totp_secret_enc, secretLocation(user.id));
  const step = matchTotpStep(secret, code);
  await requireSecret(
    ctx,
    rc,
    'profile.recovery_codes',
    () => Promise.resolve(step !== undefined && step > (user.totp_last_step ?? -1)),
    {
      path: 'body.code',
      message: 'The code is wrong or was already used; wait for the next one',
      code: 'invalid_totp',
    },
  );
  const codes = newRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    // Conditional, so the code cannot also serve a sign-in racing this request.
    const used = await trx
      .updateTable('users')
      .set({ totp_last_step: step ?? null, updated_at: nowIso() })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step ?? 0)]))
      .executeTakeFirst();
    if (used.numUpdatedRows !== 1n) {
      throw validationFailed([
        { path: 'body.code', message: 'The code was already used; wait for the next one', code: 'invalid_totp' },
      ]);
    }
    await replaceRecoveryCodes(trx, user.id, codes);
    await ctx.audit.inTransaction(trx, auditOf(rc, 'profile.recovery_codes'));
  });
  return codes;
}

/** Turns the second factor off, with the password, unless the account must keep one. */
export async function disableTotp(ctx: AppContext, rc: RequestContext, password: string): Promise<void> {
  const user = await getSelf(ctx, rc);
  await requireSecret(ctx, rc, 'profile.totp_disable', passwordMatches(user.password_hash, password), {
    path: 'body.password',
    message: 'The password is wrong',
    code: 'wrong_password',
  });
  const required = mustEnrolMfa(
    ctx,
    { isDemo: user.is_demo === 1, mfaRequired: user.mfa_required === 1, totpEnabled: false },
    user.roles,
  );
  if (required) throw conflict('mfa_required', 'Your account must keep a second factor');
  await ctx.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, {
      totp_enabled: 0,
      totp_secret_enc: null,
      totp_last_step: null,
      updated_at: nowIso(),
    });
    await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    await ctx.audit.inTransaction(trx, auditOf(rc, 'profile.totp_disable'));
  });
}

async function replaceRecoveryCodes(
  trx: Parameters<typeof users.updateUser>[0],
  userId: string,
  codes: string[],
): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const now = nowIso();
  await trx
    .insertInto('recovery_codes')
    .values(
      codes.map((c) => ({
        id: newId(),
        user_id: userId,
        code_hash: hashRecoveryCode(c),
        used_at: null,
        created_at: now,
      })),
    )
    .execute();
}
