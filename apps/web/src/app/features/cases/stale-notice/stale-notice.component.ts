import { ChangeDetectionStrategy, Component, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../../../core/i18n/t.pipe';

/**
 * A save refused because someone else changed the record after it was opened (409
 * `stale_version`): nothing was overwritten; the user reloads to see the other person's change.
 */
@Component({
  selector: 'cn-stale-notice',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cn-error stale" role="alert" data-testid="stale-notice">
      <span>{{ 'correction.stale' | t }}</span>
      <button mat-stroked-button type="button" (click)="reload.emit()" data-testid="stale-reload">
        {{ 'correction.reload' | t }}
      </button>
    </div>
  `,
  styles: `
    .stale {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
  `,
})
export class StaleNoticeComponent {
  readonly reload = output<void>();
}
