import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CaseNoteView } from '@caunoi/shared/contracts';
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { SavedNoticeComponent } from '../../../shared/ui/saved-notice/saved-notice.component';
import { CorrectionHistoryComponent } from '../correction-history/correction-history.component';
import { CasesApiService } from '../data/cases-api.service';
import { CorrectionsApiService } from '../data/corrections-api.service';
import { isStale } from '../stale-notice/stale';
import { StaleNoticeComponent } from '../stale-notice/stale-notice.component';

export const NOTE_MAX = 4000;

/** Confidential case notes (encrypted at rest; never shared in a referral). */
@Component({
  selector: 'cn-case-notes',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    SavedNoticeComponent,
    CorrectionHistoryComponent,
    StaleNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="cn-notice">{{ 'notes.confidential' | t }}</p>
    @if (canWrite()) {
      <form class="cn-form" [formGroup]="form" (ngSubmit)="add()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.body' | t }}</mat-label>
          <textarea matInput rows="4" formControlName="body" data-testid="note-body"></textarea>
          <mat-error>{{ form.controls.body.errors | fieldError: 'body' }}</mat-error>
        </mat-form-field>
        @for (message of submission.otherMessages(); track $index) {
          <p class="cn-error" role="alert">{{ message }}</p>
        }
        <div class="cn-actions">
          <button
            mat-flat-button
            type="submit"
            [disabled]="submission.submitting()"
            data-testid="note-save"
          >
            {{ 'notes.add' | t }}
          </button>
        </div>
        @if (submission.saved()) {
          <cn-saved-notice testId="note-saved">{{ 'notes.saved' | t }}</cn-saved-notice>
        }
      </form>
    }
    <ul class="cn-card-list" data-testid="note-list">
      @for (note of notes(); track note.id) {
        <li data-testid="note-row">
          <div class="meta">{{ note.authorName }} · {{ note.createdAt | vnDate }}</div>
          @if (editing() === note.id) {
            <form
              class="cn-form"
              [formGroup]="correctForm"
              (ngSubmit)="saveCorrection(note.id, history)"
              novalidate
              data-testid="note-correct-form"
            >
              <p class="cn-hint">{{ 'correction.hint' | t }}</p>
              @if (theirs(); as text) {
                <div class="theirs" data-testid="note-theirs">
                  <strong>{{ 'correction.theirs' | t }}</strong>
                  <div class="body">{{ text }}</div>
                </div>
              }
              <mat-form-field appearance="outline">
                <mat-label>{{ 'field.body' | t }}</mat-label>
                <textarea
                  matInput
                  rows="4"
                  formControlName="body"
                  data-testid="note-correct-body"
                ></textarea>
                <mat-error>{{ correctForm.controls.body.errors | fieldError: 'body' }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'field.correctionReason' | t }}</mat-label>
                <input matInput formControlName="reason" data-testid="note-correct-reason" />
                <mat-error>{{
                  correctForm.controls.reason.errors | fieldError: 'correctionReason'
                }}</mat-error>
              </mat-form-field>
              @if (stale()) {
                <cn-stale-notice (reload)="reload(note.id)" />
              } @else {
                @for (message of correction.otherMessages(); track $index) {
                  <p class="cn-error" role="alert">{{ message }}</p>
                }
              }
              <div class="cn-actions">
                <button
                  mat-flat-button
                  type="submit"
                  [disabled]="correction.submitting()"
                  data-testid="note-correct-save"
                >
                  {{ 'correction.save' | t }}
                </button>
                <button mat-button type="button" (click)="editing.set(null)">
                  {{ 'correction.cancel' | t }}
                </button>
              </div>
            </form>
          } @else {
            <div class="body" data-testid="note-text">{{ note.body }}</div>
          }
          <div class="cn-actions">
            @if (canWrite() && editing() !== note.id) {
              <button
                mat-button
                type="button"
                (click)="startCorrection(note)"
                data-testid="note-correct"
              >
                {{ 'correction.edit' | t }}
              </button>
            }
            <cn-correction-history
              #history
              [caseId]="caseId()"
              subjectType="CaseNote"
              [subjectId]="note.id"
            />
          </div>
        </li>
      } @empty {
        @if (!loading()) {
          <li>{{ 'notes.empty' | t }}</li>
        }
      }
    </ul>
  `,
  styles: `
    .meta {
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .body {
      white-space: pre-wrap;
      margin-top: 4px;
    }
    .theirs {
      border-left: 3px solid var(--mat-sys-tertiary);
      padding-left: 8px;
      margin-bottom: 8px;
    }
  `,
})
export class CaseNotesComponent {
  private readonly api = inject(CasesApiService);

  readonly caseId = input.required<string>();
  readonly canWrite = input(false);

  protected readonly notes = signal<CaseNoteView[]>([]);
  protected readonly loading = signal(true);
  protected readonly form = new FormGroup({
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(NOTE_MAX)],
    }),
  });
  protected readonly submission = formSubmission(this.form);
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly corrections = inject(CorrectionsApiService);

  /** The note being corrected: its text and a required reason; the replaced text is kept. */
  protected readonly editing = signal<string | null>(null);
  protected readonly correctForm = new FormGroup({
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(NOTE_MAX)],
    }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.minLength(CORRECTION_REASON_MIN),
        Validators.maxLength(CORRECTION_REASON_MAX),
      ],
    }),
  });
  protected readonly correction = formSubmission(this.correctForm);
  protected readonly stale = isStale(this.correction);
  /** The version the correction is made from (a reload moves it to the one on file). */
  private readonly baseVersion = signal(0);
  /** After a reload: the text someone else saved meanwhile, shown beside what the user typed. */
  protected readonly theirs = signal<string | null>(null);

  constructor() {
    guardUnload(() => this.form.dirty || this.correctForm.dirty);
    effect((onCleanup) => {
      this.loading.set(true);
      const subscription = this.api.notes(this.caseId()).subscribe({
        next: (notes) => {
          this.notes.set(notes);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected async add(): Promise<void> {
    const body = this.form.getRawValue().body.trim();
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.addNote(this.caseId(), body)),
    );
    if (!result.ok) return;
    this.notes.update((notes) => [result.value, ...notes]);
    this.submission.succeeded(this.formDirective());
  }

  protected startCorrection(note: CaseNoteView): void {
    this.correctForm.reset({ body: note.body, reason: '' });
    this.correction.clear();
    this.baseVersion.set(note.version);
    this.theirs.set(null);
    this.editing.set(note.id);
  }

  protected async saveCorrection(
    noteId: string,
    history: CorrectionHistoryComponent,
  ): Promise<void> {
    const { body, reason } = this.correctForm.getRawValue();
    const result = await this.correction.run(() =>
      firstValueFrom(
        this.corrections.correctNote(this.caseId(), noteId, {
          body: body.trim(),
          reason: reason.trim(),
          version: this.baseVersion(),
        }),
      ),
    );
    if (!result.ok) return;
    this.notes.update((notes) =>
      notes.map((n) =>
        n.id === noteId ? { ...n, body: result.value.body, version: result.value.version } : n,
      ),
    );
    this.correctForm.reset();
    this.editing.set(null);
    await history.refresh();
  }

  /**
   * The note changed since the correction began: read the notes again, show the other person's
   * text beside what the user typed (kept), and make the next save from the version on file.
   */
  protected async reload(noteId: string): Promise<void> {
    const notes = await firstValueFrom(this.api.notes(this.caseId()));
    this.notes.set(notes);
    const fresh = notes.find((n) => n.id === noteId);
    if (!fresh) {
      this.editing.set(null);
      return;
    }
    this.baseVersion.set(fresh.version);
    this.theirs.set(fresh.body);
    this.correction.clear();
  }
}
