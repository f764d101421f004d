import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import type {
  AgencyDto,
  MeetingDto,
  PartnerDto,
  PlanDto,
  PlanSummaryDto,
  ReportingPeriodDto,
  Role,
} from '@kinga/shared';
import {
  ApiSession,
  DEMO_ACCOUNTS,
  expect,
  expectNoHorizontalScroll,
  expectNoMissingMessages,
  mainNav,
  messagePattern,
  messages,
  moveFocusTo,
  signInAsDemo,
  signInAsNewAccount,
  switchLanguage,
  test,
  uniqueSuffix,
  type AdminApi,
  type Language,
  type Messages,
} from './fixtures.ts';

/** Demo agencies (server/src/modules/demo/demo.seed.ts); the demo plans make labour and police task-force members. */
const SECRETARIAT_AGENCY = 'Counter-Trafficking Advisory Committee Secretariat';
const LABOUR = 'State Department for Labour (demo)';
const POLICE = 'Anti-Human Trafficking Police Unit (demo)';
/** The demo plans (server/src/modules/demo/demo-plans.data.ts). */
const DEMO_ADOPTED_PLAN = 'National Plan of Action 2022–2026';
const DEMO_DRAFT_PLAN = 'National Plan of Action to Combat Trafficking in Persons 2027–2031';
/** The default first pillar's title in a plan started in English (through the API, for instance). */
const PREVENTION = 'Prevention';

type PlanAccount = 'secretariat' | 'focal_point' | 'law_enforcement';
const ACCOUNT_ROLE: Record<PlanAccount, { role: Role; agency: string }> = {
  secretariat: { role: 'secretariat', agency: SECRETARIAT_AGENCY },
  focal_point: { role: 'focal_point', agency: LABOUR },
  law_enforcement: { role: 'law_enforcement', agency: POLICE },
};

/** One person at their own device, in the project's language. */
interface Person {
  page: Page;
  language: Language;
  t: Messages;
}

/** Desktop runs in English, phone in Swahili. */
function languageOf(testInfo: TestInfo): Language {
  return testInfo.project.name === 'phone' ? 'sw' : 'en';
}

/**
 * A browser context signed in as the demo account when its profile speaks the language; else
 * as a new account with the same role in the same agency whose profile speaks it (saving a
 * language to a demo account's profile would change it under the other project's run).
 */
