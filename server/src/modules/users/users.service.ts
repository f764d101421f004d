import type {
  createUserSchema,
  listUsersQuerySchema,
  PasswordLinkDto,
  Role,
  updateUserSchema,
  UserDto,
} from '@kinga/shared';
import type { z } from 'zod';
import { requireAccess, userScope } from '../../access/access.ts';
import type { AuditEntry } from '../../audit/audit.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Tx } from '../../db/database.ts';
import { nowIso } from '../../db/ids.ts';
import { conflict, hiddenRecord, validationFailed } from '../../http/errors.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { issuePasswordToken, passwordLinkUrl, revokePasswordTokens } from './password-tokens.ts';
import { presentUser } from './users.presenter.ts';
import * as repo from './users.repository.ts';

type CreateUser = z.output<typeof createUserSchema>;
type UpdateUser = z.output<typeof updateUserSchema>;

export async function listUsers(ctx: AppContext, rc: RequestContext, query: z.output<typeof listUsersQuerySchema>) {
  const page = await repo.listUsers(ctx.db, userScope(rc.actor), query);
  await ctx.audit.record(auditOf(rc, 'user.list', null));
  return { items: page.rows.map(presentUser), nextCursor: page.nextCursor };
}

/** Reads one account; staff records hold personal data, so every read is audited. */
export async function getUser(ctx: AppContext, rc: RequestContext, id: string): Promise<UserDto> {
  const row = await getVisibleUser(ctx, rc, id);
  await ctx.audit.record(auditOf(rc, 'user.read', id));
  return presentUser(row);
}

async function getVisibleUser(ctx: AppContext, rc: RequestContext, id: string, trx?: Tx) {
  const row = await repo.findUser(trx ?? ctx.db, id);
  if (!row) throw hiddenRecord('user', id, 'User');
  requireAccess(rc.actor, { action: 'user:read', user: { id, agencyId: row.agency_id } });
  return row;
}

export async function createUser(ctx: AppContext, rc: RequestContext, input: CreateUser) {
  requireAccess(rc.actor, { action: 'user:manage', grant: { agencyId: input.agencyId, roles: input.roles } });
  return ctx.db.transaction().execute(async (trx) => {
    await assertActiveAgency(trx, input.agencyId);
    if (await repo.isEmailTaken(trx, input.email)) throw conflict('email_taken', 'An account with this email exists');
    const row = repo.newUserRow({
      name: input.name,
      email: input.email,
      agencyId: input.agencyId,
      language: input.language,
      mfaRequired: input.mfaRequired,
    });
    await repo.insertUser(trx, row, input.roles);
    const { id } = row;
    const link = await issuePasswordToken(trx, id, 'setup');
    await ctx.audit.inTransaction(trx, auditOf(rc, 'user.create', id), auditOf(rc, 'user.password_link', id));
    const created = await repo.findUser(trx, id);
    if (!created) throw new Error('created user vanished');
    return { user: presentUser(created), passwordLink: toLink(ctx, link) };
  });
}

