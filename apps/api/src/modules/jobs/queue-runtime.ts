import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConnectionOptions, Job } from 'bullmq';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { JOB_QUEUE, JobName, QueueName } from '@caunoi/shared/contracts';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { DeadlineJobs } from './deadline-jobs';
import type { JobHandlers } from './job-handlers';
import { MaintenanceProcessor } from './maintenance.processor';
import { NotificationEmailJobs } from '../notifications/email/notification-email.jobs';
import { ReconcileLoop } from './reconcile-loop';
import { bullmqPrefix } from './bullmq-prefix';

/** The name of the every-minute reconcile job of earlier versions, removed from Redis at start. */
const LEGACY_RECONCILE_SCHEDULER = 'deadlines.reconcile';

/** Thrown when Redis could evict BullMQ's keys: losing a job silently is not acceptable. */
export class RedisPolicyError extends Error {}

/**
 * Runs in worker.ts only: checks Redis is safe for queues, starts one BullMQ worker per queue that
 * dispatches on the job name, schedules the recurring maintenance jobs, and starts the reconcile loop
 * (which re-creates those schedules too when Redis loses its data).
 */
@Injectable()
export class QueueRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QueueRuntime');
  private readonly workers: Worker[] = [];
  private readonly queues: Queue[] = [];
  private readonly handlers: JobHandlers;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    maintenance: MaintenanceProcessor,
    deadlines: DeadlineJobs,
    emails: NotificationEmailJobs,
    private readonly reconcileLoop: ReconcileLoop,
  ) {
    this.handlers = { ...maintenance.handlers, ...deadlines.handlers, ...emails.handlers };
  }

  async onApplicationBootstrap(): Promise<void> {
    await assertNoEviction(this.config.redisUrl);
    assertEveryJobHasAHandler(this.handlers);
    const connection: ConnectionOptions = { url: this.config.redisUrl, maxRetriesPerRequest: null };
    for (const queueName of Object.values(QueueName)) {
      const worker = new Worker(
        queueName,
        (job: Job, token?: string) => this.dispatch(job, token),
        {
          connection,
          prefix: bullmqPrefix(this.config.queuePrefix),
          // Many stage jobs at once: the ones held together fire in one transaction (StageBatcher).
          concurrency:
            queueName === QueueName.Deadlines ? this.config.deadlineWorkerConcurrency : 2,
          // A job whose worker died mid-way is picked up again once its lock lapses.
          lockDuration: this.config.workerLockDurationMs,
          stalledInterval: this.config.workerLockDurationMs,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.error(`Job ${job?.name ?? '?'} (${job?.id ?? '?'}) failed: ${err.message}`),
      );
      this.workers.push(worker);
    }
    const maintenance = new Queue(QueueName.Maintenance, {
      connection,
      prefix: bullmqPrefix(this.config.queuePrefix),
    });
    this.queues.push(maintenance);
    const scheduleMaintenance = async () => {
      await maintenance.upsertJobScheduler(
        JobName.PurgeExpiredSessions,
        { every: 60 * 60 * 1000 },
        { name: JobName.PurgeExpiredSessions, data: {} },
      );
      await maintenance.upsertJobScheduler(
        JobName.StartPeriodicReportClocks,
        { every: 60 * 60 * 1000 },
        { name: JobName.StartPeriodicReportClocks, data: {} },
      );
    };
    await scheduleMaintenance();
    await maintenance.removeJobScheduler(LEGACY_RECONCILE_SCHEDULER);
    // Stages that came due while no worker ran fire now, not in a minute.
    await this.reconcileLoop.start(scheduleMaintenance);
    this.logger.log(`Workers running for queues: ${Object.values(QueueName).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    // Let running jobs finish, then close connections.
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.queues.map((q) => q.close()));
  }

  private async dispatch(job: Job, token: string | undefined): Promise<void> {
    const name = job.name as JobName;
    const handler = this.handlers[name] as
      | ((payload: unknown, job: Job, token: string | undefined) => Promise<void>)
      | undefined;
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    await handler(job.data, job, token);
  }
}

export function assertEveryJobHasAHandler(handlers: Partial<JobHandlers>): void {
  const missing = Object.keys(JOB_QUEUE).filter((name) => !(name in handlers));
  if (missing.length > 0) throw new Error(`Jobs without a handler: ${missing.join(', ')}`);
}

export async function assertNoEviction(redisUrl: string): Promise<void> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== 'noeviction') {
      throw new RedisPolicyError(
        `Redis maxmemory-policy is "${policy}", but queues need "noeviction" so no job is ever dropped. ` +
          'Fix: run `redis-cli CONFIG SET maxmemory-policy noeviction` and set `maxmemory-policy noeviction` in redis.conf.',
      );
    }
  } finally {
    client.disconnect();
  }
}
