import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_SECOND_ADMIN_USERNAME,
  DEMO_TOTP_SECRET,
  DEMO_USERNAMES,
} from '@caunoi/shared/contracts';
import { secondFactorTwins, twinsCreated } from './second-factor-twins';

export { DEMO_PASSWORD, DEMO_SECOND_ADMIN_USERNAME, DEMO_TOTP_SECRET, DEMO_USERNAMES };

/** Demo accounts whose role signs in with a second factor (the published demo secret). */
const DEMO_SECOND_FACTOR_USERS: readonly string[] = [
  DEMO_USERNAMES.admin,
  DEMO_SECOND_ADMIN_USERNAME,
  DEMO_USERNAMES.supervisor,
  DEMO_USERNAMES.reporting_officer,
  ...Object.values(secondFactorTwins()).flat(),
];

/**
 * Signs in through the login page; the caller asserts where the user lands. A demo account whose
 * role needs a second factor also gives its code, as its user would from the app.
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  if (password === DEMO_PASSWORD && DEMO_SECOND_FACTOR_USERS.includes(username)) {
    await giveTotpCode(page, DEMO_TOTP_SECRET, username);
  }
}

/**
 * Signs in as this demo account or one of its synthetic twins (same role, agency and password; see
 * global-setup.ts), whichever can give a second-factor code soonest: for journeys that need "a
 * supervisor of the demo centre" rather than that very person. Without twins, the account itself.
 */
export async function signInAnyOf(page: Page, username: string): Promise<string> {
  const pool = [username, ...(twinsCreated() ? (secondFactorTwins()[username] ?? []) : [])];
  const now = Math.floor(Date.now() / STEP_MS);
  const soonest = (account: string) =>
    Math.max(now, ...usedSteps(stepsDir(account)).map((u) => u + 1));
  const chosen = pool.reduce((best, account) =>
    soonest(account) < soonest(best) ? account : best,
  );
  await signIn(page, chosen, DEMO_PASSWORD);
  return chosen;
}

/** `signInAnyOf`, then waits until the signed-in frame (its bell) is there. */
export async function signInAs(page: Page, username: string): Promise<void> {
  await signInAnyOf(page, username);
  await expect(page.getByTestId('notifications-bell')).toBeVisible();
}

const STEP_MS = 30_000;

/** Where this run records the steps an account's codes used (shared by the run's workers). */
function stepsDir(account: string): string {
  return join(tmpdir(), `caunoi-e2e-totp-${process.ppid}`, account);
}

function usedSteps(dir: string): number[] {
  try {
    return readdirSync(dir).map(Number).filter(Number.isFinite);
  } catch {
    return [];
  }
}

/**
 * The server takes each 30-second step of an account's codes once, never one at or below a step
 * already used, and at most one step ahead. The two workers of a run sign the same demo accounts in,
 * so each account's codes are given one at a time under a lock file in a folder of this run, and the
 * steps used are recorded there: the next code is the next unused step, in the order they are sent.
 */
