export type DependencyStatus = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'error';
  details: {
    database: DependencyStatus;
    redis: DependencyStatus;
  };
}
