import fs from 'node:fs/promises';
import type { TestInfo } from '@playwright/test';
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

/** Desktop runs in English, phone in Swahili (a new account, so the demo profiles keep their language). */
function languageOf(testInfo: TestInfo): Language {
  return testInfo.project.name === 'phone' ? 'sw' : 'en';
}

test.describe('trafficking flows', () => {
  test('an analyst sees the flow diagram, the world map and the county map with Nairobi and Mombasa', async ({
    page,
    adminApi,
  }, testInfo) => {
    const language = languageOf(testInfo);
    const t = messages[language];
    await signInAsNewAccount(page, adminApi, testInfo, ['analyst'], { language });

    // Kinga's own cases only: the journey spec may have imported the CTDC file into the same database.
    await page.goto('/analytics/flows?source=case');
    await expect(page.getByRole('heading', { level: 1, name: t['flows.title'], exact: true })).toBeVisible();
    await expect(page.getByText(t['common.loading'], { exact: true })).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByText(messagePattern(t['analytics.protection.exact']))).toBeVisible();

    // The flow diagram: three columns, Kenya among the places, bands drawn.
    const sankey = page.getByRole('region', { name: t['flows.sankey.heading'], exact: true });
    const diagram = sankey.getByRole('img', { name: t['flows.sankey.svgTitle'] });
    await expect(diagram).toBeVisible();
    await expect(diagram.locator('text.flow-column-heading')).toHaveText([
      t['flows.sankey.origin'],
      t['flows.sankey.transit'],
      t['flows.sankey.exploitation'],
    ]);
    await expect(diagram.locator('text.flow-node-label', { hasText: /^Kenya / }).first()).toBeVisible();
    expect(await diagram.locator('path.flow-band').count()).toBeGreaterThan(2);
    await sankey.getByText(t['flows.showTable']).click();
    await expect(sankey.getByRole('table', { name: t['flows.table.originTransit'] })).toBeVisible();

    // The world map (its own chunk): arcs from Kenya to the Gulf, Kenya shaded.
    const world = page.getByRole('region', { name: t['flows.world.heading'], exact: true });
    const worldMap = world.getByRole('img', { name: t['flows.world.svgTitle'] });
    await expect(worldMap).toBeVisible();
    expect(await worldMap.locator('path.flow-arc').count()).toBeGreaterThan(2);
    await world.getByText(t['flows.showTable']).click();
    const countryTable = world.getByRole('table', { name: t['flows.table.originExploitation'] });
    await expect(countryTable.getByRole('row').filter({ hasText: 'Saudi' }).first()).toBeVisible();

    // The county map: rural counties to Nairobi and Mombasa, in the map and in its table.
    const county = page.getByRole('region', { name: t['flows.county.heading'], exact: true });
    const countyMap = county.getByRole('img', { name: t['flows.county.svgTitle'] });
    await expect(countyMap).toBeVisible();
    expect(await countyMap.locator('path.flow-arc').count()).toBeGreaterThan(2);
    await expect(countyMap.locator('text.flow-map-label', { hasText: 'Nairobi' })).toBeVisible();
    await county.getByText(t['flows.showTable']).click();
    const countyTable = county.getByRole('table', { name: t['flows.table.counties'] });
    await expect(countyTable.getByRole('cell', { name: 'Nairobi', exact: true }).first()).toBeVisible();
    await expect(countyTable.getByRole('cell', { name: 'Mombasa', exact: true }).first()).toBeVisible();

    // The county links as CSV, built in the browser.
    const downloading = page.waitForEvent('download');
    await county.getByRole('button', { name: new RegExp(`^${t['analytics.chart.downloadCsv']}`) }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('kinga-flows-counties.csv');
    const csv = (await fs.readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe(
      'countyOfOrigin,countyOfOrigin_label,countyOfExploitation,countyOfExploitation_label,count,suppressed',
    );
    expect(rows.some((row) => row.includes(',47,Nairobi,'))).toBe(true);

    await expectNoHorizontalScroll(page, 'trafficking flows');
    await expectNoMissingMessages(page, language, 'trafficking flows');
  });
});
