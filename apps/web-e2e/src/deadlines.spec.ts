import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  choose,
  chooseMany,
  openCaseWithConsent,
  signIn,
  signOut,
  snapshot,
  snapshotAt,
  uniquePhone,
  uniqueToken,
  vietnamLocal,
  signInAnyOf,
} from './support';

async function openIncidents(page: Page, caseUrl: string): Promise<void> {
  await page.goto(caseUrl);
  await page.getByTestId('case-tab-incidents').click();
  await expect(page.getByTestId('report-panel')).toBeVisible();
}

test('the 10-day incident report: drafted, approved, submitted on time, acknowledged by the province', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const token = uniqueToken();

  // The caseworker opens a walk-in case and records a serious incident discovered 3 days ago.
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await expect(page.getByTestId('notifications-bell')).toBeVisible();
  await expect(page.getByTestId('deadline-summary')).toBeVisible();
  await page.getByTestId('walk-in').click();
  const code = await openCaseWithConsent(page, {
    fullName: `Lê Thị Thời Hạn ${token}`,
    phone: uniquePhone(),
    age: '34',
  });
  const caseId = String(new URL(page.url()).pathname.split('/').pop());
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

  await page.getByTestId('case-tab-incidents').click();
  await page.getByTestId('incident-add').click();
  await page.getByTestId('incident-occurred-at').fill(vietnamLocal(4 * 24));
  await page.getByTestId('incident-discovered-at').fill(vietnamLocal(3 * 24));
  await choose(page, 'incident-commune', undefined, 0);
  await page.getByTestId('classification-no').click();
  await page.getByTestId('classification-no').click();
  await page.getByTestId('classification-yes').click();
  // The checkbox's host is as wide as the form: check its input, not the middle of the row.
  await page.getByTestId('incident-serious').locator('input[type="checkbox"]').check();
  await chooseMany(page, 'incident-serious-reasons', ['serious-reason-serious_injury']);
  await page.getByTestId('incident-save').click();

  // The clock runs from discovery: about a week left, shown as the end of its last day.
  const clock = page.getByTestId('incident-row').getByTestId('deadline-clock');
  await expect(clock.getByTestId('clock-due')).toHaveText(/^hết ngày \d{2}\/\d{2}\/\d{4}$/);
  await expect(clock.getByTestId('clock-left')).toHaveText(/^còn \d+ ngày( \d+ giờ)?$/);
  await expect(clock).toContainText('Báo cáo vụ việc nghiêm trọng (10 ngày)');
  const due = (await clock.getByTestId('clock-due').innerText()).trim();

  // The same clock on the deadline board.
  await page.getByTestId('nav-deadlines').click();
  await expect(page.getByTestId('deadlines-title')).toHaveText('Bảng theo dõi thời hạn');
  await page.getByTestId('deadlines-tab-open').click();
  // The case also has its consents' expiry clocks: the report's row is the one of its kind.
  const row = page
    .getByTestId('deadline-row')
    .filter({ hasText: code })
    .filter({ hasText: 'Báo cáo vụ việc nghiêm trọng (10 ngày)' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('deadline-due')).toHaveText(due);
  await expect(row.getByTestId('deadline-kind')).toHaveText(
    'Báo cáo vụ việc nghiêm trọng (10 ngày)',
  );
  await expect(row.getByTestId('deadline-left')).toHaveText(/còn \d+ ngày/);
  await expect(page).not.toHaveURL(new RegExp(code));
  await snapshot(page, 'deadline-board');

  // Draft the report from the board's link to the case.
  await row.getByTestId('deadline-case-link').click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await page.getByTestId('case-tab-incidents').click();
  await page.getByTestId('report-create').click();
  await expect(page.getByTestId('report-no-identity')).toBeVisible();
  await chooseMany(page, 'report-services', [
    'report-service-psychosocial_counselling',
    'report-service-police_protection',
  ]);
  await chooseMany(page, 'report-agencies', ['report-agency-police']);
  await page
    .getByTestId('report-narrative')
    .fill('Đã tư vấn tâm lý, phối hợp công an xã áp dụng biện pháp bảo vệ.');
  await page.getByTestId('report-save').click();
  await expect(page.getByTestId('report-status')).toHaveText('Bản nháp');
  await expect(page.getByTestId('report-submit')).toBeDisabled();
  await expect(page.getByTestId('report-approve')).toHaveCount(0);
  await signOut(page);

  // The supervisor approves it.
  await signInAnyOf(page, DEMO_USERNAMES.supervisor);
  await expect(page.getByTestId('workspace-title')).toHaveText('Nhóm của tôi');
  await openIncidents(page, `/team/${caseId}`);
  await page.getByTestId('report-approve').click();
  await expect(page.getByTestId('report-status')).toHaveText('Đã phê duyệt');
  await signOut(page);

  // The caseworker submits it, on time.
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await expect(page.getByTestId('workspace-title')).toBeVisible();
  await openIncidents(page, `/cases/${caseId}`);
  await expect(page.getByTestId('report-status')).toHaveText('Đã phê duyệt');
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('report-submitted')).toHaveText(
    /Đã nộp lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — đúng hạn/,
  );
  await expect(page.getByTestId('report-status')).toHaveText('Đã nộp');
  await expect(page.getByTestId('report-save')).toHaveCount(0);
  await snapshot(page, 'report-panel');
  // The submitted report's facts stay inside the panel on a laptop and a wide screen.
  await snapshotAt(page, 'report-panel', [1366, 1920], ['report-readonly']);
  await signOut(page);

  // The province's reporting officer sees it, coded, and acknowledges receipt.
  await signInAnyOf(page, DEMO_USERNAMES.reporting_officer);
  await expect(page.getByTestId('workspace-title')).toHaveText('Báo cáo vụ việc nghiêm trọng');
  const report = page.getByTestId('report-row').filter({ hasText: code });
  await expect(report).toHaveCount(1);
  await expect(report.getByTestId('report-on-time')).toHaveText('đúng hạn');
  await report.getByTestId('report-open').click();
  await expect(page.getByTestId('report-detail-code')).toHaveText(code);
  await expect(page.getByTestId('report-detail')).toContainText('Tư vấn tâm lý – xã hội');
  await expect(page.locator('body')).not.toContainText(`Lê Thị Thời Hạn ${token}`);
  await page.getByTestId('report-acknowledge').click();
  await expect(page.getByTestId('report-detail-acknowledged')).toBeVisible();
  await expect(report.getByTestId('report-row-status')).toHaveText('Sở đã nhận');
  await snapshot(page, 'ro-inbox');
  // The detail panel beside the list does not clip its values; on a phone the list is cards.
  await snapshotAt(page, 'ro-inbox', [1366, 1920], ['report-detail']);
  await snapshotAt(page, 'ro-inbox', [360], ['reports-table-wrap', 'report-detail']);
  // The printable form of the report (its content is read back in incident-report-form.int-spec).
  const [form] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-detail-print').click(),
  ]);
  expect(form.suggestedFilename()).toBe('bao-cao-vu-viec.pdf');
  expect(
    readFileSync(await form.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
});