async function personAt(
  browser: Browser,
  adminApi: AdminApi,
  testInfo: TestInfo,
  account: PlanAccount,
  language: Language,
): Promise<Person> {
  // Contexts made in a test get the project's options (phone viewport, touch, locale).
  const context = await browser.newContext();
  const page = await context.newPage();
  if (DEMO_ACCOUNTS[account].language === language) {
    await signInAsDemo(page, account);
  } else {
    const { role, agency } = ACCOUNT_ROLE[account];
    const agencyId = (await adminApi.findAgency(agency)).id;
    await signInAsNewAccount(page, adminApi, testInfo, [role], { agencyId, language });
    await page.goto('/');
    await expect(page.getByRole('button', { name: messages[language]['shell.signOut'], exact: true })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  return { page, language, t: messages[language] };
}

function h1(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function loaded({ page, t }: Person): Promise<void> {
  await expect(page.getByText(t['common.loading'], { exact: true })).toHaveCount(0);
}

/** Opens a plan from the Plans page, as a person would, and waits for its version page. */
async function openPlan(person: Person, title: string): Promise<string> {
  const { page, language, t } = person;
  await mainNav(page, language).getByRole('link', { name: t['nav.plans'], exact: true }).click();
  await expect(h1(page, t['plans.title'])).toBeVisible();
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(h1(page, title)).toBeVisible();
  await loaded(person);
  const planId = /\/plans\/([^/?#]+)/.exec(page.url())?.[1];
  if (!planId) throw new Error(`no plan id in ${page.url()}`);
  return planId;
}

type ElementKind = 'pillar' | 'objective' | 'activity' | 'indicator';

/** The disclosure of an outline element ("Activity: details and comments: 1.1.1 Title"), opened. */
async function openElement(person: Person, kind: ElementKind, name: string, editable: boolean): Promise<Locator> {
  const { page, t } = person;
  const text = `${format(t[editable ? 'plans.outline.detailsEdit' : 'plans.outline.details'], {
    kind: t[`elementKind.${kind}`],
  })}: ${name}`;
  const summary = page.locator('summary').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) });
  const details = page.locator('details').filter({ has: summary });
  if ((await details.getAttribute('open')) === null) await summary.click();
  await expect(details).toHaveAttribute('open', '');
  return details;
}

/** Opens the add form of a kind under an element (its disclosure open) and returns the form's region. */
async function openAddForm(person: Person, kind: ElementKind, parentKind: ElementKind, parent: string) {
  const { page, t, language } = person;
  const details = await openElement(person, parentKind, parent, true);
  const kindLabel = t[`elementKind.${kind}`].toLocaleLowerCase(language);
  await details
    .getByRole('button', {
      name: format(t['plans.outline.addUnderLabel'], { kind: kindLabel, name: parent }),
      exact: true,
    })
    .click();
  const heading = format(t['plans.form.addUnderHeading'], { kind: kindLabel, parent });
  const form = page.getByRole('region', { name: heading, exact: true });
  await expect(form.getByRole('heading', { name: heading, exact: true })).toBeFocused();
  return { form, kindLabel };
}

/** The latest reporting period that has ended by today, as the server labels quarters. */
function latestEndedQuarter(today: Date): string {
  const quarter = Math.floor(today.getUTCMonth() / 3);
  return quarter === 0 ? `${today.getUTCFullYear() - 1}-Q4` : `${today.getUTCFullYear()}-Q${quarter}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

test.describe('Plan of Action', () => {
  test('the secretariat drafts a plan, a task-force member comments, the committee adopts it, the focal point reports and the dashboard shows it', async ({
    browser,
    adminApi,
  }, testInfo) => {
    test.setTimeout(240_000);
    const language = languageOf(testInfo);
    const suffix = uniqueSuffix(testInfo);
    const planTitle = `E2E Plan of Action 2026–2030 ${suffix}`;
    const objectiveTitle = `Fewer people recruited into forced labour abroad ${suffix}`;
    const activityTitle = `Train labour inspectors on fair recruitment ${suffix}`;
    const indicatorTitle = `Labour inspectors trained ${suffix}`;
    const comment = `Ongezeni mafunzo kwa kaunti za mpakani (${suffix}).`;
    const decisionText = `The committee adopts version 1 of the plan (${suffix}).`;
    const meetingTitle = `Committee meeting on the plan ${suffix}`;
    const narrative = `Two trainings held in Mombasa and Busia; 45 inspectors trained (${suffix}).`;
    const period = latestEndedQuarter(new Date());
    // Default pillars are named in the language the plan is started in.
    const prevention = messages[language]['pillar.prevention'];
    const pillar = `1 ${prevention}`;
    const objective = `1.1 ${objectiveTitle}`;
    const activity = `1.1.1 ${activityTitle}`;
    expect(period, 'a 2026 reporting period has ended').toMatch(/^2026-Q[1-3]$/);

    const secretariat = await personAt(browser, adminApi, testInfo, 'secretariat', language);
    expect(secretariat.page.viewportSize()?.width).toBe(testInfo.project.name === 'phone' ? 360 : 1280);
    let planId = '';

    await test.step('the secretariat starts a plan for 2026–2030 with a submission deadline', async () => {
      const { page, t } = secretariat;
      await mainNav(page, language).getByRole('link', { name: t['nav.plans'], exact: true }).click();
      await expect(h1(page, t['plans.title'])).toBeVisible();
      await loaded(secretariat);
      await expectNoHorizontalScroll(page, '/plans');
      const form = page.getByRole('region', { name: t['plans.new.heading'], exact: true });
      await form.getByLabel(t['plans.new.title'], { exact: true }).fill(planTitle);
      await form.getByLabel(t['plans.new.periodStart'], { exact: true }).fill('2026');
      await form.getByLabel(t['plans.new.periodEnd'], { exact: true }).fill('2030');
      await form
        .getByLabel(t['plans.new.deadline'], { exact: true })
        .fill(isoDay(new Date(Date.now() + 30 * 86_400_000)));
      await form
        .getByLabel(t['plans.new.reportingFrequency'], { exact: true })
        .selectOption({ label: t['reportingFrequency.quarterly'] });
      await expect(form.getByRole('checkbox', { name: t['plans.new.defaultPillars'], exact: true })).toBeChecked();
      await form.getByRole('button', { name: t['plans.new.submit'], exact: true }).click();

      await expect(h1(page, planTitle)).toBeVisible();
      planId = /\/plans\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
      expect(planId).not.toBe('');
      await expect(page.locator('.plan-version-line')).toContainText(t['planVersionStatus.draft']);
      await expect(page.getByText(messagePattern(t['plans.deadline.daysLeft'])).first()).toBeVisible();
      await expect(page.getByRole('heading', { name: pillar, exact: true })).toBeVisible();
      await loaded(secretariat);
      await expectNoHorizontalScroll(page, 'new plan');
    });

    await test.step('the secretariat adds an objective, an activity led by the Ministry of Labour and an indicator', async () => {
      const { page, t } = secretariat;

      const objectiveForm = await openAddForm(secretariat, 'objective', 'pillar', pillar);
      await objectiveForm.form.getByLabel(t['plans.field.title'], { exact: true }).fill(objectiveTitle);
      await objectiveForm.form
        .getByLabel(t['plans.field.description'], { exact: true })
        .fill('Kuongeza uelewa wa jamii kuhusu hatari za ajira za nje.');
      await expectNoHorizontalScroll(page, 'objective form');
      await objectiveForm.form
        .getByRole('button', {
          name: format(t['plans.form.addSubmit'], { kind: objectiveForm.kindLabel }),
          exact: true,
        })
        .click();
      await expect(page.getByText(format(t['plans.form.added'], { kind: objectiveForm.kindLabel }))).toBeVisible();
      await expect(page.getByRole('heading', { name: objective, exact: true })).toBeVisible();

      const activityForm = await openAddForm(secretariat, 'activity', 'objective', objective);
      const { form } = activityForm;
      await form.getByLabel(t['plans.field.title'], { exact: true }).fill(activityTitle);
      await form.getByLabel(t['plans.field.area'], { exact: true }).selectOption({ label: t['activityArea.training'] });
      await form.getByLabel(t['plans.field.leadAgencyId'], { exact: true }).selectOption({ label: LABOUR });
      await form.getByLabel(t['plans.field.startDate'], { exact: true }).fill('2026-01-01');
      await form.getByLabel(t['plans.field.endDate'], { exact: true }).fill('2027-12-31');
      await form.getByLabel(t['plans.field.budget'], { exact: true }).fill('1250000');
      await expectNoHorizontalScroll(page, 'activity form');
      await form
        .getByRole('button', { name: format(t['plans.form.addSubmit'], { kind: activityForm.kindLabel }), exact: true })
        .click();
      await expect(page.getByText(format(t['plans.form.added'], { kind: activityForm.kindLabel }))).toBeVisible();
      // The line under the activity's heading names its lead agency.
      await expect(
        page.getByRole('heading', { name: activity, exact: true }).locator('xpath=following-sibling::p[1]'),
      ).toContainText(LABOUR);

      const indicatorForm = await openAddForm(secretariat, 'indicator', 'activity', activity);
      const indicator = indicatorForm.form;
      await indicator.getByLabel(t['plans.field.title'], { exact: true }).fill(indicatorTitle);
      await indicator.getByLabel(t['plans.field.unit'], { exact: true }).fill('inspectors');
      await indicator.getByLabel(t['plans.field.baseline'], { exact: true }).fill('40');
      await indicator.getByLabel(t['plans.field.baselineYear'], { exact: true }).fill('2025');
      await indicator.getByLabel(format(t['plans.form.targetYear'], { year: 2026 }), { exact: true }).fill('120');
      await indicator
        .getByLabel(t['plans.field.source'], { exact: true })
        .selectOption({ label: t['indicatorSource.manual'] });
      await expectNoHorizontalScroll(page, 'indicator form');
      await indicator
        .getByRole('button', {
          name: format(t['plans.form.addSubmit'], { kind: indicatorForm.kindLabel }),
          exact: true,
        })
        .click();
      await expect(page.getByText(format(t['plans.form.added'], { kind: indicatorForm.kindLabel }))).toBeVisible();
      await expect(page.getByRole('heading', { name: `1.1.1-I1 ${indicatorTitle}`, exact: true })).toBeVisible();
      await expect(
        page.getByText(format(t['plans.outline.counts'], { pillars: 4, objectives: 1, activities: 1, indicators: 1 })),
      ).toBeVisible();
      await expectNoHorizontalScroll(page, 'plan outline');
    });

    await test.step('a task-force member (the police unit) comments on the activity', async () => {
      const police = await personAt(browser, adminApi, testInfo, 'law_enforcement', language);
      const { page, t } = police;
      await openPlan(police, planTitle);
      await expect(page.getByText(t['plans.locked.draftReadOnly'], { exact: true })).toBeVisible();
      const details = await openElement(police, 'activity', activity, false);
      const boxLabel = format(t['plans.comments.newLabel'], { target: activity });
      const box = details.getByLabel(boxLabel, { exact: true });
      await box.fill(comment);
      await expectNoHorizontalScroll(page, 'comment on the activity');
      await details
        .locator('form')
        .filter({ has: page.getByLabel(boxLabel, { exact: true }) })
        .getByRole('button', { name: t['plans.comments.post'], exact: true })
        .click();
      await expect(details.getByText(comment, { exact: true })).toBeVisible();
      await expect(box).toHaveValue('');
      await expect(details.getByText(POLICE)).toBeVisible();
      await police.page.context().close();
    });

    await test.step('the secretariat sees the open thread and submits the version to the committee', async () => {
      const { page, t } = secretariat;
      await page.reload();
      await expect(h1(page, planTitle)).toBeVisible();
      await loaded(secretariat);
      await expect(page.getByText(format(t['plans.comments.openTotal'], { count: 1 }))).toBeVisible();
      await page.getByRole('button', { name: t['plans.workflow.submit'], exact: true }).click();
      await expect(
        page.getByRole('heading', { name: format(t['plans.workflow.submitHeading'], { number: 1 }), exact: true }),
      ).toBeFocused();
      await page
        .getByRole('button', { name: format(t['plans.workflow.submitConfirm'], { number: 1 }), exact: true })
        .click();
      await expect(page.getByText(format(t['plans.workflow.submitted'], { number: 1 }), { exact: true })).toBeVisible();
      await expect(page.locator('.plan-version-line')).toContainText(t['planVersionStatus.in_review']);
      await expect(page.getByText(t['plans.locked.inReview'], { exact: true })).toBeVisible();
    });

    await test.step('the secretariat schedules the committee meeting on the plan and records its decision', async () => {
      const { page, t } = secretariat;
      await mainNav(page, language).getByRole('link', { name: t['nav.meetings'], exact: true }).click();
      await expect(h1(page, t['meetings.title'])).toBeVisible();
      await loaded(secretariat);
      await expectNoHorizontalScroll(page, '/meetings');
      await page.getByRole('link', { name: t['meetings.schedule'], exact: true }).click();
      await expect(h1(page, t['meetings.scheduleTitle'])).toBeVisible();
      await page
        .getByLabel(t['meetings.field.kind'], { exact: true })
        .selectOption({ label: t['meetingKind.committee_meeting'] });
      await page.getByLabel(t['meetings.field.title'], { exact: true }).fill(meetingTitle);
      await page.getByLabel(t['meetings.field.startsAt'], { exact: true }).fill(`${isoDay(new Date())}T09:00`);
      await page.getByLabel(t['meetings.field.place'], { exact: true }).fill('Nairobi, Social Security House');
      await page
        .getByLabel(t['meetings.field.plan'], { exact: true })
        .selectOption({ label: format(t['meetings.planOption'], { title: planTitle, start: 2026, end: 2030 }) });
      await expectNoHorizontalScroll(page, '/meetings/new');
      await page.getByRole('button', { name: t['meetings.scheduleSubmit'], exact: true }).click();
      await expect(h1(page, meetingTitle)).toBeVisible();
      await expect(page.getByText(t['meetings.created'], { exact: true })).toBeVisible();

      await page.getByRole('button', { name: t['meetings.markHeld'], exact: true }).click();
      await expect(
        page.getByText(format(t['meetings.statusChanged'], { status: t['meetingStatus.held'] }), { exact: true }),
      ).toBeVisible();
      const decisions = page.getByRole('region', { name: t['meetings.decisions.title'], exact: true });
      await decisions.getByText(t['meetings.decisions.addTitle'], { exact: true }).click();
      await decisions.getByLabel(t['meetings.decisions.text'], { exact: true }).fill(decisionText);
      await decisions.getByRole('button', { name: t['meetings.decisions.add'], exact: true }).click();
      await expect(
        decisions.getByText(format(t['meetings.decisions.added'], { number: 1 }), { exact: true }),
      ).toBeVisible();
      await expect(decisions.getByText(decisionText, { exact: true })).toBeVisible();
      await expectNoHorizontalScroll(page, 'meeting with its decision');
    });

    await test.step('the secretariat records the adoption, choosing that decision', async () => {
      const { page, t } = secretariat;
      await page.getByRole('link', { name: t['meetings.openPlan'], exact: true }).click();
      await expect(h1(page, planTitle)).toBeVisible();
      await page.getByRole('button', { name: t['plans.workflow.adopt'], exact: true }).click();
      const picker = page.getByRole('group', { name: t['plans.decision.legend'] });
      await expect(picker.getByText(format(t['plans.decision.count'], { count: 1 }), { exact: true })).toBeVisible();
      await picker.getByRole('radio', { name: new RegExp(escapeRegExp(decisionText)) }).check();
      await expectNoHorizontalScroll(page, 'adoption form');
      await page.getByRole('button', { name: t['plans.workflow.adoptConfirm'], exact: true }).click();
      await expect(page.getByText(format(t['plans.workflow.adopted'], { number: 1 }), { exact: true })).toBeVisible();
      await expect(page.locator('.plan-version-line')).toContainText(t['planVersionStatus.adopted']);
      const steps = page.locator('.plan-steps');
      await expect(steps).toContainText(t['planTransition.adopt']);
      await expect(steps).toContainText(decisionText);
      await expect(steps.getByRole('link', { name: meetingTitle, exact: true })).toBeVisible();
      await expectNoHorizontalScroll(page, 'adopted version');
    });

    await test.step('the focal point reports the activity on track for an ended 2026 period', async () => {
      const focal = await personAt(browser, adminApi, testInfo, 'focal_point', language);
      const { page, t } = focal;
      await openPlan(focal, planTitle);
      await page.getByRole('link', { name: t['plans.link.monitoring'], exact: true }).click();
      await expect(h1(page, format(t['monitoring.title'], { plan: planTitle }))).toBeVisible();
      await loaded(focal);
      await expect(page.getByLabel(t['monitoring.period.label'], { exact: true }).locator('option:checked')).toHaveText(
        period,
      );
      await expect(
        page.getByRole('heading', { name: format(t['monitoring.reports.yours'], { period }) }),
      ).toBeVisible();
      await expectNoHorizontalScroll(page, 'monitoring');
      await page
        .getByRole('link', { name: format(t['monitoring.reports.reportFor'], { agency: LABOUR }), exact: true })
        .click();

      await expect(h1(page, format(t['monitoring.reportTitle'], { agency: LABOUR }))).toBeVisible();
      await loaded(focal);
      const entry = page.getByRole('region', { name: activity, exact: true });
      await entry
        .getByLabel(t['monitoring.report.activityStatus'], { exact: true })
        .selectOption({ label: t['activityProgress.on_track'] });
      await entry.getByLabel(t['monitoring.report.narrative'], { exact: true }).fill(narrative);
      await expectNoHorizontalScroll(page, 'progress report');
      await page.getByRole('button', { name: t['monitoring.report.save'], exact: true }).click();
      await expect(page.getByText(t['monitoring.report.saved'], { exact: true })).toBeVisible();
      await page.getByRole('button', { name: t['monitoring.report.submit'], exact: true }).click();
      await expect(page.getByText(t['monitoring.report.submitted'], { exact: true })).toBeVisible();
      await expect(page.locator('.report-summary')).toContainText(t['reportStatus.submitted']);
      // Submitted, the report is read-only and shows what was reported.
      await expect(entry.getByText(t['activityProgress.on_track'], { exact: true })).toBeVisible();
      await expect(entry.getByText(narrative, { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: t['monitoring.report.submit'], exact: true })).toHaveCount(0);
      await expectNoHorizontalScroll(page, 'submitted report');
      await focal.page.context().close();
    });

    await test.step('the dashboard shows the activity on track in the Prevention pillar', async () => {
      const { page, t } = secretariat;
      await page.reload();
      await expect(h1(page, planTitle)).toBeVisible();
      await page.getByRole('link', { name: t['plans.link.dashboard'], exact: true }).click();
      await expect(h1(page, format(t['monitoring.dashboardTitle'], { plan: planTitle }))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/plans/${planId}/dashboard`));
      await loaded(secretariat);
      await expect(page.getByLabel(t['monitoring.period.label'], { exact: true }).locator('option:checked')).toHaveText(
        period,
      );
      const onTrack = t['activityProgress.on_track'];
      const byPillar = page.getByRole('region', { name: t['monitoring.dashboard.byPillar'], exact: true });
      const preventionBar = byPillar.locator('.chart-row').filter({ hasText: prevention });
      await expect(preventionBar.locator('.chart-summary')).toHaveText(
        format(t['monitoring.chart.statusCount'], { status: onTrack, count: 1 }),
      );
      const caption = format(t['monitoring.dashboard.byPillarCaption'], { period });
      await byPillar.locator('summary').filter({ hasText: t['monitoring.chart.showTable'] }).click();
      const table = byPillar.getByRole('region', { name: caption, exact: true }).getByRole('table');
      await expect(table).toBeVisible();
      const headers = await table.getByRole('columnheader').allInnerTexts();
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: prevention, exact: true }) });
      const cells = await row.getByRole('cell').allInnerTexts();
      // The first column header is the pillar's, the cells follow the status columns and end with the total.
      expect(cells[headers.indexOf(onTrack) - 1], `${onTrack} in ${headers.join(' | ')}: ${cells.join(' | ')}`).toBe(
        '1',
      );
      expect(cells.at(-1), 'activities of the pillar').toBe('1');

      const byAgency = page.getByRole('region', { name: t['monitoring.dashboard.byAgency'], exact: true });
      await expect(byAgency.locator('.chart-row').filter({ hasText: LABOUR }).locator('.chart-summary')).toHaveText(
        format(t['monitoring.chart.statusCount'], { status: onTrack, count: 1 }),
      );
      await expectNoHorizontalScroll(page, 'dashboard');
    });

    await secretariat.page.context().close();
  });
});

