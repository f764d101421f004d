import type { PasswordLinkDto, UserDto } from '@kinga/shared';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertAgency, insertUser, type InsertedUser } from '../../../test/factories.ts';
import {
  DEMO,
  agencyIdOf,
  auditOfResponse,
  client,
  countRows,
  createTestApp,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  signIn,
  userIdOf,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';

type Page = { items: UserDto[]; nextCursor: string | null };
type Created = { user: UserDto; passwordLink: PasswordLinkDto };

describeIntegration('user routes', () => {
  let t: TestApp;
  let admin: Session;
  let focal: Session;
  let caseworker: Session;
  let secretariat: Session;
  let labourId: string;
  let agencyAId: string;
  /** Staff of the focal point's own agency (labour ministry). */
  let labourStaff: InsertedUser;
  /** A case worker of another agency (Tumaini Safe House). */
  let otherAgencyUserId: string;
  const as = (s: Session | null) => client(t.app, s);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    [admin, focal, caseworker, secretariat] = await Promise.all([
      signIn(t.app, DEMO.admin),
      signIn(t.app, DEMO.focal),
      signIn(t.app, DEMO.caseworkerA),
      signIn(t.app, DEMO.secretariat),
    ]);
    labourId = focal.user.agencyId;
    agencyAId = await agencyIdOf(t.ctx, 'Tumaini Safe House');
    otherAgencyUserId = await userIdOf(t.ctx, DEMO.caseworkerA);
    labourStaff = await insertUser(t.ctx, { agencyId: labourId, roles: ['law_enforcement'], isDemo: true });
  });
  afterAll(() => t?.close());

  // ---- GET /api/v1/users ----

  describe('GET /api/v1/users', () => {
    it('an administrator lists every agency’s accounts; the list is audited as user.list', async () => {
      const res = await as(admin).get('/api/v1/users', { query: { limit: '200' } });
      expect(res.statusCode).toBe(200);
      const emails = json<Page>(res).items.map((u) => u.email);
      expect(emails).toEqual(
        expect.arrayContaining([DEMO.admin, DEMO.focal, DEMO.caseworkerA, DEMO.caseworkerB, DEMO.police]),
      );
      await expectAudit(t.ctx, res, {
        action: 'user.list',
        outcome: 'success',
        actorId: admin.user.id,
        entityType: 'user',
      });
    });

    it('a focal point lists only the own agency’s accounts, whatever filter is asked', async () => {
      const res = await as(focal).get('/api/v1/users', { query: { limit: '200' } });
      expect(res.statusCode).toBe(200);
      const items = json<Page>(res).items;
      expect(items.map((u) => u.email).sort()).toEqual([DEMO.focal, labourStaff.email].sort());
      expect(items.every((u) => u.agencyId === labourId)).toBe(true);
      const other = json<Page>(await as(focal).get('/api/v1/users', { query: { agencyId: agencyAId } }));
      expect(other.items).toEqual([]);
      const search = json<Page>(await as(focal).get('/api/v1/users', { query: { q: 'caseworker' } }));
      expect(search.items).toEqual([]);
    });

    it.each([
      ['case worker', () => caseworker],
      ['secretariat', () => secretariat],
    ])('a %s may not list accounts: 403 and denied', async (_role, who) => {
      const res = await as(who()).get('/api/v1/users');
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, who(), { action: 'access.user:read' });
    });

    it('searches by name or email, and filters by role and agency', async () => {
      const byName = json<Page>(await as(admin).get('/api/v1/users', { query: { q: 'MWENDE' } }));
      expect(byName.items.map((u) => u.email)).toEqual([DEMO.caseworkerA]);
      const byEmail = json<Page>(await as(admin).get('/api/v1/users', { query: { q: 'caseworker.' } }));
      expect(byEmail.items.map((u) => u.email).sort()).toEqual([DEMO.caseworkerA, DEMO.caseworkerB]);
      const byRole = json<Page>(await as(admin).get('/api/v1/users', { query: { role: 'case_supervisor' } }));
      expect(byRole.items.map((u) => u.email)).toEqual([DEMO.supervisorA]);
      const byAgency = json<Page>(await as(admin).get('/api/v1/users', { query: { agencyId: agencyAId } }));
      expect(byAgency.items.map((u) => u.email).sort()).toEqual([DEMO.caseworkerA, DEMO.supervisorA]);
      const literal = json<Page>(await as(admin).get('/api/v1/users', { query: { q: '_' } }));
      expect(literal.items).toEqual([]);
    });

    it('pages by name in both directions without duplicates', async () => {
      const collect = async (order: 'asc' | 'desc') => {
        const seen: UserDto[] = [];
        let cursor: string | null = null;
        for (let i = 0; i < 20; i += 1) {
          const query: Record<string, string> = { limit: '3', sort: 'name', order, ...(cursor ? { cursor } : {}) };
          const page = json<Page>(await as(admin).get('/api/v1/users', { query }));
          seen.push(...page.items);
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        return seen;
      };
      const asc = await collect('asc');
      const total = await countRows(t.ctx, 'users');
      expect(asc).toHaveLength(total);
      expect(new Set(asc.map((u) => u.id)).size).toBe(total);
      const names = asc.map((u) => u.name.toLowerCase());
      expect(names).toEqual([...names].sort());
      const desc = await collect('desc');
      expect(desc.map((u) => u.id)).toEqual(asc.map((u) => u.id).reverse());
    });

    it('a garbage cursor answers 400, not 500', async () => {
      expectProblem(await as(admin).get('/api/v1/users', { query: { cursor: 'garbage' } }), 400, 'invalid_cursor');
      const wrongShape = Buffer.from(JSON.stringify({ a: 1 })).toString('base64url');
      expectProblem(await as(admin).get('/api/v1/users', { query: { cursor: wrongShape } }), 400, 'invalid_cursor');
    });
  });

  // ---- GET /api/v1/users/:id ----

  describe('GET /api/v1/users/:id', () => {
    it('an administrator reads any account; the read is audited as user.read', async () => {
      const res = await as(admin).get(`/api/v1/users/${otherAgencyUserId}`);
      expect(res.statusCode).toBe(200);
      expect(json<UserDto>(res)).toMatchObject({
        id: otherAgencyUserId,
        email: DEMO.caseworkerA,
        roles: ['case_worker'],
        agencyName: 'Tumaini Safe House',
      });
      expect(JSON.stringify(json(res))).not.toMatch(/password|totp|secret/i);
      await expectAudit(t.ctx, res, {
        action: 'user.read',
        outcome: 'success',
        actorId: admin.user.id,
        entityType: 'user',
        entityId: otherAgencyUserId,
      });
    });

    it('a focal point reads an account of the own agency', async () => {
      const res = await as(focal).get(`/api/v1/users/${labourStaff.id}`);
      expect(res.statusCode).toBe(200);
      await expectAudit(t.ctx, res, { action: 'user.read', entityId: labourStaff.id });
    });

    it('a focal point reading an account of another agency gets 404, audited as denied', async () => {
      const res = await as(focal).get(`/api/v1/users/${otherAgencyUserId}`);
      const problem = expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, focal, { entityType: 'user', entityId: otherAgencyUserId });
      // Same answer as for an account that does not exist: existence is not confirmed.
      const missing = expectProblem(
        await as(focal).get('/api/v1/users/0190a0b1-0000-7000-8000-0000000000ff'),
        404,
        'not_found',
      );
      expect({ ...problem, requestId: '' }).toEqual({ ...missing, requestId: '' });
    });

    it('a case worker may not read accounts: 403 and denied', async () => {
      const res = await as(caseworker).get(`/api/v1/users/${otherAgencyUserId}`);
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, caseworker, { action: 'access.user:read' });
    });
  });

  // ---- POST /api/v1/users ----

  describe('POST /api/v1/users', () => {
    it('an administrator creates an account: 201, a one-time link, and user.create + user.password_link audit rows', async () => {
      const input = buildUser({ agencyId: agencyAId, roles: ['case_worker', 'hotline_operator'] });
      const res = await as(admin).post('/api/v1/users', input);
      expect(res.statusCode).toBe(201);
      const created = json<Created>(res);
      expect(created.user).toMatchObject({
        email: input.email,
        agencyId: agencyAId,
        status: 'active',
        mfaEnabled: false,
      });
      expect(created.user.roles.sort()).toEqual(['case_worker', 'hotline_operator']);
      expect(created.passwordLink.url).toMatch(/\/set-password#token=[A-Za-z0-9_-]{30,}$/);
      const rows = await auditOfResponse(t.ctx, res);
      expect(rows.map((r) => [r.action, r.outcome, r.entity_id, r.actor_id])).toEqual([
        ['user.create', 'success', created.user.id, admin.user.id],
        ['user.password_link', 'success', created.user.id, admin.user.id],
      ]);
    });

    it('a focal point creates an account in the own agency with an assignable role', async () => {
      const res = await as(focal).post('/api/v1/users', buildUser({ agencyId: labourId, roles: ['case_worker'] }));
      expect(res.statusCode).toBe(201);
      expect(json<Created>(res).user.agencyId).toBe(labourId);
      expect((await auditOfResponse(t.ctx, res)).map((r) => r.action)).toEqual(['user.create', 'user.password_link']);
    });

    it('a focal point may not place an account in another agency: 403, denied, nothing written', async () => {
      const before = await countRows(t.ctx, 'users');
      const res = await as(focal).post('/api/v1/users', buildUser({ agencyId: agencyAId, roles: ['case_worker'] }));
      expectProblem(res, 403, 'agency_not_assignable');
      await expectDenied(t.ctx, res, focal);
      expect(await countRows(t.ctx, 'users')).toBe(before);
    });

    it.each([['administrator'], ['analyst'], ['secretariat']] as const)(
      'a focal point may not give the %s role',
      async (role) => {
        const before = await countRows(t.ctx, 'users');
        const res = await as(focal).post(
          '/api/v1/users',
          buildUser({ agencyId: labourId, roles: ['case_worker', role] }),
        );
        expectProblem(res, 403, 'role_not_assignable');
        await expectDenied(t.ctx, res, focal);
        expect(await countRows(t.ctx, 'users')).toBe(before);
      },
    );

    it('a case worker may not create accounts: 403 and denied', async () => {
      const res = await as(caseworker).post('/api/v1/users', buildUser({ agencyId: agencyAId }));
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, caseworker, { action: 'access.user:manage' });
    });

    it('a taken email answers 409, whatever its case', async () => {
      const before = await countRows(t.ctx, 'users');
      expectProblem(
        await as(admin).post('/api/v1/users', buildUser({ agencyId: agencyAId, email: 'Police@Demo.Kinga.Test' })),
        409,
        'email_taken',
      );
      expect(await countRows(t.ctx, 'users')).toBe(before);
    });

    it('an invalid body answers 400 with the issues and writes nothing', async () => {
      const before = { users: await countRows(t.ctx, 'users'), audit: await countRows(t.ctx, 'audit_events') };
      const res = await as(admin).post('/api/v1/users', {
        name: '',
        email: 'nobody',
        agencyId: 'x',
        roles: [],
        language: 'fr',
      });
      const problem = expectProblem(res, 400, 'validation_failed');
      expect((problem.issues ?? []).map((i) => i.path)).toEqual(
        expect.arrayContaining(['body.name', 'body.email', 'body.agencyId', 'body.roles', 'body.language']),
      );
      expect(await countRows(t.ctx, 'users')).toBe(before.users);
      expect(await countRows(t.ctx, 'audit_events')).toBe(before.audit);
    });

    it('an inactive or unknown agency answers 400 and writes nothing', async () => {
      const closed = await insertAgency(t.ctx, { status: 'inactive' });
      const before = await countRows(t.ctx, 'users');
      const a = expectProblem(
        await as(admin).post('/api/v1/users', buildUser({ agencyId: closed.id })),
        400,
        'validation_failed',
      );
      expect(a.issues).toEqual([expect.objectContaining({ path: 'body.agencyId', code: 'unknown_agency' })]);
      expectProblem(
        await as(admin).post('/api/v1/users', buildUser({ agencyId: '0190a0b1-0000-7000-8000-0000000000ff' })),
        400,
        'validation_failed',
      );
      expect(await countRows(t.ctx, 'users')).toBe(before);
    });
  });

  // ---- PATCH /api/v1/users/:id ----

  describe('PATCH /api/v1/users/:id', () => {
    it('a focal point changes an account of the own agency: 200 and user.update', async () => {
      const staff = await insertUser(t.ctx, { agencyId: labourId, roles: ['case_worker'] });
      const res = await as(focal).patch(`/api/v1/users/${staff.id}`, { name: 'Wanjiru Njoki Kariuki', language: 'sw' });
      expect(res.statusCode).toBe(200);
      expect(json<UserDto>(res)).toMatchObject({ id: staff.id, name: 'Wanjiru Njoki Kariuki', language: 'sw' });
      await expectAudit(t.ctx, res, {
        action: 'user.update',
        outcome: 'success',
        actorId: focal.user.id,
        entityId: staff.id,
      });
    });

    it('a focal point changing an account of another agency gets 404, denied, and nothing changes', async () => {
      const res = await as(focal).patch(`/api/v1/users/${otherAgencyUserId}`, { name: 'Hijacked' });
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, focal, { entityType: 'user', entityId: otherAgencyUserId });
      const reread = json<UserDto>(await as(admin).get(`/api/v1/users/${otherAgencyUserId}`));
      expect(reread.name).toBe('Faith Mwende Musyoka');
    });

    it('a focal point may not raise an own-agency account to administrator, nor move it away', async () => {
      const staff = await insertUser(t.ctx, { agencyId: labourId, roles: ['case_worker'] });
      const raise = await as(focal).patch(`/api/v1/users/${staff.id}`, { roles: ['administrator'] });
      expectProblem(raise, 403, 'role_not_assignable');
      await expectDenied(t.ctx, raise, focal, { entityId: staff.id });
      const move = await as(focal).patch(`/api/v1/users/${staff.id}`, { agencyId: agencyAId });
      expectProblem(move, 403, 'agency_not_assignable');
      const reread = json<UserDto>(await as(admin).get(`/api/v1/users/${staff.id}`));
      expect(reread).toMatchObject({ roles: ['case_worker'], agencyId: labourId });
    });

    it('a case worker may not change accounts: 403 and denied', async () => {
      const res = await as(caseworker).patch(`/api/v1/users/${otherAgencyUserId}`, { language: 'en' });
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, caseworker, { action: 'access.user:manage' });
    });

    it('nobody deactivates their own account or changes their own roles', async () => {
      expectProblem(
        await as(admin).patch(`/api/v1/users/${admin.user.id}`, { status: 'inactive' }),
        409,
        'own_account',
      );
      expectProblem(
        await as(admin).patch(`/api/v1/users/${admin.user.id}`, { roles: ['analyst'] }),
        409,
        'own_account',
      );
      expect((await as(admin).get('/api/v1/auth/session')).statusCode).toBe(200);
    });

    it('a taken email answers 409; an empty change answers 400', async () => {
      const staff = await insertUser(t.ctx, { agencyId: agencyAId, roles: ['analyst'] });
      expectProblem(await as(admin).patch(`/api/v1/users/${staff.id}`, { email: DEMO.police }), 409, 'email_taken');
      expectProblem(await as(admin).patch(`/api/v1/users/${staff.id}`, {}), 400, 'validation_failed');
    });

    it('deactivating an account ends its sessions at once and blocks sign-in: user.deactivate', async () => {
      const staff = await insertUser(t.ctx, { agencyId: agencyAId, roles: ['analyst'] });
      const session = await signIn(t.app, staff.email, staff.password);
      expect((await as(session).get('/api/v1/agencies')).statusCode).toBe(200);
      const res = await as(admin).patch(`/api/v1/users/${staff.id}`, { status: 'inactive' });
      expect(res.statusCode).toBe(200);
      expect(json<UserDto>(res).status).toBe('inactive');
      await expectAudit(t.ctx, res, { action: 'user.deactivate', entityId: staff.id, actorId: admin.user.id });
      expectProblem(await as(session).get('/api/v1/agencies'), 401, 'unauthenticated');
      expect(await t.ctx.db.selectFrom('sessions').select('id_hash').where('user_id', '=', staff.id).execute()).toEqual(
        [],
      );
      expectProblem(
        await as(null).post('/api/v1/auth/login', { email: staff.email, password: staff.password }),
        401,
        'invalid_credentials',
      );

      const back = await as(admin).patch(`/api/v1/users/${staff.id}`, { status: 'active' });
      await expectAudit(t.ctx, back, { action: 'user.activate', entityId: staff.id });
    });

    it('changing an account’s roles ends its sessions, so new rights apply at once', async () => {
      const staff = await insertUser(t.ctx, { agencyId: agencyAId, roles: ['analyst'] });
      const session = await signIn(t.app, staff.email, staff.password);
      const res = await as(admin).patch(`/api/v1/users/${staff.id}`, { roles: ['secretariat'] });
      expect(res.statusCode).toBe(200);
      expectProblem(await as(session).get('/api/v1/auth/session'), 401, 'unauthenticated');
    });
  });

  // ---- POST /api/v1/users/:id/password-reset ----

  describe('POST /api/v1/users/:id/mfa-reset', () => {
    const SECRET = 'JBSWY3DPEHPK3PXP';
    const codeNow = () => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SECRET) }).generate();

    /** A real case worker whose role requires a second factor, enrolled with a known secret. */
    async function enrolledCaseWorker(agencyId: string) {
      const staff = await insertUser(t.ctx, { agencyId, roles: ['case_worker'] });
      await t.ctx.db
        .updateTable('users')
        .set({
          totp_enabled: 1,
          totp_secret_enc: t.ctx.keyring.encrypt('totp', SECRET, `users:${staff.id}:totp_secret_enc`),
        })
        .where('id', '=', staff.id)
        .execute();
      return staff;
    }

    it('an administrator removes a lost second factor: 200, user.mfa_reset, sessions end, the user must enrol again', async () => {
      const staff = await enrolledCaseWorker(agencyAId);
      const session = await signIn(t.app, staff.email, staff.password, codeNow());
      const res = await as(admin).post(`/api/v1/users/${staff.id}/mfa-reset`);
      expect(res.statusCode).toBe(200);
      expect(json<UserDto>(res).mfaEnabled).toBe(false);
      await expectAudit(t.ctx, res, {
        action: 'user.mfa_reset',
        outcome: 'success',
        actorId: admin.user.id,
        entityId: staff.id,
      });
      expectProblem(await as(session).get('/api/v1/auth/session'), 401, 'unauthenticated');
      const again = await signIn(t.app, staff.email, staff.password);
      expect(again.user.mfaEnrolmentRequired).toBe(true);
    });

    it('a focal point gets 404 (denied) for another agency’s account; a case worker 403 (denied)', async () => {
      const res = await as(focal).post(`/api/v1/users/${otherAgencyUserId}/mfa-reset`);
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, focal, { entityId: otherAgencyUserId });
      const refused = await as(caseworker).post(`/api/v1/users/${labourStaff.id}/mfa-reset`);
      expectProblem(refused, 403, 'forbidden');
      await expectDenied(t.ctx, refused, caseworker, { action: 'access.user:manage' });
    });

    it('nobody resets their own second factor here (409): the profile is the place', async () => {
      expectProblem(await as(admin).post(`/api/v1/users/${admin.user.id}/mfa-reset`), 409, 'own_account');
    });
  });

  describe('POST /api/v1/users/:id/password-reset', () => {
    it('an administrator issues a reset link: 200, user.password_link, and the user’s sessions end', async () => {
      const staff = await insertUser(t.ctx, { agencyId: agencyAId, roles: ['analyst'] });
      const session = await signIn(t.app, staff.email, staff.password);
      const res = await as(admin).post(`/api/v1/users/${staff.id}/password-reset`);
      expect(res.statusCode).toBe(200);
      const link = json<PasswordLinkDto>(res);
      expect(link.url).toMatch(/#token=/);
      expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now());
      await expectAudit(t.ctx, res, {
        action: 'user.password_link',
        outcome: 'success',
        actorId: admin.user.id,
        entityId: staff.id,
      });
      expectProblem(await as(session).get('/api/v1/auth/session'), 401, 'unauthenticated');
      // The old password is void until the link is used: whoever knew it cannot come back.
      expectProblem(
        await as(null).post('/api/v1/auth/login', { email: staff.email, password: staff.password }),
        401,
        'invalid_credentials',
      );
    });

    it('deactivating an account voids its unused password links', async () => {
      const staff = await insertUser(t.ctx, { agencyId: agencyAId, roles: ['analyst'] });
      const link = json<PasswordLinkDto>(await as(admin).post(`/api/v1/users/${staff.id}/password-reset`));
      expect((await as(admin).patch(`/api/v1/users/${staff.id}`, { status: 'inactive' })).statusCode).toBe(200);
      expect((await as(admin).patch(`/api/v1/users/${staff.id}`, { status: 'active' })).statusCode).toBe(200);
      const token = link.url.split('#token=')[1] ?? '';
      expectProblem(
        await as(null).post('/api/v1/auth/password-reset', { token, password: 'Mvua ya masika inanyesha Kericho' }),
        400,
        'invalid_token',
      );
    });

    it('a focal point issues a link for own-agency staff but gets 404 (denied) for another agency’s', async () => {
      const own = await as(focal).post(`/api/v1/users/${labourStaff.id}/password-reset`);
      expect(own.statusCode).toBe(200);
      const before = await countRows(t.ctx, 'password_tokens');
      const res = await as(focal).post(`/api/v1/users/${otherAgencyUserId}/password-reset`);
      expectProblem(res, 404, 'not_found');
      await expectDenied(t.ctx, res, focal, { entityId: otherAgencyUserId });
      expect(await countRows(t.ctx, 'password_tokens')).toBe(before);
      // The other agency's user still has a working session.
      expect((await as(caseworker).get('/api/v1/auth/session')).statusCode).toBe(200);
    });

    it('a focal point may not reset the password of an own-agency account with wider roles', async () => {
      const wider = await insertUser(t.ctx, { agencyId: labourId, roles: ['analyst'] });
      const res = await as(focal).post(`/api/v1/users/${wider.id}/password-reset`);
      expectProblem(res, 403, 'role_not_assignable');
      await expectDenied(t.ctx, res, focal, { entityId: wider.id });
    });

    it('a case worker may not issue links: 403 and denied', async () => {
      const res = await as(caseworker).post(`/api/v1/users/${otherAgencyUserId}/password-reset`);
      expectProblem(res, 403, 'forbidden');
      await expectDenied(t.ctx, res, caseworker, { action: 'access.user:manage' });
    });

    it('without X-CSRF-Token: 403 csrf_failed and no link issued', async () => {
      const before = await countRows(t.ctx, 'password_tokens');
      const res = await as(admin).post(`/api/v1/users/${otherAgencyUserId}/password-reset`, undefined, {
        withoutCsrf: true,
      });
      expectProblem(res, 403, 'csrf_failed');
      expect(await countRows(t.ctx, 'password_tokens')).toBe(before);
    });
  });
});
