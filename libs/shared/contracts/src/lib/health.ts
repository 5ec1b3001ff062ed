export type DependencyStatus = 'up' | 'down';

export interface QueueCounts {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  details: {
    database: DependencyStatus;
    redis: DependencyStatus;
    /** Jobs per queue (absent when Redis is down). */
    queues?: Record<string, QueueCounts>;
    /** Deadline stages more than a minute past due that have not fired: should be 0. */
    overdueUnfiredStages?: number;
  };
}

/** The admin's queue overview (the equivalent of a queue dashboard, without job data). */
export interface QueueOverview {
  queues: Record<string, QueueCounts>;
  failedJobs: {
    queue: string;
    id: string;
    name: string;
    failedReason: string;
    attemptsMade: number;
  }[];
  overdueUnfiredStages: number;
}
