import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { LOGIN_MAX_FAILURES } from './settings.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.E2E_PORT ?? 3490);
const baseURL = `http://127.0.0.1:${port}`;
// A fixed path, emptied before every start, so each run begins on a freshly seeded demo database.
const dataDir = path.join(os.tmpdir(), `kinga-e2e-${port}`);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: 'artifacts/results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { outputFolder: 'artifacts/report', open: 'never' }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, locale: 'en-GB' },
    },
    {
      name: 'phone',
      use: {
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'en-GB',
        userAgent: devices['Pixel 5'].userAgent,
      },
    },
  ],
  webServer: {
    // Always rebuild the web app (about two seconds) so a stale web/dist is never tested; then start as `npm start` does.
    command: `node -e "require('fs').rmSync(process.argv[1], { recursive: true, force: true })" "${dataDir}" && npm run build -w web && node scripts/start.mjs`,
    cwd: root,
    // A page, not /api/health: the server serves the web app only when web/dist was complete at its start.
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      KINGA_DEMO: 'on',
      KINGA_PUBLIC_URL: baseURL,
      KINGA_LOGIN_MAX_FAILURES: String(LOGIN_MAX_FAILURES),
      LOG_LEVEL: 'warn',
    },
  },
});
