import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

/**
 * End-to-end tests run by `npm test` (tools/test.mjs), which builds the app, starts the API and the worker
 * against a throwaway database and passes E2E_BASE_URL. No webServer here: the stack is started by test.mjs.
 * The browser is Debian's Chromium; Playwright's own browsers are never downloaded.
 *
 * To run against a stack you started yourself (npm start serves http://localhost:3000):
 *   E2E_BASE_URL=http://localhost:3000 npx playwright test -c apps/web-e2e/playwright.config.mts
 */
const baseURL = process.env['E2E_BASE_URL'] ?? 'http://localhost:3100';
const workspaceRoot = join(import.meta.dirname, '..', '..');
const jsonReport =
  process.env['E2E_JSON_REPORT'] ?? join(workspaceRoot, 'tmp', 'test-results', 'e2e.json');

export default defineConfig({
  testDir: './src',
  // Synthetic twins of the demo accounts that give a second factor (see src/global-setup.ts).
  globalSetup: './src/global-setup.ts',
  outputDir: join(workspaceRoot, 'apps', 'web-e2e', 'test-results'),
  // A test is a whole journey across several sign-ins; on a loaded 2-core CI machine 30 s (the default) is
  // not enough for the longer ones. The demo supervisor and admins also give a TOTP code, and the
  // server takes two codes per account per 30-second step: a journey that signs them in again waits
  // for the next step when the other worker used them. Assertions still wait only `expect`'s own
  // timeout per step.
  timeout: 180_000,
  // A screen's first appearance can take longer than Playwright's 5 s on the loaded CI box (a lazy
  // chunk such as the charts', a password hash at sign-in, the phone's encrypted draft read back).
  expect: { timeout: 15_000 },
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: jsonReport }]],
  use: {
    baseURL,
    headless: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    // Tracing records every step of every test to keep only the failures': on two cores it cost a
    // third of the run. A failure keeps its screenshot and the list reporter's call log.
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            // No SwiftShader: software compositing alone is cheaper, and the charts are SVG.
            '--disable-software-rasterizer',
            '--disable-gpu-compositing',
            '--disable-background-networking',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
});
