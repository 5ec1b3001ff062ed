import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import type { Options } from 'pino-http';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from './config/app-config';
import { loggerOptions } from './logging';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { stream, lines };
}

describe('request logging', () => {
  it('writes one short line per request: method, path without its query, status, time; no headers or body', () => {
    const params = loggerOptions({ logLevel: 'info' } as AppConfig);
    const [options] = params.pinoHttp as [Options, unknown];
    const { stream, lines } = capture();
    const middleware = pinoHttp(options, stream);
    const req = Object.assign(new EventEmitter(), {
      id: 'req-1',
      method: 'POST',
      url: '/api/cases/0b0f3c5e-1111-4222-8333-444455556666/notes?q=secret',
      headers: { authorization: 'Bearer abc', cookie: 'refresh=xyz' },
      body: { notes: 'Synthetic note' },
    }) as unknown as IncomingMessage;
    const res = Object.assign(new EventEmitter(), { statusCode: 201 }) as unknown as ServerResponse;
    middleware(req, res, () => undefined);
    (req as unknown as { log: { info: (msg: string) => void } }).log.info('inside the request');
    res.emit('finish');

    const [inside, done] = lines();
    expect(inside).toMatchObject({ reqId: 'req-1', msg: 'inside the request' });
    expect(inside).not.toHaveProperty('req');
    expect(done).toMatchObject({
      reqId: 'req-1',
      msg: 'POST /api/cases/0b0f3c5e-1111-4222-8333-444455556666/notes 201',
      responseTime: expect.any(Number),
    });
    const text = JSON.stringify(lines());
    for (const secret of ['secret', 'Bearer', 'xyz', 'Synthetic note']) {
      expect(text).not.toContain(secret);
    }
  });

  it('writes asynchronously unless silent', () => {
    expect(Array.isArray(loggerOptions({ logLevel: 'info' } as AppConfig).pinoHttp)).toBe(true);
    expect(Array.isArray(loggerOptions({ logLevel: 'silent' } as AppConfig).pinoHttp)).toBe(false);
  });
});
