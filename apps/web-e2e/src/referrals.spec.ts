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
} from './support';

// Demo agencies (apps/api/src/modules/seed/demo-data.ts).
const POLICE_HAI_CHAU = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000004';
const HEALTH = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000005';

/** Fills one row of the refer dialog. */
async function fillReferral(
  page: Page,
  index: number,
  r: { type: string; agencyId: string; service: string; urgency: string; packet: string[] },
) {
  const row = page.getByTestId('refer-row').nth(index);
  await row.getByTestId('refer-agency-type').click();
  await page.getByTestId(`refer-agency-type-${r.type}`).click();
  await row.getByTestId('refer-agency').click();
  await page.getByTestId(`refer-agency-option-${r.agencyId}`).click();
  await row.getByTestId('refer-services').click();
  await page.getByTestId(`refer-service-${r.service}`).click();
  await page.keyboard.press('Escape');
  await row.getByTestId('refer-urgency').click();
  await page.getByTestId(`refer-urgency-${r.urgency}`).click();
  await row
    .getByTestId('refer-reason')
    .fill('Cần hỗ trợ theo yêu cầu của người bị bạo lực (tổng hợp)');
  for (const category of r.packet) {
    await row.getByTestId(`refer-packet-${category}`).locator('input[type="checkbox"]').check();
  }
  await expect(row.getByTestId('consent-check-covered')).toBeVisible();
}

