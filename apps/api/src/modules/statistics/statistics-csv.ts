import type { PublishedNumber, StatisticsView } from '@caunoi/shared/contracts';

const HEADER = [
  'year',
  'period',
  'from',
  'to',
  'area',
  'population',
  'table',
  'category',
  'value',
  'denominator',
  'share',
] as const;

/** A field as CSV: quoted when it holds a separator, a quote or a line break. */
function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV export: exactly the published numbers of the view ("<5" where suppressed), with codes for
 * categories so the file reads the same in any language. A BOM lets spreadsheet programs see UTF-8.
 */
export function statisticsCsv(view: StatisticsView): string {
  const rows: (string | number | null | undefined)[][] = [[...HEADER]];
  for (const block of view.blocks) {
    const at = [block.year, block.period, block.from, block.to, view.area.code];
    for (const p of block.populations) {
      rows.push([...at, p.population, 'total', '', p.total]);
      for (const table of p.tables) {
        for (const cell of table.cells) {
          rows.push([...at, p.population, table.id, cell.category, cell.value]);
        }
      }
    }
    for (const i of block.indicators) {
      rows.push([
        ...at,
        '',
        'indicator',
        i.id,
        i.numerator as PublishedNumber,
        i.denominator,
        i.share === null ? '' : i.share.toFixed(4),
      ]);
    }
  }
  // Every row has every column, empty where it does not apply.
  const padded = rows.map((r) => [...r, ...Array<string>(HEADER.length - r.length).fill('')]);
  return `\uFEFF${padded.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
