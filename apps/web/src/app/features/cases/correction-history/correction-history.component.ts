import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CorrectionSubject, CorrectionView } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { CorrectionsApiService } from '../data/corrections-api.service';

/** Fields whose values are codes, and the prefix of their words in the translations. */
const CODED: Readonly<Record<string, string>> = {
  level: 'risk',
  overrideLevel: 'risk',
  relationship: 'relationship',
  sex: 'sex',
  disabilityStatus: 'yesNoUnknown',
  ethnicMinority: 'yesNoUnknown',
  ageGroup: 'ageGroup',
  safeContactMethod: 'safeContact',
  occurredPrecision: 'precision',
  dvForms: 'dvForm',
  contextFlags: 'contextFlag',
  injuries: 'injury',
};

/**
 * The correction history of one record of a case (a note, an incident): each replaced version
 * with who corrected it, when and why. Loaded only when asked for, since each read is audited.
 */
@Component({
  selector: 'cn-correction-history',
  imports: [MatButtonModule, TranslatePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-button type="button" (click)="toggle()" data-testid="correction-history-toggle">
      {{ (entries() ? 'correction.hideHistory' : 'correction.history') | t }}
    </button>
    @if (entries(); as list) {
      <ul class="history" data-testid="correction-history">
        @for (c of list; track c.id) {
          <li data-testid="correction-entry">
            <div class="meta">
              {{
                'correction.entry'
                  | t: { name: c.correctedByName ?? '—', at: (c.correctedAt | vnDate) }
              }}
            </div>
            <div>
              <strong>{{ 'correction.reasonLabel' | t }}:</strong> {{ c.reason }}
            </div>
            <div>{{ 'correction.previous' | t }}</div>
            @for (field of c.changedFields; track field) {
              <div data-testid="correction-previous">
                <em>{{ label(field) }}: </em>
                <span class="previous">{{ show(field, c.previous) }}</span>
              </div>
            }
          </li>
        } @empty {
          <li>{{ 'correction.none' | t }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .history {
      list-style: none;
      padding-left: 8px;
      border-left: 3px solid var(--mat-sys-outline-variant);
      margin: 4px 0;
    }
    .history li {
      padding: 4px 0;
    }
    .meta {
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .previous {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class CorrectionHistoryComponent {
  private readonly api = inject(CorrectionsApiService);
  private readonly translation = inject(TranslationService);

  readonly caseId = input.required<string>();
  readonly subjectType = input.required<CorrectionSubject>();
  readonly subjectId = input.required<string>();
  /** Words a replaced value the generic way cannot (a risk assessment's answers); null: default. */
  readonly format = input<((field: string, value: unknown) => string | null) | null>(null);

  protected readonly entries = signal<CorrectionView[] | null>(null);

  /** Shows the history (reading it again, so a correction just made is in it) or hides it. */
  async toggle(): Promise<void> {
    if (this.entries()) {
      this.entries.set(null);
      return;
    }
    await this.reload();
  }

  /** After a correction: refresh an open history. */
  async refresh(): Promise<void> {
    if (this.entries()) await this.reload();
  }

  protected label(field: string): string {
    const key = `field.${field}`;
    return this.translation.hasKey(key) ? this.translation.t(key) : field;
  }

  /**
   * A replaced value as the screen words it. An identity's values are left out by the API for
   * whoever may not reveal it: the entry then says so instead of showing an empty value.
   */
  protected show(field: string, previous: Record<string, unknown>): string {
    if (!(field in previous)) return this.translation.t('correction.hiddenValue');
    const value = previous[field];
    const own = this.format()?.(field, value);
    if (own != null) return own;
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) {
      if (field === 'incidentIds' || field === 'perpetrators') {
        return this.translation.t('correction.count', { count: value.length });
      }
      return value.map((v) => this.code(field, v)).join(', ') || '—';
    }
    if (typeof value === 'object') return JSON.stringify(value);
    return this.code(field, value);
  }

  /** A coded value (a relationship, a sex...) in words when the screen has them. */
  private code(field: string, value: unknown): string {
    const prefix = CODED[field];
    const key = prefix ? `${prefix}.${String(value)}` : '';
    return key && this.translation.hasKey(key) ? this.translation.t(key) : String(value);
  }

  private async reload(): Promise<void> {
    this.entries.set(
      await firstValueFrom(this.api.history(this.caseId(), this.subjectType(), this.subjectId())),
    );
  }
}
