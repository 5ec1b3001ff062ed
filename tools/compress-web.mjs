// `node tools/compress-web.mjs [dir]` (Nx: `npx nx run web:compress`, after `web:build`): writes a
// brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every compressible file of the
// built web app (default dist/apps/web/browser), so the API (and nginx's gzip_static) send the
// smaller copy without compressing anything per request. A copy that would not be smaller, and
// files under 1 KB, are skipped. Idempotent: copies are rewritten from their file each run.

import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { log } from './lib/log.mjs';
import { repoRoot } from './lib/paths.mjs';

const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.map',
  '.ico',
  '.webmanifest',
]);
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

function writeSmaller(path, original, compressed) {
  if (compressed.length < original.length) writeFileSync(path, compressed);
  else if (statSync(path, { throwIfNoEntry: false })) unlinkSync(path);
}

export function compressWebApp(dir) {
  let [count, before, afterBr, afterGz] = [0, 0, 0, 0];
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const original = readFileSync(path);
    if (original.length < MIN_BYTES) continue;
    const br = brotliCompressSync(original, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    });
    const gz = gzipSync(original, { level: 9 });
    writeSmaller(`${path}.br`, original, br);
    writeSmaller(`${path}.gz`, original, gz);
    count += 1;
    before += original.length;
    afterBr += Math.min(br.length, original.length);
    afterGz += Math.min(gz.length, original.length);
  }
  return { count, before, afterBr, afterGz };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? join(repoRoot, 'dist', 'apps', 'web', 'browser'));
  const started = Date.now();
  const { count, before, afterBr, afterGz } = compressWebApp(dir);
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  log.ok(
    `${count} files of ${relative(repoRoot, dir) || dir} precompressed in ${Date.now() - started} ms: ` +
      `${kb(before)} -> ${kb(afterBr)} brotli, ${kb(afterGz)} gzip`,
  );
}
