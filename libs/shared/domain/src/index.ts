export * from './lib/roles/role';
export * from './lib/agencies/agency-type';
export * from './lib/agencies/role-agency';
export * from './lib/passwords/password-policy';
export * from './lib/time/vietnam-time';