async function withAccountLock<T>(account: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = stepsDir(account);
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'lock');
  for (;;) {
    try {
      writeFileSync(lock, String(Date.now()), { flag: 'wx' });
      break;
    } catch {
      // Held by the other worker; a lock older than a minute is left from a crashed one.
      const since = Number(readFileSync(lock, 'utf8')) || 0;
      if (Date.now() - since > 60_000) rmSync(lock, { force: true });
      await delay(200);
    }
  }
  try {
    return await work(dir);
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Gives one code for `step` and says whether the server took it. */
async function submitCode(page: Page, secret: string, step: number): Promise<boolean> {
  await page.getByTestId('second-factor-code').fill(totp(secret, step * STEP_MS));
  const [answer] = await Promise.all([
    page.waitForResponse((r) =>
      /\/api\/auth\/second-factor\/(verify|enrolment\/confirm)$/.test(new URL(r.url()).pathname),
    ),
    page.getByTestId('second-factor-submit').click(),
  ]);
  return answer.status() === 200;
}

/**
 * Types a code on the second-factor page, as the holder would from the app. For a named account the
 * step is the next one nobody in this run used (waiting for it when it is more than one ahead);
 * otherwise the current step, then the next.
 */
export async function giveTotpCode(page: Page, secret: string, account?: string): Promise<void> {
  // Up to eight steps (four minutes): the other worker may be signing the same account in again and again.
  for (let attempt = 0; attempt < 8; attempt++) {
    const now = Math.floor(Date.now() / STEP_MS);
    const taken = account
      ? await withAccountLock(account, async (dir) => {
          const used = usedSteps(dir);
          const step = Math.max(now, ...used.map((u) => u + 1));
          if (step > now + 1) return null;
          writeFileSync(join(dir, String(step)), '');
          return submitCode(page, secret, step);
        })
      : await submitCode(page, secret, now + Math.min(attempt, 1));
    if (taken) {
      // A signing-in demo account lands where the app sends it before the test clicks anything
      // (an enrolling holder stays on the page to read the recovery codes).
      if (account) await page.waitForURL((url) => !url.pathname.endsWith('/second-factor'));
      return;
    }
    // Not waiting for the page: for the clock, until the next 30-second step begins.
    if (taken === null || attempt >= 1) await delay(STEP_MS - (Date.now() % STEP_MS) + 500);
  }
  throw new Error('the second factor was refused eight times');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) from a base32 secret, as authenticator apps compute it. */
export function totp(secretBase32: string, at: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secretBase32.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-sign-out').click();
  await expect(page.getByTestId('login-title')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Opens a mat-select from the keyboard (on a narrow screen its label covers the click point) and
 * picks the option with the given test id, or the one at `index`.
 */
export async function choose(
  page: Page,
  selectTestId: string,
  optionTestId?: string,
  index = 0,
): Promise<void> {
  await openSelect(page, selectTestId);
  const option = optionTestId
    ? page.getByTestId(optionTestId)
    : page.locator('mat-option:not(.mat-mdc-option-disabled)').nth(index);
  await option.click();
  await expect(page.locator('.cdk-overlay-pane mat-option')).toHaveCount(0);
}

/**
 * Opens a select as a keyboard user would. A Material select whose options are still loading does not
 * open at all (it has nothing to show), so the user tries again once they are there: so does this.
 */
async function openSelect(page: Page, selectTestId: string): Promise<void> {
  const select = page.getByTestId(selectTestId);
  const firstOption = page.locator('.cdk-overlay-pane mat-option').first();
  await expect(async () => {
    if (!(await firstOption.isVisible())) {
      await select.focus();
      await select.press('Enter');
    }
    await expect(firstOption).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** A multi-select stays open after a pick: choose the options, then close it with Escape. */
export async function chooseMany(
  page: Page,
  selectTestId: string,
  optionTestIds: string[],
): Promise<void> {
  await openSelect(page, selectTestId);
  for (const id of optionTestIds) await page.getByTestId(id).click();
  await page.keyboard.press('Escape');
  await expect(page.locator('.cdk-overlay-pane mat-option')).toHaveCount(0);
}

/**
 * A screenshot of a key screen, kept with the run's results (gitignored). The journeys take one
 * where they land on each screen, so the accessibility check runs there too.
 */
export async function snapshot(page: Page, name: string): Promise<void> {
  await animationsDone(page);
  await page.screenshot({
    path: resolve(__dirname, '../test-results/screenshots', `${name}.png`),
    fullPage: true,
  });
  await expectAccessible(page);
}

/**
 * The screen as it is at each width (screenshots `<name>-<width>`, each checked by axe), and
 * whether anything in `within` runs wider than its box there (a clipped value, a table wider than
 * a phone). The viewport is put back afterwards.
 */
export async function snapshotAt(
  page: Page,
  name: string,
  widths: readonly number[],
  within: readonly string[] = [],
): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of widths) {
    await page.setViewportSize({ width, height: before.height });
    // Two frames: the layout's breakpoints answer the resize, and its transitions start.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    for (const testId of within) {
      const box = page.getByTestId(testId).filter({ visible: true }).first();
      await expect(box).toBeVisible();
      await expect
        .poll(() => box.evaluate((e) => e.scrollWidth - e.clientWidth), {
          message: `${testId} runs wider than its box at ${width} px`,
        })
        .toBeLessThanOrEqual(0);
    }
    await snapshot(page, `${name}-${width}`);
  }
  await page.setViewportSize(before);
}

/**
 * Waits (up to 3 s) for the finite animations under way to end: a side nav closing after a resize,
 * a snack bar or a dialog fading in. Endless ones (a spinner) are not waited for.
 */
async function animationsDone(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
}

/** The impacts that fail a screen; axe's "minor" ones are advice. */
const FAILING_IMPACTS = new Set(['critical', 'serious', 'moderate']);
/** Screens already checked by this worker: a route (ids left out) at a width, with its open dialog. */
const checkedScreens = new Set<string>();

/**
 * axe-core on the screen as it is now (WCAG 2.1 A/AA and axe's best practices): no critical, serious
 * or moderate violation. The same screen (route pattern, viewport width, language, open dialog's
 * title) is checked once per worker, to keep the suite's time.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const path = new URL(page.url()).pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:n');
  const dialog = page.locator('mat-dialog-container h2').first();
  const dialogTitle = (await dialog.count()) ? await dialog.innerText() : '';
  const language = await page.evaluate(() => document.documentElement.lang);
  // Once per screen, language and dialog: the widths of one screen share their markup (landmarks,
  // names, labels); each width is still photographed and checked for overflow by snapshotAt.
  const screen = `${path} ${language} ${dialogTitle}`;
  // A printout (print media emulated) is paper, not a screen anyone works in.
  if (checkedScreens.has(screen) || (await page.evaluate(() => matchMedia('print').matches))) {
    return;
  }
  checkedScreens.add(screen);
  // Colours are read once a snack bar or a dialog has finished fading in.
  await animationsDone(page);
  // Only the violations are read: axe skips collecting the nodes of every rule that passed.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const violations = results.violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  expect.soft(violations, `axe on ${screen}`).toEqual([]);
}

/** Opens a mat-select and picks the option whose text is `name`. */
export async function chooseByText(page: Page, selectTestId: string, name: string): Promise<void> {
  await openSelect(page, selectTestId);
  await page.getByRole('option', { name, exact: true }).click();
  await expect(page.locator('.cdk-overlay-pane mat-option')).toHaveCount(0);
}

/** Unique per test and run, so parallel tests and earlier runs never collide. */
export function uniqueToken(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

/** A synthetic Vietnamese mobile number, different on every call. */
export function uniquePhone(): string {
  return `09${String(Math.floor(Math.random() * 100_000_000)).padStart(8, '0')}`;
}

/** A datetime-local value in Vietnam time, `hoursAgo` hours before now. */
export function vietnamLocal(hoursAgo: number): string {
  const ms = Date.now() - hoursAgo * 3_600_000 + 7 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 16);
}

export interface SurvivorData {
  fullName: string;
  phone: string;
  age: string;
  /** The name the volunteer wrote, expected in the form before `fullName` replaces it. */
  volunteerName?: string;
}

/**
 * The open-case page from step 1: the adult survivor consents for herself, identity, then no
 * first incident. Lands on the case file and returns its survivor code.
 */
export async function openCaseWithConsent(page: Page, survivor: SurvivorData): Promise<string> {
  await page.getByTestId('consent-age').fill(survivor.age);
  await page.getByTestId('consent-given-yes').click();
  await page.getByTestId('consent-by-survivor').click();
  await expect(page.getByTestId('consent-problem')).toHaveCount(0);
  await page.getByTestId('open-case-next').click();

  await choose(page, 'identity-sex', 'sex-option-female');
  if (survivor.volunteerName) {
    await expect(page.getByTestId('identity-full-name')).toHaveValue(survivor.volunteerName);
  }
  await page.getByTestId('identity-full-name').fill(survivor.fullName);
  await page.getByTestId('identity-phone').fill(survivor.phone);
  await page.getByTestId('open-case-next').click();
  await page.getByTestId('open-case-submit').click();

  await expect(page).toHaveURL(/\/(cases|team)\/[0-9a-f-]{36}$/);
  const code = page.getByTestId('case-code');
  await expect(code).toHaveText(/^[A-Z0-9]+-\d{4}-\d{6,}$/);
  return (await code.textContent())?.trim() ?? '';
}

/**
 * Fills the open risk form of the adult instrument: every yes/no question "no", the scale question at
 * its third step, then "yes" to the items named (a danger item such as `strangulation` makes it high).
 */
export async function answerRiskForm(page: Page, yesItems: string[]): Promise<void> {
  const form = page.getByTestId('risk-form');
  const yesNo = form.locator(
    '[data-testid^="risk-item-"]:not([data-testid="risk-item-frequency"])',
  );
  // The items come with the instrument: count them once the last one is there (a count taken earlier
  // under load was 0, and the form was sent with one answer).
  await expect(form.getByTestId('risk-item-frequency')).toBeVisible();
  const count = await yesNo.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    await yesNo.nth(i).getByText('Không', { exact: true }).click();
  }
  await choose(page, 'risk-scale-frequency', undefined, 2);
  for (const item of yesItems) {
    await page.getByTestId(`risk-item-${item}`).getByText('Có', { exact: true }).click();
  }
}

/** A Vietnam calendar day `days` from today, as a person types it into a date field: dd/MM/yyyy. */
export function typedVietnamDay(days: number): string {
  const iso = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return iso.split('-').reverse().join('/');
}

/** Hải Châu, Đà Nẵng: the commune of the demo centre's cases. */
export const HAI_CHAU = '20242';

/** Opens walk-in cases in Hải Châu through the API as the demo caseworker (no second factor). */
export async function openCases(
  request: APIRequestContext,
  n: number,
  survivor: Record<string, unknown>,
): Promise<void> {
  const login = await request.post('/api/auth/login', {
    data: { username: DEMO_USERNAMES.caseworker, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  for (let i = 0; i < n; i += 1) {
    const res = await request.post('/api/cases', {
      headers: { Authorization: `Bearer ${accessToken}` },
      data: {
        consent: { given: true, givenBy: 'survivor', method: 'verbal' },
        survivor: { age: 30, ...survivor },
        incident: null,
        communeCode: HAI_CHAU,
      },
    });
    expect(res.status()).toBe(201);
  }
}
