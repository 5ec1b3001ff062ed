import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { LOGIN_LOCKOUT_MS, SESSION_IDLE_TIMEOUT_MS } from '@caunoi/shared/domain';
import { AuthService } from '../../../core/auth/auth.service';
import { applyServerErrors } from '../../../core/http/api-errors';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { TranslationParams } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';
import { LanguageSwitchComponent } from '../../../shared/ui/language-switch/language-switch.component';
import { PasswordFieldComponent } from '../../../shared/ui/password-field/password-field.component';

interface Message {
  key: TranslationKey;
  params?: TranslationParams;
}

/** Minutes until a locked account opens again, from the Retry-After header (seconds). */
export function lockoutMinutes(retryAfter: string | null): number {
  const seconds = Number(retryAfter);
  const ms = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : LOGIN_LOCKOUT_MS;
  return Math.max(1, Math.ceil(ms / 60_000));
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

  /** Why the previous session ended, from the query string (`?reason=idle`). */
  readonly reason = input<string>();

  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<Message | null>(null);

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
    if (this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    this.error.set(null);
    try {
      await this.auth.login(this.form.getRawValue());
      await this.router.navigateByUrl(this.auth.homeRoute());
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
      case 429:
        return {
          key: 'login.locked',
          params: { minutes: lockoutMinutes(error.headers.get('Retry-After')) },
        };
      case 400:
        applyServerErrors(this.form, error);
        return null;
      default:
        // 5xx and network errors are announced by the server-error interceptor.
        return null;
    }
  }
}
