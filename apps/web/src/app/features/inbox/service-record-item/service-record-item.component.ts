import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ServiceRecordView } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formatCalendarDate } from '../../../shared/deadlines/deadline-display';
import { sectorOutcomeLines } from '../../../shared/referrals/referral-labels';

/** One service the agency recorded: what, when, the outcome and its sector's fields. */
@Component({
  selector: 'cn-service-record-item',
  imports: [TranslatePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <strong data-testid="service-record-type">{{ 'service.' + record().serviceType | t }}</strong>
      <span class="cn-badge" data-testid="service-record-outcome">{{
        'serviceOutcome.' + record().outcome | t
      }}</span>
    </div>
    <dl>
      <dt>{{ 'field.providedOn' | t }}</dt>
      <dd data-testid="service-record-date">{{ providedOn() }}</dd>
      @for (line of sectorLines(); track line.field) {
        <dt>{{ line.label }}</dt>
        <dd [attr.data-testid]="'service-record-' + line.field">{{ line.value }}</dd>
      }
      @if (record().note) {
        <dt>{{ 'field.note' | t }}</dt>
        <dd class="note" data-testid="service-record-note">{{ record().note }}</dd>
      }
    </dl>
    <p class="cn-hint">
      {{
        'referralInbox.recordedBy'
          | t: { name: record().recordedByName, at: (record().recordedAt | vnDate) }
      }}
    </p>
  `,
  styles: `
    .head {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 8px 0 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .note {
      white-space: pre-line;
    }
    .cn-hint {
      margin: 4px 0 0;
    }
  `,
})
export class ServiceRecordItemComponent {
  private readonly translation = inject(TranslationService);

  readonly record = input.required<ServiceRecordView>();

  protected readonly providedOn = computed(() => formatCalendarDate(this.record().providedOn));
  protected readonly sectorLines = computed(() =>
    sectorOutcomeLines(this.translation, this.record().sectorOutcome),
  );
}
