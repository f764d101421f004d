import type { Browser, Locator, Page } from '@playwright/test';
import type { AgencyDto, CaseDto, ReferralDto } from '@kinga/shared';
import {
  ApiSession,
  DEMO_ACCOUNTS,
  expect,
  expectNoHorizontalScroll,
  mainNav,
  messagePattern,
  messages,
  moveFocusTo,
  signInAsDemo,
  test,
  uniqueSuffix,
  type DemoAccount,
  type Language,
  type Messages,
} from './fixtures.ts';

const AGENCY_A = 'Tumaini Safe House';
const AGENCY_B = "Children's Services Office, Kisumu";

type CaseTab = 'overview' | 'person' | 'route' | 'screening' | 'consent' | 'services' | 'referrals';

/** One person at their own device: a browser context signed in as a demo account, in that account's language. */
interface Person {
  page: Page;
  language: Language;
  t: Messages;
}

async function personAt(browser: Browser, account: DemoAccount): Promise<Person> {
  // Contexts made in a test get the project's options (phone viewport, touch, locale).
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, account);
  const { language } = DEMO_ACCOUNTS[account];
  return { page, language, t: messages[language] };
}

function h1(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name });
}

function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
}

function caseTab({ page, t }: Person, tab: CaseTab): Locator {
  return page
    .getByRole('navigation', { name: t['cases.tabsLabel'] })
    .getByRole('link', { name: t[`cases.tab.${tab}`], exact: true });
}

/** Opens a case tab and waits until its content has loaded. */
async function openTab(person: Person, tab: CaseTab): Promise<void> {
  await caseTab(person, tab).click();
  await expect(caseTab(person, tab)).toHaveAttribute('aria-current', 'page');
  await expect(person.page.getByText(person.t['common.loading'], { exact: true })).toHaveCount(0);
}

/** The value next to a term in the summary above every case tab. */
function caseSummary(page: Page, term: string): Locator {
  return page.locator('.case-summary').getByText(term, { exact: true }).locator('xpath=following-sibling::dd[1]');
}

