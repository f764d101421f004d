import type { LoginInput, Role, SessionDto } from '@kinga/shared';
import { permissionsOf } from '@kinga/shared';
import type { Actor } from '../../access/access.ts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/ids.ts';
import { HttpProblem, validationFailed } from '../../http/errors.ts';
import { consumePasswordToken } from '../users/password-tokens.ts';
import * as users from '../users/users.repository.ts';
import { checkPasswordStrength, getDummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, deleteUserSessions, type ActiveSession } from './sessions.ts';
import { Throttle } from './throttle.ts';
import { hashRecoveryCode, matchTotpStep } from './totp.ts';

const invalidCredentials = () => new HttpProblem(401, 'invalid_credentials', 'Wrong email or password');

export interface LoginResult {
  token: string;
  session: SessionDto;
}

function throttleKeys(ctx: AppContext, email: string, ip: string) {
  return {
    account: `login:acct:${ctx.keyring.blindIndex('throttle', email)}`,
    address: `login:ip:${ctx.keyring.blindIndex('throttle', ip)}`,
  };
}

/**
 * Signs in with password and, where enrolled, a TOTP or recovery code. The answer and the
 * work done are the same whether or not the account exists.
 */
export async function login(
  ctx: AppContext,
  input: LoginInput,
  ip: string,
  requestId: string,
  /** The session the browser still presented, if any: it ends, so one browser holds one session. */
  previousSessionIdHash?: string,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const throttle = new Throttle(ctx.db, ctx.engine);
  const keys = throttleKeys(ctx, email, ip);
  const perAccount = { maxFailures: ctx.config.loginMaxFailures, windowMs: ctx.config.loginWindowMs };
  const perAddress = { maxFailures: ctx.config.loginMaxFailures * 4, windowMs: ctx.config.loginWindowMs };
  await throttle.assertAllowed([keys.account, keys.address]);

  const user = await users.findUserByEmail(ctx.db, email);
  const passwordOk = await verifyPassword(user?.password_hash ?? (await getDummyHash()), input.password);
  const agency = user ? await users.findAgencyName(ctx.db, user.agency_id) : undefined;
  const fail = async (problem: HttpProblem) => {
    await throttle.recordFailure(keys.account, perAccount);
    await throttle.recordFailure(keys.address, perAddress);
    await ctx.audit.record({
      action: 'auth.login',
      outcome: 'failure',
      actorId: null,
      entityType: user ? 'user' : null,
      entityId: user?.id ?? null,
      requestId,
    });
    return problem;
  };
  if (!user || !user.password_hash || !passwordOk || user.status !== 'active' || agency?.status !== 'active') {
    throw await fail(invalidCredentials());
  }

  if (user.totp_enabled === 1) {
    if (!input.totp) throw new HttpProblem(401, 'totp_required', 'Enter the code from your authenticator app');
    if (!(await acceptSecondFactor(ctx, user, input.totp))) {
      throw await fail(new HttpProblem(401, 'invalid_totp', 'The code is wrong or was already used'));
    }
  }

  await throttle.clear(keys.account);
  const now = Date.now();
  const created = await ctx.db.transaction().execute(async (trx) => {
    if (previousSessionIdHash) await deleteSession(trx, previousSessionIdHash);
    const session = await createSession(
      trx,
      user.id,
      { idleMs: ctx.config.sessionIdleMs, absoluteMs: ctx.config.sessionAbsoluteMs },
      now,
    );
    await users.updateUser(trx, user.id, { last_sign_in_at: nowIso(now) });
    await ctx.audit.inTransaction(trx, {
      action: 'auth.login',
      outcome: 'success',
      actorId: user.id,
      agencyId: user.agency_id,
      entityType: 'user',
      entityId: user.id,
      requestId,
    });
    return session;
  });
  const full = await users.findUser(ctx.db, user.id);
  if (!full) throw invalidCredentials();
  const mustEnrol = mustEnrolMfa(
    ctx,
    { isDemo: full.is_demo === 1, mfaRequired: full.mfa_required === 1, totpEnabled: full.totp_enabled === 1 },
    full.roles,
  );
  return {
    token: created.token,
    session: {
      csrfToken: created.csrfToken,
      user: {
        id: full.id,
        name: full.name,
        email: full.email,
        agencyId: full.agency_id,
        agencyName: full.agency_name,
        roles: full.roles,
        language: full.language,
        mfaEnabled: full.totp_enabled === 1,
        mfaEnrolmentRequired: mustEnrol,
        permissions: mustEnrol ? [] : permissionsOf(full.roles),
      },
    },
  };
}

