import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, createTestApp, describeIntegration, send, type TestApp } from '../../test/harness.ts';

const login = (t: TestApp, headers: Record<string, string>) =>
  send(t.app, null, 'POST', '/api/v1/auth/login', {
    body: { email: DEMO.admin, password: DEMO_PASSWORD },
    headers,
    remoteAddress: '127.0.0.1',
  });

describeIntegration('behind a TLS-terminating proxy', () => {
  let proxied: TestApp;
  let direct: TestApp;

  beforeAll(async () => {
    proxied = await createTestApp({ seed: 'demo', env: { KINGA_TRUST_PROXY: '127.0.0.1' } });
    direct = await createTestApp({ seed: 'demo' });
  });
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
  });

  it('a trusted proxy saying https: HSTS, and a Secure, HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await login(proxied, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const cookie = res.cookies.find((c) => c.name === 'kinga_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('without a trusted proxy a forged X-Forwarded-Proto changes nothing: no HSTS, no Secure flag', async () => {
    const res = await login(direct, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const cookie = res.cookies.find((c) => c.name === 'kinga_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookie?.secure).toBeFalsy();
  });
});