/** Finds a case on the Cases page by its code, as a person would, and opens it. */
async function openCaseFromList({ page, language, t }: Person, code: string): Promise<void> {
  await mainNav(page, language).getByRole('link', { name: t['cases.nav'], exact: true }).click();
  await expect(h1(page, t['cases.title'])).toBeVisible();
  await page.getByRole('searchbox', { name: t['cases.filter.code'] }).fill(code);
  await page.getByRole('button', { name: t['common.search'], exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${code}`));
  await page.getByRole('link', { name: code, exact: true }).click();
  await expect(h1(page, format(t['cases.caseTitle'], { code }))).toBeVisible();
}

test.describe('case management', () => {
  test('at phone width: worker A registers, screens, records consent and refers; worker B accepts; supervisor A determines and closes', async ({
    browser,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'the journey runs at phone width');
    test.setTimeout(240_000);

    const suffix = uniqueSuffix(testInfo).replace(/[^a-z0-9]/gi, '');
    const firstName = 'Nafula';
    const lastName = `Wekesa${suffix}`;
    const fullName = new RegExp(`${firstName}|${lastName}`);

    const workerA = await personAt(browser, 'case_worker');
    const workerB = await personAt(browser, 'case_worker_b');
    const supervisorA = await personAt(browser, 'case_supervisor');
    expect(workerA.page.viewportSize()?.width, 'each person uses a phone').toBe(360);

    let code = '';

    await test.step('worker A registers a presumed victim through the intake wizard', async () => {
      const { page, language, t } = workerA;
      await expect(page.getByText(format(t['home.agency'], { agency: AGENCY_A }))).toBeVisible();
      await expectNoHorizontalScroll(page, 'home of worker A');
      await mainNav(page, language).getByRole('link', { name: t['cases.nav'], exact: true }).click();
      await expect(h1(page, t['cases.title'])).toBeVisible();
      await expect(page.getByText(t['common.loading'], { exact: true })).toHaveCount(0);
      await expectNoHorizontalScroll(page, '/cases');
      await page.getByRole('link', { name: t['cases.new'], exact: true }).click();
      await expect(h1(page, t['intake.titleNew'])).toBeVisible();

      // Step 1: the person.
      await page.getByLabel(t['intake.field.firstName'], { exact: true }).fill(firstName);
      await page.getByLabel(t['intake.field.lastName'], { exact: true }).fill(lastName);
      await page.getByLabel(t['intake.field.gender'], { exact: true }).selectOption({ label: t['gender.Feminine'] });
      await page.getByRole('radio', { name: t['intake.age.byBirthDate'], exact: true }).check();
      await page.getByLabel(t['intake.field.birthDate'], { exact: true }).fill('1999-03-14');
      await expect(page.getByText(messagePattern(t['intake.age.computed']))).toBeVisible();
      await page.getByLabel(t['intake.citizenship.choose'], { exact: true }).selectOption('KE');
      await page.getByRole('button', { name: t['intake.add'], exact: true }).click();
      const citizenships = page.getByRole('group', { name: t['intake.field.citizenships'] });
      await expect(citizenships.getByRole('listitem')).toHaveCount(1);
      await expect(page.getByText(t['intake.duplicates.none'], { exact: true })).toBeVisible();
      await expectNoHorizontalScroll(page, 'intake: person');
      await page.getByRole('button', { name: t['intake.saveContinue'], exact: true }).click();

      // Step 2: the victim details; the draft has its code now.
      const stepHeading = (number: number, step: 'person' | 'victim' | 'route' | 'review') =>
        page.getByRole('heading', {
          level: 2,
          name: format(t['intake.stepHeading'], { number, total: 4, title: t[`intake.step.${step}`] }),
        });
      await expect(stepHeading(2, 'victim')).toBeVisible();
      await expect(page).toHaveURL(/\/cases\/KE-\d{4}-\d{6}\/edit\?step=victim$/);
      code = /\/cases\/(KE-\d{4}-\d{6})\//.exec(page.url())?.[1] ?? '';
      await page.getByLabel(t['intake.field.ageWhenTrafficked'], { exact: true }).fill('24');
      await page
        .getByRole('group', { name: t['intake.field.exploitationTypes'] })
        .getByRole('checkbox', { name: t['exploitationType.ForcedLabour'], exact: true })
        .check();
      await page
        .getByLabel(t['intake.field.labourIndustry'], { exact: true })
        .selectOption({ label: t['labourIndustry.T_ActivitiesOfHouseholdsAsEmployers'] });
      await page
        .getByRole('group', { name: t['intake.field.recruitmentMethods'] })
        .getByRole('checkbox', { name: t['recruitmentMethod.ThroughFriendsOrSocialEvents'], exact: true })
        .check();
      await page.getByLabel(t['intake.field.countyIdentified'], { exact: true }).selectOption({ label: 'Mombasa' });
      await page
        .getByLabel(t['intake.field.narrative'], { exact: true })
        .fill('Aliahidiwa kazi ya hoteli; alilazimishwa kufanya kazi za nyumbani bila malipo.');
      await expectNoHorizontalScroll(page, 'intake: victim');
      await page.getByRole('button', { name: t['intake.saveContinue'], exact: true }).click();

      // Step 3: the route, recruited in Kakamega and exploited in Saudi Arabia.
      await expect(stepHeading(3, 'route')).toBeVisible();
      const stage = (number: number) =>
        page.getByRole('group', { name: new RegExp(`^${format(t['intake.event.legend'], { number })}:`) });
      await page.getByRole('button', { name: t['intake.event.add'], exact: true }).click();
      await expect(stage(1)).toHaveAccessibleName(
        `${format(t['intake.event.legend'], { number: 1 })}: ${t['eventType.Recruitment']}`,
      );
      await stage(1).getByLabel(t['intake.event.country'], { exact: true }).selectOption('KE');
      await stage(1).getByLabel(t['intake.event.county'], { exact: true }).selectOption({ label: 'Kakamega' });
      await stage(1).getByLabel(t['intake.event.place'], { exact: true }).fill('Mumias');
      await page.getByRole('button', { name: t['intake.event.add'], exact: true }).click();
      await stage(2)
        .getByLabel(t['intake.event.type'], { exact: true })
        .selectOption({ label: t['eventType.Exploitation'] });
      await expect(stage(2)).toHaveAccessibleName(
        `${format(t['intake.event.legend'], { number: 2 })}: ${t['eventType.Exploitation']}`,
      );
      await stage(2).getByLabel(t['intake.event.country'], { exact: true }).selectOption('SA');
      // A county belongs to a Kenyan stage only.
      await expect(stage(2).getByLabel(t['intake.event.county'], { exact: true })).toHaveCount(0);
      await expectNoHorizontalScroll(page, 'intake: route');
      await page.getByRole('button', { name: t['intake.saveContinue'], exact: true }).click();

      // Step 4: review and register.
      await expect(stepHeading(4, 'review')).toBeVisible();
      await expect(page.getByText(`${firstName} ${lastName}`, { exact: true })).toBeVisible();
      await expect(page.getByText('Mombasa', { exact: true })).toBeVisible();
      await expectNoHorizontalScroll(page, 'intake: review');
      await page.getByRole('button', { name: t['intake.register'], exact: true }).click();
      await expect(h1(page, format(t['cases.caseTitle'], { code }))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/cases/${code}$`));
      await expect(page.getByText(t['cases.view.full'], { exact: true })).toBeVisible();
      await expect(caseSummary(page, t['cases.field.status'])).toHaveText(t['caseStatus.Active']);
      await expect(caseSummary(page, t['cases.field.agency'])).toHaveText(AGENCY_A);
      await expect(page.getByText(t['exploitationType.ForcedLabour'], { exact: true })).toBeVisible();
      await expectNoHorizontalScroll(page, 'case overview');
    });

    await test.step('the name stays hidden until worker A reveals it', async () => {
      const { page, t } = workerA;
      await openTab(workerA, 'person');
      await expect(page.getByText(t['cases.person.auditNotice'])).toBeVisible();
      await expect(page.getByText(fullName)).toHaveCount(0);
      await page.getByRole('button', { name: t['cases.person.reveal'], exact: true }).click();
      await expect(page.getByRole('heading', { name: t['cases.person.detailsTitle'] })).toBeFocused();
      await expect(page.getByText(lastName, { exact: true })).toBeVisible();
      await expectNoHorizontalScroll(page, 'person tab, revealed');
      await page.getByRole('button', { name: t['cases.person.hide'], exact: true }).click();
      await expect(page.getByText(fullName)).toHaveCount(0);

      await openTab(workerA, 'route');
      await expect(page.getByText('Kakamega').first()).toBeVisible();
      await expectNoHorizontalScroll(page, 'route tab');
    });

    const actual = {
      sw: messages.sw['traffickingStatus.ActualVictimOfTrafficking'],
      en: messages.en['traffickingStatus.ActualVictimOfTrafficking'],
    };

    await test.step('worker A screens: act, means and purpose suggest an actual victim, with the reasons', async () => {
      const { page, t } = workerA;
      await openTab(workerA, 'screening');
      await expect(page.getByText(t['screening.none'], { exact: true })).toBeVisible();
      const suggestedNow = (status: string) => page.getByText(format(t['screening.suggestedNow'], { status }));
      await expect(suggestedNow(t['traffickingStatus.NotAVictimOfTrafficking'])).toBeVisible();
      // The age when trafficked from the intake fills the screening's age.
      await expect(page.getByLabel(t['screening.age'], { exact: true })).toHaveValue('24');
      await page
        .getByRole('group', { name: t['screening.acts'] })
        .getByRole('checkbox', { name: t['palermoAct.Recruitment'], exact: true })
        .check();
      await expect(suggestedNow(t['traffickingStatus.PossibleVictimOfTrafficking'])).toBeVisible();
      await page
        .getByRole('group', { name: t['screening.means'] })
        .getByRole('checkbox', { name: t['palermoMeans.Deception'], exact: true })
        .check();
      await page
        .getByRole('group', { name: t['screening.purposes'] })
        .getByRole('checkbox', { name: t['palermoPurpose.ForcedLabourOrServices'], exact: true })
        .check();
      await expect(suggestedNow(actual.sw)).toBeVisible();
      const explanation = page.getByRole('region', { name: t['screening.suggestionTitle'] });
      await expect(explanation.getByRole('listitem')).toContainText([
        `${t['screening.element.act']}: ${t['screening.element.met']}`,
        `${t['screening.element.means']}: ${t['screening.element.met']}`,
        `${t['screening.element.purpose']}: ${t['screening.element.met']}`,
        t['screeningReason.act_observed'],
        t['screeningReason.means_observed'],
        t['screeningReason.purpose_observed'],
        t['screeningReason.all_elements'],
      ]);
      await expectNoHorizontalScroll(page, 'screening tab');
      await page.getByRole('button', { name: t['screening.save'], exact: true }).click();
      await expect(page.getByText(format(t['screening.saved'], { status: actual.sw }))).toBeVisible();
      await expect(page.getByText(t['determinationState.pending'], { exact: true })).toBeVisible();
    });

    await test.step('worker A records the person’s consent to a referral to agency B', async () => {
      const { page, t } = workerA;
      await openTab(workerA, 'consent');
      await expect(page.getByText(t['consent.none'], { exact: true })).toBeVisible();
      await page.getByRole('radio', { name: t['consentPurpose.referral'], exact: true }).check();
      await page.getByLabel(t['consent.agency'], { exact: true }).selectOption({ label: AGENCY_B });
      const sections = page.getByRole('group', { name: t['consent.sections'] });
      for (const section of ['identity', 'victim', 'services'] as const) {
        await sections.getByRole('checkbox', { name: t[`sharedSection.${section}`], exact: true }).check();
      }
      await expectNoHorizontalScroll(page, 'consent tab');
      await page.getByRole('button', { name: t['consent.record'], exact: true }).click();
      await expect(page.getByText(t['consent.recorded'], { exact: true })).toBeVisible();
      const record = page.getByRole('article', { name: format(t['consent.referralTo'], { agency: AGENCY_B }) });
      await expect(record).toContainText(
        ['identity', 'victim', 'services'].map((s) => t[`sharedSection.${s}` as keyof Messages]).join(', '),
      );
    });

    await test.step('worker A refers the case to agency B for shelter and psychosocial support', async () => {
      const { page, t } = workerA;
      await openTab(workerA, 'referrals');
      await expect(page.getByText(t['referrals.noneForCase'], { exact: true })).toBeVisible();
      await page.getByLabel(t['referrals.toAgency'], { exact: true }).selectOption({ label: AGENCY_B });
      const services = page.getByRole('group', { name: t['referrals.services'] });
      await services.getByRole('checkbox', { name: t['serviceType.Shelter'], exact: true }).check();
      await services.getByRole('checkbox', { name: t['serviceType.Psychosocial'], exact: true }).check();
      await expectNoHorizontalScroll(page, 'referrals tab');
      await page.getByRole('button', { name: t['referrals.send'], exact: true }).click();
      await expect(page.getByText(format(t['referrals.sentPending'], { agency: AGENCY_B }))).toBeVisible();
      await expect(
        page.getByRole('link', { name: format(t['referrals.referralTo'], { agency: AGENCY_B }) }),
      ).toBeVisible();
    });

    await test.step('worker B finds the referral in the inbox and accepts it', async () => {
      const { page, language, t } = workerB;
      await mainNav(page, language).getByRole('link', { name: t['referrals.title'], exact: true }).click();
      await expect(h1(page, t['referrals.title'])).toBeVisible();
      const incoming = page.getByRole('region', { name: t['referrals.captionIncoming'] });
      const row = incoming.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });
      await expect(row).toContainText(AGENCY_A);
      await expect(row).toContainText(t['referralStatus.pending']);
      await expectNoHorizontalScroll(page, '/referrals');
      await row.getByRole('link', { name: code, exact: true }).click();

      await expect(h1(page, format(t['referrals.referralTitle'], { code }))).toBeVisible();
      // Until it accepts, agency B has the summary only, not the case.
      await expect(page.getByText(t['referrals.caseAfterAccept'])).toBeVisible();
      await expect(page.getByRole('link', { name: code, exact: true })).toHaveCount(0);
      await expect(page.getByText(`${t['serviceType.Shelter']}, ${t['serviceType.Psychosocial']}`)).toBeVisible();
      await expectNoHorizontalScroll(page, 'referral page');
      await page.getByRole('button', { name: t['referrals.accept'], exact: true }).click();
      await expect(page.getByText(t['referrals.accepted'], { exact: true })).toBeVisible();
      await expect(page.getByText(t['referralStatus.accepted'], { exact: true })).toBeVisible();
      await page.getByRole('link', { name: code, exact: true }).click();
      await expect(h1(page, format(t['cases.caseTitle'], { code }))).toBeVisible();
    });

    await test.step('worker B sees only the consented sections, and reveals the identity', async () => {
      const { page, t } = workerB;
      await expect(page.getByText(t['cases.view.referral'], { exact: true })).toBeVisible();
      await expect(page.getByRole('navigation', { name: t['cases.tabsLabel'] }).getByRole('link')).toHaveText([
        t['cases.tab.overview'],
        t['cases.tab.person'],
        t['cases.tab.services'],
      ]);
      // Victim details were shared; the narrative and the full record stay with agency A.
      await expect(page.getByText(t['exploitationType.ForcedLabour'], { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: t['cases.closure.request'] })).toHaveCount(0);
      await expectNoHorizontalScroll(page, 'case shared by referral');
      await openTab(workerB, 'person');
      await expect(page.getByText(fullName)).toHaveCount(0);
      await page.getByRole('button', { name: t['cases.person.reveal'], exact: true }).click();
      await expect(page.getByText(firstName, { exact: true })).toBeVisible();
      await expect(page.getByText(lastName, { exact: true })).toBeVisible();
      // The account of the situation was not shared.
      await expect(page.getByText(t['cases.person.narrativeTitle'])).toHaveCount(0);
      // Tabs that were not offered are not reachable by address either.
      await page.goto(`/cases/${code}/notes`);
      await expect(page.getByText(t['cases.tabUnavailable'])).toBeVisible();
    });

    await test.step('supervisor A confirms the suggested status', async () => {
      const { page, t } = supervisorA;
      await openCaseFromList(supervisorA, code);
      // Until a supervisor decides, the case carries the suggestion of its latest screening, marked as such.
      await expect(caseSummary(page, t['cases.field.traffickingStatus'])).toHaveText(
        `${actual.en}${t['cases.determinationPending']}`,
      );
      await openTab(supervisorA, 'screening');
      await expect(page.getByText(t['determinationState.pending'], { exact: true })).toBeVisible();
      await expect(page.getByText(t['screening.determined'], { exact: true })).toHaveCount(0);
      await expect(
        page.getByRole('radio', { name: format(t['screening.confirm'], { status: actual.en }) }),
      ).toBeChecked();
      await expectNoHorizontalScroll(page, 'screening tab with the determination');
      await page.getByRole('button', { name: t['screening.confirmSubmit'], exact: true }).click();
      await expect(page.getByText(t['screening.decided'], { exact: true })).toBeVisible();
      await expect(page.getByText(t['determinationState.confirmed'], { exact: true })).toBeVisible();
      await expect(
        page
          .getByRole('article')
          .getByText(t['screening.determined'], { exact: true })
          .locator('xpath=following-sibling::dd[1]'),
      ).toHaveText(actual.en);
      await expect(caseSummary(page, t['cases.field.traffickingStatus'])).toHaveText(actual.en);
      await expect(page.getByRole('button', { name: t['screening.confirmSubmit'] })).toHaveCount(0);
    });

    await test.step('worker A requests the closure with a reason', async () => {
      const { page, t } = workerA;
      await openTab(workerA, 'overview');
      await page.getByLabel(t['cases.closure.status'], { exact: true }).selectOption({ label: t['caseStatus.Closed'] });
      await page
        .getByLabel(t['cases.closure.reason'], { exact: true })
        .fill('Amepata makazi salama na huduma zote zimekamilika.');
      await page.getByRole('button', { name: t['cases.closure.request'], exact: true }).click();
      await expect(page.getByText(t['cases.closure.requested'], { exact: true })).toBeVisible();
      await expect(page.getByText(t['cases.closure.awaiting'], { exact: true })).toBeVisible();
      await expect(caseSummary(page, t['cases.field.status'])).toContainText(t['cases.closureRequested']);
      await expectNoHorizontalScroll(page, 'case overview with the closure requested');
    });

    await test.step('supervisor A finds the closure request and approves it: the case shows Closed', async () => {
      const { page, t } = supervisorA;
      await mainNav(page).getByRole('link', { name: t['cases.nav'], exact: true }).click();
      await expect(h1(page, t['cases.title'])).toBeVisible();
      // Filters are folded on a phone.
      await page.getByText(t['cases.filter.more'], { exact: true }).click();
      const closureRequested = page.getByRole('checkbox', { name: t['cases.filter.closureRequested'], exact: true });
      // The box follows the address, which changes a moment after the click (not at once, as check() expects).
      await closureRequested.click();
      await expect(closureRequested).toBeChecked();
      await expect(page).toHaveURL(/closureRequested=true/);
      await page.getByRole('searchbox', { name: t['cases.filter.code'] }).fill(code);
      await page.getByRole('button', { name: t['common.search'], exact: true }).click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });
      await expect(row).toContainText(t['cases.closureRequested']);
      await expectNoHorizontalScroll(page, '/cases filtered');
      await row.getByRole('link', { name: code, exact: true }).click();
      await expect(h1(page, format(t['cases.caseTitle'], { code }))).toBeVisible();
      await page.getByRole('button', { name: t['cases.closure.approve'], exact: true }).click();
      await expect(page.getByText(t['cases.closure.approved'], { exact: true })).toBeVisible();
      await expect(caseSummary(page, t['cases.field.status'])).toHaveText(t['caseStatus.Closed']);
      await expect(page.getByRole('button', { name: t['cases.closure.approve'] })).toHaveCount(0);
      await expectNoHorizontalScroll(page, 'closed case');
    });

    await test.step('worker A sees the case closed, and can no longer change it', async () => {
      const { page, t } = workerA;
      await page.reload();
      await expect(caseSummary(page, t['cases.field.status'])).toHaveText(t['caseStatus.Closed']);
      await expect(page.getByRole('link', { name: t['cases.editIntake'] })).toHaveCount(0);
      await expect(page.getByRole('button', { name: t['cases.reopen.submit'], exact: true })).toBeVisible();
    });

    for (const person of [workerA, workerB, supervisorA]) await person.page.context().close();
  });
});

