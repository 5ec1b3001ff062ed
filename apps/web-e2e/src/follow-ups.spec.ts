import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  chooseByText,
  openCaseWithConsent,
  signIn,
  signOut,
  snapshot,
  uniquePhone,
  uniqueToken,
  typedVietnamDay,
  signInAnyOf,
} from './support';

test('follow-up contacts are planned, a past date is refused in Vietnamese, an outcome is recorded with the next date', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('walk-in').click();
  await openCaseWithConsent(page, {
    fullName: `Lê Thị Theo Dõi ${uniqueToken()}`,
    phone: uniquePhone(),
    age: '34',
  });
  const caseUrl = page.url();

  await page.getByTestId('case-tab-follow-ups').click();
  await expect(page.getByTestId('follow-up-none')).toBeVisible();

  // Yesterday: refused by the server, the message on the date field in Vietnamese.
  await page.getByTestId('follow-up-planned-on').fill(typedVietnamDay(-1));
  await page.getByTestId('follow-up-plan').click();
  await expect(page.getByTestId('follow-up-plan-form')).toContainText(
    'Ngày hẹn phải từ hôm nay trở đi.',
  );

  await page.getByTestId('follow-up-planned-on').fill(typedVietnamDay(3));
  await chooseByText(page, 'follow-up-method', 'Thăm nhà');
  await page.getByTestId('follow-up-plan').click();
  await expect(page.getByTestId('follow-up-row')).toHaveCount(1);
  await expect(page.getByTestId('follow-up-status')).toHaveText('Đã hẹn');

  // The contact took place: reached, a note, and the next one in two weeks by phone.
  await page.getByTestId('follow-up-record').click();
  await chooseByText(page, 'follow-up-outcome-select', 'Liên hệ được');
  await page.getByTestId('follow-up-note').fill('Chị đã về nhà mẹ đẻ, tình hình ổn định.');
  await page.getByTestId('follow-up-next-on').fill(typedVietnamDay(17));
  await chooseByText(page, 'follow-up-next-method', 'Gọi điện');
  await page.getByTestId('follow-up-save-outcome').click();
  await expect(page.getByTestId('follow-up-row')).toHaveCount(2);
  const contacts = page.getByTestId('follow-up-row');
  await expect(contacts.nth(0)).toHaveAttribute('data-status', 'planned');
  await expect(contacts.nth(0)).toContainText('Gọi điện');
  await expect(contacts.nth(1)).toHaveAttribute('data-status', 'done');
  await expect(contacts.nth(1).getByTestId('follow-up-outcome')).toHaveText('Liên hệ được');
  await expect(contacts.nth(1)).toContainText('tình hình ổn định');

  // The case timeline lists the steps, newest first, with names and dates only.
  await page.getByTestId('case-tab-timeline').click();
  const steps = page.getByTestId('case-timeline-entry');
  await expect(steps.first()).toContainText('Ghi kết quả liên hệ theo dõi');
  await expect(page.getByTestId('case-timeline')).toContainText('Hẹn liên hệ theo dõi');
  await expect(page.getByTestId('case-timeline')).not.toContainText('tình hình ổn định');
  await snapshot(page, 'case-timeline-1366');

  // The next contact's clock is on the deadline board.
  const code = (await page.getByTestId('case-code').innerText()).trim();
  await page.getByTestId('nav-deadlines').click();
  await page.getByTestId('deadlines-tab-open').click();
  const rows = page.getByTestId('deadline-row').filter({ hasText: code });
  await expect(rows.filter({ hasText: 'Liên hệ theo dõi' })).toHaveCount(1);
  await page.goto(caseUrl);
  await page.getByTestId('case-tab-follow-ups').click();
  await page.getByTestId('follow-up-record').click();
  await snapshot(page, 'follow-ups-1366');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(caseUrl);
  await page.getByTestId('case-tab-follow-ups').click();
  await expect(page.getByTestId('follow-up-row')).toHaveCount(2);
  await page.getByTestId('follow-up-record').click();
  await snapshot(page, 'follow-ups-360');
});

test('the supervisor sees the team: per caseworker, open cases, high risk, overdue and what waits for them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('walk-in').click();
  await openCaseWithConsent(page, {
    fullName: `Trần Thị Nhóm ${uniqueToken()}`,
    phone: uniquePhone(),
    age: '41',
  });
  await expect(page.getByTestId('case-code')).toBeVisible();
  // A caseworker has no team tab.
  await page.goto('/cases');
  await expect(page.getByTestId('tab-cases')).toBeVisible();
  await expect(page.getByTestId('tab-team')).toHaveCount(0);
  await signOut(page);

  await signInAnyOf(page, DEMO_USERNAMES.supervisor);
  await expect(page.getByTestId('notifications-bell')).toBeVisible();
  await page.goto('/team');
  await page.getByTestId('tab-team').click();
  const rows = page.getByTestId('team-row');
  const caseworker = rows.filter({ hasText: 'Cán bộ Ca Minh Họa' });
  await expect(caseworker).toHaveCount(1);
  await expect(caseworker.getByTestId('team-openCases')).toContainText('Hồ sơ đang mở');
  expect(
    Number(await caseworker.getByTestId('team-openCases').locator('dd').innerText()),
  ).toBeGreaterThanOrEqual(1);
  await snapshot(page, 'team-caseload-1366');
  // The phone width, on the same screen (the tab stays open).
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(rows.first()).toBeVisible();
  await snapshot(page, 'team-caseload-360');
});
