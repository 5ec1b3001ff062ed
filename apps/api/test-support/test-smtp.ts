import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** What arrived, parsed, in order. */
  messages: ParsedMail[];
  /** Every message the server was handed, refused or not. */
  attempts(): number;
  /** From now on, refuse the next `n` messages with a temporary error (451), then accept again. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free port (the `smtp-server` package), without TLS or authentication, that
 * keeps what it receives: what the worker sends goes over SMTP exactly as in production.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let attempts = 0;
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      attempts += 1;
      if (refuse > 0) {
        refuse -= 1;
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('Try again later (test)'), { responseCode: 451 })),
        );
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    attempts: () => attempts,
    refuseNext: (n) => (refuse = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
