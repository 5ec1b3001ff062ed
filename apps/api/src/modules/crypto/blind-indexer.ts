import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig, BlindIndexKey } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/** What a blind index is of; part of the HMAC input so equal values of different kinds never collide. */
export type BlindIndexPurpose = 'phone' | 'name_dob';

/**
 * Keyed HMAC-SHA256 of a normalised value: equal inputs give equal digests (exact search, duplicate
 * and repeat-caller detection) while the digest alone reveals nothing without the key.
 *
 * New digests use the current key, whose id is stored beside them. While the key changes
 * (`BLIND_INDEX_PREVIOUS_KEY` set), lookups try both keys until `cli reindex` has recomputed every
 * index (docs/operations.md).
 */
@Injectable()
export class BlindIndexer {
  private readonly current: BlindIndexKey;
  private readonly previous: BlindIndexKey | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.current = config.blindIndexKeys.current;
    this.previous = config.blindIndexKeys.previous;
  }

  /** Id of the key new digests are made with (stored beside them). */
  get keyId(): string {
    return this.current.id;
  }

  /** Id of the key being replaced, while a change is under way. */
  get previousKeyId(): string | null {
    return this.previous?.id ?? null;
  }

  digest(purpose: BlindIndexPurpose, normalisedValue: string): Buffer {
    return hmac(this.current.key, purpose, normalisedValue);
  }

  digestOptional(purpose: BlindIndexPurpose, normalisedValue: string | null): Buffer | null {
    return normalisedValue === null ? null : this.digest(purpose, normalisedValue);
  }

  /** The digests a stored value may carry: current key first, then the previous one if any. */
  lookupDigests(purpose: BlindIndexPurpose, normalisedValue: string | null): Buffer[] {
    if (normalisedValue === null) return [];
    const digests = [this.digest(purpose, normalisedValue)];
    if (this.previous) digests.push(hmac(this.previous.key, purpose, normalisedValue));
    return digests;
  }

  /** The digest under the previous key (null when no change is under way). */
  previousDigest(purpose: BlindIndexPurpose, normalisedValue: string): Buffer | null {
    return this.previous ? hmac(this.previous.key, purpose, normalisedValue) : null;
  }
}

function hmac(key: Buffer, purpose: BlindIndexPurpose, value: string): Buffer {
  return createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest();
}