export async function updateUser(ctx: AppContext, rc: RequestContext, id: string, input: UpdateUser): Promise<UserDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await getVisibleUser(ctx, rc, id, trx);
    const grant = { agencyId: input.agencyId ?? current.agency_id, roles: input.roles ?? current.roles };
    requireAccess(rc.actor, {
      action: 'user:manage',
      user: { id, agencyId: current.agency_id, roles: current.roles },
      grant,
    });
    if (id === rc.actor.userId && (input.status === 'inactive' || input.roles !== undefined)) {
      throw conflict('own_account', 'You cannot deactivate yourself or change your own roles');
    }
    if (input.agencyId !== undefined && input.agencyId !== current.agency_id)
      await assertActiveAgency(trx, input.agencyId);
    if (input.email !== undefined && (await repo.isEmailTaken(trx, input.email, id))) {
      throw conflict('email_taken', 'An account with this email exists');
    }
    const patch: Partial<repo.UserRow> = { updated_at: nowIso() };
    if (input.name !== undefined) Object.assign(patch, { name: input.name, name_lower: input.name.toLowerCase() });
    if (input.email !== undefined) patch.email = input.email;
    if (input.agencyId !== undefined) patch.agency_id = input.agencyId;
    if (input.language !== undefined) patch.language = input.language;
    if (input.status !== undefined) patch.status = input.status;
    if (input.mfaRequired !== undefined) patch.mfa_required = input.mfaRequired ? 1 : 0;
    await repo.updateUser(trx, id, patch);
    if (input.roles !== undefined) await repo.replaceRoles(trx, id, input.roles);

    // Losing access or changing what the account may see takes effect at once.
    const rolesChanged = input.roles !== undefined && !sameRoles(input.roles, current.roles);
    const movedAgency = input.agencyId !== undefined && input.agencyId !== current.agency_id;
    const deactivated = input.status === 'inactive' && current.status === 'active';
    if (rolesChanged || movedAgency || deactivated) await deleteUserSessions(trx, id);
    if (deactivated) await revokePasswordTokens(trx, id);

    const action = deactivated
      ? 'user.deactivate'
      : input.status === 'active' && current.status === 'inactive'
        ? 'user.activate'
        : 'user.update';
    await ctx.audit.inTransaction(trx, auditOf(rc, action, id));
    const updated = await repo.findUser(trx, id);
    if (!updated) throw new Error('updated user vanished');
    return presentUser(updated);
  });
}

/**
 * Issues a one-time reset link, signs the user out everywhere and voids the old password,
 * so that whoever may know it cannot sign in again before the link is used.
 */
export async function issuePasswordReset(ctx: AppContext, rc: RequestContext, id: string): Promise<PasswordLinkDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await getVisibleUser(ctx, rc, id, trx);
    requireAccess(rc.actor, { action: 'user:manage', user: { id, agencyId: current.agency_id, roles: current.roles } });
    const link = await issuePasswordToken(trx, id, 'reset');
    await repo.updateUser(trx, id, { password_hash: null, updated_at: nowIso() });
    await deleteUserSessions(trx, id);
    await ctx.audit.inTransaction(trx, auditOf(rc, 'user.password_link', id));
    return toLink(ctx, link);
  });
}

/**
 * Removes an account's second factor (a lost phone) and signs it out everywhere. If its role or
 * flag requires one, the user must enrol again at the next sign-in before doing anything else.
 */
export async function resetSecondFactor(ctx: AppContext, rc: RequestContext, id: string): Promise<UserDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await getVisibleUser(ctx, rc, id, trx);
    requireAccess(rc.actor, { action: 'user:manage', user: { id, agencyId: current.agency_id, roles: current.roles } });
    if (id === rc.actor.userId) throw conflict('own_account', 'Use your profile to change your own second factor');
    await repo.updateUser(trx, id, {
      totp_enabled: 0,
      totp_secret_enc: null,
      totp_last_step: null,
      updated_at: nowIso(),
    });
    await repo.deleteRecoveryCodes(trx, id);
    await deleteUserSessions(trx, id);
    await ctx.audit.inTransaction(trx, auditOf(rc, 'user.mfa_reset', id));
    const updated = await repo.findUser(trx, id);
    if (!updated) throw new Error('updated user vanished');
    return presentUser(updated);
  });
}

async function assertActiveAgency(trx: Tx, agencyId: string): Promise<void> {
  const agency = await repo.findAgencyName(trx, agencyId);
  if (!agency || agency.status !== 'active') {
    throw validationFailed([{ path: 'body.agencyId', message: 'Choose an active agency', code: 'unknown_agency' }]);
  }
}

function toLink(ctx: AppContext, link: { token: string; expiresAt: string }): PasswordLinkDto {
  const base = ctx.config.publicUrl ?? `http://${ctx.config.host}:${ctx.config.port}`;
  return { url: passwordLinkUrl(base, link.token), expiresAt: link.expiresAt };
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

function auditOf(rc: RequestContext, action: string, userId: string | null): AuditEntry {
  return {
    action,
    outcome: 'success',
    actorId: rc.actor.userId,
    agencyId: rc.actor.agencyId,
    entityType: 'user',
    entityId: userId,
    requestId: rc.requestId,
  };
}
