import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ConferenceActionView } from '@caunoi/shared/contracts';
import { CONFERENCE_LIMITS, vietnamDateOf } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDayPipe } from '../../../core/i18n/vn-date.pipe';
import { ConferencesApiService } from '../../../shared/data/conferences-api.service';
import { injectNow } from '../../../shared/deadlines/deadline-display';
import { TimeLeftPipe } from '../../../shared/deadlines/deadline.pipes';
import { refusalMessage } from '../../../shared/forms/form-submission';

/**
 * A conference's actions: owner, what, due date with its countdown, status and note. The owner agency
 * closes its own open actions here (done or cancelled, with an optional note); the convening centre
 * may cancel any open one. Read-only when neither (the case plan screen).
 */
@Component({
  selector: 'cn-conference-action-list',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    TimeLeftPipe,
    VnDayPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="cn-card-list" data-testid="conference-actions">
      @for (a of actions(); track a.id) {
        <li data-testid="conference-action" [attr.data-status]="a.status">
          <div class="head">
            <strong data-testid="conference-action-owner">{{ a.ownerAgencyName }}</strong>
            <span
              class="cn-badge"
              [class.danger]="overdue(a)"
              [class.tertiary]="a.status === 'done'"
              data-testid="conference-action-status"
              >{{
                (overdue(a) ? 'conference.action.overdue' : 'conference.action.' + a.status) | t
              }}</span
            >
          </div>
          <div class="text" data-testid="conference-action-description">{{ a.description }}</div>
          <div class="cn-hint">
            {{ 'conference.due' | t: { date: (a.dueOn | vnDay) } }}
            @if (a.dueAt && a.status === 'open') {
              · <span [class.late]="overdue(a)">{{ a.dueAt | timeLeft: now() }}</span>
            }
          </div>
          @if (a.note) {
            <div class="text" data-testid="conference-action-note">{{ a.note }}</div>
          }
          @if (a.status === 'open' && (mayComplete(a) || mayCancelAll())) {
            <div class="close">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'conference.statusNote' | t }}</mat-label>
                <input
                  matInput
                  [formControl]="noteFor(a.id)"
                  data-testid="conference-action-note-input"
                />
              </mat-form-field>
              <div class="cn-actions">
                @if (mayComplete(a)) {
                  <button
                    mat-flat-button
                    type="button"
                    [disabled]="busy() === a.id"
                    (click)="close(a, 'done')"
                    data-testid="conference-action-done"
                  >
                    {{ 'conference.markDone' | t }}
                  </button>
                }
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="busy() === a.id"
                  (click)="close(a, 'cancelled')"
                  data-testid="conference-action-cancel"
                >
                  {{ 'conference.cancelAction' | t }}
                </button>
              </div>
            </div>
          }
          @if (errors()[a.id]; as message) {
            <p class="cn-error" role="alert">{{ message }}</p>
          }
        </li>
      } @empty {
        <li class="cn-hint" data-testid="conference-actions-none">
          {{ 'conference.actionsNone' | t }}
        </li>
      }
    </ul>
  `,
  styles: `
    .head {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .late {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .close {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-top: 8px;
      max-width: 560px;
    }
  `,
})
export class ConferenceActionListComponent {
  private readonly api = inject(ConferencesApiService);
  private readonly translation = inject(TranslationService);

  readonly actions = input.required<ConferenceActionView[]>();
  /** The caller's agency when it works conference invitations: it completes the actions it owns. */
  readonly ownerAgencyId = input<string | null>(null);
  /** The convening centre's supervisor: may cancel any open action. */
  readonly mayCancelAll = input(false);
  readonly changed = output<ConferenceActionView>();

  protected readonly now = injectNow();
  protected readonly busy = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  private readonly notes = new Map<string, FormControl<string>>();
  private readonly today = vietnamDateOf(new Date());

  protected mayComplete(a: ConferenceActionView): boolean {
    return a.ownerAgencyId === this.ownerAgencyId();
  }

  protected overdue(a: ConferenceActionView): boolean {
    return a.status === 'open' && a.dueOn < this.today;
  }

  protected noteFor(id: string): FormControl<string> {
    let control = this.notes.get(id);
    if (!control) {
      control = new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(CONFERENCE_LIMITS.note)],
      });
      this.notes.set(id, control);
    }
    return control;
  }

  protected async close(a: ConferenceActionView, status: 'done' | 'cancelled'): Promise<void> {
    this.busy.set(a.id);
    this.errors.update((all) => {
      const rest = { ...all };
      delete rest[a.id];
      return rest;
    });
    try {
      const note = this.noteFor(a.id).value.trim();
      const updated = await firstValueFrom(
        this.api.setActionStatus(a.conferenceId, a.id, { status, note: note || null }),
      );
      this.changed.emit(updated);
    } catch (error) {
      const message = refusalMessage(this.translation, error);
      if (message) this.errors.update((all) => ({ ...all, [a.id]: message }));
    } finally {
      this.busy.set(null);
    }
  }
}
