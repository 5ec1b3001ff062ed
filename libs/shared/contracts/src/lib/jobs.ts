/** Every BullMQ queue the system uses. */
export enum QueueName {
  Maintenance = 'maintenance',
  Deadlines = 'deadlines',
  Email = 'email',
}

/** Every job, with its payload type below. Payloads carry ids only, never survivor data. */
export enum JobName {
  PurgeExpiredSessions = 'sessions.purge-expired',
  FireDeadlineStage = 'deadlines.fire-stage',
  SendNotificationEmail = 'email.send-notification',
}

export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: Record<string, never>;
  [JobName.FireDeadlineStage]: { deadlineId: string; stage: string };
  [JobName.SendNotificationEmail]: { notificationId: string };
}

/** Which queue each job runs on; the worker refuses to start if a job has no handler. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
  [JobName.FireDeadlineStage]: QueueName.Deadlines,
  [JobName.SendNotificationEmail]: QueueName.Email,
};

/** Deterministic id of the one job that fires a deadline stage (ARCHITECTURE.md). */
export function deadlineStageJobId(deadlineId: string, stage: string): string {
  return `deadline:${deadlineId}:${stage}`;
}

/** Deterministic id of the one job that emails a notification: enqueuing it again is a no-op. */
export function notificationEmailJobId(notificationId: string): string {
  return `email:notification:${notificationId}`;
}
