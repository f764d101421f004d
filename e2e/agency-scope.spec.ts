import { DEMO_ACCOUNTS, expect, messages, test } from './fixtures.ts';

const { en } = messages;

test('a focal point sees only the own agency’s users; another agency’s user is not found', async ({
  page,
  adminApi,
  signInAs,
}) => {
  const focal = await adminApi.findUser(DEMO_ACCOUNTS.focal_point.email);
  const outsider = await adminApi.findUser(DEMO_ACCOUNTS.case_worker.email);
  expect(outsider.agencyId).not.toBe(focal.agencyId);

  await signInAs('focal_point');
  await page.getByRole('link', { name: en['nav.users'] }).first().click();
  const table = page.getByRole('table', { name: en['users.caption'] });
  await expect(table.getByRole('link', { name: focal.name })).toBeVisible();

  const agencyCells = table.locator('tbody tr td:nth-child(3)');
  const agencies = await agencyCells.allInnerTexts();
  expect(agencies.length).toBeGreaterThan(0);
  expect(new Set(agencies)).toEqual(new Set([focal.agencyName]));
  await expect(table.getByText(outsider.email)).toHaveCount(0);
  // No agency filter for a role that sees one agency only.
  await expect(page.getByLabel(en['users.filterAgency'], { exact: true })).toHaveCount(0);

  // Searching by the outsider's email finds nothing either.
  await page.getByLabel(en['users.search'], { exact: true }).fill(outsider.email);
  await page.getByRole('button', { name: en['common.search'], exact: true }).click();
  await expect(page.getByText(en['users.empty'])).toBeVisible();

  await page.goto(`/users/${outsider.id}`);
  await expect(page.getByRole('alert')).toHaveText(en['errors.notFound']);
  await expect(page.getByText(outsider.name)).toHaveCount(0);

  // The own agency's user opens normally.
  await page.goto(`/users/${focal.id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: en['users.editTitle'].replace('{name}', focal.name) }),
  ).toBeVisible();
});
