import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  choose,
  chooseByText,
  signIn,
  signOut,
  snapshot,
  uniqueToken,
  signInAnyOf,
} from './support';

test('a police liaison chooses which notifications come by email; the choice is kept', async ({
  page,
}) => {
  await signIn(page, DEMO_USERNAMES.police_liaison, DEMO_PASSWORD);
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-notification-settings').click();
  await expect(page.getByTestId('notification-settings-title')).toHaveText('Cài đặt thông báo');
  // The demo accounts have no address: the page says who can add one.
  await expect(page.getByTestId('notification-settings-no-email')).toContainText('quản trị viên');

  const emergency = page.getByTestId('email-topic-emergency_referral').locator('input');
  const reminders = page.getByTestId('email-topic-deadline_reminder').locator('input');
  await expect(emergency).toBeChecked();
  await expect(reminders).not.toBeChecked();
  await reminders.check();
  await page.getByTestId('notification-settings-save').click();
  await expect(page.getByTestId('notification-settings-saved')).toBeFocused();
  await expect(page.getByTestId('notification-settings-saved')).toHaveText(
    /Đã lưu cài đặt thông báo/,
  );
  await snapshot(page, 'notification-settings-1366');

  await page.reload();
  await expect(page.getByTestId('email-topic-deadline_reminder').locator('input')).toBeChecked();
  await page.getByTestId('email-topic-deadline_reminder').locator('input').uncheck();
  await page.getByTestId('notification-settings-save').click();
  await expect(page.getByTestId('notification-settings-saved')).toBeVisible();
  await signOut(page);
});

test('an admin sets a user an email address; a malformed one is refused on the field', async ({
  page,
}) => {
  await signInAnyOf(page, DEMO_USERNAMES.admin);
  await page.goto('/admin/users');
  const username = DEMO_USERNAMES.health_liaison;
  await page.getByTestId('users-search').fill(username);
  const row = page.getByTestId(`user-row-${username}`);
  await expect(row).toBeVisible();
  // The search answers after a pause and the table is drawn again: act once only this row is left.
  await expect(page.locator('[data-testid^="user-row-"]')).toHaveCount(1);
  await row.getByTestId('user-edit').click();
  // Typing before the account has loaded would be overwritten by it, as for a person.
  await expect(page.getByTestId('user-form-username')).toHaveValue(username);
  const email = page.getByTestId('user-form-email');
  await email.fill('không phải email');
  await email.blur();
  await expect(page.getByTestId('user-form-email-error')).toContainText('Email');
  await email.fill(`health.${uniqueToken().toLowerCase()}@example.vn`);
  await page.getByTestId('user-form-submit').click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await signOut(page);
});

test('a caseworker leaving a half-filled case is asked first, and stays if they say so', async ({
  page,
}) => {
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('walk-in').click();
  await page.getByTestId('consent-age').fill('34');
  await page.getByTestId('nav-directory').click();
  await expect(page.getByTestId('confirm-message')).toContainText('chưa lưu');
  await page.getByTestId('confirm-cancel').click();
  // The first question has gone (its closing animation) before the second is asked.
  await expect(page.getByTestId('confirm-message')).toHaveCount(0);
  await expect(page.getByTestId('open-case-title')).toBeVisible();
  await expect(page.getByTestId('consent-age')).toHaveValue('34');

  await page.getByTestId('nav-directory').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page).toHaveURL(/\/directory/);
  await signOut(page);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('after sending, the volunteer sees an empty form with no field in error and "sent" by the button', async ({
    page,
  }) => {
    const token = uniqueToken();
    await signIn(page, DEMO_USERNAMES.volunteer, DEMO_PASSWORD);
    await page.getByTestId('referral-name').fill(`Chị Mai ${token}`);
    await choose(page, 'referral-contact-method', 'contact-method-phone_call');
    await page.getByTestId('referral-contact-details').fill('Gọi sau 20 giờ');
    await chooseByText(page, 'referral-commune', 'Phường Hải Châu');
    await page.getByTestId('referral-what').fill(`Thử nghiệm ${token}`);
    await page.getByTestId('referral-submit').click();

    const confirmation = page.getByTestId('referral-confirmation');
    await expect(confirmation).toBeInViewport();
    await expect(confirmation).toBeFocused();
    await expect(page.getByTestId('referral-name')).toHaveValue('');
    await expect(page.locator('mat-error')).toHaveCount(0);
    await snapshot(page, 'volunteer-sent-360');
    await signOut(page);
  });
});
