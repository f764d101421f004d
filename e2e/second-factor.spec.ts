import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  expect,
  freshTotpCode,
  mainNav,
  messages,
  signInWith,
  signOut,
  submitSignIn,
  test,
} from './fixtures.ts';

const { en } = messages;

test('a user who must use a second factor enrols at first sign-in, then signs in with a code', async ({
  page,
  adminApi,
}, testInfo) => {
  // Two sign-ins with codes of different 30-second steps can need a wait of up to one step.
  test.setTimeout(180_000);
  const account = await adminApi.createAccount(testInfo, ['analyst'], { mfaRequired: true });

  let secret = '';
  let enrolStep = -1;
  let recoveryCodes: string[] = [];
  let signInStep = -1;
  await test.step('first sign-in leads to enrolment only', async () => {
    await signInWith(page, account);
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByText(en['profile.mfaRequired'])).toBeVisible();
    await expect(mainNav(page).getByRole('link')).toHaveText([en['nav.profile']]);
    await page.goto('/users');
    await expect(page).toHaveURL(/\/profile$/);
  });

  await test.step('enrol with the manual setup key', async () => {
    await page.getByRole('button', { name: en['profile.mfaStart'] }).click();
    await expect(page.getByRole('img', { name: en['profile.mfaQrAlt'] })).toBeVisible();
    await expect(page.getByText(en['profile.mfaManual'])).toBeVisible();
    secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const fresh = await freshTotpCode(secret);
    enrolStep = fresh.step;
    await page.getByLabel(en['profile.mfaCode'], { exact: true }).fill(fresh.code);
    await page.getByRole('button', { name: en['profile.mfaConfirm'] }).click();
    await expect(page.getByRole('heading', { name: en['profile.recoveryTitle'] })).toBeVisible();
    const list = page.getByRole('list', { name: en['profile.recoveryListLabel'] });
    await expect(list.getByRole('listitem')).toHaveCount(10);
    recoveryCodes = await list.getByRole('listitem').allInnerTexts();
    await page.getByRole('button', { name: en['profile.recoverySaved'] }).click();
    await expect(page.getByText(en['profile.mfaEnabled'])).toBeVisible();
    await expect(mainNav(page).getByRole('link', { name: en['nav.home'] })).toBeVisible();
    await signOut(page);
  });

  await test.step('sign in again with password and a fresh code', async () => {
    await submitSignIn(page, account);
    await expect(page.getByText(en['signIn.totpNeeded'])).toBeVisible();
    const codeField = page.getByLabel(en['signIn.totp'], { exact: true });
    await expect(codeField).toBeFocused();
    const { code, step } = await freshTotpCode(secret, enrolStep);
    signInStep = step;
    await codeField.fill(code);
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    // The full navigation, not the enrolment-only one; the page is where the last sign-out happened.
    await expect(mainNav(page).getByRole('link')).toHaveText([
      en['nav.home'],
      en['cases.nav'],
      en['referrals.title'],
      en['nav.plans'],
      en['nav.meetings'],
      en['nav.partners'],
      en['nav.analytics'],
      en['nav.imports'],
      en['nav.releases'],
      en['nav.agencies'],
      en['nav.profile'],
    ]);
    await expect(page.getByText(en['shell.signedInAs'].replace('{name}', account.user.name))).toBeVisible();
    await signOut(page);
  });

  await test.step('replace the recovery codes from the profile; the old ones stop working', async () => {
    await submitSignIn(page, account);
    const { code } = await freshTotpCode(secret, signInStep);
    await page.getByLabel(en['signIn.totp'], { exact: true }).fill(code);
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    await mainNav(page).getByRole('link', { name: en['nav.profile'] }).click();
    const next = await freshTotpCode(secret, signInStep + 1);
    await page.getByLabel(en['profile.mfaCode'], { exact: true }).fill(next.code);
    await page.getByRole('button', { name: en['profile.recoveryNew'] }).click();
    const list = page.getByRole('list', { name: en['profile.recoveryListLabel'] });
    await expect(list.getByRole('listitem')).toHaveCount(10);
    const replaced = await list.getByRole('listitem').allInnerTexts();
    expect(replaced.some((c) => recoveryCodes.includes(c))).toBe(false);
    await page.getByRole('button', { name: en['profile.recoverySaved'] }).click();
    await signOut(page);

    await submitSignIn(page, account);
    await page.getByLabel(en['signIn.totp'], { exact: true }).fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    await expect(page.getByRole('alert').getByText(en['signIn.invalidCredentialsOrCode'])).toBeVisible();
    await expect(mainNav(page)).toHaveCount(0);
    recoveryCodes = replaced;
    await page.goto('/sign-in');
  });

  await test.step('a recovery code also works, once', async () => {
    await submitSignIn(page, account);
    const [recoveryCode] = recoveryCodes;
    expect(recoveryCode).toBeDefined();
    await page.getByLabel(en['signIn.totp'], { exact: true }).fill(recoveryCode ?? '');
    await page.getByRole('button', { name: en['signIn.submit'] }).click();
    await expect(mainNav(page).getByRole('link', { name: en['nav.home'] })).toBeVisible();
    await signOut(page);
  });

  await test.step('a lost phone: an administrator resets the second factor, and the user enrols again', async () => {
    await signInWith(page, { email: DEMO_ACCOUNTS.administrator.email, password: DEMO_PASSWORD });
    await page.goto(`/users/${account.user.id}`);
    await page.getByRole('button', { name: en['users.resetMfa'] }).click();
    await expect(page.getByText(en['users.mfaResetDone'].replace('{name}', account.user.name))).toBeVisible();
    await signOut(page);
    await signInWith(page, account);
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByText(en['profile.mfaRequired'])).toBeVisible();
  });
});