test('the admin adds and removes a holiday in a far year and sees the recomputed count', async ({
  page,
}) => {
  const token = uniqueToken();
  // A different day of 2099 on each run (days 1-28 of each month, so always a real date).
  const stamp = Math.floor(Date.now() / 1000);
  const month = String((stamp % 12) + 1).padStart(2, '0');
  const day = String((Math.floor(stamp / 12) % 28) + 1).padStart(2, '0');
  const date = `2099-${month}-${day}`;
  const shown = `${day}/${month}/2099`;
  const name = `Ngày thử nghiệm ${token}`;

  await signInAnyOf(page, DEMO_USERNAMES.admin);
  await expect(page.getByTestId('notifications-bell')).toBeVisible();
  await page.getByTestId('nav-holidays').click();
  await expect(page.getByTestId('holidays-title')).toHaveText('Lịch ngày nghỉ lễ, nghỉ bù, làm bù');
  await page.getByTestId('holidays-year').fill('2099');

  await page.getByTestId('holidays-add').click();
  await page.getByTestId('holiday-date').fill(date);
  await page.getByTestId('holiday-name').fill(name);
  await page.getByTestId('holiday-submit').click();
  await expect(page.getByTestId('holidays-recomputed')).toHaveText(/Đã tính lại \d+ thời hạn\./);
  const row = page.getByTestId('holiday-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('holiday-row-date')).toHaveText(shown);
  await expect(row).toContainText('Ngày lễ, Tết');
  await snapshot(page, 'holiday-calendar');

  // The same date twice is refused, in Vietnamese, on the date field.
  await page.getByTestId('holidays-add').click();
  await page.getByTestId('holiday-date').fill(date);
  await page.getByTestId('holiday-name').fill(`${name} lặp`);
  await page.getByTestId('holiday-submit').click();
  await expect(page.getByTestId('holiday-date-error')).toHaveText('Ngày này đã có trong lịch.');
  await page.keyboard.press('Escape');

  await row.getByTestId('holiday-delete').click();
  await expect(page.getByTestId('confirm-message')).toContainText(shown);
  await page.getByTestId('confirm-ok').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('holidays-recomputed')).toHaveText(/Đã tính lại \d+ thời hạn\./);

  // The same admin keeps the risk instruments: a new version is a draft made from one in use (never
  // published here: other journeys assess with the version in use).
  await page.getByTestId('nav-risk-instruments').click();
  await expect(page.getByTestId('risk-instruments-title')).toHaveText(
    'Bộ công cụ đánh giá nguy cơ',
  );
  const inUse = page.getByTestId('risk-instrument-caunoi-danger-child-1');
  await expect(inUse.getByTestId('risk-instrument-status')).toHaveText('Đang dùng');
  await inUse.getByTestId('risk-instrument-new-version').click();
  await expect(page.getByTestId('risk-instrument-form')).toBeVisible();
  await page.getByTestId('risk-instrument-high').fill('999');
  await expect(page.getByTestId('risk-instrument-problems')).toContainText('Ngưỡng nguy cơ cao');
  await page.getByTestId('risk-instrument-problems').scrollIntoViewIfNeeded();
  await snapshot(page, 'risk-instrument-editor-1366');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByTestId('risk-item-1').scrollIntoViewIfNeeded();
  await snapshot(page, 'risk-instrument-editor-360');
  await page.getByTestId('risk-instruments-table').scrollIntoViewIfNeeded();
  await snapshot(page, 'risk-instruments-360');
  await page.setViewportSize({ width: 1366, height: 900 });
  const max = Number(
    (await page.getByTestId('risk-instrument-max').innerText()).replace(/\D/g, ''),
  );
  await page.getByTestId('risk-instrument-high').fill(String(max));
  await expect(page.getByTestId('risk-instrument-problems')).toHaveCount(0);
  await page.getByTestId('risk-instrument-save').click();
  await expect(page.getByTestId('risk-instruments-notice')).toContainText(
    'Đã lưu bản nháp phiên bản',
  );
  await expect(page.getByTestId('risk-instrument-form')).toHaveCount(0);
  await expect(
    page.getByTestId('risk-instrument-caunoi-danger-child-2').getByTestId('risk-instrument-status'),
  ).toHaveText('Bản nháp');
  await snapshot(page, 'risk-instruments-1366');
});
