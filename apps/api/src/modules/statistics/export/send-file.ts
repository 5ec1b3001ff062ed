import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { ExportFile } from './export-file';

/** Sends an export as a download. Headers are set once the file exists: an error keeps its JSON body. */
export function sendFile(res: Response, file: ExportFile): StreamableFile {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(file.body);
}
