import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Workbook } from 'exceljs';
import { DEMO_USERNAMES, HAI_CHAU, choose, openCases, snapshot, signInAnyOf } from './support';

/** pdf.js (pdf-parse) in its own Node process: the PDF's text, or its first page as PNG. */
function pdfTool(pdf: Buffer, what: 'text' | 'png', password = ''): Buffer {
  const script = `
const { PDFParse } = require(process.argv[1]);
const data = new Uint8Array(require('fs').readFileSync(0));
const parser = new PDFParse({ data, password: process.argv[3] || undefined });
(async () => {
  if (process.argv[2] === 'text') process.stdout.write((await parser.getText()).text);
  else process.stdout.write(Buffer.from((await parser.getScreenshot({ partial: [1], scale: 1.5 })).pages[0].data));
  await parser.destroy();
})();`;
  // pdf.js takes an AES-256 file's password as its UTF-8 bytes, one character per byte.
  const bytes = Buffer.from(password, 'utf8').toString('latin1');
  const args = ['-e', script, require.resolve('pdf-parse'), what, bytes];
  return execFileSync(process.execPath, args, {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
}

async function downloaded(page: Page, testId: string): Promise<{ file: Download; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return { file, body: readFileSync(await file.path()) };
}

/** Every cell value of every sheet. */
async function xlsxCells(body: Buffer): Promise<(string | number)[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: (string | number)[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' || typeof cell.value === 'number')
          cells.push(cell.value);
      }),
    ),
  );
  return cells;
}

test('a reporting officer reads the dashboard, filters a commune and downloads XLSX and PDF with "<5" kept', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // Two survivors of sex "other": a small count the charts and the files must hide.
  await openCases(request, 2, { sex: 'other' });
  await openCases(request, 6, { sex: 'female' });

  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAnyOf(page, DEMO_USERNAMES.reporting_officer);
  await page.getByTestId('nav-statistics').click();
  await expect(page.getByTestId('statistics-title')).toHaveText('Thống kê');

  // The dashboard: the trend and the breakdowns as charts, "<5" a mark and never a bar height.
  await expect(page.getByTestId('stats-chart-trend').locator('svg')).toBeVisible({
    timeout: 20_000,
  });
  const sexChart = page.getByTestId('stats-chart-sex');
  await expect(sexChart.locator('svg')).toContainText('<5', { timeout: 20_000 });
  await expect(page.getByTestId('stats-chart-commune')).toBeVisible();
  await sexChart.scrollIntoViewIfNeeded();
  await snapshot(page, 'statistics-exports-dashboard-1366');

  // Hải Châu this year: the filters go to the URL.
  await choose(page, 'stats-area', `stats-area-${HAI_CHAU}`);
  await page.getByTestId('stats-show').click();
  await expect(page).toHaveURL(new RegExp(`area=${HAI_CHAU}`));
  await expect(page.getByTestId('stats-block')).toContainText('Phường Hải Châu');
  // A commune chosen: no per-commune chart.
  await expect(page.getByTestId('stats-chart-commune')).toHaveCount(0);

  // The table view of a chart: the same published numbers.
  await page.getByTestId('stats-chart-toggle-sex').click();
  const table = page.getByTestId('stats-chart-table-sex');
  await expect(table.locator('tr', { hasText: 'Khác' }).locator('td')).toHaveText('<5');
  await snapshot(page, 'statistics-exports-commune-table-1366');

  // XLSX: Vietnamese labels, "<5" as text, no count from 1 to 4.
  const xlsx = await downloaded(page, 'stats-export-xlsx');
  expect(xlsx.file.suggestedFilename()).toBe('thong-ke.xlsx');
  const cells = await xlsxCells(xlsx.body);
  expect(cells).toContain('Số liệu thống kê');
  expect(cells).toContain('<5');
  expect(cells.filter((c) => typeof c === 'number' && c >= 1 && c <= 4)).toEqual([]);

  // PDF: the text holds the diacritics and "<5"; its first page rendered to look at.
  const pdf = await downloaded(page, 'stats-export-pdf');
  expect(pdf.file.suggestedFilename()).toBe('thong-ke.pdf');
  const text = pdfTool(pdf.body, 'text').toString('utf8');
  expect(text).toContain('Số liệu thống kê');
  expect(text).toContain('Địa bàn: ');
  expect(text).toMatch(/Khác\s+<5/);
  const png = pdfTool(pdf.body, 'png');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  writeFileSync(
    resolve(__dirname, '../test-results/screenshots', 'statistics-exports-pdf-page1.png'),
    png,
  );

  // A password for the file: too short is refused on the field, and a CSV cannot carry one.
  const password = page.getByTestId('export-password');
  await password.fill('ngắn');
  await page.getByTestId('stats-export-pdf').click();
  await expect(page.locator('cn-export-password mat-error')).toHaveText(
    'Mật khẩu cho tệp quá ngắn.',
  );
  await password.fill('Hải Châu 12/2026');
  await expect(page.getByTestId('stats-export')).toBeDisabled();
  await snapshot(page, 'statistics-exports-password-1366');
  const locked = await downloaded(page, 'stats-export-pdf');
  expect(locked.file.suggestedFilename()).toBe('thong-ke.pdf');
  expect(() => pdfTool(locked.body, 'text')).toThrow();
  expect(pdfTool(locked.body, 'text', 'Hải Châu 12/2026').toString('utf8')).toContain(
    'Số liệu thống kê',
  );

  // On a phone.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.getByTestId('stats-chart-sex').locator('svg')).toContainText('<5', {
    timeout: 20_000,
  });
  await page.getByTestId('stats-chart-sex').scrollIntoViewIfNeeded();
  await snapshot(page, 'statistics-exports-dashboard-360');
});
