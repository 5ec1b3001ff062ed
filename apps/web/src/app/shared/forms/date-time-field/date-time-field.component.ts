import type { OnInit } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChildren,
} from '@angular/core';
import type { ControlValueAccessor, ValidationErrors, ValidatorFn } from '@angular/forms';
import { FormControl, FormGroupDirective, NgControl, ReactiveFormsModule } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepickerIntl, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput, MatInputModule } from '@angular/material/input';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslatedDatepickerIntl } from '../calendar-day-adapter';
import {
  LOCAL_DATE_TIME_FORMATS,
  LocalDateTimeAdapter,
  dayOf,
  timeOf,
} from './local-date-time-adapter';

/**
 * A date and a time, where a form asks when something happened or will happen: the Material
 * datepicker (`dd/mm/yyyy`) beside the Material timepicker (24-hour `HH:mm`, every half hour in its
 * list, any minute typed). Its form value is what `<input type="datetime-local">` gave:
 * `YYYY-MM-DDTHH:mm` in Vietnam time, or `''` when empty, so the forms' validators and
 * `fromVietnamLocal()` are unchanged.
 *
 * `<cn-date-time-field formControlName="occurredAt" field="occurredAt" [label]="'field.occurredAt' | t" testId="incident-occurred-at" />`
 *
 * Test ids: the date input is `testId` (a whole `2026-05-01T10:30` filled there fills both), the
 * time input `<testId>-time`, the message `<testId>-error`. A day without a time, a time without a
 * day and text that names neither are errors of the field, shown with the form's other errors.
 */
@Component({
  selector: 'cn-date-time-field',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    MatTimepickerModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  providers: [
    { provide: DateAdapter, useClass: LocalDateTimeAdapter },
    { provide: MAT_DATE_FORMATS, useValue: LOCAL_DATE_TIME_FORMATS },
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cn-date-time" role="group" [attr.aria-label]="label()" (focusout)="left($event)">
      <mat-form-field appearance="outline" class="day">
        <mat-label>{{ label() }}</mat-label>
        <input
          matInput
          [matDatepicker]="dayPicker"
          [formControl]="day"
          [errorStateMatcher]="matcher"
          placeholder="dd/mm/yyyy"
          [attr.data-testid]="testId()"
        />
        <mat-datepicker-toggle matIconSuffix [for]="dayPicker" />
        <mat-datepicker #dayPicker />
        <mat-error [attr.data-testid]="testId() + '-error'">{{
          errors() | fieldError: field()
        }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" class="time">
        <mat-label>{{ 'dateTime.time' | t }}</mat-label>
        <input
          matInput
          [matTimepicker]="timePicker"
          [formControl]="time"
          [errorStateMatcher]="matcher"
          placeholder="hh:mm"
          [attr.aria-label]="'dateTime.timeOf' | t: { field: label() }"
          [attr.data-testid]="testId() + '-time'"
        />
        <mat-timepicker-toggle
          matIconSuffix
          [for]="timePicker"
          [ariaLabel]="'dateTime.openTimes' | t"
        />
        <mat-timepicker #timePicker interval="30m" [ariaLabel]="'dateTime.times' | t" />
      </mat-form-field>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .cn-date-time {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    .day {
      flex: 1 1 170px;
    }
    .time {
      flex: 0 1 130px;
      min-width: 120px;
    }
  `,
})
export class DateTimeFieldComponent implements ControlValueAccessor, OnInit {
  /** Translated label of the field. */
  readonly label = input.required<string>();
  /** The API's name of the field, for its messages (`occurredAt`). */
  readonly field = input.required<string>();
  readonly testId = input.required<string>();

  private readonly ngControl = inject(NgControl, { self: true });
  private readonly form = inject(FormGroupDirective, { optional: true });
  private readonly destroyRef = inject(DestroyRef);

  protected readonly day = new FormControl<string | null>(null);
  protected readonly time = new FormControl<string | null>(null);
  /** The outer control's state, refreshed on each of its events (OnPush). */
  private readonly revision = signal(0);
  private readonly inputs = viewChildren(MatInput);
  protected readonly errors = computed(() => {
    this.revision();
    return this.ngControl.control?.errors ?? null;
  });
  protected readonly matcher: ErrorStateMatcher = {
    isErrorState: () => {
      const control = this.ngControl.control;
      return !!control?.invalid && (control.touched || !!this.form?.submitted);
    },
  };

  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    this.ngControl.valueAccessor = this;
    this.day.valueChanges.subscribe((value) => {
      // A whole date and time pasted into the date fills the time too.
      if (value && timeOf(value)) this.time.setValue(value, { emitEvent: false });
      this.propagate();
    });
    this.time.valueChanges.subscribe(() => this.propagate());
  }

  ngOnInit(): void {
    const control = this.ngControl.control;
    if (!control) return;
    // Ours first: "not a valid time" says more than "required" about text that names no time.
    control.setValidators(control.validator ? [this.validate, control.validator] : this.validate);
    control.updateValueAndValidity({ emitEvent: false });
    const subscription = control.events.subscribe(() => {
      this.revision.update((n) => n + 1);
      // The inputs' error state follows the outer control, which their own checks do not watch.
      for (const field of this.inputs()) field.updateErrorState();
    });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  writeValue(value: string | null): void {
    this.day.setValue(value ? dayOf(value) : null, { emitEvent: false });
    this.time.setValue(value && timeOf(value) ? value : null, { emitEvent: false });
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    for (const control of [this.day, this.time]) {
      if (disabled) control.disable({ emitEvent: false });
      else control.enable({ emitEvent: false });
    }
  }

  /**
   * Touched when focus leaves the pair, not when it moves from the date to the time: "enter the
   * time too" waits until the person had the chance.
   */
  protected left(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (next instanceof Node && this.host.nativeElement.contains(next)) return;
    this.onTouched();
  }

  private propagate(): void {
    const day = this.day.value;
    const time = this.time.value && timeOf(this.time.value);
    this.onChange(day && time ? `${dayOf(day)}T${time}` : '');
  }

  private readonly validate: ValidatorFn = (): ValidationErrors | null => {
    if (this.day.hasError('matDatepickerParse')) return { invalid_date: true };
    if (this.time.hasError('matTimepickerParse')) return { invalid_time: true };
    const [day, time] = [this.day.value, this.time.value];
    if (day && !time) return { time_missing: true };
    if (!day && time) return { date_missing: true };
    return null;
  };
}
