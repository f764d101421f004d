import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DEMO,
  TEST_ENGINE,
  countRows,
  createTestApp,
  describeIntegration,
  expectProblem,
  json,
  send,
  signIn,
  type Session,
  type TestApp,
} from '../../test/harness.ts';

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown; tags?: string[] }>>;
}

/** Routes anyone may call; every other /api/v1 route must refuse an anonymous caller. */
const PUBLIC_ROUTES = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/password-reset']);

/** Every route the server registers, as the platform's modules declare them. */
const API_V1_ROUTES = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/session',
  'POST /api/v1/auth/password-reset',
  'PATCH /api/v1/profile',
  'POST /api/v1/profile/password',
  'POST /api/v1/profile/totp/setup',
  'POST /api/v1/profile/totp/confirm',
  'POST /api/v1/profile/totp/disable',
  'POST /api/v1/profile/recovery-codes',
  'GET /api/v1/agencies',
  'POST /api/v1/agencies',
  'GET /api/v1/agencies/{id}',
  'PATCH /api/v1/agencies/{id}',
  'GET /api/v1/users',
  'POST /api/v1/users',
  'GET /api/v1/users/{id}',
  'PATCH /api/v1/users/{id}',
  'POST /api/v1/users/{id}/password-reset',
  'POST /api/v1/users/{id}/mfa-reset',
  'GET /api/v1/audit-events',
  'GET /api/v1/cases',
  'POST /api/v1/cases',
  'POST /api/v1/cases/search',
  'POST /api/v1/cases/duplicates',
  'GET /api/v1/cases/export',
  'GET /api/v1/cases/{code}',
  'PATCH /api/v1/cases/{code}',
  'POST /api/v1/cases/{code}/submit',
  'POST /api/v1/cases/{code}/identity',
  'PUT /api/v1/cases/{code}/assignment',
  'PUT /api/v1/cases/{code}/follow-up',
  'POST /api/v1/cases/{code}/closure',
  'POST /api/v1/cases/{code}/closure/approve',
  'POST /api/v1/cases/{code}/closure/reject',
  'POST /api/v1/cases/{code}/reopen',
  'GET /api/v1/cases/{code}/history',
  'GET /api/v1/cases/{code}/screenings',
  'POST /api/v1/cases/{code}/screenings',
  'POST /api/v1/cases/{code}/screenings/{id}/determination',
  'GET /api/v1/cases/{code}/services',
  'POST /api/v1/cases/{code}/services',
  'PATCH /api/v1/cases/{code}/services/{id}',
  'GET /api/v1/cases/{code}/notes',
  'POST /api/v1/cases/{code}/notes',
  'GET /api/v1/cases/{code}/attachments',
  'POST /api/v1/cases/{code}/attachments',
  'GET /api/v1/cases/{code}/attachments/{id}/content',
  'GET /api/v1/cases/{code}/consents',
  'POST /api/v1/cases/{code}/consents',
  'POST /api/v1/cases/{code}/consents/{id}/withdraw',
  'GET /api/v1/cases/{code}/referrals',
  'POST /api/v1/cases/{code}/referrals',
  'GET /api/v1/referrals',
  'GET /api/v1/referrals/{id}',
  'POST /api/v1/referrals/{id}/approve',
  'POST /api/v1/referrals/{id}/accept',
  'POST /api/v1/referrals/{id}/decline',
  'POST /api/v1/referrals/{id}/complete',
  'POST /api/v1/referrals/{id}/revoke',
  'GET /api/v1/work',
  'GET /api/v1/meetings',
  'POST /api/v1/meetings',
  'GET /api/v1/meetings/{id}',
  'PATCH /api/v1/meetings/{id}',
  'PUT /api/v1/meetings/{id}/attendance',
  'POST /api/v1/meetings/{id}/decisions',
  'PATCH /api/v1/meetings/{id}/decisions/{decisionId}',
  'DELETE /api/v1/meetings/{id}/decisions/{decisionId}',
  'POST /api/v1/meetings/{id}/action-items',
  'GET /api/v1/meeting-decisions',
  'GET /api/v1/meeting-people',
  'GET /api/v1/action-items',
  'PATCH /api/v1/action-items/{id}',
  'GET /api/v1/partners',
  'GET /api/v1/partners/matrix',
  'GET /api/v1/partners/{agencyId}',
  'PUT /api/v1/partners/{agencyId}',
  'GET /api/v1/geo/counties',
  'PUT /api/v1/geo/counties',
  'GET /api/v1/imports',
  'POST /api/v1/imports',
  'GET /api/v1/imports/{id}',
  'GET /api/v1/imports/{id}/errors',
  'GET /api/v1/analytics/flows',
  'GET /api/v1/analytics/dashboard',
  'GET /api/v1/analytics/glotip',
  'GET /api/v1/analytics/glotip.csv',
  'GET /api/v1/analytics/settings',
  'PUT /api/v1/analytics/settings',
  'POST /api/v1/releases',
  'GET /api/v1/releases',
  'GET /api/v1/releases/{id}',
  'GET /api/v1/releases/{id}/data.csv',
  'GET /api/v1/releases/{id}/codebook',
  'GET /api/v1/plans',
  'POST /api/v1/plans',
  'GET /api/v1/plans/{id}',
  'PATCH /api/v1/plans/{id}',
  'POST /api/v1/plans/{id}/versions',
  'GET /api/v1/plans/{id}/versions/{number}',
  'POST /api/v1/plans/{id}/versions/{number}/elements',
  'PATCH /api/v1/plans/{id}/versions/{number}/elements/{key}',
  'DELETE /api/v1/plans/{id}/versions/{number}/elements/{key}',
  'POST /api/v1/plans/{id}/versions/{number}/submit',
  'POST /api/v1/plans/{id}/versions/{number}/return',
  'POST /api/v1/plans/{id}/versions/{number}/adopt',
  'GET /api/v1/plans/{id}/compare',
  'GET /api/v1/plans/{id}/versions/{number}/comments',
  'POST /api/v1/plans/{id}/versions/{number}/comments',
  'POST /api/v1/plans/{id}/comments/{threadId}/resolve',
  'POST /api/v1/plans/{id}/comments/{threadId}/reopen',
  'GET /api/v1/plans/{id}/versions/{number}/document',
  'GET /api/v1/plans/{id}/periods/{periodId}/document',
  'GET /api/v1/meetings/{id}/minutes',
  'GET /api/v1/plans/{id}/periods',
  'GET /api/v1/plans/{id}/periods/{periodId}/reports',
  'GET /api/v1/plans/{id}/periods/{periodId}/reports/{agencyId}',
  'PUT /api/v1/plans/{id}/periods/{periodId}/reports/{agencyId}',
  'POST /api/v1/plans/{id}/periods/{periodId}/reports/{agencyId}/submit',
  'POST /api/v1/plans/{id}/periods/{periodId}/reports/{agencyId}/accept',
  'POST /api/v1/plans/{id}/periods/{periodId}/reports/{agencyId}/return',
  'POST /api/v1/plans/{id}/periods/{periodId}/reports/{agencyId}/evidence',
  'GET /api/v1/plans/{id}/periods/{periodId}/reports/{agencyId}/evidence/{evidenceId}',
  'DELETE /api/v1/plans/{id}/periods/{periodId}/reports/{agencyId}/evidence/{evidenceId}',
  'PUT /api/v1/plans/{id}/periods/{periodId}/actuals/{indicatorKey}',
  'GET /api/v1/plans/{id}/indicators',
  'GET /api/v1/indicator-sources',
  'GET /api/v1/plans/{id}/dashboard',
];

