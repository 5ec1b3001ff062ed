import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { TranslationParams } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';

export interface ConfirmDialogData {
  message: TranslationKey;
  params?: TranslationParams;
  confirm: TranslationKey;
}

/** Opened with MatDialog; closes with `true` when confirmed. */
@Component({
  selector: 'cn-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-dialog-content>
      <p data-testid="confirm-message">{{ data.message | t: data.params }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button [mat-dialog-close]="false" data-testid="confirm-cancel">
        {{ 'common.cancel' | t }}
      </button>
      <button mat-flat-button [mat-dialog-close]="true" data-testid="confirm-ok">
        {{ data.confirm | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
