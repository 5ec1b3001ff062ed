import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_SECOND_ADMIN_USERNAME,
  DEMO_USERNAMES,
  choose,
  giveTotpCode,
  signIn,
  signOut,
  snapshot,
} from './support';

const CODE = /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/;

async function openApproval(page: Page, username: string) {
  await page.goto('/approvals');
  await expect(page.getByTestId('approvals-title')).toHaveText('Phê duyệt thay đổi tài khoản');
  const item = page.getByTestId(`approval-${username}`);
  await expect(item).toBeVisible();
  return item;
}

/**
 * The two-person rule (issue 9): an admin creates a supervisor; the new account cannot sign in; the
 * same admin cannot approve it; a second admin does and receives a one-time code; the holder sets a
 * password with it, signs in and, as a supervisor, enrols an authenticator app before anything else.
 */
test('a new supervisor signs in only after a second admin approves and the code sets a password', async ({
  page,
}) => {
  // Four sign-ins and two admins: a long journey on a loaded two-core machine.
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const username = `e2e.sup.${stamp}`;
  const password = `Cau-Rong-${stamp}-song-Han`;
  let code = '';

  await test.step('admin.demo creates a supervisor of a centre: it waits for approval', async () => {
    await signIn(page, DEMO_USERNAMES.admin, DEMO_PASSWORD);
    await expect(page.getByTestId('users-title')).toBeVisible();
    await page.getByTestId('users-new').click();
    await expect(page.getByTestId('user-form-info')).toContainText('chưa có mật khẩu');
    await page.getByTestId('user-form-username').fill(username);
    await page.getByTestId('user-form-display-name').fill(`Trưởng nhóm thử nghiệm ${stamp}`);
    await choose(page, 'user-form-role', 'role-option-supervisor');
    await choose(page, 'user-form-agency');
    await page.getByTestId('user-form-submit').click();
    await expect(page).toHaveURL(/\/admin\/users$/);

    await page.getByTestId('users-search').fill(username);
    const row = page.getByTestId(`user-row-${username}`);
    await expect(row.getByTestId('user-status')).toContainText('Chờ phê duyệt tạo tài khoản');
    await expect(row.getByTestId('user-status')).toContainText('Chưa có mật khẩu');
  });

  await test.step('the same admin cannot approve their own request', async () => {
    const item = await openApproval(page, username);
    await expect(item.getByTestId('approval-approve')).toHaveCount(0);
    await expect(item.getByTestId('approval-own')).toHaveText(
      'Bạn đã gửi yêu cầu này: cần một người khác phê duyệt.',
    );
    await signOut(page);
  });

  await test.step('the new supervisor cannot sign in', async () => {
    await signIn(page, username, password);
    await expect(page.getByTestId('login-error')).toHaveText(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
  });

  await test.step('a second admin approves and is shown the one-time code once', async () => {
    await signIn(page, DEMO_SECOND_ADMIN_USERNAME, DEMO_PASSWORD);
    await expect(page.getByTestId('users-title')).toBeVisible();
    await page.getByTestId('nav-approvals').click();
    const item = await openApproval(page, username);
    await expect(item.getByTestId('approval-grant')).toContainText('Trưởng nhóm');
    await snapshot(page, 'approvals-pending');
    await item.getByTestId('approval-approve').click();
    await expect(page.getByTestId('confirm-message')).toContainText(username);
    await page.getByTestId('confirm-ok').click();

    await expect(page.getByTestId('one-time-code')).toHaveText(CODE);
    code = (await page.getByTestId('one-time-code').innerText()).trim();
    await expect(page.getByTestId('one-time-code-once')).toContainText('chỉ hiện một lần');
    await snapshot(page, 'approvals-one-time-code');
    await page.getByTestId('one-time-code-done').click();
    await expect(page.getByTestId('one-time-code')).toHaveCount(0);
    await expect(item.getByTestId('approval-decided')).toContainText('Đã phê duyệt');
    await signOut(page);
  });

  await test.step('the holder sets a password with the code, then signs in', async () => {
    await page.goto('/login');
    await page.getByTestId('login-set-password').click();
    await expect(page.getByTestId('set-password-title')).toHaveText(
      'Đặt mật khẩu bằng mã dùng một lần',
    );
    await page.getByTestId('set-password-username').fill(username);
    await page.getByTestId('set-password-code').fill(code.toLowerCase());
    await page.getByTestId('set-password-new').fill(password);
    await page.getByTestId('set-password-repeat').fill(password);
    await snapshot(page, 'set-password');
    await page.getByTestId('set-password-submit').click();
    await expect(page.getByTestId('set-password-done')).toHaveText(
      'Đã đặt mật khẩu. Hãy đăng nhập bằng mật khẩu mới.',
    );

    await page.getByTestId('set-password-to-login').click();
    await signIn(page, username, password);
  });

  await test.step('the first sign-in of a supervisor enrols an authenticator app (TOTP)', async () => {
    await expect(page).toHaveURL(/\/account\/second-factor$/);
    await expect(page.getByTestId('second-factor-title')).toHaveText('Xác thực hai lớp');
    // Nothing else opens until the code is given (the reload shows a new QR code: a new secret).
    await page.goto('/team');
    await expect(page).toHaveURL(/\/account\/second-factor$/);
    await expect(page.getByTestId('second-factor-qr')).toBeVisible();
    const secret = (await page.getByTestId('second-factor-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await snapshot(page, 'second-factor-enrol');
    await page.getByTestId('second-factor-code').fill('000000');
    await page.getByTestId('second-factor-submit').click();
    await expect(page.getByTestId('second-factor-error')).toHaveText(
      'Mã không đúng hoặc đã được sử dụng.',
    );
    await giveTotpCode(page, secret);
    await expect(page.getByTestId('second-factor-enrolled')).toHaveText('Đã bật xác thực hai lớp.');
    await expect(page.getByTestId('second-factor-recovery-codes').locator('li')).toHaveCount(10);
    await snapshot(page, 'second-factor-recovery-codes');
    await page.getByTestId('second-factor-continue').click();
    await expect(page.getByTestId('workspace-title')).toHaveText('Nhóm của tôi');
  });

  await test.step('the code works once', async () => {
    await signOut(page);
    await page.goto('/set-password');
    await page.getByTestId('set-password-username').fill(username);
    await page.getByTestId('set-password-code').fill(code);
    await page.getByTestId('set-password-new').fill(`${password}-again`);
    await page.getByTestId('set-password-repeat').fill(`${password}-again`);
    await page.getByTestId('set-password-submit').click();
    await expect(page.getByTestId('set-password-code-error')).toContainText(
      'Mã không đúng với tên đăng nhập này, đã được dùng',
    );
  });
});
