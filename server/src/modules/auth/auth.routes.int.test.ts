import type { Problem, SessionDto } from '@kinga/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertAgency, insertUser } from '../../../test/factories.ts';
import {
  DEMO,
  DEMO_PASSWORD,
  client,
  createTestApp,
  describeIntegration,
  expectAudit,
  expectProblem,
  json,
  nextAddress,
  send,
  sessionCookieOf,
  signIn,
  userIdOf,
  type Session,
  type TestApp,
} from '../../../test/harness.ts';

const MAX_FAILURES = 3;

describeIntegration('authentication routes', () => {
  let t: TestApp;
  let admin: Session;
  let agencyId: string;
  const as = (s: Session | null) => client(t.app, s);
  const login = (body: Record<string, string>, remoteAddress = nextAddress()) =>
    send(t.app, null, 'POST', '/api/v1/auth/login', { body, remoteAddress });
  const withoutRequestId = (p: Problem) => ({ ...p, requestId: undefined });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', env: { KINGA_LOGIN_MAX_FAILURES: String(MAX_FAILURES) } });
    admin = await signIn(t.app, DEMO.admin);
    agencyId = (await insertAgency(t.ctx)).id;
  });
  afterAll(() => t?.close());

  describe('POST /api/v1/auth/login', () => {
    it('signs in: 200, an HttpOnly SameSite=Strict session cookie, the user and a CSRF token; audited auth.login', async () => {
      const res = await login({ email: DEMO.caseworkerA, password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'kinga_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      const body = json<SessionDto>(res);
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(body.user).toMatchObject({
        email: DEMO.caseworkerA,
        roles: ['case_worker'],
        agencyName: 'Tumaini Safe House',
        language: 'sw',
        mfaEnrolmentRequired: false,
      });
      expect(body.user.permissions).toEqual([
        'agency:read',
        'case:read',
        'case:write',
        'case:export',
        'plan:read',
        'analytics:read',
        'case:import',
      ]);
      expect(res.body).not.toMatch(/hash|secret/i);
      await expectAudit(t.ctx, res, {
        action: 'auth.login',
        outcome: 'success',
        actorId: body.user.id,
        entityId: body.user.id,
      });
    });

    it('accepts the email in any case and with spaces around it', async () => {
      expect((await login({ email: '  Police@Demo.KINGA.test ', password: DEMO_PASSWORD })).statusCode).toBe(200);
    });

    it('answers the same 401 body for an unknown email and a wrong password; both audited as failures', async () => {
      const unknown = await login({ email: 'nobody.here@demo.kinga.test', password: DEMO_PASSWORD });
      const wrong = await login({ email: DEMO.analyst, password: 'kinga-demo-2025' });
      const a = expectProblem(unknown, 401, 'invalid_credentials');
      const b = expectProblem(wrong, 401, 'invalid_credentials');
      expect(withoutRequestId(a)).toEqual(withoutRequestId(b));
      expect(unknown.cookies).toEqual([]);
      await expectAudit(t.ctx, unknown, { action: 'auth.login', outcome: 'failure', actorId: null, entityId: null });
      await expectAudit(t.ctx, wrong, {
        action: 'auth.login',
        outcome: 'failure',
        actorId: null,
        entityId: await userIdOf(t.ctx, DEMO.analyst),
      });
    });

    it('refuses an account that has not chosen a password yet with the same 401', async () => {
      const res = await as(admin).post('/api/v1/users', buildUser({ agencyId, roles: ['analyst'] }));
      const email = json<{ user: { email: string } }>(res).user.email;
      expectProblem(await login({ email, password: '' }), 401, 'invalid_credentials');
    });

    it(`after ${MAX_FAILURES} wrong passwords the account is throttled: 429 with Retry-After, even with the right password`, async () => {
      const user = await insertUser(t.ctx, { agencyId, roles: ['analyst'] });
      const address = nextAddress();
      for (let i = 0; i < MAX_FAILURES; i += 1) {
        expectProblem(
          await login({ email: user.email, password: `wrong password ${i}` }, address),
          401,
          'invalid_credentials',
        );
      }
      const blocked = await login({ email: user.email, password: user.password }, address);
      expectProblem(blocked, 429, 'too_many_attempts');
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(sessionCookieOf(blocked)).toBeUndefined();
      // The account is throttled from any address, not only the one that failed.
      expectProblem(
        await login({ email: user.email, password: user.password }, nextAddress()),
        429,
        'too_many_attempts',
      );
      // Other accounts are not affected.
      expect((await login({ email: DEMO.hotline, password: DEMO_PASSWORD }, nextAddress())).statusCode).toBe(200);
    });

    it('an address that fails across many accounts is throttled too', async () => {
      const address = nextAddress();
      for (let i = 0; i < MAX_FAILURES * 4; i += 1) {
        await login({ email: `guess${i}@demo.kinga.test`, password: 'password123' }, address);
      }
      expectProblem(
        await login({ email: DEMO.supervisorA, password: DEMO_PASSWORD }, address),
        429,
        'too_many_attempts',
      );
      expect((await login({ email: DEMO.supervisorA, password: DEMO_PASSWORD }, nextAddress())).statusCode).toBe(200);
    });

    it('a successful sign-in resets the account’s failure count', async () => {
      const user = await insertUser(t.ctx, { agencyId, roles: ['analyst'] });
      const address = nextAddress();
      for (let round = 0; round < 2; round += 1) {
        for (let i = 0; i < MAX_FAILURES - 1; i += 1)
          await login({ email: user.email, password: 'not it at all' }, address);
        expect((await login({ email: user.email, password: user.password }, address)).statusCode).toBe(200);
      }
    });

    it('signing in again from the same browser ends the session it still presented (a new id each time)', async () => {
      const first = await signIn(t.app, DEMO.secretariat);
      const again = await send(t.app, null, 'POST', '/api/v1/auth/login', {
        body: { email: DEMO.secretariat, password: DEMO_PASSWORD },
        headers: { cookie: first.cookie },
        remoteAddress: nextAddress(),
      });
      expect(again.statusCode).toBe(200);
      const second = sessionCookieOf(again);
      expect(second).toBeDefined();
      expect(second).not.toBe(first.cookie);
      expectProblem(await as(first).get('/api/v1/auth/session'), 401, 'unauthenticated');
    });

    it('refuses a body without email or password with 400', async () => {
      expectProblem(await login({ email: DEMO.admin }), 400, 'validation_failed');
    });
  });

  describe('GET /api/v1/auth/session', () => {
    it('answers the signed-in user, permissions and the CSRF token', async () => {
      const res = await as(admin).get('/api/v1/auth/session');
      expect(res.statusCode).toBe(200);
      const body = json<SessionDto>(res);
      expect(body.csrfToken).toBe(admin.csrfToken);
      expect(body.user).toMatchObject({ email: DEMO.admin, roles: ['administrator'], mfaEnrolmentRequired: false });
      expect(body.user.permissions).toEqual([
        'agency:read',
        'agency:manage',
        'user:read',
        'user:manage',
        'audit:read',
        'plan:read',
        'analytics:read',
        'analytics:import',
        'case:import',
        'analytics:manage',
      ]);
    });
  });

  describe('session lifetime', () => {
    it('a session idle past its timeout no longer works', async () => {
      const session = await signIn(t.app, DEMO.analyst);
      expect((await as(session).get('/api/v1/auth/session')).statusCode).toBe(200);
      await t.ctx.db
        .updateTable('sessions')
        .set({ idle_expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('user_id', '=', session.user.id)
        .execute();
      expectProblem(await as(session).get('/api/v1/auth/session'), 401, 'unauthenticated');
    });

    it('a session past its absolute lifetime no longer works, however active', async () => {
      const session = await signIn(t.app, DEMO.secretariat);
      await t.ctx.db
        .updateTable('sessions')
        .set({ absolute_expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('user_id', '=', session.user.id)
        .execute();
      expectProblem(await as(session).get('/api/v1/auth/session'), 401, 'unauthenticated');
    });

    it('the database keeps only a hash of the session cookie', async () => {
      const session = await signIn(t.app, DEMO.police);
      const token = session.cookie.split('=')[1] ?? '';
      const rows = await t.ctx.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', session.user.id)
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.id_hash)).not.toContain(token);
    });
  });

  describe('POST /api/v1/auth/logout', () => {
    it('ends the session server-side: 204, cookie cleared, the old cookie no longer works; audited auth.logout', async () => {
      const session = await signIn(t.app, DEMO.analyst);
      const other = await signIn(t.app, DEMO.analyst);
      const res = await as(session).post('/api/v1/auth/logout');
      expect(res.statusCode).toBe(204);
      const cleared = res.cookies.find((c) => c.name === 'kinga_session');
      expect(cleared?.value).toBe('');
      await expectAudit(t.ctx, res, { action: 'auth.logout', outcome: 'success', actorId: session.user.id });
      expectProblem(await as(session).get('/api/v1/auth/session'), 401, 'unauthenticated');
      expectProblem(await as(session).post('/api/v1/auth/logout'), 401, 'unauthenticated');
      // Only that session ends; the same user's other browser stays signed in.
      expect((await as(other).get('/api/v1/auth/session')).statusCode).toBe(200);
    });

    it('needs the CSRF token, so another site cannot sign the user out', async () => {
      const session = await signIn(t.app, DEMO.analyst);
      expectProblem(
        await as(session).post('/api/v1/auth/logout', undefined, { withoutCsrf: true }),
        403,
        'csrf_failed',
      );
      expect((await as(session).get('/api/v1/auth/session')).statusCode).toBe(200);
    });
  });

  describe('POST /api/v1/auth/password-reset', () => {
    async function newAccountLink(): Promise<{ email: string; token: string; id: string }> {
      const res = await as(admin).post('/api/v1/users', buildUser({ agencyId, roles: ['analyst'] }));
      expect(res.statusCode).toBe(201);
      const created = json<{ user: { id: string; email: string }; passwordLink: { url: string } }>(res);
      const token = new URL(created.passwordLink.url).hash.replace('#token=', '');
      return { email: created.user.email, token, id: created.user.id };
    }

    it('sets the password with the one-time token; the token works once; audited auth.password_set', async () => {
      const account = await newAccountLink();
      const password = 'Jua kali ya Kariakor 2026';
      const res = await send(t.app, null, 'POST', '/api/v1/auth/password-reset', {
        body: { token: account.token, password },
      });
      expect(res.statusCode).toBe(204);
      await expectAudit(t.ctx, res, { action: 'auth.password_set', outcome: 'success', entityId: account.id });
      expect((await login({ email: account.email, password })).statusCode).toBe(200);

      const again = await send(t.app, null, 'POST', '/api/v1/auth/password-reset', {
        body: { token: account.token, password: 'Another good passphrase 77' },
      });
      expectProblem(again, 400, 'invalid_token');
      expectProblem(
        await login({ email: account.email, password: 'Another good passphrase 77' }),
        401,
        'invalid_credentials',
      );
    });

    it.each([
      ['too short', 'Kisumu#9', 'too_short'],
      ['common', 'password1234', 'common'],
      ['common with decoration', 'Password!1234', 'common'],
      ['repetitive', 'aaaaaaaaaaaaaaaa', 'repetitive'],
    ])('refuses a %s password with 400 and keeps the token usable', async (_what, password, code) => {
      const account = await newAccountLink();
      const res = await send(t.app, null, 'POST', '/api/v1/auth/password-reset', {
        body: { token: account.token, password },
      });
      const problem = expectProblem(res, 400, 'validation_failed');
      expect(problem.issues).toEqual([expect.objectContaining({ path: 'body.password', code })]);
      expectProblem(await login({ email: account.email, password }), 401, 'invalid_credentials');
      const retry = await send(t.app, null, 'POST', '/api/v1/auth/password-reset', {
        body: { token: account.token, password: 'Matatu za Githurai 45' },
      });
      expect(retry.statusCode).toBe(204);
    });

    it('refuses a password that contains the email’s name', async () => {
      const account = await newAccountLink();
      const local = account.email.split('@')[0] ?? '';
      const res = await send(t.app, null, 'POST', '/api/v1/auth/password-reset', {
        body: { token: account.token, password: `${local}-Zx9!` },
      });
      expect(expectProblem(res, 400, 'validation_failed').issues?.[0]?.code).toBe('contains_email');
    });

    it('refuses an unknown token with 400 invalid_token', async () => {
      const res = await send(t.app, null, 'POST', '/api/v1/auth/password-reset', {
        body: { token: 'x'.repeat(43), password: 'Matatu za Githurai 45' },
      });
      expectProblem(res, 400, 'invalid_token');
    });

    it('a newer link replaces the older one', async () => {
      const account = await newAccountLink();
      const reset = await as(admin).post(`/api/v1/users/${account.id}/password-reset`);
      const newer = new URL(json<{ url: string }>(reset).url).hash.replace('#token=', '');
      const old = await send(t.app, null, 'POST', '/api/v1/auth/password-reset', {
        body: { token: account.token, password: 'Matatu za Githurai 45' },
      });
      expectProblem(old, 400, 'invalid_token');
      const ok = await send(t.app, null, 'POST', '/api/v1/auth/password-reset', {
        body: { token: newer, password: 'Matatu za Githurai 45' },
      });
      expect(ok.statusCode).toBe(204);
    });

    it('a password set through a reset link ends the account’s sessions', async () => {
      const user = await insertUser(t.ctx, { agencyId, roles: ['analyst'] });
      const session = await signIn(t.app, user.email, user.password);
      const link = await as(admin).post(`/api/v1/users/${user.id}/password-reset`);
      const token = new URL(json<{ url: string }>(link).url).hash.replace('#token=', '');
      expectProblem(await as(session).get('/api/v1/auth/session'), 401, 'unauthenticated');
      expect(
        (
          await send(t.app, null, 'POST', '/api/v1/auth/password-reset', {
            body: { token, password: 'Chapati na maharagwe 3' },
          })
        ).statusCode,
      ).toBe(204);
      expect((await login({ email: user.email, password: user.password })).statusCode).toBe(401);
      expect((await login({ email: user.email, password: 'Chapati na maharagwe 3' })).statusCode).toBe(200);
    });
  });
});
