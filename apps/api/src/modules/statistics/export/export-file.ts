import type { ExportFormat } from '@caunoi/shared/contracts';
import type { ExportDocument } from './export-document';
import { translator } from './export-document';
import { toPdf } from './pdf-export';
import { toXlsx } from './xlsx-export';
import { protectXlsx } from './xlsx-password';

/** A file ready to send: its bytes, type and name. */
export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function exportFile(format: ExportFormat, body: Buffer, name: string): ExportFile {
  return { body, contentType: CONTENT_TYPES[format], filename: `${name}.${format}` };
}

/** A document as XLSX or PDF, protected by the user's password when one is given. */
export async function renderDocument(
  doc: ExportDocument,
  format: Exclude<ExportFormat, 'csv'>,
  name: string,
  password?: string,
): Promise<ExportFile> {
  const t = translator(doc.language);
  if (format === 'pdf') return exportFile('pdf', await toPdf(doc, t, password), name);
  const xlsx = await toXlsx(doc, t);
  return exportFile(
    'xlsx',
    password === undefined ? xlsx : await protectXlsx(xlsx, password),
    name,
  );
}
