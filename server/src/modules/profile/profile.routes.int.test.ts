import type { SessionDto, SessionUserDto, TotpSetupDto } from '@kinga/shared';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertAgency, insertUser } from '../../../test/factories.ts';
import {
  DEMO,
  client,
  createTestApp,
  describeIntegration,
  expectAudit,
  expectDenied,
  expectProblem,
  json,
  nextAddress,
  send,
  signIn,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';

/** What an authenticator app would show for the secret at a given time. */
function codeAt(secret: string, timestamp = Date.now()): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate({ timestamp });
}

describeIntegration('profile routes and second factor', () => {
  let t: TestApp;
  let admin: Session;
  let agencyId: string;
  const as = (s: Session | null) => client(t.app, s);
  const login = (body: Record<string, string>) =>
    send(t.app, null, 'POST', '/api/v1/auth/login', { body, remoteAddress: nextAddress() });

  /** A real (non-demo) account made the way an administrator does: create, then the user sets a password through the link. */
  async function newRealAccount(
    roles: ('case_worker' | 'analyst' | 'secretariat')[],
    extra: { mfaRequired?: boolean } = {},
  ) {
    const created = await as(admin).post('/api/v1/users', buildUser({ agencyId, roles, ...extra }));
    expect(created.statusCode).toBe(201);
    const { user, passwordLink } = json<{ user: { id: string; email: string }; passwordLink: { url: string } }>(
      created,
    );
    const token = new URL(passwordLink.url).hash.replace('#token=', '');
    const password = 'Mandazi moto asubuhi 7';
    const set = await send(t.app, null, 'POST', '/api/v1/auth/password-reset', { body: { token, password } });
    expect(set.statusCode).toBe(204);
    return { id: user.id, email: user.email, password };
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    admin = await signIn(t.app, DEMO.admin);
    agencyId = (await insertAgency(t.ctx, { type: 'NGO' })).id;
  });
  afterAll(() => t?.close());

  describe('a real case worker must enrol a second factor', () => {
    let account: { id: string; email: string; password: string };
    let session: Session;
    let secret: string;
    let recoveryCodes: string[];

    beforeAll(async () => {
      account = await newRealAccount(['case_worker']);
      session = await signIn(t.app, account.email, account.password);
    });

    it('signs in with mfaEnrolmentRequired and no permissions', () => {
      expect(session.user).toMatchObject({ mfaEnrolmentRequired: true, mfaEnabled: false, permissions: [] });
    });

    it('is refused everything else with 403 mfa_enrolment_required, audited as denied', async () => {
      const res = await as(session).get('/api/v1/agencies');
      expectProblem(res, 403, 'mfa_enrolment_required');
      await expectDenied(t.ctx, res, session, { action: 'access.agency:read' });
      expectProblem(await as(session).get(`/api/v1/agencies/${agencyId}`), 403, 'mfa_enrolment_required');
    });

    it('may still read its session', async () => {
      const res = await as(session).get('/api/v1/auth/session');
      expect(res.statusCode).toBe(200);
      expect(json<SessionDto>(res).user.mfaEnrolmentRequired).toBe(true);
    });

    it('starts TOTP enrolment: secret, otpauth URI and QR code; audited profile.totp_setup', async () => {
      const res = await as(session).post('/api/v1/profile/totp/setup');
      expect(res.statusCode).toBe(200);
      const setup = json<TotpSetupDto>(res);
      expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Kinga:.*secret=/);
      expect(setup.qrSvg).toMatch(/^<svg/);
      await expectAudit(t.ctx, res, { action: 'profile.totp_setup', outcome: 'success', actorId: account.id });
      secret = setup.secret;
      const stored = await t.ctx.db
        .selectFrom('users')
        .select(['totp_secret_enc', 'totp_enabled'])
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      expect(stored.totp_enabled).toBe(0);
      expect(stored.totp_secret_enc).not.toContain(secret);
    });

    it('refuses a wrong confirmation code with 400, audited as a failure', async () => {
      const wrong = codeAt(secret) === '000000' ? '111111' : '000000';
      const res = await as(session).post('/api/v1/profile/totp/confirm', { code: wrong });
      expectProblem(res, 400, 'validation_failed');
      await expectAudit(t.ctx, res, { action: 'profile.totp_enable', outcome: 'failure' });
      expectProblem(await as(session).get('/api/v1/agencies'), 403, 'mfa_enrolment_required');
    });

    it('confirms with a code from the authenticator: ten recovery codes, once; audited profile.totp_enable', async () => {
      const res = await as(session).post('/api/v1/profile/totp/confirm', { code: codeAt(secret) });
      expect(res.statusCode).toBe(200);
      recoveryCodes = json<{ recoveryCodes: string[] }>(res).recoveryCodes;
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      await expectAudit(t.ctx, res, { action: 'profile.totp_enable', outcome: 'success', actorId: account.id });
      // The same session now has the role's permissions.
      expect((await as(session).get('/api/v1/agencies')).statusCode).toBe(200);
      expectProblem(await as(session).post('/api/v1/profile/totp/setup'), 409, 'mfa_already_enabled');
    });

    it('then needs the second factor to sign in: 401 totp_required without it, invalid_totp with a wrong one', async () => {
      expectProblem(await login({ email: account.email, password: account.password }), 401, 'totp_required');
      expectProblem(
        await login({
          email: account.email,
          password: account.password,
          totp: '123456' === codeAt(secret) ? '654321' : '123456',
        }),
        401,
        'invalid_totp',
      );
      // A wrong password with a code still reveals nothing about the code.
      expectProblem(
        await login({ email: account.email, password: 'wrong password', totp: codeAt(secret) }),
        401,
        'invalid_credentials',
      );
    });

    it('accepts a TOTP code once only', async () => {
      // The enrolment used the current time step; the next one is within the allowed drift.
      const code = codeAt(secret, Date.now() + 30_000);
      const first = await login({ email: account.email, password: account.password, totp: code });
      expect(first.statusCode).toBe(200);
      expect(json<SessionDto>(first).user).toMatchObject({
        mfaEnabled: true,
        mfaEnrolmentRequired: false,
        permissions: [
          'agency:read',
          'case:read',
          'case:write',
          'case:export',
          'plan:read',
          'analytics:read',
          'case:import',
        ],
      });
      expectProblem(await login({ email: account.email, password: account.password, totp: code }), 401, 'invalid_totp');
      // An older step than the last one used is refused too.
      expectProblem(
        await login({ email: account.email, password: account.password, totp: codeAt(secret) }),
        401,
        'invalid_totp',
      );
    });

    it('accepts a recovery code once only, in any case and grouping', async () => {
      const [code] = recoveryCodes as [string];
      const typed = code.toUpperCase().replaceAll('-', ' ');
      expect((await login({ email: account.email, password: account.password, totp: typed })).statusCode).toBe(200);
      expectProblem(await login({ email: account.email, password: account.password, totp: code }), 401, 'invalid_totp');
      const [, second] = recoveryCodes as [string, string];
      expect((await login({ email: account.email, password: account.password, totp: second })).statusCode).toBe(200);
    });

    it('may not turn the second factor off: the role requires it (409), and a wrong password is 400', async () => {
      expectProblem(
        await as(session).post('/api/v1/profile/totp/disable', { password: 'not the password' }),
        400,
        'validation_failed',
      );
      expectProblem(
        await as(session).post('/api/v1/profile/totp/disable', { password: account.password }),
        409,
        'mfa_required',
      );
    });
  });

  it('an account flagged mfaRequired must enrol whatever its role', async () => {
    const account = await newRealAccount(['secretariat'], { mfaRequired: true });
    const session = await signIn(t.app, account.email, account.password);
    expect(session.user.mfaEnrolmentRequired).toBe(true);
    expectProblem(await as(session).get('/api/v1/agencies'), 403, 'mfa_enrolment_required');
  });

  it('an account not required to use a second factor may turn it off with its password', async () => {
    const account = await newRealAccount(['analyst']);
    const session = await signIn(t.app, account.email, account.password);
    expect(session.user.mfaEnrolmentRequired).toBe(false);
    const setup = json<TotpSetupDto>(await as(session).post('/api/v1/profile/totp/setup'));
    expect((await as(session).post('/api/v1/profile/totp/confirm', { code: codeAt(setup.secret) })).statusCode).toBe(
      200,
    );
    expectProblem(await login({ email: account.email, password: account.password }), 401, 'totp_required');

    const res = await as(session).post('/api/v1/profile/totp/disable', { password: account.password });
    expect(res.statusCode).toBe(204);
    await expectAudit(t.ctx, res, { action: 'profile.totp_disable', outcome: 'success', actorId: account.id });
    expect((await login({ email: account.email, password: account.password })).statusCode).toBe(200);
    const codes = await t.ctx.db.selectFrom('recovery_codes').select('id').where('user_id', '=', account.id).execute();
    expect(codes).toEqual([]);
  });

  it('replaces the recovery codes against a fresh authenticator code; the old ones stop working', async () => {
    const account = await newRealAccount(['analyst']);
    const session = await signIn(t.app, account.email, account.password);
    expectProblem(await as(session).post('/api/v1/profile/recovery-codes', { code: '123456' }), 409, 'mfa_not_enabled');
    const setup = json<TotpSetupDto>(await as(session).post('/api/v1/profile/totp/setup'));
    const enrolledAt = Date.now();
    const confirmed = await as(session).post('/api/v1/profile/totp/confirm', {
      code: codeAt(setup.secret, enrolledAt),
    });
    const old = json<{ recoveryCodes: string[] }>(confirmed).recoveryCodes;
    // The code that confirmed the enrolment is spent.
    const spent = await as(session).post('/api/v1/profile/recovery-codes', { code: codeAt(setup.secret, enrolledAt) });
    expectProblem(spent, 400, 'validation_failed');
    await expectAudit(t.ctx, spent, { action: 'profile.recovery_codes', outcome: 'failure', actorId: account.id });

    const res = await as(session).post('/api/v1/profile/recovery-codes', {
      code: codeAt(setup.secret, enrolledAt + 30_000),
    });
    expect(res.statusCode).toBe(200);
    const fresh = json<{ recoveryCodes: string[] }>(res).recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    await expectAudit(t.ctx, res, { action: 'profile.recovery_codes', outcome: 'success', actorId: account.id });
    expectProblem(
      await login({ email: account.email, password: account.password, totp: old[0] ?? '' }),
      401,
      'invalid_totp',
    );
    expect((await login({ email: account.email, password: account.password, totp: fresh[0] ?? '' })).statusCode).toBe(
      200,
    );
  });

  it('confirming before starting answers 409', async () => {
    const user = await insertUser(t.ctx, { agencyId, roles: ['analyst'] });
    const session = await signIn(t.app, user.email, user.password);
    expectProblem(await as(session).post('/api/v1/profile/totp/confirm', { code: '123456' }), 409, 'mfa_not_started');
    expectProblem(await as(session).post('/api/v1/profile/totp/confirm', { code: '12345' }), 400, 'validation_failed');
  });

  describe('PATCH /api/v1/profile', () => {
    it('changes the interface language: 200, the user, audited profile.language', async () => {
      const session = await signIn(t.app, DEMO.police);
      const res = await as(session).patch('/api/v1/profile', { language: 'sw' });
      expect(res.statusCode).toBe(200);
      expect(json<SessionUserDto>(res)).toMatchObject({ email: DEMO.police, language: 'sw' });
      await expectAudit(t.ctx, res, { action: 'profile.language', outcome: 'success', actorId: session.user.id });
      expect(json<SessionDto>(await as(session).get('/api/v1/auth/session')).user.language).toBe('sw');
    });

    it('refuses an unknown language with 400, and a missing CSRF token with 403', async () => {
      const session = await signIn(t.app, DEMO.police);
      expectProblem(await as(session).patch('/api/v1/profile', { language: 'fr' }), 400, 'validation_failed');
      expectProblem(
        await as(session).patch('/api/v1/profile', { language: 'en' }, { withoutCsrf: true }),
        403,
        'csrf_failed',
      );
    });
  });

  describe('POST /api/v1/profile/password', () => {
    it('changes the password; other sessions end, this one stays; audited profile.password', async () => {
      const user = await insertUser(t.ctx, { agencyId, roles: ['analyst'] });
      const here = await signIn(t.app, user.email, user.password);
      const elsewhere = await signIn(t.app, user.email, user.password);
      const next = 'Ugali na sukuma wiki 12';
      const res = await as(here).post('/api/v1/profile/password', {
        currentPassword: user.password,
        newPassword: next,
      });
      expect(res.statusCode).toBe(204);
      await expectAudit(t.ctx, res, { action: 'profile.password', outcome: 'success', actorId: user.id });
      expect((await as(here).get('/api/v1/auth/session')).statusCode).toBe(200);
      expectProblem(await as(elsewhere).get('/api/v1/auth/session'), 401, 'unauthenticated');
      expectProblem(await login({ email: user.email, password: user.password }), 401, 'invalid_credentials');
      expect((await login({ email: user.email, password: next })).statusCode).toBe(200);
    });

    it('refuses a wrong current password (audited as a failure) and a weak new one, changing nothing', async () => {
      const user = await insertUser(t.ctx, { agencyId, roles: ['analyst'] });
      const session = await signIn(t.app, user.email, user.password);
      const wrong = await as(session).post('/api/v1/profile/password', {
        currentPassword: 'nope',
        newPassword: 'Ugali na sukuma wiki 12',
      });
      expect(expectProblem(wrong, 400, 'validation_failed').issues?.[0]?.code).toBe('wrong_password');
      await expectAudit(t.ctx, wrong, { action: 'profile.password', outcome: 'failure', actorId: user.id });
      const weak = await as(session).post('/api/v1/profile/password', {
        currentPassword: user.password,
        newPassword: 'qwerty123456',
      });
      expect(expectProblem(weak, 400, 'validation_failed').issues?.[0]?.code).toBe('common');
      expect((await login({ email: user.email, password: user.password })).statusCode).toBe(200);
    });

    it('a stolen session cannot guess the password: repeated wrong current passwords answer 429', async () => {
      const user = await insertUser(t.ctx, { agencyId, roles: ['analyst'] });
      const session = await signIn(t.app, user.email, user.password);
      const attempt = (currentPassword: string) =>
        as(session).post('/api/v1/profile/password', { currentPassword, newPassword: 'Ugali na sukuma wiki 12' });
      for (let i = 0; i < t.ctx.config.loginMaxFailures; i += 1) {
        expectProblem(await attempt(`guess number ${i}`), 400, 'validation_failed');
      }
      const blocked = await attempt(user.password);
      expectProblem(blocked, 429, 'too_many_attempts');
      expect(blocked.headers['retry-after']).toBeDefined();
      expect((await login({ email: user.email, password: user.password })).statusCode).toBe(200);
    });
  });
});
