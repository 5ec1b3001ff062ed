import type { KeyObject } from 'node:crypto';
import { createSecretKey } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';

const keys = new WeakMap<Pick<AppConfig, 'jwtSecret'>, KeyObject>();

/**
 * The access tokens' HMAC key as a secret-key object, made once per configuration. Given the bare
 * string, jsonwebtoken first tries to parse it as a PEM public (or private) key on every call, and
 * throws and catches: about 0.67 ms of each request's CPU (issue 14), against 10 µs with the object.
 */
export function accessTokenKey(config: Pick<AppConfig, 'jwtSecret'>): KeyObject {
  let key = keys.get(config);
  if (!key) {
    key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    keys.set(config, key);
  }
  return key;
}
