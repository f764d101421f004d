import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  expect,
  mainNav,
  messagePattern,
  messages,
  signInWith,
  submitSignIn,
  test,
} from './fixtures.ts';
import { LOGIN_MAX_FAILURES } from './settings.ts';

const { en } = messages;

test('repeated wrong passwords lock the account for a while, even against the right password', async ({
  page,
  adminApi,
}, testInfo) => {
  const account = await adminApi.createAccount(testInfo, ['analyst']);
  await page.goto('/sign-in');

  for (let attempt = 1; attempt <= LOGIN_MAX_FAILURES; attempt++) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await submitSignIn(page, { email: account.email, password: `wrong-password-${attempt}` });
    expect((await answered).status()).toBe(401);
    await expect(page.getByRole('alert')).toContainText(en['signIn.invalidCredentials']);
  }

  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await submitSignIn(page, account);
  expect((await answered).status()).toBe(429);
  // The window is KINGA_LOGIN_WINDOW_MINUTES (15 by default); the page rounds the Retry-After up to minutes.
  await expect(page.getByRole('alert')).toContainText(messagePattern(en['signIn.tooManyAttempts']));
  await expect(mainNav(page)).toHaveCount(0);

  // Another account from the same address is not locked out by this one.
  await signInWith(page, { email: DEMO_ACCOUNTS.analyst.email, password: DEMO_PASSWORD });
});
