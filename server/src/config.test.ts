import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies the contract’s defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      demo: 'auto',
      demoPassword: 'kinga-demo-2026',
      databaseUrl: undefined,
      loginMaxFailures: 5,
      passwordMinLength: 12,
    });
    expect(config.mfaRequiredRoles).toEqual(expect.arrayContaining(['case_worker', 'administrator']));
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each(['abc', '70000', '-1', '3000.5'])(
    'refuses PORT=%s with a ConfigError naming PORT but not echoing the value',
    (value) => {
      let error: unknown;
      try {
        loadConfig({ PORT: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toMatch(/\bPORT\b/);
      if (value.length > 2) expect(message).not.toContain(value);
    },
  );

  it('names every wrong variable at once, never echoing a secret', () => {
    const secret = 'postgresql-but-not-really://user:hunter2@db';
    expect(() => loadConfig({ DATABASE_URL: secret, KINGA_DEMO: 'maybe', KINGA_MASTER_KEY: 'short' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ DATABASE_URL: secret, KINGA_DEMO: 'maybe', KINGA_MASTER_KEY: 'short' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('KINGA_DEMO');
      expect(message).toContain('KINGA_MASTER_KEY');
      expect(message).not.toContain('hunter2');
    }
  });

  it('reads a role list for KINGA_MFA_REQUIRED_ROLES and refuses an unknown role', () => {
    expect(loadConfig({ KINGA_MFA_REQUIRED_ROLES: 'case_worker, analyst' }).mfaRequiredRoles).toEqual([
      'case_worker',
      'analyst',
    ]);
    expect(() => loadConfig({ KINGA_MFA_REQUIRED_ROLES: 'case_worker,pirate' })).toThrow(/KINGA_MFA_REQUIRED_ROLES/);
  });

  it('converts minutes and hours to milliseconds', () => {
    expect(
      loadConfig({
        KINGA_SESSION_IDLE_MINUTES: '10',
        KINGA_SESSION_ABSOLUTE_HOURS: '2',
        KINGA_LOGIN_WINDOW_MINUTES: '1',
      }),
    ).toMatchObject({
      sessionIdleMs: 600_000,
      sessionAbsoluteMs: 7_200_000,
      loginWindowMs: 60_000,
    });
  });
});
