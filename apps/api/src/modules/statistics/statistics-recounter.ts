import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { StatisticsRepository } from './statistics.repository';

/** Stored years recounted, and uncounted agency-years pruned, per pass. */
const PER_PASS = 50;

/**
 * The worker's timer (decision 0028): every STATISTICS_RECOUNT_INTERVAL_MS it counts again the stored
 * statistics years that writes have made stale, so that a request usually finds its scope counted,
 * and drops the change marks of years nobody has counted. Several workers may run it: each year is
 * counted under its own lock, and a year just counted by another is current and skipped.
 */
@Injectable()
export class StatisticsRecounter implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('StatisticsRecounter');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    private readonly statistics: StatisticsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'statisticsRecountIntervalMs'>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.statisticsRecountIntervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: the stale years, oldest count first, then the marks nobody needs. */
  async pass(): Promise<void> {
    for (const year of await this.statistics.staleYears(this.clock.now(), PER_PASS)) {
      if (this.stopping) return;
      await this.statistics.recount(year, this.clock.now());
    }
    await this.statistics.pruneUncountedChanges(PER_PASS);
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.pass()
      .catch((error: unknown) =>
        this.logger.error(`Statistics recount failed to run: ${(error as Error).message}`),
      )
      .finally(() => {
        this.running = null;
      });
  }
}
