import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { BreachReceiptView, BreachTargetView } from '@caunoi/shared/contracts';
import type { BreachKind } from '@caunoi/shared/domain';
import { BREACH_KINDS } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { NetworkStatus, isNoNetwork } from '../../../core/offline/network-status';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import {
  ProtectionApiService,
  fromLocalInput,
  toLocalInput,
} from '../../protection/data/protection-api.service';

/**
 * The referring volunteer's breach button (Decree 76/2023 Art. 19): the no-contact orders in force on
 * the survivors they referred, by the order's code and their own referral's reference, nothing else.
 * A breach is urgent and goes to the caseworker and the commune police at once, so it is never kept
 * on the phone to send later: without a network the button is off and the screen says so.
 */
@Component({
  selector: 'cn-breach-report',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (targets().length > 0 || offline()) {
      <h2>{{ 'breachReport.title' | t }}</h2>
      <p class="cn-hint">{{ 'breachReport.hint' | t }}</p>
      @if (offline()) {
        <p class="cn-hint offline" role="status" data-testid="breach-offline">
          {{ 'breachReport.offline' | t }}
        </p>
      }
      <ul class="cn-card-list" data-testid="breach-targets">
        @for (target of targets(); track target.id) {
          <li data-testid="breach-target">
            <div class="row">
              <strong data-testid="breach-target-code">{{ target.code }}</strong>
              @if (target.referralReference) {
                <span class="ref">{{
                  'breachReport.fromReferral' | t: { reference: target.referralReference }
                }}</span>
              }
            </div>
            @if (openFor() === target.id) {
              <form
                class="cn-form"
                [formGroup]="form"
                (ngSubmit)="report(target)"
                novalidate
                data-testid="breach-report-form"
              >
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'protection.field.breachKind' | t }}</mat-label>
                  <mat-select formControlName="kind" data-testid="breach-report-kind">
                    @for (k of kinds; track k) {
                      <mat-option [value]="k" [attr.data-testid]="'breach-kind-' + k">{{
                        'breachKind.' + k | t
                      }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'protection.field.occurredAt' | t }}</mat-label>
                  <input matInput type="datetime-local" formControlName="occurredAt" />
                  <mat-error>{{
                    form.controls.occurredAt.errors | fieldError: 'occurredAt'
                  }}</mat-error>
                </mat-form-field>
                @if (noNetwork()) {
                  <p class="cn-error" role="alert" data-testid="breach-report-no-network">
                    {{ 'breachReport.notSent' | t }}
                  </p>
                }
                @for (message of submission.otherMessages(); track $index) {
                  <p class="cn-error" role="alert">{{ message }}</p>
                }
                <div class="cn-actions">
                  <button
                    mat-flat-button
                    color="warn"
                    type="submit"
                    [disabled]="submission.submitting() || offline()"
                    data-testid="breach-report-submit"
                  >
                    {{ 'breachReport.send' | t }}
                  </button>
                  <button mat-button type="button" (click)="openFor.set(null)">
                    {{ 'common.cancel' | t }}
                  </button>
                </div>
              </form>
            } @else {
              <button
                mat-stroked-button
                type="button"
                [disabled]="offline()"
                (click)="open(target.id)"
                data-testid="breach-report-open"
              >
                {{ 'protection.reportBreach' | t }}
              </button>
            }
            @if (receipts()[target.id]; as receipt) {
              <p class="cn-hint sent" role="status" data-testid="breach-report-sent">
                {{ 'breachReport.sent' | t: { at: (receipt.reportedAt | vnDate) } }}
              </p>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .row {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .ref {
      font-size: 0.85rem;
      opacity: 0.8;
    }
    .cn-form {
      margin-top: 12px;
    }
    .offline {
      padding: 8px 12px;
      border-radius: 8px;
      background: #fff4e5;
      color: #5f3b00;
    }
    .sent {
      padding: 8px 12px;
      border-radius: 8px;
      background: #e3f4e6;
      color: #1b5e20;
    }
  `,
})
export class BreachReportComponent {
  private readonly api = inject(ProtectionApiService);
  private readonly auth = inject(AuthService);
  private readonly network = inject(NetworkStatus);

  protected readonly kinds = BREACH_KINDS;
  protected readonly offline = computed(() => this.auth.offline() || !this.network.online());
  protected readonly targets = signal<BreachTargetView[]>([]);
  protected readonly openFor = signal<string | null>(null);
  protected readonly receipts = signal<Record<string, BreachReceiptView>>({});
  protected readonly noNetwork = signal(false);

  protected readonly form = new FormGroup({
    kind: new FormControl<BreachKind>('within_100m', { nonNullable: true }),
    occurredAt: new FormControl(toLocalInput(new Date()), {
      nonNullable: true,
      validators: [Validators.required],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  constructor() {
    // The list comes from the server only (nothing of it is stored on the phone); again when online.
    effect(() => {
      if (this.offline()) return;
      untracked(() => this.load());
    });
  }

  protected open(id: string): void {
    this.form.reset({ kind: 'within_100m', occurredAt: toLocalInput(new Date()) });
    this.submission.clear();
    this.noNetwork.set(false);
    this.openFor.set(id);
  }

  protected async report(target: BreachTargetView): Promise<void> {
    this.noNetwork.set(false);
    const { kind, occurredAt } = this.form.getRawValue();
    const result = await this.submission.run(
      () =>
        firstValueFrom(
          this.api.reportBreach(target.id, { kind, occurredAt: fromLocalInput(occurredAt) }),
        ),
      { onError: isNoNetwork },
    );
    if (!result.ok) {
      if (isNoNetwork(result.error)) this.noNetwork.set(true);
      return;
    }
    this.receipts.update((r) => ({ ...r, [target.id]: result.value }));
    this.openFor.set(null);
  }

  private load(): void {
    this.api.breachTargets().subscribe({
      next: (list) => this.targets.set(list),
      error: () => undefined,
    });
  }
}
