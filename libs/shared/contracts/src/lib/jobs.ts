/** Every BullMQ queue the system uses. */
export enum QueueName {
  Maintenance = 'maintenance',
}

/** Every job, with its payload type below. Payloads carry ids only, never survivor data. */
export enum JobName {
  PurgeExpiredSessions = 'sessions.purge-expired',
}

export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: Record<string, never>;
}

/** Which queue each job runs on; the worker refuses to start if a job has no handler. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
};
