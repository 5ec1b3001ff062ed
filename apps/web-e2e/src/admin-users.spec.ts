import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERNAMES, choose, signIn, signOut, snapshot } from './support';

async function findUser(page: Page, username: string) {
  await page.goto('/admin/users');
  await page.getByTestId('users-search').fill(username);
  const row = page.getByTestId(`user-row-${username}`);
  await expect(row).toBeVisible();
  return row;
}

test('admin creates a user who must change the password, then disables them', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const username = `e2e.cw.${stamp}`;
  const initialPassword = `Khoi-tao-${stamp}-bien`;
  const ownPassword = `Song-Han-${stamp}-xanh`;

  await test.step('admin creates a caseworker in a social-work centre', async () => {
    await signIn(page, DEMO_USERNAMES.admin, DEMO_PASSWORD);
    await expect(page.getByTestId('users-title')).toBeVisible();
    await page.getByTestId('users-new').click();
    await page.getByTestId('user-form-username').fill(username);
    await page.getByTestId('user-form-display-name').fill(`Cán bộ thử nghiệm ${stamp}`);
    await choose(page, 'user-form-role', 'role-option-caseworker');
    await choose(page, 'user-form-agency');
    await page.getByTestId('user-form-password').fill(initialPassword);
    await snapshot(page, 'admin-create-user');
    await page.getByTestId('user-form-submit').click();

    await expect(page).toHaveURL(/\/admin\/users$/);
    const row = await findUser(page, username);
    await expect(row.getByTestId('user-status')).toContainText('Phải đổi mật khẩu');
    await expect(row).toContainText('Cán bộ quản lý ca');
    await snapshot(page, 'admin-users');
    await signOut(page);
  });

  await test.step('the new user must change the password before working', async () => {
    await signIn(page, username, 'not-the-right-password');
    await expect(page.getByTestId('login-error')).toHaveText(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );

    await signIn(page, username, initialPassword);
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByTestId('password-must-change')).toBeVisible();
    // Other pages wait until the password is changed.
    await page.goto('/cases');
    await expect(page).toHaveURL(/\/account\/password$/);

    await page.getByTestId('password-current').fill(initialPassword);
    await page.getByTestId('password-new').fill('short');
    await page.getByTestId('password-repeat').fill('short');
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-new-error')).toContainText('ít nhất 12 ký tự');

    await page.getByTestId('password-new').fill(ownPassword);
    await page.getByTestId('password-repeat').fill(ownPassword);
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('workspace-title')).toHaveText('Hồ sơ của tôi');
    await signOut(page);
  });

  await test.step('admin disables the user', async () => {
    await signIn(page, DEMO_USERNAMES.admin, DEMO_PASSWORD);
    await expect(page.getByTestId('users-title')).toBeVisible();
    const row = await findUser(page, username);
    await row.getByTestId('user-disable').click();
    await expect(page.getByTestId('confirm-message')).toContainText(username);
    await page.getByTestId('confirm-ok').click();
    await expect(row.getByTestId('user-status')).toContainText('Đã vô hiệu hóa');
    await expect(row.getByTestId('user-enable')).toBeVisible();
    await signOut(page);
  });

  await test.step('the disabled user can no longer sign in', async () => {
    await signIn(page, username, ownPassword);
    await expect(page.getByTestId('login-error')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
});
