import type { OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { createTransport } from 'nodemailer';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * SMTP through nodemailer, at SMTP_URL (smtp:// upgrades with STARTTLS when the server offers it,
 * smtps:// is TLS from the start). Throws on any refusal, so the job retries with backoff.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'email'>) {}

  private get(): Transporter {
    this.transporter ??= createTransport(
      {
        url: this.config.email.smtpUrl,
        // An unreachable server fails the attempt within a minute, not after nodemailer's 10.
        connectionTimeout: 20_000,
        greetingTimeout: 20_000,
        socketTimeout: 60_000,
      },
      { from: this.config.email.from },
    );
    return this.transporter;
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.get().sendMail({ to: email.to, subject: email.subject, text: email.text });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
