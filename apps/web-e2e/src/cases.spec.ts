import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  choose,
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

test('a caseworker adds an incident by the classification questions; the supervisor reads the access log', async ({
  page,
}) => {
  const token = uniqueToken();
  const fullName = `Trần Thị Thử Nghiệm ${token}`;

  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await expect(page.getByTestId('workspace-title')).toBeVisible();
  // The first Tab reaches the skip link, which takes the keyboard past the menus to the page.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await snapshot(page, 'skip-link-focused');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The case list's filters wrap on a phone.
  await page.getByTestId('tab-cases').click();
  await snapshotAt(page, 'cases-list', [360, 1366], ['cases-filters']);
  await page.getByTestId('walk-in').click();
  await expect(page.getByTestId('open-case-title')).toHaveText('Tiếp nhận trực tiếp');
  const code = await openCaseWithConsent(page, { fullName, phone: uniquePhone(), age: '41' });

  // Revealing the identity is the user's choice, and it is logged.
  await expect(page.getByTestId('identity-fullName')).toHaveText('●●●●');
  await page.getByTestId('identity-reveal').click();
  await expect(page.getByTestId('identity-fullName')).toHaveText(fullName);

  await page.getByTestId('case-tab-incidents').click();
  await page.getByTestId('incident-add').click();
  await page.getByTestId('incident-occurred-at').fill(vietnamLocal(48));
  // Discovered before it happened: refused before it is sent.
  await page.getByTestId('incident-discovered-at').fill(vietnamLocal(72));
  await page.getByTestId('incident-discovered-at').blur();
  await expect(page.getByTestId('incident-discovered-at-error')).toHaveText(
    'Thời điểm phát hiện không được trước thời điểm xảy ra.',
  );
  await page.getByTestId('incident-discovered-at').fill(vietnamLocal(24));
  await choose(page, 'incident-commune', undefined, 0);

  // The GBVIMS type follows from the answers, asked one at a time.
  const question = page.getByTestId('classification-question');
  await expect(question).toContainText('xâm nhập');
  await page.getByTestId('classification-no').click();
  await expect(question).toContainText('tiếp xúc tình dục');
  await page.getByTestId('classification-no').click();
  await expect(question).toContainText('bạo lực thể chất');
  await page.getByTestId('classification-yes').click();
  await expect(page.getByTestId('classification-result')).toHaveText(
    'Loại vụ việc theo GBVIMS: Bạo lực thể chất',
  );

  await page.getByTestId('incident-dv-physical').click();
  await page.getByTestId('incident-context-domestic_violence').click();
  await page.getByTestId('perpetrator-add').click();
  await choose(page, 'perpetrator-relationship', 'relationship-option-spouse');
  await expect(page.getByTestId('perpetrator-family')).toHaveText(
    'Thuộc phạm vi gia đình (Luật PCBLGĐ)',
  );
  await page.getByTestId('incident-save').click();

  const incident = page.getByTestId('incident-row');
  await expect(incident).toHaveCount(1);
  await expect(incident.getByTestId('incident-type')).toHaveText('Bạo lực thể chất');
  await expect(incident).toContainText('Vợ/chồng');

  // The facts are corrected with a reason (the form starts from what is on file); history kept.
  await incident.getByTestId('incident-correct').click();
  const correction = incident.getByTestId('incident-correct-form');
  await correction.getByTestId('incident-description').fill('Sự việc xảy ra buổi tối, tại nhà.');
  await correction.getByTestId('incident-correct-reason').fill('Chị kể lại chính xác hơn');
  await snapshot(page, 'incident-correction-form');
  await correction.getByTestId('incident-correct-save').click();
  await expect(correction).toHaveCount(0);
  await expect(incident).toContainText('Sự việc xảy ra buổi tối, tại nhà.');
  await incident.getByTestId('correction-history-toggle').click();
  await expect(incident.getByTestId('correction-entry')).toContainText('Chị kể lại chính xác hơn');
  await signOut(page);

  // The supervisor finds the case by its code and sees who read it.
  await signInAnyOf(page, DEMO_USERNAMES.supervisor);
  await expect(page.getByTestId('workspace-title')).toHaveText('Nhóm của tôi');
  await page.getByTestId('tab-cases').click();
  await page.getByTestId('cases-filter-code').fill(code);
  const link = page.getByTestId('case-link').filter({ hasText: code });
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page.getByTestId('case-code')).toHaveText(code);
  await page.getByTestId('case-tab-access-log').click();

  const caseworkerRows = page
    .getByTestId('access-log-row')
    .filter({ hasText: 'Cán bộ Ca Minh Họa' });
  await expect(caseworkerRows.filter({ hasText: 'Xem thông tin định danh' })).toHaveCount(1);
  await expect(caseworkerRows.first()).toBeVisible();
  await expect(page.getByTestId('access-log-table')).toContainText('Xem hồ sơ');
  await expect(page.locator('body')).not.toContainText(fullName);
  await snapshot(page, 'case-access-log');
});

test('a case the user may not see is "not found", without saying whether it exists', async ({
  page,
}) => {
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await expect(page.getByTestId('workspace-title')).toBeVisible();
  await page.goto('/cases/00000000-0000-4000-8000-000000000000');
  await expect(page.getByTestId('not-found')).toContainText(
    'Không tìm thấy bản ghi này, hoặc bạn không có quyền xem bản ghi này.',
  );
});
