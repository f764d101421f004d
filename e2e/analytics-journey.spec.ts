import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  expect,
  expectNoHorizontalScroll,
  expectNoMissingMessages,
  messagePattern,
  messages,
  moveFocusTo,
  test,
  uniqueSuffix,
} from './fixtures.ts';
import { sharedDataDir } from './settings.ts';

/**
 * The journey (Analytics, flows and data release): an analyst imports the CTDC file,
 * reads the dashboard and the flows, builds a differentially private release and downloads it
 * with its codebook; then a visitor who never signed in reads the national figures.
 */

const t = messages.en;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CTDC_FILE = path.join(sharedDataDir(repoRoot), 'ctdc', 'ctdc_global_k_anonymized_2018.csv');

function h1(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

async function loaded(page: Page): Promise<void> {
  await expect(page.getByText(t['common.loading'], { exact: true })).toHaveCount(0, { timeout: 30_000 });
}

test.describe('analytics journey', () => {
  test('an analyst imports CTDC records, reads the figures and flows, and releases synthetic data; the public sees national figures', async ({
    page,
    browser,
    signInAs,
  }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'one desktop journey; the pages have their own phone checks');
    test.setTimeout(120_000);

    await signInAs('analyst');

    // ---- import the CTDC file (a second run of the suite finds it already imported) ----------
    await page.goto('/imports');
    await expect(h1(page, t['imports.title'])).toBeVisible();
    // An analyst imports CTDC files only; the kind is then chosen already and has no radio button.
    const ctdcKind = page.getByRole('radio', { name: t['imports.kind.ctdc'], exact: true });
    if ((await ctdcKind.count()) > 0) await ctdcKind.check();
    await page.getByLabel(t['imports.file'], { exact: true }).setInputFiles(CTDC_FILE);
    await page.getByRole('button', { name: t['imports.upload'], exact: true }).click();
    // The upload opens the import's page, which shows progress until the rows are in.
    await expect(
      page
        .getByText(t['imports.status.completed'], { exact: true })
        .or(page.getByText(messagePattern(t['imports.duplicate'])))
        .first(),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(t['imports.status.completed'], { exact: true }).first()).toBeVisible({
      timeout: 60_000,
    });

    // ---- dashboard and flows -------------------------------------------------------------------
    await page.goto('/analytics');
    await expect(h1(page, t['analytics.title'])).toBeVisible();
    await loaded(page);
    await expect(page.locator('main svg').first()).toBeVisible();
    await expect(page.getByRole('button', { name: t['analytics.chart.downloadCsv'] }).first()).toBeVisible();

    await page.goto('/analytics/flows');
    await expect(h1(page, t['flows.title'])).toBeVisible();
    await loaded(page);
    await expect(page.getByRole('heading', { name: t['flows.sankey.heading'] })).toBeVisible();
    await expect(page.locator('main svg').first()).toBeVisible();

    // ---- build a DP release of a few attributes, reporting length 2 ----------------------------
    const title = `E2E synthetic release ${uniqueSuffix(testInfo)}`;
    await page.goto('/releases/new');
    await expect(h1(page, t['releases.newTitle'])).toBeVisible();
    await page.getByLabel(t['releases.field.title'], { exact: true }).fill(title);
    await page.getByLabel(t['releases.method.dp_synthetic'], { exact: true }).check();
    for (const group of ['profile', 'exploitation'] as const) {
      const name = t['releases.clearGroup'].replace('{group}', t[`releases.group.${group}`]);
      await page.getByRole('button', { name, exact: true }).click();
    }
    const attributes = ['gender', 'ageBroad', 'citizenship', 'isForcedLabour', 'isSexualExploit'];
    const labelOf: Record<string, string> = {
      gender: t['releases.attr.gender'],
      ageBroad: t['releases.attr.ageBroad'],
      citizenship: t['releases.attr.citizenship'],
      isForcedLabour: t['statVocab.exploitation.ForcedLabour'],
      isSexualExploit: t['statVocab.exploitation.SexualExploitation'],
    };
    for (const attribute of attributes) {
      await page.getByLabel(`${labelOf[attribute]} (${attribute})`, { exact: true }).check();
    }
    // Abduction, the recruitment group's only attribute, is chosen by default.
    await page.getByLabel(`${t['statVocab.recruitment.Abduction']} (isAbduction)`, { exact: true }).uncheck();
    await page.getByLabel(t['releases.field.reportingLength'], { exact: true }).selectOption('2');
    // Holding the request a moment makes the busy state observable however fast the build is.
    let builds = 0;
    await page.route('**/api/v1/releases', async (route) => {
      if (route.request().method() === 'POST') {
        builds += 1;
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      }
      await route.continue();
    });
    const submit = page.getByRole('button', { name: t['releases.submit'], exact: true });
    await submit.click();
    await expect(page.locator('form#release')).toHaveAttribute('aria-busy', 'true');
    await expect(page.getByRole('status').filter({ hasText: t['releases.building'] })).toBeVisible();
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    // A second press while it builds sends nothing (forced: the button reads as disabled to Playwright too).
    await submit.click({ force: true });
    await expect(h1(page, title)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(t['releases.created'])).toBeVisible();
    expect(builds, 'one build request').toBe(1);
    await page.unroute('**/api/v1/releases');
    await expect(page.getByRole('heading', { name: t['releases.utility'] })).toBeVisible();
    await expect(page.getByText(messagePattern(t['releases.metric.noiseLength'])).first()).toBeVisible();

    // ---- downloads: CSV with CTDC variable names, and the codebook -----------------------------
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t['releases.downloadCsv'], exact: true }).click(),
    ]);
    const csv = await fs.readFile(await csvDownload.path(), 'utf8');
    const header = (csv.split(/\r?\n/, 1)[0] ?? '').split(',').map((name) => name.replace(/^"|"$/g, ''));
    expect(header).toEqual(expect.arrayContaining(attributes));
    expect(header).not.toContain('yearOfRegistration');
    expect(csv.trim().split(/\r?\n/).length, 'synthetic records in the file').toBeGreaterThan(100);

    const [codebookDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t['releases.downloadCodebook'], exact: true }).click(),
    ]);
    const codebook = await fs.readFile(await codebookDownload.path(), 'utf8');
    for (const attribute of attributes) expect(codebook).toContain(attribute);

    // The release is kept in the list with who made it.
    await page.goto('/releases');
    await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();

    // ---- a visitor without an account sees the national figures -------------------------------
    const visitor = await browser.newContext();
    try {
      const publicPage = await visitor.newPage();
      await publicPage.goto('/statistics');
      await expect(h1(publicPage, t['publicStats.title'])).toBeVisible();
      await loaded(publicPage);
      await expect(publicPage.getByRole('button', { name: messagePattern(t['shell.signOut']) })).toHaveCount(0);
      await expect(publicPage.locator('main svg, main table').first()).toBeVisible();
    } finally {
      await visitor.close();
    }
  });

  test('the release builder fits a phone and works by keyboard', async ({ page, signInAs }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'a phone check of the release pages');
    await signInAs('analyst');
    await page.goto('/releases/new');
    await expect(h1(page, t['releases.newTitle'])).toBeVisible();
    await expectNoMissingMessages(page, 'en', 'release builder');
    await expectNoHorizontalScroll(page, 'release builder');

    // A folded group opens from the keyboard and its long CTDC names wrap inside the screen.
    const control = page.locator('summary').filter({ hasText: t['releases.group.control'] });
    await control.focus();
    await page.keyboard.press('Enter');
    const debtBondage = page.getByLabel(`${t['statVocab.control.DebtBondage']} (meansOfControlDebtBondage)`, {
      exact: true,
    });
    await expect(debtBondage).toBeVisible();
    await expectNoHorizontalScroll(page, 'release builder with means of control open');
    await debtBondage.focus();
    await page.keyboard.press('Space');
    await expect(debtBondage).toBeChecked();

    // Switching to k-anonymity by keyboard shows its parameters; an empty title is named at the field.
    await page.getByLabel(t['releases.method.k_anonymity'], { exact: true }).check();
    await expect(page.getByLabel(t['releases.field.k'], { exact: true })).toHaveValue('11');
    const submit = page.getByRole('button', { name: t['releases.submit'], exact: true });
    await moveFocusTo(page, submit, 'Tab', 90);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').getByText(t['errors.summaryTitle'])).toBeVisible();
    await expect(page.getByLabel(t['releases.field.title'], { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectNoHorizontalScroll(page, 'release builder with errors');

    await page.goto('/releases');
    await expect(h1(page, t['releases.title'])).toBeVisible();
    await expectNoMissingMessages(page, 'en', 'releases list');
    await expectNoHorizontalScroll(page, 'releases list');
  });
});
