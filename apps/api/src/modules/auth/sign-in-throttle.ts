import { Inject, Injectable, Logger } from '@nestjs/common';
import { signInWaitMs } from '@caunoi/shared/domain';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OccasionalWarning } from '../redis/redis.module';
import { SignInFailuresRepository } from './sign-in-failures.repository';

/**
 * Growing delays after failed sign-ins, per account name and client (docs/privacy.md, "Signing
 * in"). The rule is the domain's `signInWaitMs`; this class only reads and writes the counts.
 * With Redis away it lets attempts through (logged): a hotline must still be able to sign in.
 */
@Injectable()
export class SignInThrottle {
  private readonly warning = new OccasionalWarning(new Logger('SignInThrottle'));

  constructor(
    private readonly failures: SignInFailuresRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Milliseconds this client must wait before trying this name again (0: may try now). */
  async waitMs(username: string, client: string): Promise<number> {
    try {
      const failures = await this.failures.get(username, client);
      return signInWaitMs(failures, this.now(), this.config.signInDelay);
    } catch (error) {
      this.warn(error);
      return 0;
    }
  }

  /** Records a failure; returns how long this client must now wait (0 while failures are free). */
  async recordFailure(username: string, client: string): Promise<number> {
    const now = this.now();
    const policy = this.config.signInDelay;
    try {
      const count = await this.failures.add(username, client, now, policy.forgetAfterMs);
      return signInWaitMs({ count, lastFailureAt: now }, now, policy);
    } catch (error) {
      this.warn(error);
      return 0;
    }
  }

  /** A successful sign-in forgets this client's failures for the name. */
  async recordSuccess(username: string, client: string): Promise<void> {
    try {
      await this.failures.clear(username, client);
    } catch (error) {
      this.warn(error);
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private warn(error: unknown): void {
    this.warning.warn(
      `Sign-in delays not enforced, Redis unavailable: ${(error as Error).message}`,
    );
  }
}
