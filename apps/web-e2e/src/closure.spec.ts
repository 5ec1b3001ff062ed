import { expect, test } from '@playwright/test';
import {
  DEMO_USERNAMES,
  choose,
  openCaseWithConsent,
  signOut,
  snapshot,
  uniquePhone,
  uniqueToken,
  signInAs,
} from './support';

test('closure: requested, returned with a comment, fixed and requested again, approved after a summary, reopened', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAs(page, DEMO_USERNAMES.caseworker);
  await page.getByTestId('walk-in').click();
  const code = await openCaseWithConsent(page, {
    fullName: `Đỗ Thị Thử Nghiệm ${uniqueToken()}`,
    phone: uniquePhone(),
    age: '41',
  });
  const caseUrl = page.url();
  const stage = page.getByTestId('case-stage');
  const openStage = (await stage.innerText()).trim();

  // The caseworker asks: reason from the list, the goal status, a summary.
  await page.getByTestId('closure-request').click();
  const dialog = page.getByTestId('closure-dialog');
  await dialog.getByTestId('closure-submit').click();
  await expect(dialog.getByTestId('closure-summary-input')).toBeVisible();
  await choose(page, 'closure-reason', 'closure-reason-needs_met');
  await choose(page, 'closure-goal-status', 'closure-goal-partly_achieved');
  await dialog.getByTestId('closure-summary-input').fill('Đã tư vấn tâm lý ba buổi.');
  await snapshot(page, 'closure-request-dialog');
  await dialog.getByTestId('closure-submit').click();
  await expect(stage).toHaveText('Chờ duyệt đóng');
  await expect(page.getByTestId('closure-waiting')).toBeVisible();
  // A caseworker does not decide.
  await expect(page.getByTestId('closure-approve')).toHaveCount(0);

  // The supervisor returns it with a comment.
  await signOut(page);
  await signInAs(page, DEMO_USERNAMES.supervisor);
  await page.goto(caseUrl.replace('/cases/', '/team/'));
  await expect(page.getByTestId('closure-waiting')).toBeVisible();
  await page.getByTestId('closure-return').click();
  await expect(dialog.getByTestId('closure-summary')).toContainText('Đã tư vấn tâm lý ba buổi.');
  await dialog.getByTestId('closure-text').fill('Hãy ghi rõ kết quả hỗ trợ pháp lý.');
  await dialog.getByTestId('closure-submit').click();
  await expect(stage).toHaveText(openStage);
  await expect(page.getByTestId('closure-row')).toHaveCount(1);
  await expect(page.getByTestId('closure-row')).toContainText('Đã trả lại');

  // The caseworker sees the comment, fixes the summary (the dialog starts from what was sent).
  await signOut(page);
  await signInAs(page, DEMO_USERNAMES.caseworker);
  await page.getByTestId('notifications-bell').click();
  await expect(
    page.getByTestId('notification-item').filter({ hasText: code }).first(),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto(caseUrl);
  await expect(page.getByTestId('closure-returned')).toContainText(
    'Hãy ghi rõ kết quả hỗ trợ pháp lý.',
  );
  await page.getByTestId('closure-request').click();
  await expect(dialog.getByTestId('closure-returned-comment')).toBeVisible();
  await expect(dialog.getByTestId('closure-summary-input')).toHaveValue(
    'Đã tư vấn tâm lý ba buổi.',
  );
  await dialog
    .getByTestId('closure-summary-input')
    .fill('Đã tư vấn tâm lý ba buổi. Trợ giúp pháp lý: đã có quyết định ly hôn.');
  await dialog.getByTestId('closure-submit').click();
  await expect(stage).toHaveText('Chờ duyệt đóng');

  // The supervisor approves after a confirmation that shows the request.
  await signOut(page);
  await signInAs(page, DEMO_USERNAMES.supervisor);
  await page.goto(caseUrl.replace('/cases/', '/team/'));
  await page.getByTestId('closure-approve').click();
  await expect(dialog.getByTestId('closure-summary')).toContainText('đã có quyết định ly hôn');
  await expect(dialog.getByTestId('closure-summary')).toContainText('Nhu cầu đã được đáp ứng');
  await expect(dialog.getByTestId('closure-approve-warning')).toBeVisible();
  await snapshot(page, 'closure-approve-confirm-1366');
  await dialog.getByTestId('closure-submit').click();
  await expect(stage).toHaveText('Đã đóng');
  await expect(page.getByTestId('closure-closed')).toBeVisible();
  await expect(page.getByTestId('closure-row')).toHaveCount(2);
  // Read-only: no refer, assign, or stage buttons.
  await expect(page.getByTestId('case-refer')).toHaveCount(0);
  await expect(page.getByTestId('case-assign')).toHaveCount(0);
  await expect(page.getByTestId('case-transitions')).toHaveCount(0);
  await snapshot(page, 'closure-closed-1366');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.getByTestId('closure-closed')).toBeVisible();
  await snapshot(page, 'closure-closed-360');
  await page.getByTestId('closure-reopen').click();
  await snapshot(page, 'closure-reopen-dialog-360');
  await dialog.getByTestId('closure-text').fill('Chị ấy quay lại xin hỗ trợ.');
  await dialog.getByTestId('closure-submit').click();
  await expect(stage).toHaveText('Mở lại');
  await expect(page.getByTestId('closure-reopened')).toContainText('Chị ấy quay lại xin hỗ trợ.');
});
