import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERNAMES, signIn, signOut, snapshot, signInAnyOf } from './support';

/** Each role's landing page and its Vietnamese heading. */
const WORKSPACES: Record<
  keyof typeof DEMO_USERNAMES,
  { path: string; title: string; heading?: string }
> = {
  hotline_operator: { path: '/hotline', title: 'Tổng đài: ghi nhận cuộc gọi' },
  volunteer: { path: '/community', title: 'Giới thiệu từ cộng đồng' },
  caseworker: { path: '/cases', title: 'Hồ sơ của tôi' },
  supervisor: { path: '/team', title: 'Nhóm của tôi' },
  police_liaison: { path: '/inbox', title: 'Hộp thư chuyển gửi' },
  health_liaison: { path: '/inbox', title: 'Hộp thư chuyển gửi' },
  justice_liaison: { path: '/inbox', title: 'Hộp thư chuyển gửi' },
  commune_officer: { path: '/protection', title: 'Biện pháp bảo vệ' },
  reporting_officer: { path: '/reports', title: 'Báo cáo vụ việc nghiêm trọng' },
  admin: { path: '/admin/users', title: 'Người dùng', heading: 'users-title' },
};

test.describe('every role lands on its own workspace', () => {
  for (const [role, username] of Object.entries(DEMO_USERNAMES)) {
    const workspace = WORKSPACES[role as keyof typeof DEMO_USERNAMES];

    test(`${role} signs in, sees "${workspace.title}" and signs out`, async ({ page }) => {
      await signIn(page, username, DEMO_PASSWORD);

      await expect(page).toHaveURL(new RegExp(`${workspace.path}$`));
      await expect(page.getByTestId(workspace.heading ?? 'workspace-title')).toHaveText(
        workspace.title,
      );
      await expect(page.getByTestId('app-name')).toHaveText('Cầu Nối');
      await expect(page.getByTestId('user-display-name')).not.toBeEmpty();
      // The page title is static: never a name or any other record data.
      await expect(page).toHaveTitle(`${workspace.title} · Cầu Nối`);
      await snapshot(page, `workspace-${role}`);

      await signOut(page);
      await expect(page.getByTestId('login-notice')).toHaveText('Bạn đã đăng xuất.');
    });
  }

  test('the admin side nav offers users and agencies, and no workspace', async ({ page }) => {
    await signInAnyOf(page, DEMO_USERNAMES.admin);
    await expect(page.getByTestId('nav-users')).toHaveText('Người dùng');
    await expect(page.getByTestId('nav-agencies')).toHaveText('Cơ quan');
    await expect(page.getByTestId('nav-workspace')).toHaveCount(0);
  });

  test('a caseworker cannot open the admin screens', async ({ page }) => {
    await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
    await expect(page.getByTestId('workspace-title')).toBeVisible();
    await expect(page.getByTestId('nav-users')).toHaveCount(0);
    await page.goto('/admin/users');
    await expect(page.getByTestId('workspace-title')).toHaveText('Hồ sơ của tôi');
  });
});