/** A TOTP code (each time step once) or an unused recovery code (once). */
async function acceptSecondFactor(ctx: AppContext, user: users.UserRow, code: string): Promise<boolean> {
  const trimmed = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(trimmed)) {
    if (!user.totp_secret_enc) return false;
    const secret = ctx.keyring.decrypt('totp', user.totp_secret_enc, `users:${user.id}:totp_secret_enc`);
    const step = matchTotpStep(secret, trimmed);
    if (step === undefined) return false;
    // The conditional update makes a code usable once, even when two sign-ins race.
    const result = await ctx.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
  const result = await ctx.db
    .updateTable('recovery_codes')
    .set({ used_at: nowIso() })
    .where('user_id', '=', user.id)
    .where('code_hash', '=', hashRecoveryCode(trimmed))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Whether the account must enrol a second factor before it may do anything else. */
export function mustEnrolMfa(
  ctx: AppContext,
  user: { isDemo: boolean; mfaRequired: boolean; totpEnabled: boolean },
  roles: readonly Role[],
): boolean {
  // Demo accounts are exempt so the demo can be tried without an authenticator app.
  if (user.isDemo || user.totpEnabled) return false;
  return user.mfaRequired || roles.some((r) => ctx.config.mfaRequiredRoles.includes(r));
}

export async function logout(ctx: AppContext, session: ActiveSession, actor: Actor, requestId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, session.idHash);
    await ctx.audit.inTransaction(trx, {
      action: 'auth.logout',
      outcome: 'success',
      actorId: actor.userId,
      agencyId: actor.agencyId,
      entityType: 'user',
      entityId: actor.userId,
      requestId,
    });
  });
}

/** The signed-in user as the web app needs it. */
export function describeSession(session: ActiveSession, actor: Actor): SessionDto {
  return {
    csrfToken: session.csrfToken,
    user: {
      id: session.userId,
      name: session.user.name,
      email: session.user.email,
      agencyId: session.user.agencyId,
      agencyName: session.user.agencyName,
      roles: [...actor.roles],
      language: session.user.language,
      mfaEnabled: session.user.totpEnabled,
      mfaEnrolmentRequired: actor.mfaEnrolmentRequired,
      permissions: [...actor.permissions],
    },
  };
}

/** Sets a password through a one-time link; ends every session of the account. */
export async function resetPasswordWithToken(
  ctx: AppContext,
  token: string,
  password: string,
  ip: string,
  requestId: string,
): Promise<void> {
  const throttle = new Throttle(ctx.db, ctx.engine);
  const key = `reset:ip:${ctx.keyring.blindIndex('throttle', ip)}`;
  await throttle.assertAllowed([key]);
  const minLength = ctx.config.passwordMinLength;
  const done = await ctx.db.transaction().execute(async (trx) => {
    const userId = await consumePasswordToken(trx, token);
    if (!userId) return false;
    const user = await users.findUser(trx, userId);
    if (!user) return false;
    const weak = checkPasswordStrength(password, minLength, user.email);
    if (weak) throw validationFailed([{ path: 'body.password', message: weak.message, code: weak.code }]);
    await users.updateUser(trx, userId, { password_hash: await hashPassword(password), updated_at: nowIso() });
    await deleteUserSessions(trx, userId);
    await ctx.audit.inTransaction(trx, {
      action: 'auth.password_set',
      outcome: 'success',
      actorId: userId,
      agencyId: user.agency_id,
      entityType: 'user',
      entityId: userId,
      requestId,
    });
    return true;
  });
  if (!done) {
    await throttle.recordFailure(key, { maxFailures: 10, windowMs: ctx.config.loginWindowMs });
    throw new HttpProblem(400, 'invalid_token', 'This link is not valid any more; ask for a new one');
  }
}
