type Env = Record<string, string | undefined>;

/** Email delivery (docs/operations.md, "Email"). */
export interface EmailConfig {
  /** EMAIL_ENABLED: when false no notification is emailed (they stay in the app). */
  enabled: boolean;
  /** SMTP_URL, e.g. `smtp://user:password@mail.example.vn:587` (STARTTLS) or `smtps://…:465`. */
  smtpUrl: string;
  /** EMAIL_FROM: the sender, e.g. `Cầu Nối <no-reply@caunoi.example.vn>`. */
  from: string;
  /** Where the link in an email points (the web app's origin): EMAIL_LINK_ORIGIN, else the first PUBLIC_ORIGINS. */
  linkOrigin: string;
  /** How often the worker looks for new notifications to email (EMAIL_DISPATCH_INTERVAL_MS). */
  dispatchIntervalMs: number;
  /** Sending attempts before an email is given up (EMAIL_RETRY_ATTEMPTS), with exponential backoff from EMAIL_RETRY_DELAY_MS. */
  retryAttempts: number;
  retryDelayMs: number;
}

/** The local mail catcher `npm start` runs (maildev): what development sends to by default. */
export const DEVELOPMENT_SMTP_URL = 'smtp://127.0.0.1:1025';

/**
 * Reads the email settings. In production, enabling email without SMTP_URL, EMAIL_FROM and a link
 * origin is refused at start (a silent fallback would send nothing, or send from a wrong address).
 */
export function emailConfig(
  env: Env,
  context: { production: boolean; port: number; publicOrigins: string[] },
  problems: string[],
  integer: (name: string, fallback: number, min: number, max: number) => number,
): EmailConfig {
  const flag = (env['EMAIL_ENABLED'] ?? '').trim().toLowerCase();
  if (!['', 'true', 'false', '1', '0'].includes(flag)) {
    problems.push(`EMAIL_ENABLED must be true or false (got "${env['EMAIL_ENABLED']}")`);
  }
  const enabled = flag === 'true' || flag === '1';
  const required = enabled && context.production;

  const smtpRaw = env['SMTP_URL']?.trim() ?? '';
  if (required && !smtpRaw) {
    problems.push(
      'EMAIL_ENABLED=true needs SMTP_URL in production, e.g. smtp://user:password@mail.example.vn:587 (or set EMAIL_ENABLED=false)',
    );
  }
  const smtpUrl = smtpRaw || DEVELOPMENT_SMTP_URL;
  if (smtpRaw) {
    let ok = false;
    try {
      const parsed = new URL(smtpRaw);
      ok = ['smtp:', 'smtps:'].includes(parsed.protocol) && parsed.hostname !== '';
    } catch {
      ok = false;
    }
    if (!ok)
      problems.push('SMTP_URL must look like smtp://[user:password@]host[:port] or smtps://…');
  }

  const fromRaw = env['EMAIL_FROM']?.trim() ?? '';
  if (required && !fromRaw) {
    problems.push(
      'EMAIL_ENABLED=true needs EMAIL_FROM in production, e.g. "Cầu Nối <no-reply@caunoi.example.vn>"',
    );
  }
  const from = fromRaw || 'Cầu Nối <no-reply@caunoi.localhost>';
  if (!/^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(from)) {
    problems.push('EMAIL_FROM must be an address, or "Name <address>"');
  }

  const linkRaw = env['EMAIL_LINK_ORIGIN']?.trim().replace(/\/$/, '') ?? '';
  let linkOrigin = linkRaw || context.publicOrigins[0] || '';
  if (linkRaw) {
    try {
      const parsed = new URL(linkRaw);
      if (
        !['http:', 'https:'].includes(parsed.protocol) ||
        parsed.origin !== linkRaw.toLowerCase()
      ) {
        problems.push(
          'EMAIL_LINK_ORIGIN must be an origin like https://caunoi.example.vn (no path)',
        );
      }
    } catch {
      problems.push('EMAIL_LINK_ORIGIN must be an origin like https://caunoi.example.vn (no path)');
    }
  }
  if (!linkOrigin) {
    if (required) {
      problems.push(
        'EMAIL_ENABLED=true needs EMAIL_LINK_ORIGIN (or PUBLIC_ORIGINS) in production: the address of the web app that links in emails open',
      );
    }
    linkOrigin = `http://localhost:${context.port}`;
  }

  return {
    enabled,
    smtpUrl,
    from,
    linkOrigin,
    dispatchIntervalMs: integer('EMAIL_DISPATCH_INTERVAL_MS', 5_000, 50, 600_000),
    retryAttempts: integer('EMAIL_RETRY_ATTEMPTS', 8, 1, 50),
    retryDelayMs: integer('EMAIL_RETRY_DELAY_MS', 30_000, 10, 3_600_000),
  };
}
