import { Injectable } from '@nestjs/common';
import { DelayedError } from 'bullmq';
import { JobName } from '@caunoi/shared/contracts';
import { StageProcessor } from '../deadlines/stage-processor';
import type { JobHandlers } from './job-handlers';

@Injectable()
export class DeadlineJobs {
  constructor(private readonly stages: StageProcessor) {}

  readonly handlers: Pick<JobHandlers, JobName.FireDeadlineStage> = {
    [JobName.FireDeadlineStage]: async ({ deadlineId, stage }, job, token) => {
      const result = await this.stages.fire(deadlineId, stage);
      if (result.outcome === 'not_due') {
        // The due instant moved later (e.g. a new holiday): wait for it instead of firing early.
        await job.moveToDelayed(result.dueAt.getTime(), token);
        throw new DelayedError();
      }
    },
  };
}
