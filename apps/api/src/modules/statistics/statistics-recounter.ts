import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { StatisticsRepository } from './statistics.repository';

/** Stored years recounted, and agency-years counted for the first time, per pass. */
const PER_PASS = 50;

/**
 * The worker's timer (decision 0028): every STATISTICS_RECOUNT_INTERVAL_MS it counts again the stored
 * statistics years that writes have made stale, and counts the years written to that were never
 * counted, so that a request or a report draft usually finds its scope counted. Several workers may
 * run it: each year is counted under its own lock, and a year just counted by another is current and
 * skipped.
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
    // The first pass after one interval: a worker starting does not add a count to its start-up.
    this.timer = setInterval(() => this.tick(), this.config.statisticsRecountIntervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: the stale years, oldest count first, then the years never counted, latest first. */
  async pass(): Promise<void> {
    const years = [
      ...(await this.statistics.staleYears(this.clock.now(), PER_PASS)),
      ...(await this.statistics.uncountedYears(PER_PASS)),
    ];
    for (const year of years) {
      if (this.stopping) return;
      await this.statistics.recount(year, this.clock.now());
    }
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
