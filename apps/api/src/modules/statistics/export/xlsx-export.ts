import type * as ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { ExportDocument, ExportTable, ExportValue, Translate } from './export-document';

const SUPPRESSED_FONT = { italic: true, color: { argb: 'FF6B4E00' } };

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 28);
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}~${n}`;
  taken.add(candidate);
  return candidate;
}

function writeValue(sheet: Worksheet, row: number, column: number, value: ExportValue): void {
  const cell = sheet.getCell(row, column);
  if (value === null) return;
  if (typeof value === 'object' && 'text' in value) {
    cell.value = value.text;
    return;
  }
  if (typeof value === 'object') {
    cell.value = value.share;
    cell.numFmt = '0.0%';
    return;
  }
  cell.value = value;
  // "<5" stays text, set apart so it is never read as a number.
  if (value === '<5') {
    cell.font = SUPPRESSED_FONT;
    cell.alignment = { horizontal: 'right' };
  }
}

function writeTable(sheet: Worksheet, start: number, t: Translate, table: ExportTable): number {
  sheet.getCell(start, 1).value = table.title;
  sheet.getCell(start, 1).font = { bold: true };
  const header = sheet.getRow(start + 1);
  header.values = [t('stats.category'), t('stats.export.code'), ...table.columns];
  header.font = { bold: true };
  table.rows.forEach((row, i) => {
    const r = start + 2 + i;
    sheet.getCell(r, 1).value = row.label;
    sheet.getCell(r, 2).value = row.code;
    row.values.forEach((value, j) => writeValue(sheet, r, 3 + j, value));
  });
  return start + 2 + table.rows.length + 1;
}

/** The document as an XLSX workbook: one sheet per section, each with the title and legend on top. */
export async function toXlsx(doc: ExportDocument, t: Translate): Promise<Buffer> {
  // Loaded on the first workbook rather than when the API starts: exceljs is the largest module the
  // API uses, and every API process, worker and test file would otherwise pay for loading it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const workbook = new Workbook();
  workbook.creator = 'Cầu Nối';
  workbook.title = doc.title;
  const taken = new Set<string>();
  for (const section of doc.sections) {
    const sheet = workbook.addWorksheet(sheetName(section.name, taken));
    sheet.columns = [{ width: 48 }, { width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }];
    const heading = [doc.title, ...doc.lines, doc.legend, section.heading];
    heading.forEach((line, i) => (sheet.getCell(i + 1, 1).value = line));
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    sheet.getCell(heading.length, 1).font = { bold: true };
    let row = heading.length + 2;
    for (const paragraph of section.paragraphs ?? []) {
      sheet.getCell(row, 1).value = paragraph;
      sheet.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
      row += 2;
    }
    for (const table of section.tables) row = writeTable(sheet, row, t, table);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
