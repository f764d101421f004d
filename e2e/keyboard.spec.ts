import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, mainNav, messages, moveFocusTo, test } from './fixtures.ts';

const { en } = messages;

test('the sign-in form, the main navigation and sign-out work with the keyboard only', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: en['signIn.title'] })).toBeVisible();

  // The first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: en['shell.skipToContent'] })).toBeFocused();

  await moveFocusTo(page, page.getByLabel(en['signIn.email'], { exact: true }));
  await page.keyboard.type(DEMO_ACCOUNTS.administrator.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(en['signIn.password'], { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  const home = page.getByRole('heading', { level: 1, name: en['home.title'] });
  await expect(home).toBeVisible();
  // After a page change focus is on the new heading; the navigation lies before it.
  await expect(home).toBeFocused();

  const nav = mainNav(page);
  for (const [name, heading] of [
    [en['nav.agencies'], en['agencies.title']],
    [en['nav.users'], en['users.title']],
    [en['nav.audit'], en['audit.title']],
    [en['nav.profile'], en['profile.title']],
    [en['nav.home'], en['home.title']],
  ] as const) {
    await moveFocusTo(page, nav.getByRole('link', { name, exact: true }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    const h1 = page.getByRole('heading', { level: 1, name: heading });
    await expect(h1).toBeVisible();
    await expect(h1).toBeFocused();
  }

  await moveFocusTo(page, page.getByRole('button', { name: en['shell.signOut'] }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: en['signIn.title'] })).toBeVisible();
  await expect(mainNav(page)).toHaveCount(0);
});
