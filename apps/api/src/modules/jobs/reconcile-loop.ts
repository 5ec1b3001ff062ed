import type { OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DeadlineReconciler } from '../deadlines/deadline-reconciler';

/**
 * The repair must not depend on what it repairs: a BullMQ repeatable job lives in Redis and vanishes with
 * it, so the reconciler runs on a timer of the worker process instead. Each tick also checks a marker key
 * this loop keeps in Redis; when the marker is gone Redis lost its data (a flush, a restart without
 * persistence, a failover to an empty replica), so every unfired stage gets its job again at once and the
 * recurring jobs that lived in Redis are re-created (`onRedisLost`), without restarting the worker.
 * Several workers may run the loop: adding a job with an existing id is a no-op.
 */
@Injectable()
export class ReconcileLoop implements OnApplicationShutdown {
  private readonly logger = new Logger('ReconcileLoop');
  private readonly redis: Redis;
  private readonly markerKey: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private onRedisLost: () => Promise<void> = async () => undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reconciler: DeadlineReconciler,
  ) {
    this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    this.redis.on('error', () => undefined); // a tick that fails logs once and retries next time
    this.markerKey = `${config.queuePrefix}:reconciler:marker`;
  }

  /** Reconciles once now (stages that came due while no worker ran fire at once), then on every tick. */
  async start(onRedisLost: () => Promise<void>): Promise<void> {
    this.onRedisLost = onRedisLost;
    await this.redis.connect();
    await this.redis.set(this.markerKey, new Date().toISOString());
    await this.reconciler.reconcile();
    this.timer = setInterval(() => void this.tick(), this.config.reconcileIntervalMs);
  }

  /** One pass; a tick still running when the next is due is not doubled. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      if ((await this.redis.exists(this.markerKey)) === 0) {
        this.logger.warn(
          'Redis lost its data (the reconciler marker is gone): re-creating every pending deadline job',
        );
        await this.onRedisLost();
        const count = await this.reconciler.reconcile('everything');
        // Only once every job is back: a pass that fails half-way is repeated whole on the next tick.
        await this.redis.set(this.markerKey, new Date().toISOString());
        this.logger.warn(`Re-created ${count} deadline stage job(s) after Redis lost its data`);
      } else {
        await this.reconciler.catchUp();
      }
    } catch (error) {
      this.logger.error(`Reconcile failed, will retry: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.redis.disconnect();
  }
}
