import type { ReportExportQuery } from '@caunoi/shared/contracts';

/** The download buttons of a report (a centre's periodic report, the province's consolidated one). */
export const REPORT_EXPORT_BUTTONS = [
  { format: 'xlsx', label: 'stats.exportXlsx' },
  { format: 'pdf', label: 'stats.exportPdf' },
] as const satisfies readonly { format: ReportExportQuery['format']; label: string }[];

/** Hands a downloaded file to the browser under a name (the API's exports arrive as blobs). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
