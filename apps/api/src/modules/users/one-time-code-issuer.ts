import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OneTimeCodeView } from '@caunoi/shared/contracts';
import {
  ONE_TIME_CODE_LENGTH,
  formatOneTimeCode,
  normaliseOneTimeCode,
} from '@caunoi/shared/domain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { FieldCipher } from '../crypto/field-cipher';
import { OneTimeCodeEmailsRepository } from './one-time-code-emails.repository';
import { OneTimeCodesRepository } from './one-time-codes.repository';

/** SHA-256 of the normalised code (`normaliseOneTimeCode`): what is stored and compared. */
export function hashOneTimeCode(normalised: string): Buffer {
  return createHash('sha256').update(normalised).digest();
}

export interface IssuedOneTimeCode extends OneTimeCodeView {
  id: string;
}

/**
 * Issues the one-time code with which a holder sets a password: voids the account's earlier code,
 * stores the new one hashed, and returns it in clear once (the caller shows it, never logs it).
 * Used by approvals and by `cli create-admin`. An approval's code also goes to the holder by email
 * when email is on and the address can be trusted with it (`OneTimeCodeEmailsRepository`).
 */
@Injectable()
export class OneTimeCodeIssuer {
  constructor(
    private readonly codes: OneTimeCodesRepository,
    private readonly codeEmails: OneTimeCodeEmailsRepository,
    private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'oneTimeCodeTtlHours' | 'email'>,
  ) {}

  async issue(
    m: EntityManager,
    user: { id: string; username: string },
    accountChangeId: string | null,
    now: Date,
    /** The requester of the approved change; null for `cli create-admin` (never emailed). */
    requestedByUserId: string | null = null,
  ): Promise<IssuedOneTimeCode> {
    await this.codes.voidOpenForUser(m, user.id, now);
    const code = formatOneTimeCode(randomBytes(ONE_TIME_CODE_LENGTH));
    const normalised = normaliseOneTimeCode(code);
    if (!normalised) throw new Error('a formatted one-time code must read back');
    const expiresAt = new Date(now.getTime() + this.config.oneTimeCodeTtlHours * 3_600_000);
    const id = await this.codes.insert(m, {
      userId: user.id,
      accountChangeId,
      codeHash: hashOneTimeCode(normalised),
      expiresAt,
      createdAt: now,
    });
    const sentByEmail =
      this.config.email.enabled && requestedByUserId !== null
        ? await this.codeEmails.queueIfTrusted(m, {
            codeId: id,
            userId: user.id,
            // Encrypted like survivor data while it waits; the worker deletes it once sent.
            codeEnc: this.cipher.encrypt(code),
            requestedByUserId,
          })
        : false;
    return { id, username: user.username, code, expiresAt: expiresAt.toISOString(), sentByEmail };
  }
}
