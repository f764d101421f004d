import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  expect,
  mainNav,
  messages,
  signOut,
  submitSignIn,
  switchLanguage,
  test,
  type DemoAccount,
} from './fixtures.ts';

const { en, sw } = messages;

test.describe('signing in and out', () => {
  test('in English: demo banner, the role’s navigation, sign out', async ({ page, signInAs }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: en['signIn.title'] })).toBeVisible();
    await expect(page.getByText(en['shell.demoBanner'])).toBeVisible();

    await signInAs('administrator');
    await expect(page.getByRole('heading', { level: 1, name: en['home.title'] })).toBeVisible();
    await expect(page.getByText(en['shell.demoBanner'])).toBeVisible();
    await expect(mainNav(page).getByRole('link')).toHaveText([
      en['nav.home'],
      en['nav.plans'],
      en['nav.meetings'],
      en['nav.partners'],
      en['nav.analytics'],
      en['nav.imports'],
      en['nav.agencies'],
      en['nav.users'],
      en['nav.audit'],
      en['nav.profile'],
    ]);

    await signOut(page);
    await expect(mainNav(page)).toHaveCount(0);
    // The session really ended: a page behind sign-in sends us back.
    await page.goto('/users');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('after a sign-out, the next person starts at home, not on the last page of the previous one', async ({
    page,
    signInAs,
  }) => {
    await page.goto('/sign-in');
    await signInAs('administrator');
    await mainNav(page).getByRole('link', { name: en['nav.audit'] }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await signOut(page);
    await submitSignIn(page, { email: DEMO_ACCOUNTS.analyst.email, password: DEMO_PASSWORD });
    await expect(page.getByRole('heading', { level: 1, name: en['home.title'] })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });

  test('in Swahili: switch on the sign-in page, remembered after reload, Swahili shell', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await switchLanguage(page, 'sw');
    await expect(page.getByRole('heading', { level: 1, name: sw['signIn.title'] })).toBeVisible();
    await expect(page.getByLabel(sw['signIn.email'], { exact: true })).toBeVisible();
    await expect(page.getByText(sw['shell.demoBanner'])).toBeVisible();
    await expect(page).toHaveTitle(`${sw['signIn.title']} · Kinga`);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
    await expect(page.getByRole('heading', { level: 1, name: sw['signIn.title'] })).toBeVisible();

    // Faith (case worker, Agency A) keeps Swahili in her profile.
    await submitSignIn(page, { email: DEMO_ACCOUNTS.case_worker.email, password: DEMO_PASSWORD }, 'sw');
    await expect(page.getByRole('heading', { level: 1, name: sw['home.title'] })).toBeVisible();
    await expect(page.getByText(sw['shell.demoBanner'])).toBeVisible();
    await expect(mainNav(page, 'sw').getByRole('link')).toHaveText([
      sw['nav.home'],
      sw['cases.nav'],
      sw['referrals.title'],
      sw['nav.plans'],
      sw['nav.meetings'],
      sw['nav.partners'],
      sw['nav.analytics'],
      sw['nav.imports'],
      sw['nav.agencies'],
      sw['nav.profile'],
    ]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sw');

    await page.reload();
    await expect(mainNav(page, 'sw')).toBeVisible();
    await signOut(page, 'sw');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
  });

  test('a wrong password is refused with a message, and no session starts', async ({ page }) => {
    await page.goto('/sign-in');
    await submitSignIn(page, { email: DEMO_ACCOUNTS.analyst.email, password: 'not-the-password' });
    await expect(page.getByRole('alert')).toContainText(en['signIn.invalidCredentials']);
    await expect(mainNav(page)).toHaveCount(0);
    // One failure stays under the throttling limit; the right password still works.
    await submitSignIn(page, { email: DEMO_ACCOUNTS.analyst.email, password: DEMO_PASSWORD });
    await expect(mainNav(page)).toBeVisible();
  });

  const navOf: [DemoAccount, string[]][] = [
    [
      'focal_point',
      [
        en['nav.home'],
        en['nav.plans'],
        en['nav.meetings'],
        en['nav.partners'],
        en['nav.analytics'],
        en['nav.agencies'],
        en['nav.users'],
        en['nav.profile'],
      ],
    ],
    [
      'secretariat',
      [
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
      ],
    ],
    [
      'law_enforcement',
      [
        en['nav.home'],
        en['cases.nav'],
        en['referrals.title'],
        en['nav.plans'],
        en['nav.meetings'],
        en['nav.partners'],
        en['nav.analytics'],
        en['nav.agencies'],
        en['nav.profile'],
      ],
    ],
  ];
  for (const [account, links] of navOf) {
    test(`the navigation of ${account} shows only what the role may open`, async ({ page, signInAs }) => {
      await signInAs(account);
      await expect(mainNav(page).getByRole('link')).toHaveText(links);
      await page.goto('/audit');
      await expect(page.getByRole('heading', { level: 1, name: en['notFound.title'] })).toBeVisible();
    });
  }
});
