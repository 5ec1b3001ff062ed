import { DEMO_USERNAMES } from '@caunoi/shared/contracts';

/** Demo accounts that get twins, and how many each (see global-setup.ts). */
const TWINNED = [DEMO_USERNAMES.admin, DEMO_USERNAMES.supervisor, DEMO_USERNAMES.reporting_officer];
const TWINS_EACH = 2;

/** Each twinned demo account's twins' usernames, e.g. supervisor.demo → supervisor.demo.e2e1. */
export function secondFactorTwins(): Record<string, string[]> {
  return Object.fromEntries(
    TWINNED.map((base) => [
      base,
      Array.from({ length: TWINS_EACH }, (_, i) => `${base}.e2e${i + 1}`),
    ]),
  );
}

/** Whether this run's database has the twins (npm test says so). */
export const twinsCreated = (): boolean => Boolean(process.env['E2E_DATABASE_URL']);
