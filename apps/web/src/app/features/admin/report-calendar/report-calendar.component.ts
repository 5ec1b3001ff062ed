import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
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
import type { ReportCalendarEntryView, ReportCalendarView } from '@caunoi/shared/contracts';
import { REPORT_CALENDAR_YEARS } from '@caunoi/shared/domain';
import { EMPTY, catchError, firstValueFrom, merge, switchMap } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { AdministrativeUnitsService } from '../../../shared/data/administrative-units.service';
import { ReportCalendarApiService } from '../../../shared/data/report-calendar-api.service';
import { formatCalendarDate, formatDue } from '../../../shared/deadlines/deadline-display';
import { formSubmission } from '../../../shared/forms/form-submission';
import { vietnamToday } from '../../../shared/forms/vietnam-time';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';

/**
 * `/admin/report-calendar`: when each periodic report of a province's year is due. An admin changes
 * one entry (due date, months covered) or puts it back to the seeds' default.
 */
@Component({
  selector: 'cn-report-calendar',
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-calendar.component.html',
})
export class ReportCalendarComponent {
  private readonly api = inject(ReportCalendarApiService);
  private readonly translation = inject(TranslationService);

  protected readonly provinces = inject(AdministrativeUnitsService).provinceList();
  protected readonly minYear = REPORT_CALENDAR_YEARS.min;
  protected readonly maxYear = REPORT_CALENDAR_YEARS.max;
  protected readonly formatDate = formatCalendarDate;

  protected readonly provinceControl = new FormControl<string | null>(null);
  protected readonly yearControl = new FormControl(Number(vietnamToday().slice(0, 4)), {
    nonNullable: true,
    validators: [Validators.required, Validators.min(this.minYear), Validators.max(this.maxYear)],
  });
  private readonly selection = signal<{ provinceCode: string; year: number } | null>(null);
  protected readonly view = signal<ReportCalendarView | null>(null);
  /** The entry being changed, if any. */
  protected readonly editing = signal<ReportCalendarEntryView | null>(null);

  protected readonly form = new FormGroup({
    dueOn: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    periodFrom: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    periodTo: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = formSubmission(this.form);
  private readonly formDirective = viewChild(FormGroupDirective);

  constructor() {
    merge(this.provinceControl.valueChanges, this.yearControl.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.select());
    toObservable(this.selection)
      .pipe(
        switchMap((s) =>
          s ? this.api.get(s.provinceCode, s.year).pipe(catchError(() => EMPTY)) : EMPTY,
        ),
        takeUntilDestroyed(),
      )
      .subscribe((view) => this.view.set(view));
  }

  protected due(entry: ReportCalendarEntryView): string {
    return formatDue(this.translation, entry.dueAt);
  }

  protected edit(entry: ReportCalendarEntryView): void {
    this.editing.set(entry);
    this.form.reset({ dueOn: entry.dueOn, periodFrom: entry.periodFrom, periodTo: entry.periodTo });
  }

  protected cancel(): void {
    this.editing.set(null);
  }

  protected async save(): Promise<void> {
    const entry = this.editing();
    const s = this.selection();
    if (!entry || !s) return;
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.update(s.provinceCode, s.year, entry.kind, this.form.getRawValue())),
    );
    if (!result.ok) return;
    this.submission.succeeded(this.formDirective());
    this.view.set(result.value);
    this.editing.set(null);
  }

  protected async reset(entry: ReportCalendarEntryView): Promise<void> {
    const s = this.selection();
    if (!s) return;
    this.view.set(await firstValueFrom(this.api.reset(s.provinceCode, s.year, entry.kind)));
  }

  private select(): void {
    const provinceCode = this.provinceControl.value;
    const year = this.yearControl.value;
    this.editing.set(null);
    if (!provinceCode || !this.yearControl.valid || !Number.isInteger(year)) return;
    this.selection.set({ provinceCode, year });
  }
}
