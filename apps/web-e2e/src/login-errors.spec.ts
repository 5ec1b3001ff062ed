import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('a wrong username or password gets one generic message', async ({ page }) => {
  // An unknown account: demo accounts must not collect failures that would lock them.
  await signIn(page, `nobody.${Date.now()}`, 'Wrong-password-123');

  await expect(page.getByTestId('login-error')).toHaveText(
    'Tên đăng nhập hoặc mật khẩu không đúng.',
  );
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId('login-password')).toHaveValue('');
});

test('empty fields are flagged in Vietnamese before anything is sent', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-submit').click();
  await expect(page.getByText('Tên đăng nhập là bắt buộc.')).toBeVisible();
  await expect(page.getByText('Mật khẩu là bắt buộc.')).toBeVisible();
  // The focus goes to the first field in error, and the page with its errors passes axe.
  await expect(page.getByTestId('login-username')).toBeFocused();
  await expectAccessible(page);
});
