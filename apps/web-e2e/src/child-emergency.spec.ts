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

test('a hotline call about a child in danger warns the operator, starts the 12-hour clock in the case, and the intervention meets it', async ({
  page,
}) => {
  const token = uniqueToken();
  await page.setViewportSize({ width: 1366, height: 900 });

  // The operator: a 13-year-old in danger now. The screen says 12 hours before the call is saved.
  await signIn(page, DEMO_USERNAMES.hotline_operator, DEMO_PASSWORD);
  await chooseByText(page, 'call-line', '111 · Tổng đài quốc gia bảo vệ trẻ em');
  await choose(page, 'call-caller-type', 'caller-type-survivor');
  await choose(page, 'call-commune', undefined, 1);
  await chooseByText(page, 'call-survivor-age', '12–15 tuổi');
  await expect(page.getByTestId('call-child-emergency')).toHaveCount(0);
  await page.getByTestId('call-danger').click();
  await expect(page.getByTestId('call-child-emergency')).toContainText('trong 12 giờ');
  await page.getByTestId('call-notes').fill(`Cuộc gọi về trẻ em ${token}`);
  await page.getByTestId('workspace-title').scrollIntoViewIfNeeded();
  await snapshot(page, 'child-emergency-hotline-1366');
  await page.setViewportSize({ width: 360, height: 800 });
  await snapshot(page, 'child-emergency-hotline-360');
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.keyboard.press('Control+Enter');

  const row = page.getByTestId('call-row').filter({ hasText: token });
  await expect(row.getByTestId('call-child-emergency-badge')).toHaveText(
    'Trẻ em nguy hiểm · 12 giờ',
  );
  const callId = await row.evaluate((element) => element.getAttribute('data-call-id'));
  await row.getByTestId('call-hand-over').click();
  await chooseByText(page, 'hand-over-centre', DEMO_CENTRE);
  await page.getByTestId('hand-over-submit').click();
  // Handed over, the notes leave the operator's list; the urgency stays on the row.
  const call = page.locator(`[data-call-id="${callId}"]`);
  await expect(call.getByTestId('call-handed-pending')).toBeVisible();
  await expect(call.getByTestId('call-child-emergency-badge')).toBeVisible();
  await signOut(page);

  // The caseworker opens the case from the call: the child's guardian consents, the child agrees.
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('tab-intake').click();
  const item = page.getByTestId('intake-row').filter({ hasText: token });
  await expect(item.getByTestId('intake-child-emergency')).toHaveText('Trẻ em nguy hiểm · 12 giờ');
  await item.getByTestId('intake-open').click();
  await page.getByTestId('consent-age').fill('13');
  await page.getByTestId('consent-given-yes').click();
  await page.getByTestId('consent-by-guardian').getByRole('radio').check();
  await page.getByTestId('consent-child-assent').getByRole('checkbox').check();
  await expect(page.getByTestId('consent-problem')).toHaveCount(0);
  await page.getByTestId('open-case-next').click();
  await choose(page, 'identity-sex', 'sex-option-female');
  await page.getByTestId('identity-full-name').fill(`Trần Bé Thử ${token}`);
  await page.getByTestId('identity-phone').fill(uniquePhone());
  await page.getByTestId('open-case-next').click();
  await page.getByTestId('open-case-submit').click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const code = (await page.getByTestId('case-code').innerText()).trim();

  // The case file: the emergency from the call, waiting, with its countdown running.
  const emergency = page.getByTestId('child-emergency');
  await expect(emergency).toHaveAttribute('data-open', 'true');
  const waiting = emergency.getByTestId('child-emergency-row');
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText('Từ cuộc gọi tổng đài');
  await expect(waiting.getByTestId('child-emergency-status')).toHaveText('Đang chờ can thiệp');
  const clocks = waiting.getByTestId('deadline-clock');
  await expect(clocks.nth(0)).toContainText('Can thiệp khẩn cấp cho trẻ em (12 giờ)');
  await expect(clocks.nth(0).getByTestId('clock-left')).toContainText(/giờ|phút/);
  await expect(clocks.nth(1)).toContainText('Kế hoạch hỗ trợ, can thiệp cho trẻ em');
  await snapshot(page, 'child-emergency-case-1366');
  await page.setViewportSize({ width: 360, height: 800 });
  await snapshot(page, 'child-emergency-case-360');
  await page.setViewportSize({ width: 1366, height: 900 });

  // "Another measure" without saying what: refused by the server, in Vietnamese, on the note.
  await waiting.getByTestId('child-intervention-record').click();
  await chooseByText(page, 'child-intervention-measure', 'Biện pháp khác');
  await page.getByTestId('child-intervention-save').click();
  await expect(page.getByTestId('child-intervention-form')).toContainText('Ghi chú là bắt buộc.');

  await chooseByText(page, 'child-intervention-measure', 'Bố trí chăm sóc thay thế tạm thời');
  await page
    .getByTestId('child-intervention-note')
    .fill('Đưa trẻ về ở với bà ngoại; công an xã đã được báo.');
  await snapshot(page, 'child-emergency-intervention-form-1366');
  await page.getByTestId('child-intervention-save').click();
  await expect(waiting.getByTestId('child-emergency-status')).toHaveText('Đã can thiệp');
  await expect(waiting.getByTestId('child-intervention')).toContainText(
    'Bố trí chăm sóc thay thế tạm thời',
  );
  await expect(clocks.nth(0).getByTestId('clock-status')).toHaveText('Đã hoàn thành');
  await expect(emergency).toHaveAttribute('data-open', 'false');
  await snapshot(page, 'child-emergency-done-1366');

  // The support plan clock still runs, on the deadline board with the case's code.
  await page.getByTestId('nav-deadlines').click();
  await page.getByTestId('deadlines-tab-open').click();
  const rows = page.getByTestId('deadline-row').filter({ hasText: code });
  await expect(rows.filter({ hasText: 'Kế hoạch hỗ trợ, can thiệp cho trẻ em' })).toHaveCount(1);
  await snapshot(page, 'child-emergency-board-1366');
});

