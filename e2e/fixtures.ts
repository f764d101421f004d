import {
  test as base,
  expect,
  request,
  type APIRequestContext,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import * as OTPAuth from 'otpauth';
import type { AgencyDto, AgencyType, PasswordLinkDto, Role, UserDto } from '@kinga/shared';
import { en } from '../web/src/i18n/en.ts';
import { sw } from '../web/src/i18n/sw.ts';
import { DEMO_PASSWORD } from './settings.ts';

export { expect };
export { DEMO_PASSWORD };

export type Language = 'en' | 'sw';
export type Messages = Record<keyof typeof en, string>;

/** The web app's own catalogues, so specs find controls by the names people see. */
export const messages: Record<Language, Messages> = { en, sw };

/** The demo accounts of the contract, with the language each has in its profile. */
export const DEMO_ACCOUNTS = {
  administrator: { email: 'admin@demo.kinga.test', language: 'en' },
  secretariat: { email: 'secretariat@demo.kinga.test', language: 'en' },
  focal_point: { email: 'focal@demo.kinga.test', language: 'en' },
  case_worker: { email: 'caseworker.a@demo.kinga.test', language: 'sw' },
  case_supervisor: { email: 'supervisor.a@demo.kinga.test', language: 'en' },
  case_worker_b: { email: 'caseworker.b@demo.kinga.test', language: 'sw' },
  law_enforcement: { email: 'police@demo.kinga.test', language: 'en' },
  analyst: { email: 'analyst@demo.kinga.test', language: 'en' },
  hotline_operator: { email: 'hotline@demo.kinga.test', language: 'sw' },
} as const satisfies Record<string, { email: string; language: Language }>;
export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

export interface Credentials {
  email: string;
  password: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a text in either language, for moments when the language is about to change. */
export function inEitherLanguage(key: keyof Messages): RegExp {
  return new RegExp(`^(${escapeRegExp(en[key])}|${escapeRegExp(sw[key])})$`);
}

/** Matches a message whose `{placeholders}` may hold any value. */
export function messagePattern(template: string): RegExp {
  return new RegExp(
    template
      .split(/\{\w+\}/)
      .map(escapeRegExp)
      .join('.+'),
  );
}

/** A suffix that keeps records of parallel projects and repeated runs apart. */
export function uniqueSuffix(testInfo: TestInfo): string {
  return `${testInfo.project.name}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** A password that passes the server's length and common-password checks. */
export function strongPassword(): string {
  return `Mvua-Kubwa-Nairobi-${Math.random().toString(36).slice(2, 10)}`;
}

/** Fills the sign-in form in the language on screen and submits it. */
export async function submitSignIn(page: Page, who: Credentials, language: Language = 'en'): Promise<void> {
  const t = messages[language];
  await page.getByLabel(t['signIn.email'], { exact: true }).fill(who.email);
  await page.getByLabel(t['signIn.password'], { exact: true }).fill(who.password);
  await page.getByRole('button', { name: t['signIn.submit'], exact: true }).click();
}

/** Opens the sign-in page, signs in and waits for the signed-in shell (in whichever language the profile chose). */
export async function signInWith(page: Page, who: Credentials, language: Language = 'en'): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: messages[language]['signIn.title'] })).toBeVisible();
  await submitSignIn(page, who, language);
  await expect(page.getByRole('button', { name: inEitherLanguage('shell.signOut') })).toBeVisible();
}

/** Signs out with the header button and waits for the sign-in page. */
export async function signOut(page: Page, language: Language = 'en'): Promise<void> {
  const t = messages[language];
  await page.getByRole('button', { name: t['shell.signOut'], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t['signIn.title'] })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** Signs in as a demo account and waits until the page speaks the account's own language. */
export async function signInAsDemo(page: Page, account: DemoAccount): Promise<void> {
  const { email, language } = DEMO_ACCOUNTS[account];
  await signInWith(page, { email, password: DEMO_PASSWORD });
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Fails when the page scrolls sideways: content wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const size = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(size.scroll, `${what}: page width ${size.scroll}px in a ${size.client}px viewport`).toBeLessThanOrEqual(
    size.client,
  );
}

/** Presses the key (Tab or Shift+Tab) until the target has focus, and checks the focus is visible; fails when not reached within `max` presses. */
export async function moveFocusTo(
  page: Page,
  target: Locator,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  max = 30,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) {
      const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline, 'keyboard focus is visible').not.toBe('none');
      return;
    }
  }
  throw new Error(`${key} did not reach ${target.toString()} within ${max} presses`);
}

/** Chooses a language with the header switcher and waits until the page speaks it. */
export async function switchLanguage(page: Page, language: Language): Promise<void> {
  await page.getByLabel(inEitherLanguage('shell.language')).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** The main navigation landmark in the given language. */
export function mainNav(page: Page, language: Language = 'en') {
  return page.getByRole('navigation', { name: messages[language]['shell.mainNav'] });
}

const TOTP_PERIOD_MS = 30_000;

function totpOf(secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret.replace(/\s/g, '')),
  });
}

/**
 * A TOTP code whose time step is later than `afterStep`, waiting for the next step when
 * needed (the server accepts each step once). Also avoids the last second of a step, so the
 * code is still current when it arrives.
 */
export async function freshTotpCode(secret: string, afterStep = -1): Promise<{ code: string; step: number }> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / TOTP_PERIOD_MS);
    const msLeft = (step + 1) * TOTP_PERIOD_MS - now;
    if (step > afterStep && msLeft > 1_500) return { code: totpOf(secret).generate({ timestamp: now }), step };
    await new Promise((resolve) => setTimeout(resolve, msLeft + 200));
  }
}

/** A demo account's API session, for preparing records a spec is not about. */
export class ApiSession {
  protected constructor(
    readonly context: APIRequestContext,
    private readonly csrfToken: string,
  ) {}

  /** Signs in over the API; the password is the demo accounts' one. */
  static async signIn(baseURL: string, account: DemoAccount): Promise<ApiSession> {
    const { context, csrfToken } = await ApiSession.open(baseURL, DEMO_ACCOUNTS[account].email);
    return new ApiSession(context, csrfToken);
  }

  protected static async open(
    baseURL: string,
    email: string,
  ): Promise<{ context: APIRequestContext; csrfToken: string }> {
    const context = await request.newContext({ baseURL });
    const response = await context.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
    expect(response.status(), `API sign-in of ${email}`).toBe(200);
    const body = (await response.json()) as { csrfToken: string };
    return { context, csrfToken: body.csrfToken };
  }

  /** Sends a request with the session's CSRF token; throws with the answer when it is not a success. */
  async send<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, data?: unknown): Promise<T> {
    const response = await this.context.fetch(url, {
      method,
      ...(data === undefined ? {} : { data }),
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': this.csrfToken },
    });
    if (!response.ok()) throw new Error(`${method} ${url} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }
}

/** Where a new account works and the language of its profile. */
export interface NewAccountOptions {
  agencyId?: string;
  language?: Language;
}

/** An administrator's API session, for preparing agencies and accounts. */
export class AdminApi extends ApiSession {
  static override async signIn(baseURL: string): Promise<AdminApi> {
    const { context, csrfToken } = await ApiSession.open(baseURL, DEMO_ACCOUNTS.administrator.email);
    return new AdminApi(context, csrfToken);
  }

  createAgency(name: string, type: AgencyType = 'NGO'): Promise<AgencyDto> {
    return this.send<AgencyDto>('POST', '/api/v1/agencies', { name, type });
  }

  async findAgency(name: string): Promise<AgencyDto> {
    const page = await this.send<{ items: AgencyDto[] }>('GET', `/api/v1/agencies?q=${encodeURIComponent(name)}`);
    const found = page.items.find((a) => a.name === name);
    if (!found) throw new Error(`no agency named ${name}`);
    return found;
  }

  async findUser(email: string): Promise<UserDto> {
    const page = await this.send<{ items: UserDto[] }>('GET', `/api/v1/users?q=${encodeURIComponent(email)}`);
    const found = page.items.find((u) => u.email === email);
    if (!found) throw new Error(`no user with email ${email}`);
    return found;
  }

  createUser(input: {
    name: string;
    email: string;
    agencyId: string;
    roles: Role[];
    mfaRequired?: boolean;
    language?: Language;
  }): Promise<{ user: UserDto; passwordLink: PasswordLinkDto }> {
    return this.send('POST', '/api/v1/users', input);
  }

  /** Uses a one-time link's token to choose the password, as the link's page would. */
  async setPassword(link: PasswordLinkDto, password: string): Promise<void> {
    const token = new URL(link.url).hash.replace(/^#token=/, '');
    const response = await this.context.post('/api/v1/auth/password-reset', { data: { token, password } });
    expect(response.status(), 'password set through the one-time link').toBe(204);
  }

  /** A new active account with a password, ready to sign in; by default in the administrator's agency, in English. */
  async createAccount(
    testInfo: TestInfo,
    roles: Role[],
    options: NewAccountOptions & { mfaRequired?: boolean } = {},
  ): Promise<Credentials & { user: UserDto }> {
    const suffix = uniqueSuffix(testInfo);
    const created = await this.createUser({
      name: `E2E ${roles.join(' ')} ${suffix}`,
      email: `e2e-${suffix}@accounts.kinga.test`,
      agencyId: options.agencyId ?? (await this.agencyIdOf(DEMO_ACCOUNTS.administrator.email)),
      roles,
      mfaRequired: options.mfaRequired ?? false,
      ...(options.language ? { language: options.language } : {}),
    });
    const password = strongPassword();
    await this.setPassword(created.passwordLink, password);
    return { email: created.user.email, password, user: created.user };
  }

  async agencyIdOf(email: string): Promise<string> {
    return (await this.findUser(email)).agencyId;
  }
}

/**
 * Signs the page's browser context in through the API as a new account and, when the
 * account must have one, enrols its second factor, so a spec can start on a signed-in page.
 * Used where a spec changes the account (e.g. its language) and must not disturb demo accounts.
 */
export async function signInAsNewAccount(
  page: Page,
  adminApi: AdminApi,
  testInfo: TestInfo,
  roles: Role[],
  options: NewAccountOptions = {},
): Promise<Credentials & { user: UserDto }> {
  const account = await adminApi.createAccount(testInfo, roles, options);
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(login.status(), 'API sign-in of the new account').toBe(200);
  const session = (await login.json()) as { csrfToken: string; user: { mfaEnrolmentRequired: boolean } };
  if (session.user.mfaEnrolmentRequired) {
    const headers = { 'X-CSRF-Token': session.csrfToken };
    const setup = await page.request.post('/api/v1/profile/totp/setup', { headers });
    expect(setup.status(), 'TOTP setup').toBe(200);
    const { secret } = (await setup.json()) as { secret: string };
    const { code } = await freshTotpCode(secret);
    const confirm = await page.request.post('/api/v1/profile/totp/confirm', { headers, data: { code } });
    expect(confirm.status(), 'TOTP confirmation').toBe(200);
  }
  return account;
}

interface Fixtures {
  /** Signs the page in as one of the demo accounts. */
  signInAs: (account: DemoAccount) => Promise<void>;
  /** An administrator's API session, signed in on first use. */
  adminApi: AdminApi;
}

export const test = base.extend<Fixtures>({
  signInAs: async ({ page }, use) => {
    await use((account) => signInAsDemo(page, account));
  },
  adminApi: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error('baseURL is not configured');
    const api = await AdminApi.signIn(baseURL);
    await use(api);
    await api.dispose();
  },
});

/** Everything a page could show instead of a message: a catalogue key, an unfilled placeholder, a raw vocabulary code. */
const CATALOGUE_PREFIXES = [...new Set(Object.keys(en).map((key) => key.split('.')[0]))];
const RAW_KEY = new RegExp(`\\b(${CATALOGUE_PREFIXES.join('|')})\\.[A-Za-z_][A-Za-z_]*(\\.[A-Za-z_]+)*\\b`);
const VOCAB_CODES = [
  ...new Set(
    Object.keys(en)
      .map((key) => key.split('.').slice(1).join('.'))
      // Case-management codes (ForcedLabour) and coordination codes (on_track, committee_meeting).
      .filter((code) => /^[A-Z][a-z]+[A-Z]\w*$/.test(code) || /^[a-z]+(_[a-z]+)+$/.test(code)),
  ),
];
/** English sentences whose Swahili differs: on a Swahili page they would mean a missing translation. */
const ENGLISH_ONLY = Object.entries(en)
  .filter(([key, text]) => text !== sw[key as keyof Messages] && !text.includes('{') && text.length >= 12)
  .map(([, text]) => text);

/** Every text of the page as written: each text node (shown or not), option, placeholder and accessible label. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement?.tagName;
      if (parent !== 'SCRIPT' && parent !== 'STYLE') texts.push(node.textContent ?? '');
    }
    for (const el of Array.from(document.body.querySelectorAll('[placeholder], [aria-label], [title]'))) {
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
  });
}

/**
 * Fails when the page, once loaded, shows a catalogue key, an unfilled `{placeholder}`, a raw
 * vocabulary code or, in Swahili, an English message of the catalogue. A message is a text
 * of its own on the page, so English records (a plan's title that contains "Plan of Action")
 * do not count as untranslated messages.
 */
export async function expectNoMissingMessages(page: Page, language: Language, what: string): Promise<void> {
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
    const texts = new Set(await pageTexts(page));
    expect(
      ENGLISH_ONLY.filter((english) => texts.has(english)),
      `${what}: English on a Swahili page`,
    ).toEqual([]);
  }
}
