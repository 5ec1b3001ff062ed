// The local mail catcher of `npm start` (the maildev package): every email the worker sends lands there, and a
// person reads it at its web address. Never in production, and not when .env names a real SMTP server.

import { join } from 'node:path';
import { log } from './log.mjs';
import { isPortOpen, waitForPort } from './net.mjs';
import { repoRoot } from './paths.mjs';
import { startService, stopService } from './process.mjs';

/**
 * Starts maildev on 127.0.0.1 (SMTP `MAIL_CATCHER_SMTP_PORT`, default 1025; web `MAIL_CATCHER_WEB_PORT`, default
 * 1080) unless the environment already names SMTP_URL or turns email off. Returns { env, url, stop }: `env` holds
 * the email settings for the API and the worker (empty when nothing was started), `url` the catcher's web address.
 */
export async function startMailCatcher(env, { webOrigin }) {
  if (env.NODE_ENV === 'production') return { env: {}, url: null, stop: async () => undefined };
  if (env.SMTP_URL) {
    log.ok(`email goes to SMTP_URL from the environment; no mail catcher started`);
    return { env: {}, url: null, stop: async () => undefined };
  }
  if (['false', '0'].includes(String(env.EMAIL_ENABLED ?? '').toLowerCase())) {
    log.ok('EMAIL_ENABLED=false: no email is sent, no mail catcher started');
    return { env: {}, url: null, stop: async () => undefined };
  }
  const smtpPort = Number(env.MAIL_CATCHER_SMTP_PORT || 1025);
  const webPort = Number(env.MAIL_CATCHER_WEB_PORT || 1080);
  const url = `http://localhost:${webPort}`;
  const emailEnv = {
    EMAIL_ENABLED: 'true',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    EMAIL_LINK_ORIGIN: env.EMAIL_LINK_ORIGIN || webOrigin,
  };
  if ((await isPortOpen('127.0.0.1', smtpPort)) || (await isPortOpen('127.0.0.1', webPort))) {
    log.warn(
      `ports ${smtpPort}/${webPort} are taken (a mail catcher from another npm start?): sending to smtp://127.0.0.1:${smtpPort}, read it at ${url}`,
    );
    return { env: emailEnv, url, stop: async () => undefined };
  }
  log.step(`starting the mail catcher (maildev: SMTP 127.0.0.1:${smtpPort}, web ${url})`);
  const child = startService(
    'mail',
    join(repoRoot, 'node_modules', '.bin', 'maildev'),
    [
      '--smtp',
      String(smtpPort),
      '--web',
      String(webPort),
      '--ip',
      '127.0.0.1',
      '--web-ip',
      '127.0.0.1',
      '--max-emails',
      '500',
      '--silent',
    ],
    { env: { ...process.env, ...env } },
  );
  if (!(await waitForPort('127.0.0.1', smtpPort, 20_000))) {
    await stopService(child);
    log.warn('the mail catcher did not start: email stays off (notifications remain in the app)');
    return { env: { EMAIL_ENABLED: 'false' }, url: null, stop: async () => undefined };
  }
  log.ok(`mail catcher running: emails the system sends are at ${url}`);
  return { env: emailEnv, url, stop: () => stopService(child), child };
}
