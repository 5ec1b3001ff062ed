import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  // A real hash to verify against when the username is unknown, so timing does not reveal it.
  private dummyHash: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  /** False for an account without a password (`hash` null), after the same work as a real check. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      await this.verifyDummy(password);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  async verifyDummy(password: string): Promise<void> {
    this.dummyHash ??= argon2.hash('not-a-real-password-for-timing', OPTIONS);
    await this.verify(await this.dummyHash, password);
  }
}
