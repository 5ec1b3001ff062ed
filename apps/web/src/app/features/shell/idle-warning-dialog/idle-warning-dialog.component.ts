import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { IdleService } from '../../../core/idle/idle.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';

/** Opened and closed by the shell as IdleService's warning starts and ends. */
@Component({
  selector: 'cn-idle-warning-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'idle.title' | t }}</h2>
    <mat-dialog-content>
      <p role="timer" aria-live="polite" data-testid="idle-countdown">
        {{ 'idle.message' | t: { seconds: idle.secondsLeft() ?? 0 } }}
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="idle.signOutNow()" data-testid="idle-sign-out">
        {{ 'idle.signOut' | t }}
      </button>
      <button mat-flat-button type="button" (click)="idle.staySignedIn()" data-testid="idle-stay">
        {{ 'idle.stay' | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class IdleWarningDialogComponent {
  protected readonly idle = inject(IdleService);
}
