import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { CalendarChangeResult, CalendarDayView } from '@caunoi/shared/contracts';
import { weekdayOf } from '@caunoi/shared/domain';
import { EMPTY, catchError, switchMap, tap } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { CalendarApiService } from '../../../shared/data/calendar-api.service';
import { formatCalendarDate } from '../../../shared/deadlines/deadline-display';
import { refusalMessage } from '../../../shared/forms/form-submission';
import { vietnamToday } from '../../../shared/forms/vietnam-time';
import type { HolidayDialogData } from '../holiday-dialog/holiday-dialog.component';
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  HolidayDialogComponent,
} from '../holiday-dialog/holiday-dialog.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/** `/admin/holidays`: the working calendar by year; every change says how many clocks moved. */
@Component({
  selector: 'cn-holidays',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <header class="cn-page-header">
        <h1 data-testid="holidays-title">{{ 'holidays.title' | t }}</h1>
        <button mat-flat-button type="button" (click)="add()" data-testid="holidays-add">
          {{ 'holidays.add' | t }}
        </button>
      </header>
      <p class="cn-hint">{{ 'holidays.hint' | t }}</p>

      <div class="cn-filters">
        <button mat-button type="button" (click)="step(-1)" data-testid="holidays-prev">‹</button>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="year">
          <mat-label>{{ 'field.year' | t }}</mat-label>
          <input
            matInput
            type="number"
            [min]="minYear"
            [max]="maxYear"
            [formControl]="yearControl"
            data-testid="holidays-year"
          />
        </mat-form-field>
        <button mat-button type="button" (click)="step(1)" data-testid="holidays-next">›</button>
      </div>

      @if (recomputed(); as count) {
        <p class="cn-notice" role="status" data-testid="holidays-recomputed">
          {{ 'holidays.recomputed' | t: { count: count.value } }}
        </p>
      }

      <div class="cn-table-wrap">
        <table mat-table [dataSource]="days()" data-testid="holidays-table">
          <ng-container matColumnDef="date">
            <th mat-header-cell *matHeaderCellDef>{{ 'field.date' | t }}</th>
            <td mat-cell *matCellDef="let day" data-testid="holiday-row-date">
              {{ formatDate(day.date) }}
            </td>
          </ng-container>
          <ng-container matColumnDef="weekday">
            <th mat-header-cell *matHeaderCellDef>{{ 'holidays.weekday' | t }}</th>
            <td mat-cell *matCellDef="let day">{{ 'weekday.' + weekday(day.date) | t }}</td>
          </ng-container>
          <ng-container matColumnDef="kind">
            <th mat-header-cell *matHeaderCellDef>{{ 'field.kind' | t }}</th>
            <td mat-cell *matCellDef="let day">{{ 'calendarKind.' + day.kind | t }}</td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>{{ 'field.holidayName' | t }}</th>
            <td mat-cell *matCellDef="let day">{{ day.name }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef>{{ 'common.actions' | t }}</th>
            <td mat-cell *matCellDef="let day">
              <button mat-button type="button" (click)="edit(day)" data-testid="holiday-edit">
                {{ 'common.edit' | t }}
              </button>
              <button mat-button type="button" (click)="remove(day)" data-testid="holiday-delete">
                {{ 'common.remove' | t }}
              </button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns" data-testid="holiday-row"></tr>
        </table>
      </div>
      @if (loaded() && days().length === 0) {
        <p data-testid="holidays-empty">{{ 'holidays.empty' | t }}</p>
      }
    </section>
  `,
  styles: `
    .year {
      width: 120px;
    }
  `,
})
export class HolidaysComponent {
  private readonly api = inject(CalendarApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly minYear = CALENDAR_MIN_YEAR;
  protected readonly maxYear = CALENDAR_MAX_YEAR;
  protected readonly columns = ['date', 'weekday', 'kind', 'name', 'actions'];
  protected readonly formatDate = formatCalendarDate;
  protected readonly weekday = weekdayOf;

  protected readonly year = signal(Number(vietnamToday().slice(0, 4)));
  protected readonly yearControl = new FormControl(this.year(), {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.min(CALENDAR_MIN_YEAR),
      Validators.max(CALENDAR_MAX_YEAR),
    ],
  });
  protected readonly days = signal<CalendarDayView[]>([]);
  protected readonly loaded = signal(false);
  /** The last change's count of recomputed deadlines (boxed, so 0 still shows). */
  protected readonly recomputed = signal<{ value: number } | null>(null);

  constructor() {
    this.yearControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((year) => {
      if (this.yearControl.valid && Number.isInteger(year)) this.year.set(year);
    });
    toObservable(this.year)
      .pipe(
        tap(() => this.loaded.set(false)),
        switchMap((year) => this.api.year(year).pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(),
      )
      .subscribe((days) => {
        this.days.set(days);
        this.loaded.set(true);
      });
  }

  protected step(delta: number): void {
    const next = Math.min(CALENDAR_MAX_YEAR, Math.max(CALENDAR_MIN_YEAR, this.year() + delta));
    this.yearControl.setValue(next);
  }

  protected add(): void {
    this.openDialog({ year: this.year() });
  }

  protected edit(day: CalendarDayView): void {
    this.openDialog({ year: this.year(), day });
  }

  protected remove(day: CalendarDayView): void {
    this.dialogs
      .confirm({
        message: 'holidays.deleteConfirm',
        params: { date: formatCalendarDate(day.date), name: day.name },
        confirm: 'common.remove',
      })
      .pipe(switchMap(() => this.api.remove(day.date)))
      .subscribe({
        next: (result) => this.changed(result),
        error: (error: unknown) => {
          const message = refusalMessage(this.translation, error);
          if (message) this.snackBar.open(message);
          this.reload();
        },
      });
  }

  private openDialog(data: HolidayDialogData): void {
    this.dialogs
      .open<
        HolidayDialogComponent,
        HolidayDialogData,
        CalendarChangeResult
      >(HolidayDialogComponent, data)
      .subscribe((result) => {
        // A new day in another year: show that year, where it now is.
        const year = result.day ? Number(result.day.date.slice(0, 4)) : this.year();
        this.changed(result);
        if (year !== this.year()) this.yearControl.setValue(year);
      });
  }

  private changed(result: CalendarChangeResult): void {
    this.recomputed.set({ value: result.deadlinesRecomputed });
    this.snackBar.open(
      this.translation.t('holidays.recomputed', { count: result.deadlinesRecomputed }),
    );
    this.reload();
  }

  private reload(): void {
    this.api
      .year(this.year())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((days) => this.days.set(days));
  }
}
