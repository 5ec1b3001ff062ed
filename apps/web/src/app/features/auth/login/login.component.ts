import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { TooManyRequestsCode } from '@caunoi/shared/contracts';
import { SESSION_IDLE_TIMEOUT_MS } from '@caunoi/shared/domain';
import { AuthService } from '../../../core/auth/auth.service';
import { takeReturnRoute } from '../../../core/auth/return-route';
import { applyServerErrors, tooManyRequests } from '../../../core/http/api-errors';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { TranslationParams } from '../../../core/i18n/translation.service';
import { TranslationService } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';
import { LanguageSwitchComponent } from '../../../shared/ui/language-switch/language-switch.component';
import { PasswordFieldComponent } from '../../../shared/ui/password-field/password-field.component';

interface Message {
  key: TranslationKey;
  params?: TranslationParams;
}

/** How a wait reads: seconds under a minute (counting down), else whole minutes rounded up. */
export function waitParts(seconds: number): { key: TranslationKey; params: TranslationParams } {
  return seconds < 60
    ? { key: 'login.waitSeconds', params: { seconds: Math.max(1, Math.ceil(seconds)) } }
    : { key: 'login.waitMinutes', params: { minutes: Math.ceil(seconds / 60) } };
}

interface Wait {
  code: TooManyRequestsCode;
  until: number;
}

@Component({
  selector: 'cn-login',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslatePipe,
    FieldErrorPipe,
    LanguageSwitchComponent,
    PasswordFieldComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.component.html',
  styleUrl: './login.component.scss',
})
export class LoginComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly translation = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  /** Why the previous session ended, from the query string (`?reason=idle`). */
  readonly reason = input<string>();

  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<Message | null>(null);

  /** A 429's wait: the form stays closed and the message counts down until it is over. */
  private readonly wait = signal<Wait | null>(null);
  private readonly now = signal(Date.now());
  private ticker: ReturnType<typeof setInterval> | null = null;
  protected readonly waiting = computed(() => this.wait() !== null);
  protected readonly waitMessage = computed<Message | null>(() => {
    const wait = this.wait();
    if (!wait) return null;
    const parts = waitParts((wait.until - this.now()) / 1000);
    return {
      key: wait.code === 'sign_in_delayed' ? 'login.delayed' : 'login.rateLimited',
      params: { wait: this.translation.t(parts.key, parts.params) },
    };
  });

  constructor() {
    this.destroyRef.onDestroy(() => this.stopTicker());
  }

  protected readonly notice = computed<Message | null>(() => {
    switch (this.reason()) {
      case 'idle':
        return { key: 'login.idle', params: { minutes: SESSION_IDLE_TIMEOUT_MS / 60_000 } };
      case 'expired':
        return { key: 'login.expired' };
      case 'signedOut':
        return { key: 'login.signedOut' };
      default:
        return null;
    }
  });

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting() || this.waiting()) return;
    this.submitting.set(true);
    this.error.set(null);
    try {
      await this.auth.login(this.form.getRawValue());
      await this.router.navigateByUrl(takeReturnRoute(this.auth.homeRoute()));
    } catch (error) {
      this.error.set(this.messageFor(error));
      this.form.controls.password.reset('');
    } finally {
      this.submitting.set(false);
    }
  }

  private messageFor(error: unknown): Message | null {
    if (!(error instanceof HttpErrorResponse)) return { key: 'error.serverNoReference' };
    switch (error.status) {
      case 401:
      case 403:
        // Disabled accounts get the same answer: the page must not reveal which accounts exist.
        return { key: 'login.invalid' };
      case 429: {
        const limited = tooManyRequests(error);
        if (limited) this.startWait(limited.code, limited.retryAfterSeconds);
        return null;
      }
      case 400:
        applyServerErrors(this.form, error);
        return null;
      default:
        // 5xx and network errors are announced by the server-error interceptor.
        return null;
    }
  }

  private startWait(code: TooManyRequestsCode, seconds: number): void {
    this.now.set(Date.now());
    this.wait.set({ code, until: Date.now() + seconds * 1000 });
    this.stopTicker();
    this.ticker = setInterval(() => {
      this.now.set(Date.now());
      const wait = this.wait();
      if (!wait || Date.now() >= wait.until) {
        this.wait.set(null);
        this.stopTicker();
      }
    }, 1000);
  }

  private stopTicker(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }
}
