import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  choose,
  answerRiskForm,
  chooseMany,
  openCaseWithConsent,
  signIn,
  signOut,
  snapshot,
  uniquePhone,
  uniqueToken,
} from './support';

// Demo agencies (apps/api/src/modules/seed/demo-data.ts).
const POLICE_HAI_CHAU = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000004';

/** Screenshots at a desktop and a phone width (the phone loads the page at its own width). */
async function atBothWidths(page: Page, name: string, reopen: () => Promise<void>) {
  await page.setViewportSize({ width: 1366, height: 900 });
  await snapshot(page, `${name}-1366`);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await reopen();
  await snapshot(page, `${name}-360`);
  // Back at desktop width as a desktop user loads it (the navigation opens beside the page).
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.reload();
}

test('a perpetrator is recorded with an audited reveal; a high-risk assessment offers emergency referrals; the police see the perpetrator under consent', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const token = uniqueToken();
  const perpetratorName = `Trần Văn Giả Định ${token}`;

  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('walk-in').click();
  await openCaseWithConsent(page, {
    fullName: `Đỗ Thị Thử Nghiệm ${token}`,
    phone: uniquePhone(),
    age: '31',
  });

  // The perpetrator: coded facts in the list, the identity only after a reveal.
  await page.getByTestId('case-tab-perpetrators').click();
  await expect(page.getByTestId('perpetrator-none')).toBeVisible();
  await page.getByTestId('perpetrator-add').click();
  await choose(page, 'perpetrator-form-relationship', 'perpetrator-relationship-spouse');
  await choose(page, 'perpetrator-form-sex', 'perpetrator-sex-male');
  await choose(page, 'perpetrator-form-age-group', 'perpetrator-age-25_59');
  await page.getByTestId('perpetrator-full-name').fill(perpetratorName);
  await page.getByTestId('perpetrator-aliases').fill('Anh Ba, Ba Râu');
  await page.getByTestId('perpetrator-phone').fill('0900000123');
  await page.getByTestId('perpetrator-id-number').fill('079123456789');
  await snapshot(page, 'perpetrator-form');
  await page.getByTestId('perpetrator-save').click();
  const record = page.getByTestId('perpetrator-record');
  await expect(record).toHaveCount(1);
  await expect(record).toContainText('Vợ/chồng');
  await expect(record).toContainText('Đã ghi danh tính');
  await expect(record).not.toContainText(perpetratorName);
  await page.getByTestId('perpetrator-reveal').click();
  await expect(page.getByTestId('perpetrator-identity')).toContainText(perpetratorName);
  await expect(page.getByTestId('perpetrator-identity')).toContainText('Anh Ba, Ba Râu');
  await atBothWidths(page, 'perpetrator-tab', async () => {
    await page.getByTestId('case-tab-perpetrators').click();
    await page.getByTestId('perpetrator-reveal').click();
    await expect(page.getByTestId('perpetrator-identity')).toBeVisible();
  });

  // Consent to share with the police, naming the perpetrator's identity.
  await page.getByTestId('case-tab-consents').click();
  await page.getByTestId('sharing-add').click();
  await chooseMany(page, 'sharing-agency-types', ['sharing-agency-police']);
  await chooseMany(page, 'sharing-categories', [
    'sharing-category-incident_facts',
    'sharing-category-risk_level',
    'sharing-category-perpetrator_info',
    'sharing-category-perpetrator',
  ]);
  await page.getByTestId('sharing-save').click();
  await expect(page.getByTestId('consent-row')).toHaveCount(2);

  // A high-risk assessment with an injury: the risk tab offers police and health, as emergencies.
  await page.getByTestId('case-tab-risk').click();
  await expect(page.getByTestId('risk-urgent')).toHaveCount(0);
  await page.getByTestId('risk-new').click();
  await answerRiskForm(page, ['strangulation', 'injury']);
  await page.getByTestId('risk-save').click();
  await expect(page.getByTestId('risk-level')).toHaveText('Cao');
  const urgent = page.getByTestId('risk-urgent');
  await expect(urgent.getByTestId('risk-urgent-offer')).toHaveCount(2);
  await expect(urgent).toContainText('Bảo vệ của công an');
  await atBothWidths(page, 'risk-urgent', async () => {
    await page.getByTestId('case-tab-risk').click();
    await expect(page.getByTestId('risk-urgent')).toBeVisible();
  });

  await page.getByTestId('case-tab-risk').click();
  await urgent.getByTestId('risk-urgent-refer').click();
  const rows = page.getByTestId('refer-row');
  await expect(rows).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    await expect(rows.nth(i).getByTestId('refer-urgency')).toContainText('Khẩn cấp');
  }
  await expect(rows.nth(0).getByTestId('refer-services')).toContainText('Bảo vệ của công an');
  await expect(rows.nth(1).getByTestId('refer-services')).toContainText('Cấp cứu');
  await expect(
    rows.nth(0).getByTestId('refer-packet-perpetrator').locator('input[type="checkbox"]'),
  ).toBeChecked();
  await snapshot(page, 'risk-urgent-dialog-1366');
  await page.setViewportSize({ width: 360, height: 800 });
  await snapshot(page, 'risk-urgent-dialog-360');
  await page.setViewportSize({ width: 1366, height: 900 });

  // Health has no consent here: send the police row only (its consent covers the packet).
  await rows.nth(1).getByTestId('refer-remove-row').click();
  await expect(rows).toHaveCount(1);
  const police = rows.nth(0);
  // The commune's police, chosen whatever the dialog suggested first.
  await police.getByTestId('refer-agency').click();
  await page.getByTestId(`refer-agency-option-${POLICE_HAI_CHAU}`).click();
  await expect(police.getByTestId('consent-check-covered')).toBeVisible();
  await page.getByTestId('refer-submit').click();
  await expect(page.getByTestId('refer-dialog')).toHaveCount(0);
  const sent = page.locator(`[data-testid="referral-row"][data-agency-id="${POLICE_HAI_CHAU}"]`);
  await expect(sent).toHaveAttribute('data-status', 'sent');
  const code = (await sent.textContent())?.match(/CG-\d{4}-\d{6}/)?.[0];
  expect(code).toBeTruthy();
  await signOut(page);

  // The police liaison's packet shows who the perpetrator is.
  await signIn(page, DEMO_USERNAMES.police_liaison, DEMO_PASSWORD);
  await page
    .locator(`[data-testid="inbox-row"][data-code="${code}"]`)
    .getByTestId('inbox-row-code')
    .click();
  const records = page.getByTestId('packet-perpetrator-records');
  await expect(records).toContainText(perpetratorName);
  await expect(records).toContainText('079123456789');
  await atBothWidths(page, 'packet-perpetrator', async () => {
    await expect(page.getByTestId('packet-perpetrator-records')).toBeVisible();
  });
});
