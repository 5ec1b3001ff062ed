import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  choose,
  chooseByText,
  openCaseWithConsent,
  signIn,
  signOut,
  snapshot,
  uniquePhone,
  uniqueToken,
} from './support';

const DEMO_CENTRE = 'Trung tâm Công tác xã hội thành phố Đà Nẵng';
const OUTCOME_HANDED = 'Chuyển trung tâm công tác xã hội';

test('an operator logs a call with the timer and hands it over; a caseworker opens a case from it', async ({
  page,
}) => {
  const token = uniqueToken();

  await signIn(page, DEMO_USERNAMES.hotline_operator, DEMO_PASSWORD);
  // Signing in hashes the password (argon2id): on a busy two-core machine it may take a while.
  await expect(page.getByTestId('workspace-title')).toHaveText('Tổng đài: ghi nhận cuộc gọi', {
    timeout: 30_000,
  });

  // The timer starts from the keyboard and runs as mm:ss.
  await expect(page.getByTestId('call-timer')).toHaveText('00:00');
  await page.keyboard.press('Alt+b');
  await expect(page.getByTestId('call-end')).toBeVisible();
  await expect(page.getByTestId('call-timer')).toHaveText(/^00:0[1-9]$/);
  // Saving with nothing chosen moves the focus to the first field in error: the line has its
  // default, the caller type is the first one left empty.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('call-caller-type')).toBeFocused();

  await chooseByText(page, 'call-line', '111 · Tổng đài quốc gia bảo vệ trẻ em');
  await choose(page, 'call-caller-type', 'caller-type-survivor');
  await choose(page, 'call-commune', undefined, 1);
  await page.getByTestId('call-danger').click();
  await expect(page.getByTestId('call-police-reminder')).toContainText('113');
  await expect(page.getByTestId('call-chairman-reminder')).toContainText('Nghị định 76');
  await page.getByTestId('call-notes').fill(`Cuộc gọi thử nghiệm ${token}`);
  // Handing over is said once, as the outcome: the hand-over opens when the call is saved.
  await chooseByText(page, 'call-outcome', OUTCOME_HANDED);
  await page.getByTestId('workspace-title').scrollIntoViewIfNeeded();
  await snapshot(page, 'hotline-console');
  await page.keyboard.press('Control+Enter');

  const row = page.getByTestId('call-row').filter({ hasText: token });
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId('call-timer')).toHaveText('00:00');
  await expect(row).toHaveAttribute('data-call-id', /^[0-9a-f-]{36}$/);
  const callId = await row.evaluate((element) => element.getAttribute('data-call-id'));

  await chooseByText(page, 'hand-over-centre', DEMO_CENTRE);
  await page.getByTestId('hand-over-submit').click();
  const call = page.locator(`[data-call-id="${callId}"]`);
  await expect(call.getByTestId('call-handed-pending')).toBeVisible();
  await expect(call).not.toContainText(token);
  await signOut(page);

  // The caseworker finds it in the centre's intake queue and opens a case, consent first.
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await expect(page.getByTestId('workspace-title')).toHaveText('Hồ sơ của tôi', {
    timeout: 30_000,
  });
  await page.getByTestId('tab-intake').click();
  const item = page.getByTestId('intake-row').filter({ hasText: token });
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('intake-danger')).toBeVisible();
  await item.getByTestId('intake-open').click();
  await expect(page.getByTestId('open-case-intake')).toContainText(token);
  const code = await openCaseWithConsent(page, {
    fullName: `Nguyễn Thị Thử Nghiệm ${token}`,
    phone: uniquePhone(),
    age: '30',
  });
  // No name, phone or code in the page title.
  await expect(page).toHaveTitle('Hồ sơ ca · Cầu Nối');
  await expect(page.getByTestId('identity-fullName')).toHaveText('●●●●');
  await expect(page.getByTestId('identity-address')).toHaveText('không có');
  await expect(page.locator('body')).not.toContainText('Thử Nghiệm');
  await snapshot(page, 'case-file-identity-masked');
  await signOut(page);

  // The operator now sees only the case code and its stage.
  await signIn(page, DEMO_USERNAMES.hotline_operator, DEMO_PASSWORD);
  await expect(call.getByTestId('call-case-status')).toHaveText(
    `Mã hồ sơ ${code} · Giai đoạn: Tiếp nhận`,
  );
  await expect(call).not.toContainText(token);
  await expect(call.getByTestId('call-hand-over')).toHaveCount(0);
});
