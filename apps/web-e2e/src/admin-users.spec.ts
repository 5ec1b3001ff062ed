import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { DEMO_USERNAMES, choose, signIn, signOut, snapshot, signInAnyOf } from './support';

/** The demo social-work centre, where supervisor.demo works (the seed's fixed id). */
const DEMO_CENTRE_ID = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001';

async function findUser(page: Page, username: string) {
  await page.goto('/admin/users');
  await page.getByTestId('users-search').fill(username);
  const row = page.getByTestId(`user-row-${username}`);
  await expect(row).toBeVisible();
  // The search answers after a pause and the table is drawn again: act once only this row is left.
  await expect(page.locator('[data-testid^="user-row-"]')).toHaveCount(1);
  return row;
}

/** Approves the request for `username` on the approvals screen; returns the one-time code, if any. */
async function approve(page: Page, username: string): Promise<string> {
  await page.goto('/approvals');
  const item = page.getByTestId(`approval-${username}`);
  await item.getByTestId('approval-approve').click();
  await page.getByTestId('confirm-ok').click();
  // The dialog shows the code once the approval has answered.
  await expect(page.getByTestId('one-time-code')).toHaveText(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  const code = (await page.getByTestId('one-time-code').innerText()).trim();
  await page.getByTestId('one-time-code-done').click();
  return code;
}

async function setPassword(page: Page, username: string, code: string, password: string) {
  await page.goto('/set-password');
  await page.getByTestId('set-password-username').fill(username);
  await page.getByTestId('set-password-code').fill(code);
  await page.getByTestId('set-password-new').fill(password);
  await page.getByTestId('set-password-repeat').fill(password);
  await page.getByTestId('set-password-submit').click();
  await expect(page.getByTestId('set-password-done')).toBeVisible();
}

test('admin creates a caseworker whom the centre’s supervisor approves; a reset needs approval too; then the admin disables them', async ({
  page,
}) => {
  // Eight sign-ins across three people: a long journey on a loaded two-core machine.
  test.setTimeout(240_000);
  const stamp = Date.now();
  const username = `e2e.cw.${stamp}`;
  const ownPassword = `Song-Han-${stamp}-xanh`;
  const nextPassword = `Ngu-Hanh-${stamp}-son`;

  await test.step('admin creates a caseworker in the demo centre, without a password', async () => {
    await signInAnyOf(page, DEMO_USERNAMES.admin);
    await expect(page.getByTestId('users-title')).toBeVisible();
    await page.getByTestId('users-new').click();
    await page.getByTestId('user-form-username').fill(username);
    await page.getByTestId('user-form-display-name').fill(`Cán bộ thử nghiệm ${stamp}`);
    await choose(page, 'user-form-role', 'role-option-caseworker');
    await choose(page, 'user-form-agency', `agency-option-${DEMO_CENTRE_ID}`);
    await snapshot(page, 'admin-create-user');
    await page.getByTestId('user-form-submit').click();

    await expect(page).toHaveURL(/\/admin\/users$/);
    const row = await findUser(page, username);
    await expect(row.getByTestId('user-status')).toContainText('Chờ phê duyệt tạo tài khoản');
    await expect(row).toContainText('Cán bộ quản lý ca');
    await snapshot(page, 'admin-users');
    await signOut(page);
  });

  await test.step('the centre’s supervisor approves; the caseworker sets a password and works', async () => {
    await signInAnyOf(page, DEMO_USERNAMES.supervisor);
    await expect(page.getByTestId('workspace-title')).toBeVisible();
    await expect(page.getByTestId('nav-approvals')).toBeVisible();
    const code = await approve(page, username);
    await signOut(page);

    await setPassword(page, username, code, ownPassword);
    await signIn(page, username, ownPassword);
    await expect(page.getByTestId('workspace-title')).toHaveText('Hồ sơ của tôi');
    await signOut(page);
  });

  await test.step('a password reset waits for approval and gives the admin nothing to sign in with', async () => {
    await signInAnyOf(page, DEMO_USERNAMES.admin);
    await expect(page.getByTestId('users-title')).toBeVisible();
    let row = await findUser(page, username);
    // A click while the table is drawn again can miss: click again until the dialog is open.
    const confirmMessage = page.getByTestId('confirm-message');
    await expect(async () => {
      if (!(await confirmMessage.isVisible())) {
        await row.getByTestId('user-reset').click({ timeout: 2_000 });
      }
      await expect(confirmMessage).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId('confirm-message')).toContainText('không ai nhận được mật khẩu');
    await page.getByTestId('confirm-ok').click();
    row = page.getByTestId(`user-row-${username}`);
    await expect(row.getByTestId('user-status')).toContainText('Chờ phê duyệt đặt lại mật khẩu');
    await signOut(page);

    // Until approved, the caseworker's own password still works.
    await signIn(page, username, ownPassword);
    await expect(page.getByTestId('workspace-title')).toHaveText('Hồ sơ của tôi');
    await signOut(page);

    await signInAnyOf(page, DEMO_USERNAMES.supervisor);
    await expect(page.getByTestId('workspace-title')).toBeVisible();
    const code = await approve(page, username);
    await signOut(page);

    await signIn(page, username, ownPassword);
    await expect(page.getByTestId('login-error')).toBeVisible();
    await setPassword(page, username, code, nextPassword);
  });

  await test.step('admin disables the user at once; they can no longer sign in', async () => {
    await signInAnyOf(page, DEMO_USERNAMES.admin);
    await expect(page.getByTestId('users-title')).toBeVisible();
    const row = await findUser(page, username);
    await row.getByTestId('user-disable').click();
    await expect(page.getByTestId('confirm-message')).toContainText(username);
    await page.getByTestId('confirm-ok').click();
    await expect(row.getByTestId('user-status')).toContainText('Đã vô hiệu hóa');
    await expect(row.getByTestId('user-enable')).toBeVisible();
    await signOut(page);

    await signIn(page, username, nextPassword);
    await expect(page.getByTestId('login-error')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
});
