// A throwaway database (with its own two roles) and queue prefix for a stack the tests start, removed again
// by the clean-up steps (tools/lib/lifecycle.mjs), also after a failure or Ctrl-C.

import { log } from './log.mjs';
import { onCleanup } from './lifecycle.mjs';
import { createThrowawayDatabase, dropThrowawayDatabase } from './database-roles.mjs';
import { deleteKeysWithPrefix } from './redis.mjs';
import { parseRedisUrl } from './urls.mjs';

/**
 * Per-client limits for a suite that sends everything from 127.0.0.1 (limits sized for one office would
 * trip it). Sign-in delays (per name and client) keep their defaults: an e2e spec tests them.
 */
export const RAISED_RATE_LIMITS = {
  RATE_LIMIT_GENERAL: '100000/1m',
  RATE_LIMIT_SIGN_IN: '10000/10m',
  RATE_LIMIT_REFRESH: '10000/10m',
  RATE_LIMIT_SECOND_FACTOR: '10000/10m',
  RATE_LIMIT_IDENTITY_LOOKUP: '10000/10m',
};

/**
 * Creates `caunoi_<kind>_<stamp>` with its owner and runtime roles and names the queue prefix
 * `caunoi-<kind>-<stamp>`; registers the steps that drop them (the database, and the Redis keys under the
 * prefix and under BullMQ's hash-tagged prefix). Returns { database, queuePrefix, ownerUrl, appUrl }.
 */
export async function throwawayDatabaseAndQueues(services, kind) {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const database = `caunoi_${kind}_${stamp}`;
  const queuePrefix = `caunoi-${kind}-${stamp}`;
  const { ownerUrl, appUrl } = await createThrowawayDatabase(services.adminUrl, database);
  log.ok(`throwaway database "${database}" created, with its owner and runtime roles`);
  onCleanup(async () => {
    await dropThrowawayDatabase(services.adminUrl, database);
    log.ok(`throwaway database "${database}" and its roles dropped`);
  });
  onCleanup(async () => {
    // The API's own keys, and BullMQ's under the prefix in a hash tag.
    let deleted = 0;
    for (const prefix of [`${queuePrefix}:`, `{${queuePrefix}}:`]) {
      deleted += await deleteKeysWithPrefix(parseRedisUrl(services.redisUrl), prefix);
    }
    log.ok(`Redis keys under "${queuePrefix}:" and "{${queuePrefix}}:" removed (${deleted})`);
  });
  return { database, queuePrefix, ownerUrl, appUrl };
}
