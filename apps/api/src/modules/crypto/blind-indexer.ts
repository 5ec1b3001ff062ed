import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/** What a blind index is of; part of the HMAC input so equal values of different kinds never collide. */
export type BlindIndexPurpose = 'phone' | 'name_dob';

/**
 * Keyed HMAC-SHA256 of a normalised value: equal inputs give equal digests (exact search, duplicate
 * and repeat-caller detection) while the digest alone reveals nothing without the key.
 */
@Injectable()
export class BlindIndexer {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = config.blindIndexKey;
  }

  digest(purpose: BlindIndexPurpose, normalisedValue: string): Buffer {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${normalisedValue}`).digest();
  }

  digestOptional(purpose: BlindIndexPurpose, normalisedValue: string | null): Buffer | null {
    return normalisedValue === null ? null : this.digest(purpose, normalisedValue);
  }
}
