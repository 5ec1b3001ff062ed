export * from './lib/api-routes';
export * from './lib/errors';
export * from './lib/pagination';
export * from './lib/auth';
export * from './lib/users';
export * from './lib/agencies';
export * from './lib/health';
export * from './lib/jobs';
