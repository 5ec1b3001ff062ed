import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '@caunoi/shared/contracts';
import { Clock } from '../../common/clock';
import { SessionsRepository } from '../auth/sessions.repository';
import { PeriodicReportClocks } from '../periodic-reports/periodic-report-clocks';
import type { JobHandlers } from './job-handlers';

// Keep ended sessions a week for investigations before deleting them.
const SESSION_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

@Injectable()
export class MaintenanceProcessor {
  private readonly logger = new Logger('MaintenanceProcessor');

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly periodicReportClocks: PeriodicReportClocks,
    private readonly clock: Clock,
  ) {}

  readonly handlers: Pick<
    JobHandlers,
    JobName.PurgeExpiredSessions | JobName.StartPeriodicReportClocks
  > = {
    [JobName.PurgeExpiredSessions]: async () => {
      const cutoff = new Date(this.clock.now().getTime() - SESSION_RETENTION_MS);
      const deleted = await this.sessions.deleteExpiredBefore(cutoff);
      this.logger.log(`Purged ${deleted} expired sessions`);
    },
    [JobName.StartPeriodicReportClocks]: async () => {
      await this.periodicReportClocks.startDue();
    },
  };
}
