import type { JobName, JobPayloads } from '@caunoi/shared/contracts';

/** A handler for every job name: the type makes a missing handler a compile error too. */
export type JobHandlers = { [N in JobName]: (payload: JobPayloads[N]) => Promise<void> };
