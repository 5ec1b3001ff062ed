// A small round-robin HTTP proxy in front of several API processes (`npm start -- --replicas N`, the
// scale-out stage of `npm test`). node:http only. What it does, and why (docs/operations.md, "Two of
// everything"):
// - round robin over the backends it believes up; a backend is down when a connection to it is refused
//   (at once) or its GET /api/health stops answering 200 (checked every `healthIntervalMs`), up again when
//   the health check answers 200; with none up it tries them all;
// - a request that never reached a backend (its connection refused, or never made) is sent to the next
//   one, whatever its method; an idempotent one (GET, HEAD, OPTIONS) also after any other error before
//   the answer; a POST cut off mid-way answers 502 (it may have been done: sending it again could do it
//   twice), as nginx does;
// - X-Forwarded-For is REPLACED by the address that connected to the proxy (it is the edge: a header a
//   client sent itself is never passed on), X-Forwarded-Proto is `http`, Host is kept (the API compares a
//   browser's Origin with it). The API trusts the proxy's X-Forwarded-For because it comes from loopback
//   (TRUST_PROXY's default), so rate limits and sign-in delays count each real client;
// - request bodies are buffered (up to 2 MiB; the API refuses far less) so a refused connection can be
//   retried; answers are streamed (a server-sent event stream would pass as it comes). The app uses no
//   WebSocket, so `Upgrade` is not proxied.

import { Agent, createServer, request } from 'node:http';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Errors of a connection that was never made: the backend saw nothing. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const UPSTREAM_TIMEOUT_MS = 60_000;

const clientAddress = (socket) => (socket.remoteAddress ?? '').replace(/^::ffff:/, '');

function requestHeaders(req) {
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    // `Expect: 100-continue` was answered here (the body is already read).
    if (
      !HOP_BY_HOP.has(name) &&
      !['expect', 'x-forwarded-for', 'x-forwarded-proto'].includes(name)
    ) {
      headers[name] = value;
    }
  }
  headers['x-forwarded-for'] = clientAddress(req.socket);
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

/** The answer's headers as raw [name, value, …] pairs (several Set-Cookie stay several), minus hop-by-hop. */
function responseHeaders(rawHeaders) {
  const kept = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has(rawHeaders[i].toLowerCase())) kept.push(rawHeaders[i], rawHeaders[i + 1]);
  }
  return kept;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res, status, text) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(`${text}\n`);
}

/**
 * Starts the proxy on `host:port` in front of `backends` ([{ name, port, host? }]). Returns
 * { url, backends, stop }; each backend carries `up` and `served` (answers it gave through the proxy).
 * `onChange(backend)` is called when a backend goes down or comes back.
 */
export async function startBalancer({
  port,
  host = '0.0.0.0',
  backends: targets,
  healthIntervalMs = 1000,
  onChange = () => undefined,
}) {
  // A fresh connection per request, as nginx does by default: a socket kept alive to a process that has
  // just died fails only when reused, and a POST failing so cannot be told from one the process took
  // (502), while a fresh connection to a dead process is refused and the request goes to the next one.
  const newAgent = () => new Agent({ keepAlive: false, maxSockets: 64 });
  const backends = targets.map((t) => ({
    name: t.name,
    host: t.host ?? '127.0.0.1',
    port: t.port,
    up: true,
    served: 0,
    agent: newAgent(),
  }));
  const setUp = (backend, up) => {
    if (backend.up === up) return;
    backend.up = up;
    if (!up) {
      // Connections still open to a dead process are of no use: drop them.
      backend.agent.destroy();
      backend.agent = newAgent();
    }
    onChange(backend);
  };

  let next = 0;
  /** The next backend in turn that is up and not yet tried for this request (any untried one if none is up). */
  const pick = (tried) => {
    const untried = backends.filter((b) => !tried.has(b));
    const candidates = untried.some((b) => b.up) ? untried.filter((b) => b.up) : untried;
    if (candidates.length === 0) return null;
    const chosen = candidates[next % candidates.length];
    next = (next + 1) % Number.MAX_SAFE_INTEGER;
    return chosen;
  };

  const forward = (req, res, headers, body, tried) => {
    const backend = pick(tried);
    if (!backend) {
      answer(res, 502, 'Bad Gateway: no API process answered');
      return;
    }
    tried.add(backend);
    const upstream = request({
      host: backend.host,
      port: backend.port,
      method: req.method,
      path: req.url,
      headers,
      agent: backend.agent,
      timeout: UPSTREAM_TIMEOUT_MS,
    });
    upstream.on('response', (incoming) => {
      backend.served += 1;
      res.writeHead(
        incoming.statusCode,
        incoming.statusMessage,
        responseHeaders(incoming.rawHeaders),
      );
      incoming.pipe(res);
      incoming.on('error', () => res.destroy());
    });
    upstream.on('timeout', () =>
      upstream.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    // Whether the backend could have seen the request: a socket that never connected (refused, or
    // dropped with the agent when another request found the backend dead) carried nothing.
    let connected = false;
    upstream.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    upstream.on('error', (error) => {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      if (NOT_CONNECTED.has(error.code)) setUp(backend, false);
      if (!connected || IDEMPOTENT.has(req.method)) {
        forward(req, res, headers, body, tried);
        return;
      }
      answer(
        res,
        error.code === 'ETIMEDOUT' ? 504 : 502,
        'Bad Gateway: the API process stopped while answering',
      );
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  };

  const server = createServer({ keepAliveTimeout: 5000 }, async (req, res) => {
    let body;
    try {
      body = await readBody(req);
    } catch (error) {
      answer(res, error.status ?? 400, error.status ? 'Payload Too Large' : 'Bad Request');
      return;
    }
    const headers = requestHeaders(req);
    if (body.length > 0 || 'content-length' in req.headers || 'transfer-encoding' in req.headers) {
      headers['content-length'] = String(body.length);
    }
    forward(req, res, headers, body, new Set());
  });

  // Active health checks: a backend that answers again is taken back; one that stops is skipped.
  const check = (backend) =>
    new Promise((resolve) => {
      const probe = request(
        {
          host: backend.host,
          port: backend.port,
          path: '/api/health',
          agent: false,
          timeout: Math.max(healthIntervalMs * 2, 2000),
        },
        (incoming) => {
          incoming.resume();
          incoming.on('end', () => resolve(incoming.statusCode === 200));
        },
      );
      probe.on('timeout', () => probe.destroy());
      probe.on('error', () => resolve(false));
      probe.end();
    });
  let checking = false;
  const timer = setInterval(async () => {
    if (checking) return;
    checking = true;
    try {
      const results = await Promise.all(backends.map(check));
      backends.forEach((backend, i) => setUp(backend, results[i]));
    } finally {
      checking = false;
    }
  }, healthIntervalMs);

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const stop = async () => {
    clearInterval(timer);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    for (const backend of backends) backend.agent.destroy();
  };
  return { url: `http://127.0.0.1:${server.address().port}`, backends, stop };
}
