import fs from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import {
  expect,
  expectNoHorizontalScroll,
  expectNoMissingMessages,
  messagePattern,
  messages,
  signInAsNewAccount,
  test,
  type Language,
} from './fixtures.ts';

/** The focal point's demo agency (server/src/modules/demo/demo.seed.ts). */
const LABOUR = 'State Department for Labour (demo)';

/** Desktop runs in English, phone in Swahili (new accounts, so the demo profiles keep their language). */
function languageOf(testInfo: TestInfo): Language {
  return testInfo.project.name === 'phone' ? 'sw' : 'en';
}

async function openDashboard(page: Page, language: Language): Promise<void> {
  const t = messages[language];
  await page.goto('/analytics');
  await expect(page.getByRole('heading', { level: 1, name: t['analytics.title'], exact: true })).toBeVisible();
  await expect(page.getByText(t['common.loading'], { exact: true })).toHaveCount(0, { timeout: 20_000 });
}

test.describe('analytics dashboard', () => {
  test('an analyst reads the charts and their table, downloads a CSV and filters by sex; a focal point sees figures protected', async ({
    page,
    browser,
    adminApi,
  }, testInfo) => {
    const language = languageOf(testInfo);
    const t = messages[language];

    // ---- the analyst: exact figures ---------------------------------------------------------
    await signInAsNewAccount(page, adminApi, testInfo, ['analyst'], { language });
    await openDashboard(page, language);
    await expect(page.getByText(messagePattern(t['analytics.protection.exact']))).toBeVisible();
    await expect(page.getByText(t['analytics.empty'], { exact: true })).toHaveCount(0);

    const figure = page.getByRole('region', { name: t['analytics.table.genderAge'], exact: true });
    await expect(figure.locator('svg').first()).toBeVisible();
    await expect(figure.getByRole('list', { name: t['analytics.chart.legend'] })).toContainText(
      t['statVocab.gender.Female'],
    );

    // The same figures as a table, behind a disclosure.
    await figure.getByText(t['analytics.chart.showTable']).click();
    const table = figure.getByRole('table', { name: t['analytics.table.genderAge'] });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: t['statVocab.gender.Male'], exact: true })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: t['ageBand.18-20'], exact: true })).toBeVisible();

    // The CSV is built in the browser from the same figures.
    const downloading = page.waitForEvent('download');
    await figure.getByRole('button', { name: new RegExp(`^${t['analytics.chart.downloadCsv']}`) }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('kinga-genderAge.csv');
    const csv = (await fs.readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe('gender,gender_label,ageBand,ageBand_label,count,suppressed');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.startsWith(`Female,${t['statVocab.gender.Female']},`))).toBe(true);

    // Filter by sex: kept in the address, and the sex-by-age table keeps only women.
    await page.getByLabel(t['statVocab.dimension.gender'], { exact: true }).selectOption('Female');
    await expect(page).toHaveURL(/[?&]gender=Female/);
    await expect(page.getByText(t['common.loading'], { exact: true })).toHaveCount(0);
    await expect(table.getByRole('columnheader', { name: t['statVocab.gender.Male'], exact: true })).toHaveCount(0);
    await expect(table.getByRole('columnheader', { name: t['statVocab.gender.Female'], exact: true })).toBeVisible();

    await expectNoHorizontalScroll(page, 'analytics dashboard');
    await expectNoMissingMessages(page, language, 'analytics dashboard');

    // ---- a focal point: the figures are protected and say so ---------------------------------
    const context = await browser.newContext();
    const focal = await context.newPage();
    const agencyId = (await adminApi.findAgency(LABOUR)).id;
    await signInAsNewAccount(focal, adminApi, testInfo, ['focal_point'], { agencyId, language });
    await openDashboard(focal, language);
    await expect(focal.getByText(messagePattern(t['analytics.protection.suppressedTitle']))).toBeVisible();
    await expect(focal.getByText(messagePattern(t['analytics.protection.exact']))).toHaveCount(0);
    await expectNoHorizontalScroll(focal, 'analytics dashboard of a focal point');
    await context.close();
  });
});