test.describe('keyboard only', () => {
  test('the first step of the intake wizard works with Tab, Space and Enter', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'keyboard use is checked at desktop width');
    const { en } = messages;
    await signInAsDemo(page, 'case_supervisor');
    await page.goto('/cases/new');
    const title = h1(page, en['intake.titleNew']);
    await expect(title).toBeVisible();
    await title.focus();

    const firstName = page.getByLabel(en['intake.field.firstName'], { exact: true });
    await moveFocusTo(page, firstName);
    await page.keyboard.type('Achieng');
    await moveFocusTo(page, page.getByLabel(en['intake.field.lastName'], { exact: true }));
    await page.keyboard.type(`Otieno${uniqueSuffix(testInfo).replace(/[^a-z0-9]/gi, '')}`);

    // A closed select changes with the arrow keys.
    const gender = page.getByLabel(en['intake.field.gender'], { exact: true });
    await moveFocusTo(page, gender);
    await page.keyboard.press('ArrowDown');
    await expect(gender).toHaveValue('Feminine');

    // Tab enters a radio group at its chosen button; arrows move the choice.
    const estimate = page.getByRole('radio', { name: en['intake.age.byEstimate'], exact: true });
    await moveFocusTo(page, estimate);
    await expect(estimate).toBeChecked();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('radio', { name: en['intake.age.byBirthDate'], exact: true })).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(estimate).toBeChecked();
    await moveFocusTo(page, page.getByLabel(en['intake.field.estimatedAge'], { exact: true }));
    await page.keyboard.type('19');
    await expect(page.getByText(en['intake.age.child'])).toHaveCount(0);

    const country = page.getByLabel(en['intake.citizenship.choose'], { exact: true });
    await moveFocusTo(page, country);
    // Kenya is the first country offered.
    await page.keyboard.press('ArrowDown');
    await expect(country).toHaveValue('KE');
    const add = page.getByRole('button', { name: en['intake.add'], exact: true });
    await moveFocusTo(page, add);
    await page.keyboard.press('Enter');
    const citizenships = page.getByRole('group', { name: en['intake.field.citizenships'] });
    await expect(citizenships.getByRole('listitem')).toHaveText(['Kenya×']);

    // The next Tab goes on from where the keyboard was, not back to the top of the page.
    const swahili = page
      .getByRole('group', { name: en['intake.field.languages'] })
      .getByRole('checkbox', { name: en['personLanguage.sw'], exact: true });
    await moveFocusTo(page, swahili, 'Tab', 6);
    await page.keyboard.press('Space');
    await expect(swahili).toBeChecked();

    const saveAndContinue = page.getByRole('button', { name: en['intake.saveContinue'], exact: true });
    await moveFocusTo(page, saveAndContinue, 'Tab', 40);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', {
        level: 2,
        name: format(en['intake.stepHeading'], { number: 2, total: 4, title: en['intake.step.victim'] }),
      }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/cases\/KE-\d{4}-\d{6}\/edit\?step=victim$/);
  });

  test('the case list filters work with Tab, Space and Enter', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'keyboard use is checked at desktop width');
    const { en } = messages;
    await signInAsDemo(page, 'case_supervisor');
    // The new entries of the main navigation, reached backwards from the page's heading.
    for (const [name, heading] of [
      [en['referrals.title'], en['referrals.title']],
      [en['cases.nav'], en['cases.title']],
    ] as const) {
      await moveFocusTo(page, mainNav(page).getByRole('link', { name, exact: true }), 'Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(h1(page, heading)).toBeFocused();
    }

    const code = page.getByRole('searchbox', { name: en['cases.filter.code'] });
    await moveFocusTo(page, code);
    await page.keyboard.type('ke-20');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]q=KE-20(&|$)/);

    // On a wide screen the further filters are open; Enter folds and unfolds them.
    const more = page.getByText(en['cases.filter.more'], { exact: true });
    await moveFocusTo(page, more);
    const status = page.getByLabel(en['cases.filter.status'], { exact: true });
    await expect(status).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(status).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(status).toBeVisible();

    await moveFocusTo(page, status);
    await page.keyboard.press('ArrowDown');
    await expect(status).toHaveValue('Active');
    await expect(page).toHaveURL(/[?&]status=Active(&|$)/);
    await expect(page.getByText(en['cases.filter.moreActive'].replace('{count}', '1'), { exact: true })).toBeVisible();

    const mine = page.getByRole('checkbox', { name: en['cases.filter.mine'], exact: true });
    await moveFocusTo(page, mine);
    await page.keyboard.press('Space');
    await expect(mine).toBeChecked();
    await expect(page).toHaveURL(/[?&]mine=true(&|$)/);

    const clear = page.getByRole('button', { name: en['common.clearFilters'], exact: true });
    await moveFocusTo(page, clear);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/cases$/);
    await expect(code).toHaveValue('');
    await expect(mine).not.toBeChecked();

    // The list itself: its region scrolls with the keyboard, and a case opens with Enter.
    const table = page.getByRole('region', { name: en['cases.caption'] });
    const firstCase = table.getByRole('link', { name: /^KE-\d{4}-\d{6}$/ }).first();
    if ((await firstCase.count()) > 0) {
      await moveFocusTo(page, firstCase, 'Tab', 60);
      const caseCode = (await firstCase.innerText()).trim();
      await page.keyboard.press('Enter');
      await expect(h1(page, format(en['cases.caseTitle'], { code: caseCode }))).toBeFocused();
    }
  });
});

