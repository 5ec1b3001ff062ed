import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  openCaseWithConsent,
  signIn,
  snapshot,
  uniquePhone,
  uniqueToken,
  signInAnyOf,
} from './support';

test('a safety plan is made, printed on one page without the name, and a stale save shows the other change', async ({
  page,
  browser,
}) => {
  const fullName = `Phạm Thị Thử Nghiệm ${uniqueToken()}`;
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('walk-in').click();
  const code = await openCaseWithConsent(page, { fullName, phone: uniquePhone(), age: '29' });
  const caseUrl = page.url();

  await page.getByTestId('case-tab-safety-plan').click();
  await expect(page.getByTestId('safety-plan-none')).toBeVisible();
  await page.getByTestId('safety-plan-edit').click();
  // Nothing filled in: refused, in Vietnamese.
  await page.getByTestId('safety-plan-save').click();
  await expect(page.getByTestId('safety-plan-form')).toContainText(
    'Hãy điền ít nhất một mục của kế hoạch.',
  );
  await page.getByTestId('safety-plan-input-safe_places').fill('Nhà chị gái ở thôn bên');
  await page.getByTestId('safety-plan-input-code_word').fill('trời mưa to');
  await page.getByTestId('safety-plan-input-hotlines').fill('Chị gái 0900 000 001');
  await page.getByTestId('safety-plan-save').click();
  await expect(page.getByTestId('safety-plan-version')).toContainText('Phiên bản 1');
  await expect(page.getByTestId('safety-plan-safe_places')).toHaveText('Nhà chị gái ở thôn bên');

  // The printout: Vietnamese, one page, no name, no case code, no code word unless chosen.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId('safety-plan-print').click();
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('#cn-print-root');
  await expect(printed).toContainText('Kế hoạch an toàn');
  await expect(printed).toContainText('Nhà chị gái ở thôn bên');
  await expect(printed).toContainText('Công an 113');
  await expect(printed).not.toContainText('trời mưa to');
  await expect(printed).not.toContainText(code);
  await expect(printed).not.toContainText(fullName);
  await snapshot(page, 'safety-plan-print');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // The supervisor opens the plan to edit it too; the caseworker saves first.
  const other = await browser.newContext();
  const supervisor = await other.newPage();
  await signInAnyOf(supervisor, DEMO_USERNAMES.supervisor);
  await supervisor.goto(caseUrl.replace('/cases/', '/team/'));
  await supervisor.getByTestId('case-tab-safety-plan').click();
  await supervisor.getByTestId('safety-plan-edit').click();
  await supervisor
    .getByTestId('safety-plan-input-warning_signs')
    .fill('Anh ta uống rượu và đập phá');

  await page.getByTestId('safety-plan-edit').click();
  await page.getByTestId('safety-plan-input-safe_places').fill('Nhà văn hóa thôn');
  await page.getByTestId('safety-plan-save').click();
  await expect(page.getByTestId('safety-plan-version')).toContainText('Phiên bản 2');

  await supervisor.getByTestId('safety-plan-save').click();
  await expect(supervisor.getByTestId('safety-plan-stale')).toContainText(
    'Người khác vừa lưu phiên bản 2',
  );
  await expect(supervisor.getByTestId('safety-plan-safe_places')).toHaveText('Nhà văn hóa thôn');
  await expect(supervisor.getByTestId('safety-plan-input-warning_signs')).toHaveValue(
    'Anh ta uống rượu và đập phá',
  );
  await snapshot(supervisor, 'safety-plan-stale');
  // Their own text was kept over the older version: put the caseworker's change in and save again.
  await supervisor.getByTestId('safety-plan-input-safe_places').fill('Nhà văn hóa thôn');
  await supervisor.getByTestId('safety-plan-save').click();
  await expect(supervisor.getByTestId('safety-plan-version')).toContainText('Phiên bản 3');
  await expect(supervisor.getByTestId('safety-plan-history-row')).toHaveCount(3);
  await expect(supervisor.getByTestId('safety-plan-history-row').first()).toContainText(
    'Dấu hiệu cảnh báo',
  );
  await supervisor.setViewportSize({ width: 360, height: 800 });
  await supervisor.reload();
  await supervisor.getByTestId('case-tab-safety-plan').click();
  await expect(supervisor.getByTestId('safety-plan-current')).toBeVisible();
  await snapshot(supervisor, 'safety-plan-360');
  await other.close();
});
