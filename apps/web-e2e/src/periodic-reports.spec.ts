import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { DEMO_USERNAMES, signInAnyOf, signOut, snapshot } from './support';

const NARRATIVE = 'Sáu tháng qua trung tâm đã tiếp nhận và hỗ trợ các ca theo đúng quy trình.';

/** The list entry of the 6-month report, and its state as the list says it. */
const halfYear = (page: Page) => page.getByTestId('periodic-report-half_year');

test('a supervisor drafts, approves and submits the 6-month report; the reporting officer acknowledges it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 900 });

  // The centre: draft from the statistics of its months, write the narrative, approve, submit.
  await signInAnyOf(page, DEMO_USERNAMES.supervisor);
  await page.getByTestId('nav-periodic-reports').click();
  await page.getByTestId('periodic-reports-draft-half_year').click();
  const detail = page.getByTestId('periodic-report-detail');
  await expect(detail).toContainText('Báo cáo 6 tháng');
  await expect(detail.getByTestId('periodic-report-tables')).toContainText('Ca tiếp nhận');
  await expect(halfYear(page)).toContainText('Dự thảo');
  await page.getByTestId('periodic-report-narrative').fill(NARRATIVE);
  await page.getByTestId('periodic-report-save').click();
  await expect(page.getByText('Đã lưu phần thuyết minh.')).toBeVisible();
  await page.getByTestId('periodic-report-approve').click();
  await expect(halfYear(page)).toContainText('Đã phê duyệt');
  await page.getByTestId('periodic-report-submit').click();
  await expect(halfYear(page)).toContainText('Đã nộp');
  await expect(page.getByTestId('periodic-report-submit')).toHaveCount(0);
  await expect(detail).toContainText(NARRATIVE);
  await snapshot(page, 'periodic-reports-submitted-1366');
  await signOut(page);

  // The province: the submitted report arrives with the centre's name; acknowledging closes it.
  await page.setViewportSize({ width: 360, height: 800 });
  await signInAnyOf(page, DEMO_USERNAMES.reporting_officer);
  await page.goto('/periodic-reports');
  await expect(halfYear(page)).toContainText('Trung tâm Công tác xã hội thành phố Đà Nẵng');
  await halfYear(page).click();
  await expect(page.getByTestId('periodic-report-detail')).toContainText(NARRATIVE);
  await expect(page.getByTestId('periodic-reports-draft')).toHaveCount(0);
  await page.getByTestId('periodic-report-acknowledge').click();
  await expect(halfYear(page)).toContainText('Tỉnh đã nhận');
  await expect(page.getByTestId('periodic-report-acknowledge')).toHaveCount(0);
  await halfYear(page).scrollIntoViewIfNeeded();
  await snapshot(page, 'periodic-reports-acknowledged-360');
});
