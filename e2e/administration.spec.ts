import { expect, mainNav, messages, signInWith, strongPassword, test, uniqueSuffix } from './fixtures.ts';

const { en } = messages;

test('an administrator registers an agency and a user, who sets a password and signs in', async ({
  page,
  browser,
  signInAs,
}, testInfo) => {
  const suffix = uniqueSuffix(testInfo);
  const agencyName = `Shelter for Hope ${suffix}`;
  const person = { name: `Wanjiku Njeri ${suffix}`, email: `wanjiku.${suffix}@hope.kinga.test` };

  await signInAs('administrator');

  await test.step('create the agency', async () => {
    await mainNav(page).getByRole('link', { name: en['nav.agencies'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: en['agencies.title'] })).toBeVisible();
    await page.getByRole('link', { name: en['agencies.new'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: en['agencies.createTitle'] })).toBeVisible();
    await page.getByLabel(en['agencies.field.name'], { exact: true }).fill(agencyName);
    await page.getByLabel(en['agencies.field.type'], { exact: true }).selectOption({ label: en['agencyType.NGO'] });
    await page.getByLabel(en['agencies.field.contactEmail'], { exact: true }).fill(`info.${suffix}@hope.kinga.test`);
    await page.getByLabel(en['agencies.field.contactPhone'], { exact: true }).fill('+254 700 000 000');
    await page.getByRole('button', { name: en['agencies.create'] }).click();
    await expect(page.getByText(en['agencies.created'])).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 1, name: en['agencies.editTitle'].replace('{name}', agencyName) }),
    ).toBeVisible();
  });

  let link = '';
  await test.step('create a user in it and read the one-time link', async () => {
    await mainNav(page).getByRole('link', { name: en['nav.users'] }).click();
    await page.getByRole('link', { name: en['users.new'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: en['users.createTitle'] })).toBeVisible();
    await page.getByLabel(en['users.field.name'], { exact: true }).fill(person.name);
    await page.getByLabel(en['users.field.email'], { exact: true }).fill(person.email);
    await page.getByLabel(en['users.field.agency'], { exact: true }).selectOption({ label: agencyName });
    await page
      .getByRole('group', { name: en['users.field.roles'] })
      .getByRole('checkbox', { name: en['role.analyst'], exact: true })
      .check();
    await page.getByRole('button', { name: en['users.create'] }).click();
    await expect(page.getByText(en['users.created'].replace('{name}', person.name))).toBeVisible();
    await expect(page.getByText(en['users.linkShownOnce'])).toBeVisible();
    link = await page.getByLabel(en['users.linkLabel'], { exact: true }).inputValue();
    expect(link).toMatch(/\/set-password#token=[\w-]{20,}$/);
  });

  await test.step('the new user chooses a password through the link, on another device', async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByRole('heading', { level: 1, name: en['setPassword.title'] })).toBeVisible();
    // The token leaves the address bar once read.
    await expect(other).toHaveURL(/\/set-password$/);
    const password = strongPassword();
    await other.getByLabel(en['setPassword.password'], { exact: true }).fill(password);
    await other.getByLabel(en['setPassword.confirm'], { exact: true }).fill(password);
    await other.getByRole('button', { name: en['setPassword.submit'] }).click();
    await expect(other.getByText(en['setPassword.done'])).toBeVisible();
    await other.getByRole('link', { name: en['setPassword.goToSignIn'] }).click();

    await signInWith(other, { email: person.email, password });
    await expect(other.getByRole('heading', { level: 1, name: en['home.title'] })).toBeVisible();
    await expect(other.getByText(en['home.welcome'].replace('{name}', person.name))).toBeVisible();
    await expect(other.getByText(en['home.agency'].replace('{agency}', agencyName))).toBeVisible();
    // An analyst reads cases (de-identified), so Cases and Referrals are offered too, and
    // analytics with imports and data releases.
    await expect(mainNav(other).getByRole('link')).toHaveText([
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

    // The link works once only.
    const again = await context.newPage();
    await again.goto(link);
    await again.getByLabel(en['setPassword.password'], { exact: true }).fill(password);
    await again.getByLabel(en['setPassword.confirm'], { exact: true }).fill(password);
    await again.getByRole('button', { name: en['setPassword.submit'] }).click();
    await expect(again.getByRole('alert')).toContainText(en['setPassword.invalidToken']);
    await context.close();
  });
});
