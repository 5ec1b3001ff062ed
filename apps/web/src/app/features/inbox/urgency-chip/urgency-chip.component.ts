import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ReferralUrgency } from '@caunoi/shared/domain';
import { TranslatePipe } from '../../../core/i18n/t.pipe';

/** A referral's urgency as a chip: an emergency is loud (filled red, bold), routine is quiet. */
@Component({
  selector: 'cn-urgency-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="chip"
    [class]="urgency()"
    [attr.data-urgency]="urgency()"
    data-testid="urgency-chip"
  >
    @if (urgency() === 'emergency') {
      <span aria-hidden="true">⚠ </span>
    }
    {{ 'urgency.' + urgency() | t }}</span
  >`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font-size: 0.8rem;
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
    }
    .emergency {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.02em;
    }
    .urgent {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font-weight: 600;
    }
  `,
})
export class UrgencyChipComponent {
  readonly urgency = input.required<ReferralUrgency>();
}
