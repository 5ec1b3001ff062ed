import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '@caunoi/shared/contracts';

export { DEMO_PASSWORD, DEMO_USERNAMES };

/** Signs in through the login page; the caller asserts where the user lands. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-sign-out').click();
  await expect(page.getByTestId('login-title')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
}

/** Opens a mat-select and picks the option with the given test id, or the one at `index`. */
export async function choose(
  page: Page,
  selectTestId: string,
  optionTestId?: string,
  index = 0,
): Promise<void> {
  await page.getByTestId(selectTestId).click();
  const option = optionTestId
    ? page.getByTestId(optionTestId)
    : page.locator('mat-option:not(.mat-mdc-option-disabled)').nth(index);
  await option.click();
  await expect(page.locator('.cdk-overlay-pane mat-option')).toHaveCount(0);
}

/** A screenshot of a key screen, kept with the run's results (gitignored). */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: resolve(__dirname, '../test-results/screens', `${name}.png`),
    fullPage: true,
  });
}