/** Everything the app could show instead of a message: a catalogue key, an unfilled placeholder, a raw vocabulary code. */
const CATALOGUE_PREFIXES = [...new Set(Object.keys(messages.en).map((key) => key.split('.')[0]))];
const RAW_KEY = new RegExp(`\\b(${CATALOGUE_PREFIXES.join('|')})\\.[A-Za-z_][A-Za-z_]*(\\.[A-Za-z_]+)*\\b`);
const VOCAB_CODES = [
  ...new Set(
    Object.keys(messages.en)
      .map((key) => key.split('.').slice(1).join('.'))
      .filter((code) => /^[A-Z][a-z]+[A-Z]\w*$/.test(code)),
  ),
];

/** English sentences whose Swahili differs: on a Swahili page they would mean a missing translation. */
const ENGLISH_ONLY = Object.entries(messages.en)
  .filter(([key, text]) => text !== messages.sw[key as keyof Messages] && !text.includes('{') && text.length >= 12)
  .map(([, text]) => text);

async function expectNoMissingMessages(page: Page, language: 'en' | 'sw', what: string): Promise<void> {
  await expect(page.getByText(messages[language]['common.loading'], { exact: true })).toHaveCount(0);
  const text = await page.locator('body').innerText();
  expect(text.match(RAW_KEY)?.[0], `${what}: a catalogue key shown`).toBeUndefined();
  expect(text.match(/\{\w+\}/)?.[0], `${what}: a placeholder left unfilled`).toBeUndefined();
  const words = new Set(text.split(/[^A-Za-z_]+/));
  expect(
    VOCAB_CODES.filter((code) => words.has(code)),
    `${what}: vocabulary codes shown`,
  ).toEqual([]);
  if (language === 'sw') {
    expect(
      ENGLISH_ONLY.filter((english) => text.includes(english)),
      `${what}: English on a Swahili page`,
    ).toEqual([]);
  }
}

