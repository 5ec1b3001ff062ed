import { Workbook } from 'exceljs';
import { execFile } from 'node:child_process';
import officeCrypto from 'officecrypto-tool';
import type { Response as AgentResponse } from 'superagent';

/** Collects a download's bytes whatever its content type. */
export function binary(res: AgentResponse, done: (err: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands the parser the response stream itself.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Every sheet of an XLSX file as rows of cell values (text, numbers; empty cells as null); a file
 * protected by a password is decrypted with it first, as Excel would.
 */
export async function readXlsx(
  body: Buffer,
  password?: string,
): Promise<Map<string, (string | number | null)[][]>> {
  const plain = password === undefined ? body : await officeCrypto.decrypt(body, { password });
  const workbook = new Workbook();
  await workbook.xlsx.load(plain as unknown as ArrayBuffer);
  const sheets = new Map<string, (string | number | null)[][]>();
  workbook.eachSheet((sheet) => {
    const rows: (string | number | null)[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values: (string | number | null)[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, 5); c++) {
        const v = row.getCell(c).value;
        values.push(typeof v === 'string' || typeof v === 'number' ? v : null);
      }
      rows.push(values);
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/**
 * pdf.js (through pdf-parse) in a child Node process: its worker is an ES module, which Jest's
 * CommonJS runtime cannot load. Reads a PDF on stdin; writes its text, or a page as PNG, on stdout.
 */
const PDF_TOOL = `
const [pdfParse, password, what, page] = process.argv.slice(1);
const { PDFParse } = require(pdfParse);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const data = new Uint8Array(Buffer.concat(chunks));
  const parser = new PDFParse({ data, password: password || undefined });
  if (what === 'text') {
    process.stdout.write((await parser.getText()).text);
  } else {
    const shot = await parser.getScreenshot({ partial: [Number(page)], scale: 1.5 });
    process.stdout.write(Buffer.from(shot.pages[0].data));
  }
  await parser.destroy();
});
`;

/**
 * pdf.js takes an AES-256 file's password as its UTF-8 bytes, one character per byte (what a viewer
 * hands it); the file itself was encrypted with the password's UTF-8, as the standard says.
 */
function pdfJsPassword(password: string | undefined): string {
  return password === undefined ? '' : Buffer.from(password, 'utf8').toString('latin1');
}

function pdfTool(body: Buffer, args: string[], password?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', PDF_TOOL, require.resolve('pdf-parse'), pdfJsPassword(password), ...args],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin?.end(body);
  });
}

/** The text of a PDF, page after page, as pdf.js extracts it (with the file's password if it has one). */
export async function readPdfText(body: Buffer, password?: string): Promise<string> {
  return (await pdfTool(body, ['text'], password)).toString('utf8');
}

/** One page of a PDF rendered to PNG by pdf.js, to look at. */
export function renderPdfPage(body: Buffer, page = 1): Promise<Buffer> {
  return pdfTool(body, ['png', String(page)]);
}
