import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { TestApp } from '../../test-support/test-app';
import { createTestApp } from '../../test-support/test-app';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: no client-side decompression, so the bytes on the wire are what is checked. */
function get(server: Server, path: string, acceptEncoding?: string): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Issue 14: the web app goes out precompressed, hashed files cached for long, never from under /api. */
describe('serving the web app', () => {
  let t: TestApp;
  let server: Server;
  let dir: string;
  const bundle = Buffer.from(`console.log(${JSON.stringify('x'.repeat(4000))});\n`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caunoi-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Cầu Nối</title>');
    writeFileSync(join(dir, 'main-ABCD1234.js'), bundle);
    writeFileSync(join(dir, 'main-ABCD1234.js.br'), brotliCompressSync(bundle));
    writeFileSync(join(dir, 'main-ABCD1234.js.gz'), gzipSync(bundle));
    writeFileSync(join(dir, 'favicon.ico'), Buffer.alloc(100, 1));
    // A file that would shadow an API route if static files were looked up under /api.
    mkdirSync(join(dir, 'api'));
    writeFileSync(join(dir, 'api', 'health'), 'not the API');
    t = await createTestApp({ WEB_DIST_DIR: dir });
    server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a hashed bundle as brotli or gzip when the browser takes it, cached for a year', async () => {
    const br = await get(server, '/main-ABCD1234.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body)).toEqual(bundle);
    expect(br.body.length).toBeLessThan(bundle.length / 10);

    const gz = await get(server, '/main-ABCD1234.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/javascript/);

    const plain = await get(server, '/main-ABCD1234.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(bundle);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html (also as the fallback of app routes) and unhashed files', async () => {
    for (const path of ['/', '/cases/some-route', '/index.html', '/favicon.ico']) {
      const answer = await get(server, path, 'gzip, br');
      expect({ path, status: answer.status, cache: answer.headers['cache-control'] }).toEqual({
        path,
        status: 200,
        cache: 'no-cache',
      });
      expect(answer.headers['content-encoding']).toBeUndefined();
    }
  });

  it('never looks under /api for a file: the API answers', async () => {
    const health = await get(server, '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.toString()).not.toContain('not the API');
    expect(health.headers['cache-control']).toBe('no-store');
    const missing = await get(server, '/api/no-such-route');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/json/);
  });
});