test.describe('translations', () => {
  test('the cases list and the case page speak Swahili and English, with no missing messages', async ({
    browser,
    baseURL,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'checked once, at desktop width');
    test.setTimeout(120_000);
    if (!baseURL) throw new Error('baseURL is not configured');

    // A case of agency A with a screening, a referral consent and a pending referral, made over the API.
    const api = await ApiSession.signIn(baseURL, 'case_supervisor');
    const suffix = uniqueSuffix(testInfo).replace(/[^a-z0-9]/gi, '');
    const agencies = await api.send<{ items: AgencyDto[] }>(
      'GET',
      `/api/v1/agencies?q=${encodeURIComponent(AGENCY_B)}`,
    );
    const agencyB = agencies.items.find((a) => a.name === AGENCY_B);
    if (!agencyB) throw new Error(`no agency named ${AGENCY_B}`);
    const draft = await api.send<CaseDto>('POST', '/api/v1/cases', {
      identity: { firstName: 'Wanjiru', lastName: `Kariuki${suffix}`, birthDate: '2001-07-02' },
      profile: { gender: 'Feminine', estimatedAge: 24, citizenships: ['KE'], languages: ['sw', 'ki'] },
      victim: {
        exploitationTypes: ['SexualExploitation', 'ForcedLabour'],
        sexExploitationTypes: ['Prostitution'],
        labourIndustry: 'I_AccommodationAndFoodServiceActivities',
        recruitmentMethods: ['ThroughOnlineSocialNetworks'],
        recruitmentWebsites: ['Facebook'],
        controlMethods: ['WithholdsDocuments', 'FalsePromises'],
        relationshipToTrafficker: 'Acquainted',
        ageWhenTrafficked: 22,
      },
      events: [
        { type: 'Recruitment', country: 'KE', countyCode: 47, place: 'Kibera', date: '2023-05-01' },
        { type: 'Transit', country: 'AE', countyCode: null, place: null, date: null },
        { type: 'Exploitation', country: 'OM', countyCode: null, place: 'Muscat', date: null },
      ],
      countyCode: 1,
      narrative: 'Recruited online for a hotel job abroad.',
    });
    const code = draft.code;
    await api.send('POST', `/api/v1/cases/${code}/submit`);
    await api.send('POST', `/api/v1/cases/${code}/screenings`, {
      acts: ['Recruitment', 'Transportation'],
      means: ['Deception'],
      purposes: ['SexualExploitation'],
      iloIndicators: ['RetentionOfIdentityDocuments', 'WithholdingOfWages'],
      ageAtExploitation: 22,
    });
    await api.send('POST', `/api/v1/cases/${code}/consents`, {
      purpose: 'referral',
      agencyId: agencyB.id,
      sections: ['identity', 'victim', 'route', 'screening'],
      method: 'verbal',
      givenOn: new Date().toISOString().slice(0, 10),
    });
    const referral = await api.send<ReferralDto>('POST', `/api/v1/cases/${code}/referrals`, {
      kind: 'referral',
      toAgencyId: agencyB.id,
      services: ['Medical', 'Legal'],
      reason: 'AdditionalServicesRequired',
    });
    await api.dispose();

    // Worker A reads Swahili, supervisor A English; worker B (Swahili) sees the referral's summary.
    for (const account of ['case_worker', 'case_supervisor'] as const) {
      const language = DEMO_ACCOUNTS[account].language;
      const person = await personAt(browser, account);
      const { page, t } = person;
      await page.goto('/cases');
      await expect(h1(page, t['cases.title'])).toBeVisible();
      await expect(page.getByRole('link', { name: code, exact: true })).toBeVisible();
      await expectNoMissingMessages(page, language, `/cases (${language})`);

      await page.goto(`/cases/${code}`);
      await expect(h1(page, format(t['cases.caseTitle'], { code }))).toBeVisible();
      const tabs: CaseTab[] = ['overview', 'person', 'route', 'screening', 'consent', 'services', 'referrals'];
      for (const tab of tabs) {
        await openTab(person, tab);
        if (tab === 'person') {
          await page.getByRole('button', { name: t['cases.person.reveal'], exact: true }).click();
          await expect(page.getByText(`Kariuki${suffix}`, { exact: true })).toBeVisible();
        }
        if (tab === 'route') await page.waitForLoadState('networkidle');
        await expectNoMissingMessages(page, language, `case tab ${tab} (${language})`);
      }
      for (const tab of ['notes', 'attachments', 'history'] as const) {
        await page
          .getByRole('navigation', { name: t['cases.tabsLabel'] })
          .getByRole('link', { name: t[`cases.tab.${tab}`], exact: true })
          .click();
        await expect(page.getByText(t['common.loading'], { exact: true })).toHaveCount(0);
        await page.waitForLoadState('networkidle');
        await expectNoMissingMessages(page, language, `case tab ${tab} (${language})`);
      }
      await page.goto(`/cases/${code}/edit?step=review`);
      await expect(page.getByRole('button', { name: t['intake.saveChanges'], exact: true })).toBeVisible();
      await expectNoMissingMessages(page, language, `intake review (${language})`);
      await page.context().close();
    }

    const workerB = await personAt(browser, 'case_worker_b');
    await workerB.page.goto(`/referrals/${referral.id}`);
    await expect(h1(workerB.page, format(workerB.t['referrals.referralTitle'], { code }))).toBeVisible();
    await expectNoMissingMessages(workerB.page, 'sw', 'incoming referral (sw)');
    await workerB.page.goto('/referrals');
    await expect(workerB.page.getByRole('link', { name: code, exact: true })).toBeVisible();
    await expectNoMissingMessages(workerB.page, 'sw', '/referrals (sw)');
    await workerB.page.context().close();
  });
});
