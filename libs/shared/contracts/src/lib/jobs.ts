/** Every BullMQ queue the system uses. */
export enum QueueName {
  Maintenance = 'maintenance',
  Deadlines = 'deadlines',
  Email = 'email',
}

/** Every job, with its payload type below. Payloads carry ids only, never survivor data. */
export enum JobName {
  PurgeExpiredSessions = 'sessions.purge-expired',
  /** Starts the periodic report clocks due within the lead time (docs/periodic-reports.md). */
  StartPeriodicReportClocks = 'periodic-reports.start-clocks',
  FireDeadlineStage = 'deadlines.fire-stage',
  SendNotificationEmail = 'email.send-notification',
  SendOneTimeCodeEmail = 'email.send-one-time-code',
}

export interface JobPayloads {
  [JobName.PurgeExpiredSessions]: Record<string, never>;
  [JobName.StartPeriodicReportClocks]: Record<string, never>;
  [JobName.FireDeadlineStage]: { deadlineId: string; stage: string };
  [JobName.SendNotificationEmail]: { notificationId: string };
  /** The id of the code's row in `one_time_code_emails`; the code itself stays encrypted in Postgres. */
  [JobName.SendOneTimeCodeEmail]: { oneTimeCodeId: string };
}

/** Which queue each job runs on; the worker refuses to start if a job has no handler. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
  [JobName.StartPeriodicReportClocks]: QueueName.Maintenance,
  [JobName.FireDeadlineStage]: QueueName.Deadlines,
  [JobName.SendNotificationEmail]: QueueName.Email,
  [JobName.SendOneTimeCodeEmail]: QueueName.Email,
};

/** Deterministic id of the one job that fires a deadline stage (ARCHITECTURE.md). */
export function deadlineStageJobId(deadlineId: string, stage: string): string {
  return `deadline:${deadlineId}:${stage}`;
}

/** Deterministic id of the one job that emails a notification: enqueuing it again is a no-op. */
export function notificationEmailJobId(notificationId: string): string {
  return `email:notification:${notificationId}`;
}

/** Deterministic id of the one job that emails a one-time code. */
export function oneTimeCodeEmailJobId(oneTimeCodeId: string): string {
  return `email:code:${oneTimeCodeId}`;
}