test('a caseworker marks a child in serious danger by hand; an adult case offers no such mark', async ({
  page,
}) => {
  const token = uniqueToken();
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);

  await page.getByTestId('walk-in').click();
  await page.getByTestId('consent-age').fill('9');
  await page.getByTestId('consent-given-yes').click();
  await page.getByTestId('consent-by-guardian').getByRole('radio').check();
  await page.getByTestId('consent-child-assent').getByRole('checkbox').check();
  await page.getByTestId('open-case-next').click();
  await choose(page, 'identity-sex', 'sex-option-female');
  await page.getByTestId('identity-full-name').fill(`Lê Bé Thử ${token}`);
  await page.getByTestId('identity-phone').fill(uniquePhone());
  await page.getByTestId('open-case-next').click();
  await page.getByTestId('open-case-submit').click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);

  const emergency = page.getByTestId('child-emergency');
  await expect(emergency).toHaveAttribute('data-open', 'false');
  await expect(emergency.getByTestId('child-emergency-row')).toHaveCount(0);
  await page.getByTestId('child-emergency-mark').click();
  await page.getByTestId('child-emergency-reason').fill('ngắn');
  await page.getByTestId('child-emergency-mark-save').click();
  await expect(page.getByTestId('child-emergency-mark-form')).toContainText('Lý do quá ngắn.');
  await page
    .getByTestId('child-emergency-reason')
    .fill('Trẻ kể bị cha dượng đánh tối qua, trên tay có vết bầm.');
  await page.getByTestId('child-emergency-mark-save').click();
  await expect(emergency).toHaveAttribute('data-open', 'true');
  await expect(emergency.getByTestId('child-emergency-row')).toContainText(
    'Cán bộ quản lý ca xác định',
  );
  // While it waits, a second mark is not offered.
  await expect(page.getByTestId('child-emergency-mark')).toHaveCount(0);

  // An adult's case has no child emergency panel at all.
  await page.getByTestId('nav-workspace').click();
  await page.getByTestId('walk-in').click();
  await openCaseWithConsent(page, {
    fullName: `Phạm Thị Thử ${token}`,
    phone: uniquePhone(),
    age: '31',
  });
  await expect(page.getByTestId('case-overview')).toBeVisible();
  await expect(page.getByTestId('child-emergency')).toHaveCount(0);
});
