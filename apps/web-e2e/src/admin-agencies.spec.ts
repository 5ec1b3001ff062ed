import { expect, test } from '@playwright/test';
import { DEMO_USERNAMES, choose, signInAnyOf, snapshot, snapshotAt } from './support';

test('admin creates an agency with services, then deactivates it', async ({ page }) => {
  const name = `Công an phường thử nghiệm ${Date.now()}`;

  await signInAnyOf(page, DEMO_USERNAMES.admin);
  await page.getByTestId('nav-agencies').click();
  await expect(page.getByTestId('agencies-title')).toHaveText('Cơ quan');

  await page.getByTestId('agencies-new').click();
  await choose(page, 'agency-form-type', 'agency-type-option-police');
  await page.getByTestId('agency-form-name').fill(name);
  await expect(page.getByTestId('agency-form-province')).toContainText('Đà Nẵng');
  // Option 0 is "no commune"; take the first real one.
  await choose(page, 'agency-form-commune', undefined, 1);
  await page.getByTestId('agency-form-phone').fill('0236 3822 113');
  await page.getByTestId('agency-form-services').click();
  await page.getByTestId('service-option-police_protection').click();
  await page.getByTestId('service-option-no_contact_order_request').click();
  await page.keyboard.press('Escape');
  // The directory entry of an agency taking referrals says when it is open (or that it is open 24/7).
  await page.getByTestId('agency-form-submit').click();
  await expect(page.getByTestId('agency-form-opening-hours-error')).toBeVisible();
  await page.getByTestId('agency-form-opening-hours').fill('Thứ 2–Thứ 6, 7:30–17:00');
  await page.getByTestId('agency-form-capacity-note').fill('Trực ban 24/24 qua số 113');
  await snapshot(page, 'admin-create-agency');
  await page.getByTestId('agency-form-submit').click();

  await expect(page).toHaveURL(/\/admin\/agencies$/);
  await page.getByTestId('agencies-search').fill(name);
  const row = page.getByTestId('agency-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Công an');
  await expect(row).toContainText('Bảo vệ của công an, Đề nghị cấm tiếp xúc');
  await expect(row.getByTestId('agency-hours')).toContainText('Thứ 2–Thứ 6, 7:30–17:00');
  await expect(row.getByTestId('agency-status')).toHaveText('Đang hoạt động');
  await snapshot(page, 'admin-agencies');
  // The filters wrap on a phone instead of running off the screen.
  await snapshotAt(page, 'admin-agencies', [360, 1366], ['agencies-filters']);

  await row.getByTestId('agency-disable').click();
  await page.getByTestId('confirm-ok').click();
  await expect(row.getByTestId('agency-status')).toHaveText('Ngừng hoạt động');
});
