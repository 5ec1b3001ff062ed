import { createHash, createHmac } from 'node:crypto';
import type { HmacSha256Hex, Sha256Hex } from '@caunoi/shared/domain';

/** Node's digests for the chain rules of the domain library (which imports no platform crypto). */
export const sha256Hex: Sha256Hex = (text) => createHash('sha256').update(text).digest('hex');

export const hmacSha256Hex: HmacSha256Hex = (key, text) =>
  createHmac('sha256', key).update(text).digest('hex');
