import { DEMO_TOTP_SECRET } from '@caunoi/shared/contracts';
import { stepAt, TOTP_STEP_SECONDS, totpAt } from '../modules/auth/second-factor/totp';
import type { CliCommand } from './cli-command';

/** For trying the demo without an authenticator app: the code the app would show now. */
export const demoCodeCommand: CliCommand = {
  name: 'demo-code',
  summary:
    'print the current second-factor code of the demo admin, supervisor and reporting officer (not in production)',
  run: (config, _args, io) => {
    if (config.nodeEnv === 'production') {
      io.err('There are no demo accounts in production');
      return Promise.resolve(1);
    }
    const now = new Date();
    const left = TOTP_STEP_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_STEP_SECONDS);
    io.out(`${totpAt(DEMO_TOTP_SECRET, now)} (valid for ${left} s more, step ${stepAt(now)})`);
    return Promise.resolve(0);
  },
};
