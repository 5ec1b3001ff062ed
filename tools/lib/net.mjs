// TCP and HTTP probes used to wait for services.

import { connect, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** True when something accepts a TCP connection at host:port within `timeoutMs`. */
export function isPortOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A TCP port free on 127.0.0.1 right now (the system picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Waits until host:port accepts connections; returns false after `timeoutMs`. */
export async function waitForPort(host, port, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isPortOpen(host, port)) return true;
    await sleep(300);
  }
  return false;
}

/** GET a URL; resolves { status, body } (body parsed as JSON when possible) or { status: 0, error }. */
export async function httpGet(url, { timeoutMs = 3000, headers } = {}) {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let body = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, error: error.cause?.code ?? error.message };
  }
}

/**
 * Polls GET <baseUrl>/api/health until it answers 200.
 * `givenUp` is an optional promise (e.g. a child process exiting) that ends the wait early.
 * Resolves { ok: true } or { ok: false, reason }.
 */
export async function waitForHealth(baseUrl, { timeoutMs = 90_000, givenUp } = {}) {
  let gaveUp = null;
  givenUp?.then((reason) => (gaveUp = reason ?? 'stopped'));
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (gaveUp) return { ok: false, reason: gaveUp };
    const { status, body, error } = await httpGet(`${baseUrl}/api/health`);
    if (status === 200) return { ok: true };
    last = status ? `HTTP ${status} ${JSON.stringify(body?.details ?? body)}` : error;
    await sleep(500);
  }
  return { ok: false, reason: `no healthy answer within ${timeoutMs / 1000} s (last: ${last})` };
}
