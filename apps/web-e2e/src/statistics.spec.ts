import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { DEMO_USERNAMES, HAI_CHAU, choose, openCases, snapshot, signInAnyOf } from './support';

/** A screenshot of the screen scrolled to one part (the page scrolls inside the shell). */
async function snapshotAt(page: Page, testId: string, name: string, last = false): Promise<void> {
  const part = page.getByTestId(testId);
  await (last ? part.last() : part.first()).scrollIntoViewIfNeeded();
  await snapshot(page, name);
}

/** Every number cell on the screen is "<5", 0 or at least 5. */
async function expectNoSmallNumber(page: Page): Promise<void> {
  const cells = await page
    .locator('.stats-table td, [data-testid^="stats-total-"]')
    .allInnerTexts();
  expect(cells.length).toBeGreaterThan(20);
  for (const text of cells.map((c) => c.trim()).filter((c) => c !== '' && c !== '–')) {
    if (text === '<5' || text.endsWith('%')) continue;
    const n = Number(text.replace(/\./g, ''));
    expect([text, n === 0 || n >= 5]).toEqual([text, true]);
  }
}

test('a reporting officer reads the province statistics by period and commune, "<5" where small, and exports them', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  // Two survivors of sex "other" and three of an ethnic minority: small counts the screen must hide.
  await openCases(request, 2, { sex: 'other' });
  await openCases(request, 3, { sex: 'female', ethnicMinority: 'yes', disabilityStatus: 'no' });
  await openCases(request, 6, { sex: 'female' });

  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAnyOf(page, DEMO_USERNAMES.reporting_officer);
  await page.getByTestId('nav-statistics').click();
  await expect(page.getByTestId('statistics-title')).toHaveText('Thống kê');
  await expect(page.getByTestId('statistics-scope')).toContainText(
    'Phạm vi: các trung tâm báo cáo về',
  );
  await expect(page.getByTestId('stats-legend')).toContainText('«<5»');
  await expect(page.getByTestId('stats-cell-sex-other')).toHaveText('<5');
  await expect(page.getByTestId('stats-cell-ethnic_minority-yes')).toHaveText('<5');
  await expect(page.getByTestId('stats-trend')).toBeVisible();
  await expectNoSmallNumber(page);
  await snapshot(page, 'statistics-officer-year-1366');
  await snapshotAt(page, 'stats-population-cases', 'statistics-officer-year-cases-1366');
  await snapshotAt(page, 'stats-trend', 'statistics-officer-year-trend-1366');
  // Hotline calls, community referrals, services by sector, response times and the action month.
  for (const id of [
    'stats-population-calls',
    'stats-population-community_referrals',
    'stats-population-services',
    'stats-table-calls-call_outcome',
    'stats-table-referrals-response_time',
    'stats-table-services-service_sector',
    'stats-indicator-action_month_calls',
    'stats-indicator-services_by_sector',
  ]) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  await expect(page.getByTestId('stats-indicator-action_month_calls')).toContainText(
    'Tháng hành động (15/11–15/12)',
  );
  await snapshotAt(page, 'stats-population-calls', 'statistics-officer-year-calls-1366');
  await snapshotAt(page, 'stats-chart-response_time', 'statistics-officer-year-response-time-1366');

  // This month, in Hải Châu: the filters go to the URL.
  await choose(page, 'stats-period', 'stats-period-month');
  const month = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    month: 'numeric',
  }).format(new Date());
  await choose(page, 'stats-month', undefined, Number(month) - 1);
  await choose(page, 'stats-area', `stats-area-${HAI_CHAU}`);
  await page.getByTestId('stats-show').click();
  await expect(page).toHaveURL(
    new RegExp(`period=month.*area=${HAI_CHAU}|area=${HAI_CHAU}.*period=month`),
  );
  await expect(page.getByTestId('stats-block')).toHaveCount(1);
  await expect(page.getByTestId('stats-cell-sex-other')).toHaveText('<5');
  await expectNoSmallNumber(page);
  await snapshot(page, 'statistics-officer-month-commune-1366');

  // The CSV carries the same suppressed numbers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('stats-export').click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain(
    'year,period,from,to,area,population,table,category,value,denominator,share',
  );
  expect(csv).toMatch(/,cases,sex,other,<5,/);
  // No published value (the 9th column) is a count from 1 to 4.
  expect(csv).not.toMatch(/^(?:[^,\r\n]*,){8}[1-4](?:,|\r?$)/m);

  // At phone width, then in English.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByTestId('stats-cell-sex-other')).toHaveText('<5');
  await snapshot(page, 'statistics-officer-month-commune-360');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('statistics-title')).toHaveText('Statistics');
  await snapshotAt(page, 'stats-table-sex', 'statistics-officer-month-tables-en-360');
  await snapshotAt(page, 'stats-population-services', 'statistics-officer-month-services-en-360');
});

test('a supervisor reads their centre and a range as whole periods', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAnyOf(page, DEMO_USERNAMES.supervisor);
  await page.getByTestId('nav-statistics').click();
  await expect(page.getByTestId('statistics-scope')).toContainText(
    'Phạm vi: Trung tâm Công tác xã hội',
  );
  const year = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
      new Date(),
    ),
  );
  await page.goto(`/statistics?period=range&from=${year - 1}-11&to=${year}-12`);
  // November and December of last year, then this whole year.
  await expect(page.getByTestId('stats-block')).toHaveCount(3);
  await expectNoSmallNumber(page);
  await snapshot(page, 'statistics-supervisor-range-1366');
  await snapshotAt(page, 'stats-block', 'statistics-supervisor-range-year-block-1366', true);
  // On a phone, as the user would open it (the side nav closed).
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.getByTestId('stats-block')).toHaveCount(3);
  await expect(page.getByTestId('side-nav')).toBeHidden();
  await snapshotAt(page, 'stats-indicator-help_received', 'statistics-supervisor-range-360', true);
});