test('a caseworker refers one case to police and health at once; police accept and record a summons, health decline; the caseworker sees both answers', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const token = uniqueToken();

  // The caseworker opens a case and records the survivor's consent to share with police and health.
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('walk-in').click();
  await openCaseWithConsent(page, {
    fullName: `Trần Thị Chuyển Gửi ${token}`,
    phone: uniquePhone(),
    age: '29',
  });
  const caseUrl = page.url();
  await page.getByTestId('case-tab-consents').click();
  await page.getByTestId('sharing-add').click();
  await chooseMany(page, 'sharing-agency-types', [
    'sharing-agency-police',
    'sharing-agency-health',
  ]);
  await chooseMany(page, 'sharing-categories', [
    'sharing-category-incident_facts',
    'sharing-category-injuries_medical',
    'sharing-category-risk_level',
  ]);
  await page.getByTestId('sharing-save').click();
  await expect(page.getByTestId('consent-row')).toHaveCount(2);

  // One dialog, two agencies. Ticking a category no consent covers shows the gap and the override path.
  await page.getByTestId('case-refer').click();
  await expect(page.getByTestId('refer-dialog')).toBeVisible();
  await fillReferral(page, 0, {
    type: 'police',
    agencyId: POLICE_HAI_CHAU,
    service: 'police_protection',
    urgency: 'urgent',
    packet: ['incident_facts', 'risk_level'],
  });
  const policeRow = page.getByTestId('refer-row').nth(0);
  await policeRow
    .getByTestId('refer-packet-perpetrator_info')
    .locator('input[type="checkbox"]')
    .check();
  await expect(policeRow.getByTestId('consent-check-missing')).toBeVisible();
  await expect(policeRow.getByTestId('referral-override')).toBeVisible();
  await policeRow
    .getByTestId('refer-packet-perpetrator_info')
    .locator('input[type="checkbox"]')
    .uncheck();
  await expect(policeRow.getByTestId('consent-check-covered')).toBeVisible();
  await page.getByTestId('refer-add-row').click();
  await fillReferral(page, 1, {
    type: 'health',
    agencyId: HEALTH,
    service: 'emergency_medical_care',
    urgency: 'emergency',
    packet: ['injuries_medical'],
  });
  await snapshot(page, 'referral-dialog');
  await page.getByTestId('refer-submit').click();
  await expect(page.getByTestId('refer-dialog')).toHaveCount(0);
  const rows = page.getByTestId('referral-row');
  await expect(rows).toHaveCount(2);
  await expect(
    page.locator(`[data-testid="referral-row"][data-agency-id="${POLICE_HAI_CHAU}"]`),
  ).toHaveAttribute('data-status', 'sent');
  const policeCode = (
    await page
      .locator(`[data-testid="referral-row"][data-agency-id="${POLICE_HAI_CHAU}"]`)
      .textContent()
  )?.match(/CG-\d{4}-\d{6}/)?.[0];
  const healthCode = (
    await page.locator(`[data-testid="referral-row"][data-agency-id="${HEALTH}"]`).textContent()
  )?.match(/CG-\d{4}-\d{6}/)?.[0];
  expect(policeCode).toBeTruthy();
  expect(healthCode).toBeTruthy();
  await signOut(page);

  // The police liaison sees the referral with its packet only, accepts it and records a summons.
  await signIn(page, DEMO_USERNAMES.police_liaison, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/inbox$/);
  const policeRowInInbox = page.locator(`[data-testid="inbox-row"][data-code="${policeCode}"]`);
  await expect(policeRowInInbox).toBeVisible();
  await snapshot(page, 'referral-police-inbox');
  // On a phone the inbox is a list of cards, as wide as the screen.
  await snapshotAt(page, 'referral-police-inbox', [360, 1366], ['inbox-table-wrap']);
  await policeRowInInbox.getByTestId('inbox-row-code').click();
  await expect(page.getByTestId('referral-code')).toHaveText(policeCode as string);
  await expect(page.getByTestId('packet-incidents')).toBeVisible();
  await expect(page.getByTestId('packet-risk')).toBeVisible();
  await expect(page.getByTestId('packet-identity')).toHaveCount(0);
  await expect(page.getByText(`Trần Thị Chuyển Gửi ${token}`)).toHaveCount(0);
  await page.getByTestId('referral-accept').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('referral-status')).toHaveText(/Đã tiếp nhận/);
  await page.getByTestId('referral-record-service').click();
  await choose(page, 'service-type', 'service-type-police_protection');
  await choose(page, 'service-outcome', 'service-outcome-provided');
  await page
    .getByTestId('service-sector-summonsToCommunePolice')
    .locator('input[type="checkbox"]')
    .check();
  await page.getByTestId('service-note').fill('Đã triệu tập người gây bạo lực lên công an phường');
  await page.getByTestId('service-submit').click();
  await expect(page.getByTestId('service-record')).toHaveCount(1);
  await expect(page.getByTestId('referral-status')).toHaveText(/Đang cung cấp dịch vụ/);
  await snapshot(page, 'referral-police-detail');
  await signOut(page);

  // The health liaison declines with a reason.
  await signIn(page, DEMO_USERNAMES.health_liaison, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/inbox$/);
  await page
    .locator(`[data-testid="inbox-row"][data-code="${healthCode}"]`)
    .getByTestId('inbox-row-code')
    .click();
  await expect(page.getByTestId('packet-injuries')).toBeVisible();
  await expect(page.getByTestId('packet-incidents')).toHaveCount(0);
  await page.getByTestId('referral-decline').click();
  await choose(page, 'decline-reason', 'decline-reason-no_capacity');
  await page.getByTestId('decline-submit').click();
  await expect(page.getByTestId('referral-status')).toHaveText(/Từ chối/);
  await expect(page.getByTestId('referral-closed-banner')).toBeVisible();
  await signOut(page);

  // Back at the case: both answers on the panel and on the timeline.
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await expect(page.getByTestId('notifications-bell')).toBeVisible();
  await page.goto(caseUrl);
  await page.getByTestId('case-tab-referrals').click();
  await expect(
    page.locator(`[data-testid="referral-row"][data-agency-id="${POLICE_HAI_CHAU}"]`),
  ).toHaveAttribute('data-status', 'in_service');
  const declined = page.locator(`[data-testid="referral-row"][data-agency-id="${HEALTH}"]`);
  await expect(declined).toHaveAttribute('data-status', 'declined');
  await expect(declined.getByTestId('referral-decline')).toContainText(
    'Không còn khả năng tiếp nhận',
  );
  await expect(declined.getByTestId('referral-reroute')).toBeVisible();
  await page.getByTestId('case-tab-timeline').click();
  const events = page.getByTestId('timeline-entry');
  await expect(page.locator('[data-testid="timeline-entry"][data-event="declined"]')).toHaveCount(
    1,
  );
  await expect(page.locator('[data-testid="timeline-entry"][data-event="accepted"]')).toHaveCount(
    1,
  );
  await expect(
    page.locator('[data-testid="timeline-entry"][data-event="service_recorded"]'),
  ).toHaveCount(1);
  await expect(events).toHaveCount(5);
  await snapshot(page, 'referral-case-timeline');
});
