import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ChildEmergencyView } from '@caunoi/shared/contracts';
import type { AgeGroup, ChildInterventionMeasure } from '@caunoi/shared/domain';
import {
  CHILD_EMERGENCY_REASON_MIN,
  CHILD_EMERGENCY_TEXT_MAX,
  CHILD_INTERVENTION_MEASURES,
  riskAudienceFor,
} from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { requiredText } from '../../../shared/forms/text.validators';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import {
  fromVietnamLocal,
  notInFutureValidator,
  toVietnamLocal,
} from '../../../shared/forms/vietnam-time';
import { DeadlineClockComponent } from '../../deadlines/deadline-clock/deadline-clock.component';
import { ChildEmergenciesApiService } from '../data/child-emergencies-api.service';
import { DateTimeFieldComponent } from '../../../shared/forms/date-time-field/date-time-field.component';

/**
 * The child emergency on the case file (Law on Children 2016, Decree 56/2017): the 12-hour
 * intervention countdown and the 5-working-day support plan, the form recording the intervention
 * taken, and, for a child's case, marking serious danger by hand (an assessment at high risk and a
 * hotline call about a child in danger mark it on their own). Shows nothing on an adult's case
 * that never had one.
 */
@Component({
  selector: 'cn-case-child-emergency',
  imports: [
    DateTimeFieldComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    DeadlineClockComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-child-emergency.component.html',
  styleUrl: './case-child-emergency.component.scss',
})
export class CaseChildEmergencyComponent {
  private readonly api = inject(ChildEmergenciesApiService);

  readonly caseId = input.required<string>();
  readonly ageGroup = input.required<AgeGroup>();
  readonly canEdit = input(false);

  protected readonly measures = CHILD_INTERVENTION_MEASURES;
  protected readonly emergencies = signal<ChildEmergencyView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly marking = signal(false);
  /** The emergency whose intervention is being recorded. */
  protected readonly recording = signal<string | null>(null);

  private readonly childGroup = computed(() => riskAudienceFor(this.ageGroup()) === 'child');
  protected readonly open = computed(() => this.emergencies().some((e) => !e.intervention));
  protected readonly visible = computed(
    () => this.loaded() && (this.emergencies().length > 0 || this.childGroup()),
  );
  protected readonly canMark = computed(() => this.canEdit() && this.childGroup() && !this.open());

  protected readonly markForm = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [
        requiredText,
        Validators.minLength(CHILD_EMERGENCY_REASON_MIN),
        Validators.maxLength(CHILD_EMERGENCY_TEXT_MAX),
      ],
    }),
  });
  protected readonly markSubmission = formSubmission(this.markForm);

  protected readonly interventionForm = new FormGroup({
    measure: new FormControl<ChildInterventionMeasure | null>(null, {
      validators: [Validators.required],
    }),
    takenAt: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notInFutureValidator()],
    }),
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(CHILD_EMERGENCY_TEXT_MAX)],
    }),
  });
  protected readonly interventionSubmission = formSubmission(this.interventionForm);

  constructor() {
    guardUnload(() => this.markForm.dirty || this.interventionForm.dirty);
    effect((onCleanup) => {
      const subscription = this.api.list(this.caseId()).subscribe({
        next: (list) => {
          this.emergencies.set(list);
          this.loaded.set(true);
        },
        error: () => this.loaded.set(true),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected startMarking(): void {
    this.markForm.reset({ reason: '' });
    this.markSubmission.clear();
    this.marking.set(true);
  }

  protected cancelMarking(): void {
    this.markForm.reset();
    this.marking.set(false);
  }

  protected async mark(): Promise<void> {
    const { reason } = this.markForm.getRawValue();
    const result = await this.markSubmission.run(() =>
      firstValueFrom(this.api.mark(this.caseId(), { reason: reason.trim() })),
    );
    if (!result.ok) return;
    this.markForm.reset();
    this.marking.set(false);
    this.emergencies.update((list) => [result.value, ...list]);
  }

  protected startRecording(e: ChildEmergencyView): void {
    this.interventionForm.reset({ measure: null, takenAt: toVietnamLocal(new Date()), note: '' });
    this.interventionSubmission.clear();
    this.recording.set(e.id);
  }

  protected cancelRecording(): void {
    this.interventionForm.reset();
    this.recording.set(null);
  }

  protected async recordIntervention(emergencyId: string): Promise<void> {
    const { measure, takenAt, note } = this.interventionForm.getRawValue();
    if (!measure || !takenAt) {
      this.interventionForm.markAllAsTouched();
      return;
    }
    const result = await this.interventionSubmission.run(() =>
      firstValueFrom(
        this.api.recordIntervention(this.caseId(), emergencyId, {
          measure,
          takenAt: fromVietnamLocal(takenAt),
          note: note.trim() || null,
        }),
      ),
    );
    if (!result.ok) return;
    this.interventionForm.reset();
    this.recording.set(null);
    this.emergencies.update((list) => list.map((e) => (e.id === emergencyId ? result.value : e)));
  }
}
