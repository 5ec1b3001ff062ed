import { randomBytes } from 'node:crypto';
import type PdfMake from 'pdfmake';
import type RobotoFonts from 'pdfmake/fonts/Roboto';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ExportDocument, ExportTable, ExportValue, Translate } from './export-document';

let pdfMake: typeof PdfMake | null = null;

/**
 * pdfmake, loaded on the first PDF rather than when the API starts: every API process, worker and test
 * file would otherwise pay for loading it. Roboto has every Vietnamese letter; its files are embedded
 * (subset) in each PDF. The documents are built from our own data only: no URL and no other local file
 * is ever read.
 */
function printer(): typeof PdfMake {
  if (pdfMake) return pdfMake;
  const loaded = require('pdfmake') as typeof PdfMake;
  const robotoFonts = require('pdfmake/fonts/Roboto') as typeof RobotoFonts;
  const fontFiles = new Set(Object.values(robotoFonts.Roboto));
  loaded.setFonts(robotoFonts);
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy((path) => fontFiles.has(path));
  pdfMake = loaded;
  return loaded;
}

const SUPPRESSED_COLOUR = '#6b4e00';

function valueCell(value: ExportValue, language: string): TableCell {
  if (value === null) return { text: '' };
  if (value === '<5')
    return { text: '<5', italics: true, color: SUPPRESSED_COLOUR, alignment: 'right' };
  if (typeof value === 'object' && 'text' in value) return { text: value.text };
  if (typeof value === 'object') {
    return {
      text: `${(value.share * 100).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', {
        maximumFractionDigits: 1,
      })}%`,
      alignment: 'right',
    };
  }
  return { text: String(value), alignment: 'right' };
}

function tableContent(t: Translate, table: ExportTable, language: string): Content {
  return {
    unbreakable: table.rows.length <= 12,
    stack: [
      { text: table.title, style: 'tableTitle' },
      {
        table: {
          headerRows: 1,
          widths: ['*', ...table.columns.map(() => 70)],
          body: [
            [
              { text: t('stats.category'), bold: true },
              ...table.columns.map((text) => ({ text, bold: true, alignment: 'right' as const })),
            ],
            ...table.rows.map((row) => [
              { text: row.label },
              ...row.values.map((v) => valueCell(v, language)),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
    ],
    margin: [0, 0, 0, 10],
  };
}

/** The document as a PDF (A4, Roboto embedded so every diacritic renders). */
export function toPdf(doc: ExportDocument, t: Translate, password?: string): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    ...(password !== undefined && pdfProtection(password)),
    info: { title: doc.title, creator: 'Cầu Nối', producer: 'Cầu Nối' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      title: { fontSize: 15, bold: true, margin: [0, 0, 0, 6] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 6] },
      tableTitle: { bold: true, margin: [0, 0, 0, 2] },
      legend: { italics: true, color: SUPPRESSED_COLOUR, margin: [0, 4, 0, 8] },
    },
    footer: (page: number, pages: number) => ({
      text: `${page}/${pages}`,
      alignment: 'center',
      fontSize: 8,
    }),
    content: [
      { text: doc.title, style: 'title' },
      ...doc.lines.map((text) => ({ text })),
      { text: doc.legend, style: 'legend' },
      ...doc.sections.flatMap((section): Content[] => [
        { text: section.heading, style: 'heading' },
        ...(section.paragraphs ?? []).map((text) => ({ text, margin: [0, 0, 0, 6] }) as Content),
        ...section.tables.map((table) => tableContent(t, table, doc.language)),
      ]),
    ],
  };
  return pdfBuffer(definition);
}

/**
 * AES-256 security (pdfkit's, revision 5): the file opens only with the user's password, prepared by
 * SASLprep and UTF-8 as the standard says. The owner password, which would lift the restrictions, is
 * random and forgotten; printing, copying and screen readers stay allowed.
 */
function pdfProtection(password: string): Partial<TDocumentDefinitions> {
  return {
    version: '1.7ext3',
    userPassword: password,
    ownerPassword: randomBytes(32).toString('base64'),
    permissions: {
      printing: 'highResolution',
      copying: true,
      contentAccessibility: true,
      modifying: false,
      annotating: false,
      fillingForms: false,
      documentAssembly: false,
    },
  };
}

/** Any document definition as PDF bytes, with the font and access policy above. */
export function pdfBuffer(definition: TDocumentDefinitions): Promise<Buffer> {
  return printer().createPdf(definition).getBuffer();
}
