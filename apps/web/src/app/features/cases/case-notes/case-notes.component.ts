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
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { SavedNoticeComponent } from '../../../shared/ui/saved-notice/saved-notice.component';
import { CasesApiService } from '../data/cases-api.service';

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
          <div class="body">{{ note.body }}</div>
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
      opacity: 0.75;
    }
    .body {
      white-space: pre-wrap;
      margin-top: 4px;
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

  constructor() {
    guardUnload(() => this.form.dirty);
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
}
