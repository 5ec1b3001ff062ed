import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  choose,
  openCaseWithConsent,
  signIn,
  signOut,
  snapshot,
  uniquePhone,
  uniqueToken,
  signInAnyOf,
} from './support';

test('a caseworker assesses a case as high risk with the instrument; the supervisor is told', async ({
  page,
}) => {
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('walk-in').click();
  const code = await openCaseWithConsent(page, {
    fullName: `Lê Thị Thử Nghiệm ${uniqueToken()}`,
    phone: uniquePhone(),
    age: '33',
  });
  await expect(page.getByTestId('case-risk')).toContainText('Chưa đánh giá');

  await page.getByTestId('case-tab-risk').click();
  await expect(page.getByTestId('risk-list')).toContainText('Chưa có đánh giá nguy cơ nào.');
  await page.getByTestId('risk-new').click();
  const form = page.getByTestId('risk-form');
  await expect(form).toContainText('Bảng đánh giá nguy cơ (người trưởng thành)');

  // Saving with questions unanswered is stopped on the questions themselves.
  await page.getByTestId('risk-save').click();
  await expect(form.getByText('Hãy trả lời câu này').first()).toBeVisible();

  // Every yes/no question "no"; the one scale question below.
  const yesNo = form.locator(
    '[data-testid^="risk-item-"]:not([data-testid="risk-item-frequency"])',
  );
  const count = await yesNo.count();
  for (let i = 0; i < count; i++) {
    await yesNo.nth(i).getByText('Không', { exact: true }).click();
  }
  await choose(page, 'risk-scale-frequency', undefined, 2);
  await expect(page.getByTestId('risk-preview')).toContainText('Điểm: 2/');
  await expect(page.getByTestId('risk-preview')).toContainText('Thấp');

  // One danger question answered "yes" is high risk whatever the score.
  await page.getByTestId('risk-item-strangulation').getByText('Có', { exact: true }).click();
  await expect(page.getByTestId('risk-preview')).toContainText('Cao');
  await snapshot(page, 'risk-assessment-form');
  await page.getByTestId('risk-save').click();

  await expect(page.getByTestId('risk-row')).toHaveCount(1);
  await expect(page.getByTestId('risk-level')).toHaveText('Cao');
  await expect(page.getByTestId('risk-row')).toContainText('Điểm 5/');
  await page.setViewportSize({ width: 1366, height: 900 });
  await snapshot(page, 'risk-assessment-1366');
  // A phone loads the page at its own width (the navigation starts closed).
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await page.getByTestId('case-tab-risk').click();
  await expect(page.getByTestId('risk-row')).toHaveCount(1);
  await snapshot(page, 'risk-assessment-360');
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('case-tab-overview').click();
  await expect(page.getByTestId('case-risk')).toContainText('Cao');

  // The frequency was noted wrong: the saved assessment is corrected with a reason, not redone.
  await page.getByTestId('case-tab-risk').click();
  const row = page.getByTestId('risk-row');
  await row.getByTestId('risk-correct').click();
  await expect(page.getByTestId('risk-correct-hint')).toContainText('bộ công cụ của lần đó');
  await choose(page, 'risk-scale-frequency', undefined, 1);
  await expect(page.getByTestId('risk-preview')).toContainText('Điểm: 4/');
  await page.getByTestId('risk-save').click();
  await expect(page.getByTestId('risk-form')).toContainText('Lý do sửa là bắt buộc.');
  await page.getByTestId('risk-correct-reason').fill('Chị nói chỉ xảy ra một lần');
  await page.getByTestId('risk-save').click();
  await expect(page.getByTestId('risk-form')).toHaveCount(0);
  await expect(page.getByText('Đã lưu bản sửa; bản trước được giữ trong lịch sử.')).toBeVisible();
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Điểm 4/');
  await row.getByTestId('correction-history-toggle').click();
  const entry = row.getByTestId('correction-entry');
  await expect(entry).toContainText('Chị nói chỉ xảy ra một lần');
  await expect(entry.getByTestId('correction-previous')).toContainText('Vài lần');
  await snapshot(page, 'risk-correction-history-1366');
  await page.setViewportSize({ width: 360, height: 800 });
  await entry.scrollIntoViewIfNeeded();
  await snapshot(page, 'risk-correction-history-360');
  await page.setViewportSize({ width: 1366, height: 900 });

  await signOut(page);
  await signInAnyOf(page, DEMO_USERNAMES.supervisor);
  await page.getByTestId('notifications-bell').click();
  await expect(
    page
      .getByTestId('notification-item')
      .filter({ hasText: `Hồ sơ ${code} vừa được đánh giá nguy cơ cao.` }),
  ).toHaveCount(1);
});
