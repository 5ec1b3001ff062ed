import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CaseDetailView, MaskedIdentity, RevealedIdentity } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { refusalMessage } from '../../../shared/forms/form-submission';
import { CorrectionHistoryComponent } from '../correction-history/correction-history.component';
import { CasesApiService } from '../data/cases-api.service';
import type { IdentityCorrected } from '../identity-correction/identity-correction.component';
import { IdentityCorrectionComponent } from '../identity-correction/identity-correction.component';
import { formatVietnamDay } from '../../../core/i18n/vn-date.pipe';

/** The identity fields, in the order the file lists them. Sex and age group are never masked. */
export const IDENTITY_FIELDS = [
  'fullName',
  'dateOfBirth',
  'age',
  'phone',
  'address',
  'idNumber',
  'ethnicity',
  'disability',
  'safeContactMethod',
  'safeContactDetails',
] as const;
type IdentityField = (typeof IDENTITY_FIELDS)[number];

export const MASK = '●●●●';

/**
 * The survivor's identity, masked until the user asks. Revealing is an audited action of its own;
 * the values live only in this component, so they are gone when the user leaves the page.
 */
@Component({
  selector: 'cn-case-identity',
  imports: [
    MatButtonModule,
    TranslatePipe,
    IdentityCorrectionComponent,
    CorrectionHistoryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3>{{ 'identity.title' | t }}</h3>
    @if (identity().anonymous) {
      <p class="cn-notice" data-testid="identity-anonymous">{{ 'identity.anonymous' | t }}</p>
    }
    <dl data-testid="identity">
      <dt>{{ 'field.sex' | t }}</dt>
      <dd>{{ 'sex.' + identity().sex | t }}</dd>
      <dt>{{ 'field.ageGroup' | t }}</dt>
      <dd>{{ 'ageGroup.' + identity().ageGroup | t }}</dd>
      <dt>{{ 'field.disabilityStatus' | t }}</dt>
      <dd data-testid="identity-disability-status">
        {{ 'yesNoUnknown.' + identity().disabilityStatus | t }}
      </dd>
      <dt>{{ 'field.ethnicMinority' | t }}</dt>
      <dd data-testid="identity-ethnic-minority">
        {{ 'yesNoUnknown.' + identity().ethnicMinority | t }}
      </dd>
      @for (field of fields; track field) {
        <dt>{{ 'field.' + field | t }}</dt>
        <dd [attr.data-testid]="'identity-' + field">{{ display(field) }}</dd>
      }
    </dl>
    @if (!identity().anonymous) {
      <div class="cn-actions reveal">
        @if (revealed(); as shown) {
          <button mat-stroked-button type="button" (click)="hide()" data-testid="identity-hide">
            {{ 'identity.hide' | t }}
          </button>
          @if (canCorrect() && !correcting()) {
            <button
              mat-button
              type="button"
              (click)="correcting.set(true)"
              data-testid="identity-correct"
            >
              {{ 'correction.editIdentity' | t }}
            </button>
          }
        } @else {
          <button
            mat-flat-button
            type="button"
            (click)="reveal()"
            [disabled]="revealing() || !canReveal()"
            data-testid="identity-reveal"
          >
            {{ 'identity.reveal' | t }}
          </button>
          <span class="cn-hint">{{ 'identity.revealAudited' | t }}</span>
        }
      </div>
      @if (correcting() && revealed(); as shown) {
        <cn-identity-correction
          [caseId]="caseId()"
          [identity]="shown"
          (saved)="applyCorrection($event, history)"
          (reloaded)="revealed.set($event)"
          (cancelled)="correcting.set(false)"
        />
      }
      <cn-correction-history
        #history
        [caseId]="caseId()"
        subjectType="SurvivorIdentity"
        [subjectId]="identity().survivorId"
      />
    }
  `,
  styles: `
    dl {
      display: grid;
      /* The labels' column never pushes the values off a phone's screen. */
      grid-template-columns: fit-content(45%) minmax(0, 1fr);
      gap: 4px 16px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .reveal {
      align-items: center;
    }
  `,
})
export class CaseIdentityComponent {
  private readonly api = inject(CasesApiService);
  private readonly translation = inject(TranslationService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  readonly caseId = input.required<string>();
  readonly identity = input.required<MaskedIdentity>();
  readonly canReveal = input(true);
  /** May correct the identity (change the case, and reveal it to start from the values on file). */
  readonly canCorrect = input(false);
  /** A correction was saved: the case file (masked identity, possible duplicates) as it is now. */
  readonly corrected = output<CaseDetailView>();

  protected readonly fields = IDENTITY_FIELDS;
  protected readonly revealed = signal<RevealedIdentity | null>(null);
  protected readonly revealing = signal(false);
  protected readonly correcting = signal(false);
  private readonly none = computed(() => this.translation.t('identity.none'));

  constructor() {
    // Another case in the same component: hide what was shown of the previous one.
    effect(() => {
      this.caseId();
      this.revealed.set(null);
      this.correcting.set(false);
    });
  }

  protected display(field: IdentityField): string {
    const revealed = this.revealed();
    if (!revealed) return this.identity().present[field] ? MASK : this.none();
    const value = revealed[field];
    if (value === null || value === undefined || value === '') return this.none();
    const key = `safeContact.${value}`;
    if (field === 'safeContactMethod' && this.translation.hasKey(key)) {
      return this.translation.t(key);
    }
    if (field === 'dateOfBirth') return formatVietnamDay(String(value));
    return String(value);
  }

  protected reveal(): void {
    this.revealing.set(true);
    this.api
      .revealIdentity(this.caseId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (identity) => {
          this.revealed.set(identity);
          this.revealing.set(false);
        },
        error: (error: unknown) => {
          this.revealing.set(false);
          const message = refusalMessage(this.translation, error);
          if (message) this.snackBar.open(message);
        },
      });
  }

  protected hide(): void {
    this.revealed.set(null);
    this.correcting.set(false);
  }

  protected async applyCorrection(
    { detail, identity }: IdentityCorrected,
    history: CorrectionHistoryComponent,
  ): Promise<void> {
    this.revealed.set(identity);
    this.correcting.set(false);
    this.corrected.emit(detail);
    this.snackBar.open(this.translation.t('correction.saved'));
    await history.refresh();
  }
}
