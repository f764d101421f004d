import { expect, expectNoHorizontalScroll, messages, switchLanguage, test } from './fixtures.ts';

const { en, sw } = messages;
const k = 11;
const hidden = en['analytics.chart.suppressed'].replace('{k}', String(k));

test.describe('public statistics', () => {
  test('an anonymous visitor reads the national figures, small ones hidden, as charts and tables', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: en['publicStats.signInLink'] }).click();
    await expect(page).toHaveURL(/\/statistics$/);
    await expect(page.getByRole('heading', { level: 1, name: en['publicStats.title'] })).toBeVisible();
    // Since 2018: the demo's cases, without the CTDC records (2002–2017) the journey spec may have imported.
    await page.goto('/statistics?from=2018');
    await expect(page.getByRole('heading', { level: 1, name: en['publicStats.title'] })).toBeVisible();

    // Key figures: the number of victims recorded is a published number.
    const total = page.getByRole('definition').first();
    await expect(page.getByRole('term').first()).toHaveText(en['publicStats.figure.total']);
    await expect(total).toHaveText(/^\d[\d,]*$/);
    // How figures are protected, in plain words, and small figures shown as "< 11".
    await expect(page.getByRole('note')).toContainText(en['publicStats.protectionTitle']);
    const ageSex = page.getByRole('region', { name: en['publicStats.table.genderAge'], exact: true }).first();
    await expect(ageSex.getByText(hidden).first()).toBeVisible();

    // The same figures as a table: hidden cells read "< 11" there too.
    await ageSex.getByText(en['analytics.chart.showTable']).click();
    const table = ageSex.getByRole('table');
    await expect(table).toBeVisible();
    await expect(table.getByRole('cell', { name: new RegExp(`^${hidden}`) }).first()).toBeVisible();
    await expectNoHorizontalScroll(page, 'public statistics');

    // Signed out, the language can still be switched.
    await switchLanguage(page, 'sw');
    await expect(page.getByRole('heading', { level: 1, name: sw['publicStats.title'] })).toBeVisible();
    await switchLanguage(page, 'en');
  });
});
