import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditChainService } from './audit-chain.service';

/**
 * The worker's timer that links committed audit rows into the hash chain every
 * AUDIT_CHAIN_INTERVAL_MS. A timer of the process, not a repeatable job: it must not vanish with
 * Redis. Several workers may run it; they take turns on the chainer lock.
 */
@Injectable()
export class AuditChainer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditChainer');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly chain: AuditChainService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'auditChainIntervalMs'>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.auditChainIntervalMs);
    this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.chain
      .chainCommitted()
      .then((pass) => {
        if (!pass.reachedHorizon) {
          this.logger.warn(
            'Audit rows wait for their link: a transaction writing them is still open',
          );
        }
      })
      .catch((error: unknown) =>
        this.logger.error(`Audit chaining failed to run: ${(error as Error).message}`),
      )
      .finally(() => {
        this.running = null;
      });
  }
}
