import { Injectable } from '@nestjs/common';
import type { HealthResponse, QueueOverview } from '@caunoi/shared/contracts';
import { Clock } from '../../common/clock';
import { AuditIntegrityService } from '../audit/audit-integrity.service';
import { DeadlinesRepository } from '../deadlines/deadlines.repository';
import { HealthRepository } from './health.repository';
import { QueueStatsRepository } from './queue-stats.repository';

// A stage a little late is a busy worker; a minute late is something to look at.
const LATE_AFTER_MS = 60_000;

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthRepository,
    private readonly queues: QueueStatsRepository,
    private readonly deadlines: DeadlinesRepository,
    private readonly auditIntegrity: AuditIntegrityService,
    private readonly clock: Clock,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      this.health.isDatabaseUp(),
      this.health.isRedisUp(),
    ]);
    const [queues, overdue, audit] = await Promise.all([
      redis ? this.queues.counts(1500) : Promise.resolve(null),
      database ? this.overdueUnfired() : Promise.resolve(null),
      database ? this.auditIntegrity.health() : Promise.resolve(null),
    ]);
    return {
      status: !database || !redis ? 'error' : audit?.status === 'degraded' ? 'degraded' : 'ok',
      details: {
        database: database ? 'up' : 'down',
        redis: redis ? 'up' : 'down',
        ...(audit ? { audit } : {}),
        ...(queues ? { queues } : {}),
        ...(overdue !== null ? { overdueUnfiredStages: overdue } : {}),
      },
    };
  }

  async overview(): Promise<QueueOverview> {
    const [queues, failedJobs, overdueUnfiredStages] = await Promise.all([
      this.queues.counts(3000),
      this.queues.failedJobs(20),
      this.overdueUnfired(),
    ]);
    return { queues: queues ?? {}, failedJobs, overdueUnfiredStages };
  }

  private overdueUnfired(): Promise<number> {
    return this.deadlines.countOverdueUnfired(new Date(this.clock.now().getTime() - LATE_AFTER_MS));
  }
}