test.describe('Plan of Action by keyboard', () => {
  test('the add-element control of a plan page is reached with Tab and opened with Enter', async ({
    page,
    baseURL,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'keyboard use is checked at desktop width');
    if (!baseURL) throw new Error('baseURL is not configured');
    const { en } = messages;
    const api = await ApiSession.signIn(baseURL, 'secretariat');
    const title = `E2E keyboard plan ${uniqueSuffix(testInfo)}`;
    const plan = await api.send<PlanDto>('POST', '/api/v1/plans', {
      title,
      periodStart: 2027,
      periodEnd: 2031,
      reportingFrequency: 'quarterly',
    });
    await api.dispose();

    await signInAsDemo(page, 'secretariat');
    await page.goto(`/plans/${plan.id}`);
    const heading = h1(page, title);
    await expect(heading).toBeVisible();
    await expect(page.getByText(en['common.loading'], { exact: true })).toHaveCount(0);
    await heading.focus();

    const pillar = `1 ${PREVENTION}`;
    const summary = page
      .locator('summary')
      .filter({ hasText: `${format(en['plans.outline.detailsEdit'], { kind: en['elementKind.pillar'] })}: ${pillar}` });
    await moveFocusTo(page, summary, 'Tab', 40);
    await page.keyboard.press('Enter');
    await expect(page.locator('details').filter({ has: summary })).toHaveAttribute('open', '');

    const add = page.getByRole('button', {
      name: format(en['plans.outline.addUnderLabel'], { kind: 'objective', name: pillar }),
      exact: true,
    });
    await moveFocusTo(page, add, 'Tab', 10);
    await page.keyboard.press('Enter');
    const formHeading = format(en['plans.form.addUnderHeading'], { kind: 'objective', parent: pillar });
    await expect(page.getByRole('heading', { name: formHeading, exact: true })).toBeFocused();

    const form = page.getByRole('region', { name: formHeading, exact: true });
    await moveFocusTo(page, form.getByLabel(en['plans.field.title'], { exact: true }), 'Tab', 5);
    await page.keyboard.type('Safe recruitment of migrant workers');
    await moveFocusTo(
      page,
      form.getByRole('button', { name: format(en['plans.form.addSubmit'], { kind: 'objective' }), exact: true }),
    );
    await page.keyboard.press('Enter');
    await expect(page.getByText(format(en['plans.form.added'], { kind: 'objective' }), { exact: true })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: '1.1 Safe recruitment of migrant workers', exact: true }),
    ).toBeVisible();
  });
});

