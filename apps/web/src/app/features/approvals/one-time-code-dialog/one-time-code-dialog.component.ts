import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { OneTimeCodeView } from '@caunoi/shared/contracts';
import { ONE_TIME_CODE_MAX_FAILURES } from '@caunoi/shared/domain';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { SET_PASSWORD_ROUTE } from '../../../core/auth/landing';

/**
 * The one-time code, shown once to the approver to hand over out of band. It is held only by this
 * dialog: closing it forgets the code, which the server keeps only as a hash.
 */
@Component({
  selector: 'cn-one-time-code-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslatePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'oneTimeCode.title' | t: { username: data.username } }}</h2>
    <mat-dialog-content>
      <p class="code" data-testid="one-time-code" aria-live="polite">{{ data.code }}</p>
      <p class="cn-notice" data-testid="one-time-code-once">{{ 'oneTimeCode.shownOnce' | t }}</p>
      @if (data.sentByEmail) {
        <p data-testid="one-time-code-emailed">{{ 'oneTimeCode.sentByEmail' | t }}</p>
      }
      <p data-testid="one-time-code-expires">
        {{ 'oneTimeCode.expires' | t: { at: (data.expiresAt | vnDate), max: maxFailures } }}
      </p>
      <p>{{ 'oneTimeCode.howTo' | t: { path: setPasswordPath } }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button [mat-dialog-close]="true" data-testid="one-time-code-done">
        {{ 'oneTimeCode.done' | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .code {
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: clamp(1rem, 5vw, 2rem);
      font-weight: 600;
      letter-spacing: 0.04em;
      text-align: center;
      white-space: nowrap;
      user-select: all;
      padding: 12px 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class OneTimeCodeDialogComponent {
  protected readonly data = inject<OneTimeCodeView>(MAT_DIALOG_DATA);
  protected readonly maxFailures = ONE_TIME_CODE_MAX_FAILURES;
  protected readonly setPasswordPath = SET_PASSWORD_ROUTE;
}
