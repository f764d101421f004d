import {
  expect,
  expectNoHorizontalScroll,
  messages,
  signInAsNewAccount,
  switchLanguage,
  test,
  type Language,
} from './fixtures.ts';

for (const language of ['en', 'sw'] as const satisfies readonly Language[]) {
  test(`no page scrolls sideways at phone width (${language})`, async ({ page, adminApi }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'phone width only');
    const t = messages[language];
    const h1 = (name: string) => page.getByRole('heading', { level: 1, name });

    await page.goto('/sign-in');
    await switchLanguage(page, language);
    await expect(h1(t['signIn.title'])).toBeVisible();
    await expectNoHorizontalScroll(page, '/sign-in');
    // The longest field errors and the error summary, too.
    await page.getByRole('button', { name: t['signIn.submit'], exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoHorizontalScroll(page, '/sign-in with errors');

    await page.goto('/set-password');
    await expect(h1(t['setPassword.title'])).toBeVisible();
    await expectNoHorizontalScroll(page, '/set-password');

    // A fresh administrator, so that saving the language does not touch the demo accounts.
    const me = await signInAsNewAccount(page, adminApi, testInfo, ['administrator']);
    await page.goto('/');
    await switchLanguage(page, language);
    const agency = await adminApi.findAgency(me.user.agencyName);

    const pages: [string, string][] = [
      ['/', t['home.title']],
      ['/agencies', t['agencies.title']],
      ['/agencies/new', t['agencies.createTitle']],
      [`/agencies/${agency.id}`, t['agencies.editTitle'].replace('{name}', agency.name)],
      ['/users', t['users.title']],
      ['/users/new', t['users.createTitle']],
      [`/users/${me.user.id}`, t['users.editTitle'].replace('{name}', me.user.name)],
      ['/audit', t['audit.title']],
      ['/profile', t['profile.title']],
      ['/no-such-page', t['notFound.title']],
    ];
    for (const [path, title] of pages) {
      await page.goto(path);
      await expect(h1(title)).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      // Lists and records load after the heading; wait until nothing is loading any more.
      await expect(page.getByText(t['common.loading'], { exact: true })).toHaveCount(0);
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(page, path);
    }

    // A form with every error showing.
    await page.goto('/users/new');
    await page.getByRole('button', { name: t['users.create'] }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoHorizontalScroll(page, '/users/new with errors');

    // The case pages, as a fresh case supervisor (administrators do not work on cases).
    // A single case's page and its tabs are checked along the journey in cases.spec.ts.
    await signInAsNewAccount(page, adminApi, testInfo, ['case_supervisor']);
    await page.goto('/');
    await switchLanguage(page, language);
    const casePages: [string, string][] = [
      ['/', t['home.title']],
      ['/cases', t['cases.title']],
      ['/cases?closureRequested=true', t['cases.title']],
      ['/cases/new', t['intake.titleNew']],
      ['/referrals', t['referrals.title']],
      ['/referrals?direction=outgoing', t['referrals.title']],
    ];
    for (const [path, title] of casePages) {
      await page.goto(path);
      await expect(h1(title)).toBeVisible();
      await expect(page.getByText(t['common.loading'], { exact: true })).toHaveCount(0);
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalScroll(page, path);
    }
  });
}
