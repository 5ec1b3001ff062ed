import { expect, test } from '@playwright/test';
import { DEMO_USERNAMES, chooseByText, snapshot, uniqueToken, signInAnyOf } from './support';

test('admin finds a commune without diacritics, renames it, then merges another into it', async ({
  page,
}) => {
  // Two changes through the UI on a loaded machine: more than the default 30 s.
  test.setTimeout(300_000);
  const newName = `Phường Ngọc Hà ${uniqueToken()}`;

  await signInAnyOf(page, DEMO_USERNAMES.admin);
  await page.getByTestId('nav-units').click();
  await expect(page.getByTestId('units-title')).toHaveText('Đơn vị hành chính');
  // The admin's own province comes first: Đà Nẵng's communes.
  await expect(page.getByTestId('unit-row').filter({ hasText: 'Phường Hải Châu' })).toHaveCount(1);

  await chooseByText(page, 'units-filter-province', 'Thành phố Hà Nội');
  await page.getByTestId('units-search').fill('ngoc ha');
  const row = page.getByTestId('unit-row').filter({ hasText: 'Phường Ngọc Hà' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('00008');
  await expect(row.getByTestId('unit-status')).toHaveText('Đang có hiệu lực');
  await snapshot(page, 'admin-units');
  await row.getByTestId('unit-link').click();

  await expect(page.getByTestId('unit-name')).toHaveText('Phường Ngọc Hà');
  await page.getByTestId('unit-rename').click();
  await page.getByTestId('unit-new-name').fill(newName);
  await page.getByTestId('unit-change-save').click();
  await expect(page.getByTestId('unit-name')).toHaveText(newName);
  const history = page.getByTestId('unit-history');
  await expect(history).toContainText('Phường Ngọc Hà');
  await expect(history).toContainText(newName);
  await expect(page.getByTestId('unit-code')).toHaveText('00008');

  // Merge Phường Ba Đình into it: the page then shows the unit that carries on, with Ba Đình under it.
  await page.getByTestId('unit-back').click();
  await chooseByText(page, 'units-filter-province', 'Thành phố Hà Nội');
  await page.getByTestId('units-search').fill('ba dinh');
  await page
    .getByTestId('unit-row')
    .filter({ hasText: 'Phường Ba Đình' })
    .getByTestId('unit-link')
    .click();
  await expect(page.getByTestId('unit-name')).toHaveText('Phường Ba Đình');
  await page.getByTestId('unit-merge').click();
  await chooseByText(page, 'unit-merge-successor', newName);
  await snapshot(page, 'admin-unit-merge');
  await page.getByTestId('unit-change-save').click();

  await expect(page.getByTestId('unit-name')).toHaveText(newName);
  await expect(page.getByTestId('unit-predecessors')).toContainText('Phường Ba Đình (00004)');
  await page.getByTestId('unit-predecessors').getByRole('link').click();
  await expect(page.getByTestId('unit-detail-status')).toContainText('Hết hiệu lực');
  await expect(page.getByTestId('unit-successor')).toContainText(newName);
});