describeIntegration('HTTP application', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    admin = await signIn(t.app, DEMO.admin);
  });
  afterAll(() => t?.close());

  it('GET /api/health answers ok, the engine and the version', async () => {
    const res = await send(t.app, null, 'GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ status: 'ok', database: TEST_ENGINE, version: t.ctx.version });
  });

  it('GET /api/public/instance answers what the sign-in page needs, without a session', async () => {
    const res = await send(t.app, null, 'GET', '/api/public/instance');
    expect(res.statusCode).toBe(200);
    const body = json<{
      demo: boolean;
      country: { iso2: string };
      counties: unknown[];
      languages: string[];
      passwordMinLength: number;
    }>(res);
    expect(body).toMatchObject({ demo: true, country: { iso2: 'KE' }, languages: ['en', 'sw'], passwordMinLength: 12 });
    expect(body.counties).toHaveLength(47);
  });

  it('GET /api/openapi.json is OpenAPI 3.1 and lists exactly the /api/v1 routes', async () => {
    const res = await send(t.app, null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = json<OpenApi>(res);
    expect(doc.openapi).toBe('3.1.0');
    const listed = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/v1/'))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(listed.sort()).toEqual([...API_V1_ROUTES].sort());
  });

  it.each(API_V1_ROUTES.filter((r) => !PUBLIC_ROUTES.has(r)))(
    '%s refuses an anonymous caller with 401 problem+json',
    async (route) => {
      const [method, pattern] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT', string];
      const url = pattern
        .replace(/\{id\}/g, '0190a0b1-0000-7000-8000-000000000001')
        .replace('{code}', 'KE-2026-000001');
      const res = await send(t.app, null, method, url, method === 'GET' ? {} : { body: {} });
      expectProblem(res, 401, 'unauthenticated');
    },
  );

  it('a forged session cookie is anonymous', async () => {
    const res = await send(
      t.app,
      { ...admin, cookie: 'kinga_session=not-a-real-session-token-at-all' },
      'GET',
      '/api/v1/agencies',
    );
    expectProblem(res, 401, 'unauthenticated');
  });

  it('sets strict security headers on API answers', async () => {
    const res = await send(t.app, admin, 'GET', '/api/v1/agencies');
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    // Plain HTTP: no HSTS (it would pin a development host to TLS).
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sets the security headers on errors too', async () => {
    const res = await send(t.app, null, 'GET', '/api/v1/agencies');
    expect(res.statusCode).toBe(401);
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('an unknown /api path answers 404 problem+json', async () => {
    expectProblem(await send(t.app, null, 'GET', '/api/v1/no-such-thing'), 404, 'not_found');
    expectProblem(await send(t.app, admin, 'POST', '/api/v2/agencies', { body: {} }), 404, 'not_found');
  });

  it('a malformed JSON body answers 400, not 500', async () => {
    const res = await send(t.app, null, 'POST', '/api/v1/auth/login', {
      payload: '{"email": "admin@demo.kinga.test", "password": ',
      headers: { 'content-type': 'application/json' },
    });
    const problem = expectProblem(res, 400);
    expect(problem.title).not.toContain('admin@demo');
  });

  it('a malformed JSON body from a signed-in caller answers 400 and writes nothing', async () => {
    const before = await countRows(t.ctx, 'agencies');
    const res = await send(t.app, admin, 'POST', '/api/v1/agencies', {
      payload: '{"name": "Kisumu',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 400);
    expect(await countRows(t.ctx, 'agencies')).toBe(before);
  });

  it('a body over the limit answers 413', async () => {
    const huge = JSON.stringify({ email: 'admin@demo.kinga.test', password: 'x'.repeat(1_100_000) });
    const res = await send(t.app, null, 'POST', '/api/v1/auth/login', {
      payload: huge,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 413);
  });

  it('every answer carries a request id', async () => {
    const a = await send(t.app, null, 'GET', '/api/health');
    const b = await send(t.app, null, 'GET', '/api/health');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('does not take a request id from the client', async () => {
    const res = await send(t.app, null, 'GET', '/api/health', { headers: { 'x-request-id': 'attacker-chosen' } });
    expect(res.headers['x-request-id']).not.toBe('attacker-chosen');
  });
});
