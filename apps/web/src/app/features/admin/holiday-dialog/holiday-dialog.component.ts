import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  CalendarChangeResult,
  CalendarDayKindValue,
  CalendarDayView,
} from '@caunoi/shared/contracts';
import { isValidCalendarDate } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { CalendarApiService } from '../../../shared/data/calendar-api.service';
import { formatCalendarDate } from '../../../shared/deadlines/deadline-display';
import { formSubmission } from '../../../shared/forms/form-submission';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export const CALENDAR_DAY_KINDS: readonly CalendarDayKindValue[] = [
  'public_holiday',
  'compensatory_day_off',
  'makeup_working_day',
];
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

export interface HolidayDialogData {
  /** The day to edit; absent to add one. */
  day?: CalendarDayView;
  /** The year shown, to prefill a new date in it. */
  year: number;
}

/** A real YYYY-MM-DD date (`invalid_date`) within the calendar's years (`out_of_range`). */
export function calendarDateValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value;
  if (!value) return null;
  if (!isValidCalendarDate(value)) return { invalid_date: true };
  const year = Number(value.slice(0, 4));
  return year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR ? { out_of_range: true } : null;
}

/** Adds a day to the working calendar or edits one; closes with the API's change result. */
@Component({
  selector: 'cn-holiday-dialog',
  providers: [provideCalendarDays()],
  imports: [
    FormDialogComponent,
    MatDatepickerModule,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      cnFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      [title]="
        data.day
          ? ('holidays.editTitle' | t: { date: formatDate(data.day.date) })
          : ('holidays.addTitle' | t)
      "
      [submitLabel]="'common.save' | t"
      testId="holiday"
    >
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.date' | t }}</mat-label>
        <input
          matInput
          [matDatepicker]="holidayDatePicker"
          placeholder="dd/mm/yyyy"
          formControlName="date"
          data-testid="holiday-date"
        />
        <mat-datepicker-toggle matIconSuffix [for]="holidayDatePicker" />
        <mat-datepicker #holidayDatePicker />
        <mat-error data-testid="holiday-date-error">{{
          form.controls.date.errors | fieldError: 'date'
        }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.kind' | t }}</mat-label>
        <mat-select formControlName="kind" data-testid="holiday-kind">
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind" [attr.data-testid]="'holiday-kind-' + kind">{{
              'calendarKind.' + kind | t
            }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.kind.errors | fieldError: 'kind' }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.holidayName' | t }}</mat-label>
        <input matInput formControlName="name" maxlength="200" data-testid="holiday-name" />
        <mat-error data-testid="holiday-name-error">{{
          form.controls.name.errors | fieldError: 'holidayName'
        }}</mat-error>
      </mat-form-field>
    </form>
  `,
})
export class HolidayDialogComponent {
  private readonly api = inject(CalendarApiService);
  private readonly dialogRef =
    inject<MatDialogRef<HolidayDialogComponent, CalendarChangeResult>>(MatDialogRef);
  protected readonly data = inject<HolidayDialogData>(MAT_DIALOG_DATA);

  protected readonly kinds = CALENDAR_DAY_KINDS;
  protected readonly formatDate = formatCalendarDate;
  protected readonly form = new FormGroup({
    date: new FormControl(
      { value: this.data.day?.date ?? '', disabled: !!this.data.day },
      { nonNullable: true, validators: [Validators.required, calendarDateValidator] },
    ),
    kind: new FormControl<CalendarDayKindValue>(this.data.day?.kind ?? 'public_holiday', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    name: new FormControl(this.data.day?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const { date, kind, name } = this.form.getRawValue();
    const day = this.data.day;
    const result = await this.submission.run(() =>
      firstValueFrom(
        day
          ? this.api.update(day.date, { kind, name: name.trim() })
          : this.api.create({ date, kind, name: name.trim() }),
      ),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }
}
