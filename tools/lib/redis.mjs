// A minimal Redis client over a plain socket (RESP), enough to check the server, read its config and
// clean a key prefix. Replies are handled as text: fine for what we read (PONG, config values, our own
// ASCII key names), not a general client.

import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** Encodes a command as a RESP array of bulk strings. */
const encode = (args) =>
  `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;

/** Parses one RESP reply from the start of `text`; returns [value, rest] or null when incomplete. */
function parseReply(text) {
  const end = text.indexOf('\r\n');
  if (end < 0) return null;
  const type = text[0];
  const head = text.slice(1, end);
  const rest = text.slice(end + 2);
  if (type === '+') return [head, rest];
  if (type === '-') return [new Error(head), rest];
  if (type === ':') return [Number(head), rest];
  if (type === '$') {
    const length = Number(head);
    if (length < 0) return [null, rest];
    if (Buffer.byteLength(rest) < length + 2) return null;
    return [rest.slice(0, length), rest.slice(length + 2)];
  }
  if (type === '*') {
    const count = Number(head);
    const items = [];
    let remaining = rest;
    for (let i = 0; i < count; i++) {
      const parsed = parseReply(remaining);
      if (!parsed) return null;
      items.push(parsed[0]);
      remaining = parsed[1];
    }
    return [items, remaining];
  }
  return [new Error(`unexpected reply: ${text.slice(0, 40)}`), ''];
}

/**
 * Sends commands one after another and resolves their replies (error replies are returned as Error values).
 * `target` is the result of parseRedisUrl.
 */
export function redisCommands(target, commands, timeoutMs = 3000) {
  return new Promise((resolve, reject) => {
    const options = { host: target.host, port: target.port, servername: target.host };
    const socket = target.tls ? tlsConnect(options) : connect(options);
    const replies = [];
    let buffer = '';
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`no answer from Redis within ${timeoutMs / 1000} s`));
    });
    socket.once('error', reject);
    socket.once(target.tls ? 'secureConnect' : 'connect', () => {
      socket.write(commands.map(encode).join(''));
    });
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (let parsed = parseReply(buffer); parsed; parsed = parseReply(buffer)) {
        replies.push(parsed[0]);
        buffer = parsed[1];
        if (replies.length === commands.length) {
          socket.end();
          resolve(replies);
          return;
        }
      }
    });
  });
}

/** Authenticates when the URL carries a password, then PINGs; resolves { pong, maxmemoryPolicy }. */
export async function checkRedis(target) {
  const auth = target.password
    ? [target.username ? ['AUTH', target.username, target.password] : ['AUTH', target.password]]
    : [];
  const replies = await redisCommands(target, [
    ...auth,
    ['PING'],
    ['CONFIG', 'GET', 'maxmemory-policy'],
  ]);
  const [ping, config] = replies.slice(auth.length);
  if (auth.length && replies[0] instanceof Error)
    throw new Error(`AUTH refused: ${replies[0].message}`);
  if (ping instanceof Error) throw ping;
  // CONFIG may be disabled on managed Redis: then the policy is unknown.
  const maxmemoryPolicy = Array.isArray(config) ? config[1] : null;
  return { pong: ping === 'PONG', maxmemoryPolicy };
}

/** Deletes every key starting with `prefix` (used to clean a throwaway BullMQ prefix after tests). */
export async function deleteKeysWithPrefix(target, prefix) {
  const auth = target.password ? [['AUTH', target.password]] : [];
  let cursor = '0';
  let deleted = 0;
  do {
    const replies = await redisCommands(target, [
      ...auth,
      ['SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', '500'],
    ]);
    const [nextCursor, keys] = replies[auth.length];
    cursor = nextCursor;
    if (keys.length > 0) {
      await redisCommands(target, [...auth, ['UNLINK', ...keys]]);
      deleted += keys.length;
    }
  } while (cursor !== '0');
  return deleted;
}