test.describe('Plan of Action translations', () => {
  test('the plan, monitoring, meeting and partner pages show no catalogue key or missing translation', async ({
    page,
    adminApi,
    baseURL,
  }, testInfo) => {
    test.setTimeout(180_000);
    if (!baseURL) throw new Error('baseURL is not configured');

    // The demo coordination data: a plan in force with reports, a draft in its second version, meetings and partners.
    const api = await ApiSession.signIn(baseURL, 'secretariat');
    const plans = (await api.send<{ items: PlanSummaryDto[] }>('GET', '/api/v1/plans?limit=100')).items;
    const adopted = plans.find((p) => p.title === DEMO_ADOPTED_PLAN);
    const draft = plans.find((p) => p.title === DEMO_DRAFT_PLAN);
    if (!adopted || adopted.adoptedVersion === null) throw new Error(`no adopted demo plan ${DEMO_ADOPTED_PLAN}`);
    if (!draft || draft.latestVersion.number < 2) throw new Error(`no demo plan ${DEMO_DRAFT_PLAN} in two versions`);
    const periods = await api.send<ReportingPeriodDto[] | { items: ReportingPeriodDto[] }>(
      'GET',
      `/api/v1/plans/${adopted.id}/periods`,
    );
    const periodList = Array.isArray(periods) ? periods : periods.items;
    const today = isoDay(new Date());
    const ended = periodList.filter((p) => p.endsOn < today).at(-1);
    if (!ended) throw new Error('no ended period in the adopted demo plan');
    const meetings = (await api.send<{ items: MeetingDto[] }>('GET', '/api/v1/meetings?limit=50')).items;
    const meeting = meetings.find((m) => m.planId === draft.id) ?? meetings[0];
    if (!meeting) throw new Error('no demo meeting');
    const partners = (await api.send<{ items: PartnerDto[] }>('GET', '/api/v1/partners?limit=50')).items;
    const labour = partners.find((p) => p.agencyName === LABOUR);
    if (!labour) throw new Error(`no partner ${LABOUR}`);
    await api.dispose();
    const agencies = await adminApi.send<{ items: AgencyDto[] }>(
      'GET',
      `/api/v1/agencies?q=${encodeURIComponent(SECRETARIAT_AGENCY)}`,
    );
    const secretariatAgency = agencies.items.find((a) => a.name === SECRETARIAT_AGENCY);
    if (!secretariatAgency) throw new Error(`no agency ${SECRETARIAT_AGENCY}`);

    // A secretariat account of its own, whose profile language this test may change.
    await signInAsNewAccount(page, adminApi, testInfo, ['secretariat'], { agencyId: secretariatAgency.id });
    await page.goto('/');

    const planPath = (id: string) => `/plans/${encodeURIComponent(id)}`;
    for (const language of ['en', 'sw'] as const) {
      const t = messages[language];
      await switchLanguage(page, language);
      const pages: [string, string][] = [
        ['/plans', t['plans.title']],
        [planPath(draft.id), draft.title],
        [`${planPath(adopted.id)}/versions/${adopted.adoptedVersion}`, adopted.title],
        [
          `${planPath(draft.id)}/compare?from=1&to=${draft.latestVersion.number}`,
          format(t['plans.compare.title'], { title: draft.title }),
        ],
        [
          `${planPath(adopted.id)}/monitoring?period=${ended.id}`,
          format(t['monitoring.title'], { plan: adopted.title }),
        ],
        [
          `${planPath(adopted.id)}/periods/${ended.id}/reports/${labour.agencyId}`,
          format(t['monitoring.reportTitle'], { agency: LABOUR }),
        ],
        [
          `${planPath(adopted.id)}/dashboard?period=${ended.id}`,
          format(t['monitoring.dashboardTitle'], { plan: adopted.title }),
        ],
        ['/meetings', t['meetings.title']],
        ['/meetings?view=past', t['meetings.title']],
        ['/meetings/new', t['meetings.scheduleTitle']],
        [`/meetings/${meeting.id}`, meeting.title],
        ['/action-items', t['actionItems.title']],
        ['/partners', t['partners.title']],
        [`/partners/${labour.agencyId}`, LABOUR],
        ['/partners?view=matrix', t['partners.title']],
        ['/partners?view=map', t['partners.title']],
      ];
      for (const [path, title] of pages) {
        await page.goto(path);
        await expect(h1(page, title)).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await page.waitForLoadState('networkidle');
        await expectNoMissingMessages(page, language, `${path} (${language})`);
        await expectNoHorizontalScroll(page, `${path} (${language})`);
      }
    }
  });
});
