import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ClosureRequestView } from '@caunoi/shared/contracts';
import type { CaseStage } from '@caunoi/shared/domain';
import { allowedClosureActions } from '@caunoi/shared/domain';
import { AuthService } from '../../../core/auth/auth.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { CaseClosureApiService } from '../data/case-closure-api.service';
import type { ClosureDialogData, ClosureDialogMode } from './closure-dialog.component';
import { ClosureDialogComponent } from './closure-dialog.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/**
 * Closure on the case file's overview: the request waiting for a supervisor (approve after a
 * confirmation with its summary, or return with a comment; never one's own), the caseworker's
 * request (again from a returned one), reopening a closed case, and every request so far.
 */
@Component({
  selector: 'cn-case-closure',
  imports: [MatButtonModule, TranslatePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (visible()) {
      <section class="closure" data-testid="case-closure">
        <h3>{{ 'closure.title' | t }}</h3>
        @if (stage() === 'closure_pending' && waiting(); as w) {
          <p class="cn-notice" role="status" data-testid="closure-waiting">
            {{
              'closure.waiting' | t: { name: w.requestedByName ?? '', at: (w.requestedAt | vnDate) }
            }}
          </p>
          @if (canDecide()) {
            @if (own()) {
              <p class="cn-hint" data-testid="closure-own">{{ 'closure.ownRequest' | t }}</p>
            } @else {
              <div class="cn-actions">
                <button
                  mat-flat-button
                  type="button"
                  (click)="open('approve')"
                  data-testid="closure-approve"
                >
                  {{ 'closure.approve' | t }}
                </button>
                <button
                  mat-stroked-button
                  type="button"
                  (click)="open('return')"
                  data-testid="closure-return"
                >
                  {{ 'closure.return' | t }}
                </button>
              </div>
            }
          }
        }
        @if (stage() === 'closed') {
          <p class="cn-notice" role="status" data-testid="closure-closed">
            {{ 'closure.closedNotice' | t }}
          </p>
          @if (canDecide()) {
            <button
              mat-stroked-button
              type="button"
              (click)="open('reopen')"
              data-testid="closure-reopen"
            >
              {{ 'closure.reopen' | t }}
            </button>
          }
        }
        @if (canAsk()) {
          @if (returned(); as r) {
            <p class="cn-notice" role="status" data-testid="closure-returned">
              {{ 'closure.returnedBy' | t: { name: r.decidedByName ?? '' } }}
              <span class="text">{{ r.comment }}</span>
            </p>
          }
          <button
            mat-stroked-button
            type="button"
            (click)="open('request')"
            data-testid="closure-request"
          >
            {{ 'closure.request' | t }}
          </button>
        }

        @if (history().length > 0) {
          <h4>{{ 'closure.history' | t }}</h4>
          <ul class="cn-card-list" data-testid="closure-history">
            @for (r of history(); track r.id) {
              <li data-testid="closure-row">
                <div class="cn-actions">
                  <span class="cn-badge" [class.tertiary]="r.status === 'approved'">{{
                    'closureStatus.' + r.status | t
                  }}</span>
                  <span>{{ 'closureReason.' + r.reason | t }}</span>
                  <span>· {{ 'goalStatus.' + r.goalStatus | t }}</span>
                </div>
                <p class="cn-hint">
                  {{
                    'closure.requestedLine'
                      | t: { name: r.requestedByName ?? '', at: (r.requestedAt | vnDate) }
                  }}
                  @if (r.decidedAt) {
                    ·
                    {{
                      'closure.decidedLine.' + r.status
                        | t: { name: r.decidedByName ?? '', at: (r.decidedAt | vnDate) }
                    }}
                  }
                </p>
                <p class="text">{{ r.summary }}</p>
                @if (r.comment) {
                  <p class="text">
                    <strong>{{ 'field.comment' | t }}:</strong> {{ r.comment }}
                  </p>
                }
                @if (r.reopenedAt) {
                  <p class="text" data-testid="closure-reopened">
                    {{ 'closure.reopenedLine' | t: { at: (r.reopenedAt | vnDate) } }}
                    {{ r.reopenReason }}
                  </p>
                }
              </li>
            }
          </ul>
        }
      </section>
    }
  `,
  styles: `
    .closure {
      margin: 16px 0;
      max-width: 720px;
    }
    .text {
      white-space: pre-wrap;
    }
  `,
})
export class CaseClosureComponent {
  private readonly api = inject(CaseClosureApiService);
  private readonly auth = inject(AuthService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  readonly caseId = input.required<string>();
  readonly survivorCode = input.required<string>();
  readonly stage = input.required<CaseStage>();
  /** May update the case: asks for closure. */
  readonly canRequest = input(false);
  /** May approve on the case (a supervisor of the centre): decides and reopens. */
  readonly canDecide = input(false);
  /** The stage moved: the case file reads the case again. */
  readonly changed = output<void>();

  protected readonly history = signal<ClosureRequestView[]>([]);
  protected readonly waiting = computed(
    () => this.history().find((r) => r.status === 'requested') ?? null,
  );
  /** The latest request, when it came back and nothing was asked since. */
  protected readonly returned = computed(() => {
    const latest = this.history()[0];
    return latest?.status === 'returned' ? latest : null;
  });
  protected readonly own = computed(
    () => this.waiting()?.requestedByUserId === this.auth.me()?.user.id,
  );
  protected readonly canAsk = computed(
    () => this.canRequest() && allowedClosureActions(this.stage()).includes('request_closure'),
  );
  protected readonly visible = computed(
    () =>
      this.history().length > 0 ||
      this.canAsk() ||
      this.stage() === 'closure_pending' ||
      this.stage() === 'closed',
  );

  constructor() {
    effect((onCleanup) => {
      const subscription = this.api.history(this.caseId()).subscribe({
        next: (history) => this.history.set(history),
        error: () => undefined,
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected open(mode: ClosureDialogMode): void {
    const request = mode === 'request' ? this.returned() : this.waiting();
    this.dialogs
      .open<
        ClosureDialogComponent,
        ClosureDialogData,
        ClosureRequestView[]
      >(ClosureDialogComponent, { mode, caseId: this.caseId(), survivorCode: this.survivorCode(), request }, { width: 'large' })
      .subscribe((history) => {
        this.history.set(history);
        this.snackBar.open(this.translation.t(`closure.done.${mode}`));
        this.changed.emit();
      });
  }
}
