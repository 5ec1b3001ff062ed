import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import type { SecondFactorEnrolmentResponse } from '@caunoi/shared/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { takeReturnRoute } from '../../../core/auth/return-route';
import { SecondFactorApiService } from '../../../core/auth/second-factor-api.service';
import { controlErrorMessage } from '../../../core/i18n/field-errors';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formSubmission } from '../../../shared/forms/form-submission';

/**
 * The second factor of a sign-in: at the first sign-in, scan a QR code into an authenticator app and
 * confirm with its code, then keep the recovery codes shown once; at later sign-ins, give the code
 * (or a recovery code). Until then the rest of the app stays closed (guards, and the API's own check).
 */
@Component({
  selector: 'cn-second-factor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './second-factor.component.html',
  styles: `
    .qr {
      display: block;
      width: 200px;
      height: 200px;
      image-rendering: pixelated;
      background: #fff;
    }
    .secret {
      font-family: monospace;
      font-size: 1.05rem;
      letter-spacing: 0.08em;
      word-break: break-all;
    }
    .codes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 4px 16px;
      padding: 0;
      list-style: none;
      font-family: monospace;
      font-size: 1.05rem;
    }
    ol.steps {
      padding-left: 1.25rem;
    }
  `,
})
export class SecondFactorComponent implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly api = inject(SecondFactorApiService);
  private readonly router = inject(Router);
  private readonly translation = inject(TranslationService);

  protected readonly step = this.auth.secondFactor;
  protected readonly enrolment = signal<SecondFactorEnrolmentResponse | null>(null);
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly recoveryLeft = signal<number | null>(null);
  protected readonly loadFailed = signal(false);

  protected readonly form = new FormGroup({
    verificationCode: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(32)],
    }),
  });
  protected readonly submission = formSubmission(this.form);
  // Typing clears a server error and an answer sets one: both change the status.
  private readonly codeStatus = toSignal(this.form.controls.verificationCode.statusChanges);
  protected readonly codeError = computed(() => {
    this.codeStatus();
    this.submission.fieldErrors();
    const control = this.form.controls.verificationCode;
    return control.touched
      ? controlErrorMessage(this.translation, 'verificationCode', control.errors)
      : null;
  });

  async ngOnInit(): Promise<void> {
    if (this.step() === 'enrol') await this.startEnrolment();
  }

  protected async startEnrolment(): Promise<void> {
    this.loadFailed.set(false);
    try {
      this.enrolment.set(await this.api.startEnrolment());
    } catch {
      this.loadFailed.set(true);
    }
  }

  protected async submit(): Promise<void> {
    const code = this.form.controls.verificationCode.value.trim();
    if (this.step() === 'enrol') {
      const result = await this.submission.run(() => this.api.confirmEnrolment(code));
      if (result.ok) this.recoveryCodes.set(result.value.recoveryCodes);
      return;
    }
    const result = await this.submission.run(() => this.api.verify(code));
    if (!result.ok) return;
    this.recoveryLeft.set(result.value.recoveryCodesLeft);
    await this.continue();
  }

  /** The session now has its second factor: on to what the role does. */
  protected async continue(): Promise<void> {
    await this.auth.secondFactorDone();
    await this.router.navigateByUrl(takeReturnRoute(this.auth.homeRoute()));
  }

  protected async signOut(): Promise<void> {
    await this.auth.logout();
  }
}
