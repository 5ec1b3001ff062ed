import { Injectable } from '@nestjs/common';
import { DelayedError } from 'bullmq';
import { JobName } from '@caunoi/shared/contracts';
import type { JobHandlers } from './job-handlers';
import { StageBatcher } from './stage-batcher';

@Injectable()
export class DeadlineJobs {
  constructor(private readonly stages: StageBatcher) {}

  readonly handlers: Pick<JobHandlers, JobName.FireDeadlineStage> = {
    [JobName.FireDeadlineStage]: async ({ deadlineId, stage }, job, token) => {
      // Fires with the other stages this worker holds, in one transaction (StageBatcher).
      const result = await this.stages.fire({ deadlineId, stage });
      if (result.outcome === 'not_due') {
        // The due instant moved later (e.g. a new holiday): wait for it instead of firing early.
        await job.moveToDelayed(result.dueAt.getTime(), token);
        throw new DelayedError();
      }
    },
  };
}
