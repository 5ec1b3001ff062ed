import type { Page } from '@playwright/test';
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
  vietnamLocal,
} from './support';

/** The same screen at a phone's width and a desktop's, both kept with the run's screenshots. */
async function snapshotBoth(page: Page, name: string): Promise<void> {
  await snapshot(page, `${name}-1366`);
  await page.setViewportSize({ width: 360, height: 800 });
  await snapshot(page, `${name}-360`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('a caseworker requests a no-contact order; the commune officer grants it for 3 days; the commune police record the supervision plan; a breach is reported', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const token = uniqueToken();

  // The caseworker opens a case whose incident happened in Hải Châu.
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('walk-in').click();
  await openCaseWithConsent(page, {
    fullName: `Lê Thị Bảo Vệ ${token}`,
    phone: uniquePhone(),
    age: '33',
  });
  const caseUrl = page.url();
  await page.getByTestId('case-tab-incidents').click();
  await page.getByTestId('incident-add').click();
  await page.getByTestId('incident-occurred-at').fill(vietnamLocal(10));
  await page.getByTestId('incident-discovered-at').fill(vietnamLocal(9));
  await chooseByText(page, 'incident-commune', 'Phường Hải Châu');
  await page.getByTestId('classification-no').click();
  await page.getByTestId('classification-no').click();
  await page.getByTestId('classification-yes').click();
  await page.getByTestId('incident-dv-physical').click();
  await page.getByTestId('incident-save').click();
  await expect(page.getByTestId('incident-row')).toHaveCount(1);

  // An agency's request without the victim's consent is refused, naming the consent.
  await page.getByTestId('case-tab-protection').click();
  await page.getByTestId('protection-request-open').click();
  await page.getByTestId('protection-grounds').fill('Bị đe dọa nhiều lần tại nhà (tổng hợp)');
  await page.getByTestId('protection-request-submit').click();
  await expect(page.getByTestId('protection-consent-error')).toHaveText(
    'Cơ quan đề nghị phải có sự đồng ý của người bị bạo lực.',
  );
  await page.getByTestId('protection-consent').locator('input[type="checkbox"]').check();
  await page.getByTestId('protection-request-submit').click();
  const row = page.getByTestId('protection-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('protection-status')).toHaveText('Đang chờ quyết định');
  await expect(row.getByTestId('protection-decide-by')).toContainText(/còn 1[12] giờ/);
  const code = ((await row.getByTestId('protection-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^BV-\d{4}-\d{6}$/);
  await snapshotBoth(page, 'protection-case-requested');
  await signOut(page);

  // The commune officer lands on the committee's inbox and decides within the countdown.
  await signIn(page, DEMO_USERNAMES.commune_officer, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/protection$/);
  const request = page.getByTestId('protection-inbox-row').filter({ hasText: code });
  await expect(request.getByTestId('protection-inbox-countdown')).toContainText(/còn 1[12] giờ/);
  // A packet, not the case: no survivor code, no name.
  await expect(page.getByTestId('protection-inbox-list')).not.toContainText(token);
  await snapshotBoth(page, 'protection-commune-inbox');
  await request.getByTestId('protection-inbox-open').click();
  await expect(page.getByTestId('measure-grounds')).toHaveText(
    'Bị đe dọa nhiều lần tại nhà (tổng hợp)',
  );
  await page.getByTestId('measure-grant-3-days').click();
  await page.getByTestId('measure-decision-number').fill('15/QĐ-UBND');
  await snapshotBoth(page, 'protection-commune-decide');
  await page.getByTestId('measure-decision-submit').click();
  await expect(page.getByTestId('measure-decided')).toBeVisible();
  await expect(page.getByTestId('measure-status')).toHaveText('Đang có hiệu lực');
  await expect(page.getByTestId('measure-print')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('measure-decision-document')).toContainText('QUYẾT ĐỊNH');
  await expect(page.getByTestId('measure-decision-document')).toContainText(code);
  await snapshot(page, 'protection-decision-print');
  await page.emulateMedia({ media: 'screen' });
  await signOut(page);

  // The commune police see the order in force in their area and record the supervision plan.
  await signIn(page, DEMO_USERNAMES.police_liaison, DEMO_PASSWORD);
  await page.getByTestId('nav-protection').click();
  await page.getByTestId('protection-tab-in_force').click();
  const order = page.getByTestId('protection-inbox-row').filter({ hasText: code });
  await expect(order.getByTestId('protection-inbox-supervision-due')).toContainText('phút');
  await snapshotBoth(page, 'protection-police-orders');
  await order.getByTestId('protection-inbox-open').click();
  await page.getByTestId('measure-plan-officer').fill('Thượng úy Minh Họa');
  await page
    .getByTestId('measure-plan-text')
    .fill('Tuần tra hai lần mỗi ngày, liên lạc qua điện thoại');
  await page.getByTestId('measure-plan-submit').click();
  await expect(page.getByTestId('measure-supervision-plan')).toContainText('Thượng úy Minh Họa');
  await snapshotBoth(page, 'protection-police-plan');
  await signOut(page);

  // The caseworker reports a breach from the case: the order shows it.
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  // Landed first: going to the case before the session is restored finds the sign-in page.
  await expect(page.getByTestId('workspace-title')).toBeVisible();
  await page.goto(caseUrl);
  await page.getByTestId('case-tab-protection').click();
  await expect(row.getByTestId('protection-status')).toHaveText('Đang có hiệu lực');
  await row.getByTestId('protection-breach-open').click();
  await row.getByTestId('protection-breach-submit').click();
  await expect(row.getByTestId('protection-breach-reported')).toBeVisible();
  await expect(row.getByTestId('protection-status')).toHaveText('Có vi phạm');
  await snapshotBoth(page, 'protection-case-breached');
});
