import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERNAMES, expectAccessible, signIn } from './support';

test('switching VI → EN changes the login page and the shell, and survives a reload', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByTestId('login-title')).toHaveText('Đăng nhập');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');

  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('login-title')).toHaveText('Sign in');
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByTestId('login-title')).toHaveText('Sign in');

  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await expect(page.getByTestId('workspace-title')).toHaveText('My cases');
  await expect(page.getByTestId('user-role')).toHaveText('Caseworker');
  await expectAccessible(page);
  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('menu-sign-out')).toHaveText('Sign out');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByTestId('workspace-title')).toHaveText('My cases');

  await page.getByTestId('lang-vi').click();
  await expect(page.getByTestId('workspace-title')).toHaveText('Hồ sơ của tôi');
  await expect(page.getByTestId('user-role')).toHaveText('Cán bộ quản lý ca');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});
