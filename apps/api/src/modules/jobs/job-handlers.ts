import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '@caunoi/shared/contracts';

/**
 * A handler for every job name: the type makes a missing handler a compile error too. The job and
 * its lock token are passed for handlers that need to move their job (e.g. back to delayed).
 */
export type JobHandlers = {
  [N in JobName]: (payload: JobPayloads[N], job: Job, token: string | undefined) => Promise<void>;
};
