import { expect, test } from '@playwright/test';
import {
  DEMO_USERNAMES,
  choose,
  openCaseWithConsent,
  signOut,
  snapshot,
  uniquePhone,
  uniqueToken,
  typedVietnamDay,
  signInAs,
} from './support';

test('an action plan is submitted, returned with a comment, fixed and approved; overdue actions show', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAs(page, DEMO_USERNAMES.caseworker);
  await page.getByTestId('walk-in').click();
  const code = await openCaseWithConsent(page, {
    fullName: `Vũ Thị Thử Nghiệm ${uniqueToken()}`,
    phone: uniquePhone(),
    age: '27',
  });
  const caseUrl = page.url();

  await page.getByTestId('case-tab-plan').click();
  await expect(page.getByTestId('case-plan-none')).toBeVisible();
  await page.getByTestId('case-plan-edit').click();
  const form = page.getByTestId('case-plan-form');
  await choose(page, 'case-plan-need-domain-0', 'case-plan-domain-health');
  await page.getByTestId('case-plan-need-text-0').fill('Cần khám và chữa vết thương');
  await choose(page, 'case-plan-goal-domain-0', 'case-plan-domain-health');
  await page.getByTestId('case-plan-goal-text-0').fill('Vết thương được chữa lành');
  await page.getByTestId('case-plan-action-text-0').fill('Đưa chị đi khám tại trạm y tế');
  await choose(page, 'case-plan-action-domain-0', 'case-plan-domain-health');
  // Due yesterday: it shows as overdue once saved.
  await page.getByTestId('case-plan-action-due-0').fill(typedVietnamDay(-1));
  await snapshot(page, 'case-plan-editor-1366');
  await form.getByTestId('case-plan-save-submit').click();
  await expect(page.getByTestId('case-plan-status')).toHaveText('Chờ duyệt');
  await expect(page.getByTestId('case-plan-overdue')).toContainText('1 việc cần làm đã quá hạn');
  await expect(page.getByTestId('case-plan-action-overdue')).toBeVisible();
  await expect(page.getByTestId('case-plan-approve')).toHaveCount(0);

  // The supervisor returns it with a comment.
  await signOut(page);
  await signInAs(page, DEMO_USERNAMES.supervisor);
  await page.getByTestId('notifications-bell').click();
  await expect(
    page
      .getByTestId('notification-item')
      .filter({ hasText: `Kế hoạch hỗ trợ của hồ sơ ${code} chờ anh/chị duyệt.` }),
  ).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.goto(caseUrl.replace('/cases/', '/team/'));
  await page.getByTestId('case-tab-plan').click();
  await page.getByTestId('case-plan-return').click();
  await page.getByTestId('case-plan-return-comment').fill('Thêm việc tư vấn tâm lý.');
  await page.getByTestId('case-plan-return-send').click();
  await expect(page.getByTestId('case-plan-status')).toHaveText('Bị trả lại');

  // The caseworker reads the comment, adds an action, submits again.
  await signOut(page);
  await signInAs(page, DEMO_USERNAMES.caseworker);
  await page.goto(caseUrl);
  await page.getByTestId('case-tab-plan').click();
  await expect(page.getByTestId('case-plan-returned')).toContainText('Thêm việc tư vấn tâm lý.');
  await page.getByTestId('case-plan-edit').click();
  await page.getByTestId('case-plan-add-action').click();
  await page.getByTestId('case-plan-action-text-1').fill('Ba buổi tư vấn tâm lý');
  await choose(page, 'case-plan-action-domain-1', 'case-plan-domain-psychosocial');
  await page.getByTestId('case-plan-action-due-1').fill(typedVietnamDay(14));
  await choose(page, 'case-plan-action-status-1', 'case-plan-action-status-option-in_progress');
  await form.getByTestId('case-plan-save-submit').click();
  await expect(page.getByTestId('case-plan-status')).toHaveText('Chờ duyệt');
  await expect(page.getByTestId('case-plan-version')).toContainText('Phiên bản 2');

  // The supervisor approves after a confirmation naming the version and its size.
  await signOut(page);
  await signInAs(page, DEMO_USERNAMES.supervisor);
  await page.goto(caseUrl.replace('/cases/', '/team/'));
  await page.getByTestId('case-tab-plan').click();
  await page.getByTestId('case-plan-approve').click();
  await expect(page.getByTestId('confirm-message')).toContainText(
    `phiên bản 2 của hồ sơ ${code} (1 mục tiêu, 2 việc cần làm)`,
  );
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('case-plan-status')).toHaveText('Đã duyệt');
  await expect(page.getByTestId('case-plan-history-row')).toHaveCount(2);
  await snapshot(page, 'case-plan-approved-1366');

  // The overview lists every running clock of the case, what is due next first: the two actions'
  // (the overdue one, then the one in two weeks, though it was added later) and the consent's.
  await page.getByTestId('case-tab-overview').click();
  const clocks = page.getByTestId('case-deadlines').getByTestId('deadline-clock');
  await expect(clocks.filter({ hasText: 'Việc trong kế hoạch hỗ trợ' })).toHaveCount(2);
  const days = (await clocks.getByTestId('clock-due').allTextContents()).map((due) =>
    (/(\d{2})\/(\d{2})\/(\d{4})/.exec(due) ?? []).slice(1).reverse().join(''),
  );
  expect(days.length).toBeGreaterThanOrEqual(3);
  expect(days).toEqual([...days].sort());
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await page.getByTestId('case-tab-plan').click();
  await expect(page.getByTestId('case-plan-status')).toHaveText('Đã duyệt');
  await snapshot(page, 'case-plan-approved-360');
});
