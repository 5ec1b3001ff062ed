export type DependencyStatus = 'up' | 'down';

export interface QueueCounts {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
}

/** The audit log's integrity as /api/health reports it (docs/operations.md, "Audit log integrity"). */
export interface AuditHealth {
  /** degraded: tampering was detected and not yet closed by a baseline, or the API's role could tamper. */
  status: 'ok' | 'degraded';
  /** Why it is degraded, in English, ids only. */
  reasons: string[];
  /** When the worker last signed a checkpoint (null: never yet). */
  lastCheckpointAt: string | null;
}

/**
 * `ok` (200); `degraded` (200: the service works, but the audit log needs an operator); `error`
 * (503: PostgreSQL or Redis is down).
 */
export interface HealthResponse {
  status: 'ok' | 'degraded' | 'error';
  details: {
    database: DependencyStatus;
    redis: DependencyStatus;
    /** Absent when the database is down. */
    audit?: AuditHealth;
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
