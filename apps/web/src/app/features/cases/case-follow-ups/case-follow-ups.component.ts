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
import { MatSelectModule } from '@angular/material/select';
import type { FollowUpView } from '@caunoi/shared/contracts';
import type { FollowUpMethod, FollowUpOutcome } from '@caunoi/shared/domain';
import {
  FOLLOW_UP_METHODS,
  FOLLOW_UP_NOTE_MAX,
  FOLLOW_UP_OUTCOMES,
  addDaysToDate,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe, VnDayPipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { SavedNoticeComponent } from '../../../shared/ui/saved-notice/saved-notice.component';
import { FollowUpsApiService } from '../data/follow-ups-api.service';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';

/**
 * Follow-up contacts on a case: plan one (date and method), then record its outcome and, when the
 * case needs more, the next date. A planned contact whose day has passed shows as overdue (its
 * clock has already told the supervisors).
 */
@Component({
  selector: 'cn-case-follow-ups',
  providers: [provideCalendarDays()],
  imports: [
    MatDatepickerModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    VnDayPipe,
    SavedNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-follow-ups.component.html',
  styleUrl: './case-follow-ups.component.scss',
})
export class CaseFollowUpsComponent {
  private readonly api = inject(FollowUpsApiService);

  readonly caseId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly methods = FOLLOW_UP_METHODS;
  protected readonly outcomes = FOLLOW_UP_OUTCOMES;
  protected readonly followUps = signal<FollowUpView[]>([]);
  protected readonly loading = signal(true);
  /** The contact whose outcome is being recorded. */
  protected readonly recording = signal<string | null>(null);
  protected readonly today = vietnamDateOf(new Date());

  protected readonly planForm = new FormGroup({
    plannedOn: new FormControl(addDaysToDate(this.today, 7), {
      nonNullable: true,
      validators: [Validators.required],
    }),
    method: new FormControl<FollowUpMethod>('phone', { nonNullable: true }),
  });
  protected readonly planning = formSubmission(this.planForm);
  private readonly planDirective = viewChild('planDirective', { read: FormGroupDirective });

  protected readonly outcomeForm = new FormGroup({
    outcome: new FormControl<FollowUpOutcome | null>(null, { validators: [Validators.required] }),
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(FOLLOW_UP_NOTE_MAX)],
    }),
    nextOn: new FormControl('', { nonNullable: true }),
    nextMethod: new FormControl<FollowUpMethod | ''>('', { nonNullable: true }),
  });
  protected readonly outcomeSubmission = formSubmission(this.outcomeForm);

  constructor() {
    guardUnload(() => this.planForm.dirty || this.outcomeForm.dirty);
    effect((onCleanup) => {
      this.loading.set(true);
      const subscription = this.api.list(this.caseId()).subscribe({
        next: (list) => {
          this.followUps.set(list);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected status(f: FollowUpView): 'planned' | 'overdue' | 'done' {
    if (f.status === 'done') return 'done';
    return f.plannedOn < this.today ? 'overdue' : 'planned';
  }

  protected async plan(): Promise<void> {
    const { plannedOn, method } = this.planForm.getRawValue();
    const result = await this.planning.run(() =>
      firstValueFrom(this.api.schedule(this.caseId(), { plannedOn, method })),
    );
    if (!result.ok) return;
    this.reload();
    this.planning.succeeded(this.planDirective(), {
      plannedOn: addDaysToDate(this.today, 7),
      method: 'phone',
    });
  }

  protected startRecording(f: FollowUpView): void {
    this.outcomeForm.reset({ outcome: null, note: '', nextOn: '', nextMethod: '' });
    this.outcomeSubmission.clear();
    this.recording.set(f.id);
  }

  protected cancelRecording(): void {
    this.outcomeForm.reset();
    this.recording.set(null);
  }

  protected async saveOutcome(followUpId: string): Promise<void> {
    const { outcome, note, nextOn, nextMethod } = this.outcomeForm.getRawValue();
    if (!outcome) {
      this.outcomeForm.markAllAsTouched();
      return;
    }
    const result = await this.outcomeSubmission.run(() =>
      firstValueFrom(
        this.api.recordOutcome(this.caseId(), followUpId, {
          outcome,
          note: note.trim() || null,
          nextOn: nextOn || null,
          nextMethod: nextMethod || null,
        }),
      ),
    );
    if (!result.ok) return;
    this.outcomeForm.reset();
    this.recording.set(null);
    this.reload();
  }

  private reload(): void {
    this.api.list(this.caseId()).subscribe((list) => this.followUps.set(list));
  }
}
