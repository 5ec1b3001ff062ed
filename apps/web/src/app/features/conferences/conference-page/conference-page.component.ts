import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import {
  FormArray,
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ConferenceActionView, ConferenceView } from '@caunoi/shared/contracts';
import type { Attendance } from '@caunoi/shared/domain';
import {
  ATTENDANCE_VALUES,
  CONFERENCE_LIMITS,
  addDaysToDate,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AbilityService } from '../../../core/ability/ability.service';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe, VnDayPipe } from '../../../core/i18n/vn-date.pipe';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';
import { ConferencesApiService } from '../../../shared/data/conferences-api.service';
import { injectConferenceOwnerAgency } from '../conference-owner';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { printAlone } from '../../../shared/print/print-alone';
import { SavedNoticeComponent } from '../../../shared/ui/saved-notice/saved-notice.component';
import { injectCaseLink } from '../../deadlines/case-link';
import { ConferenceActionListComponent } from '../conference-action-list/conference-action-list.component';
import type { ConferenceScheduleData } from '../conference-schedule-dialog/conference-schedule-dialog.component';
import { ConferenceScheduleDialogComponent } from '../conference-schedule-dialog/conference-schedule-dialog.component';

/**
 * One conference: agenda, who was invited and who attended, the minutes (when the caller may read
 * them), and the actions. The convening centre's supervisor records attendance and minutes and adds
 * actions; an owner agency closes its own actions. An invitee sees no case.
 */
@Component({
  selector: 'cn-conference-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    VnDayPipe,
    MatDatepickerModule,
    SavedNoticeComponent,
    ConferenceActionListComponent,
  ],
  providers: [provideCalendarDays()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './conference-page.component.html',
  styleUrl: './conference-page.component.scss',
})
export class ConferencePageComponent {
  private readonly api = inject(ConferencesApiService);
  private readonly ability = inject(AbilityService);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);
  private readonly changes = inject(ChangeDetectorRef);
  private readonly minutesDocument = viewChild<ElementRef<HTMLElement>>('minutesDocument');

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly conference = signal<ConferenceView | null>(null);
  protected readonly failed = signal(false);
  protected readonly caseLink = injectCaseLink();
  protected readonly attendanceValues = ATTENDANCE_VALUES;
  protected readonly today = vietnamDateOf(new Date());
  protected readonly limits = CONFERENCE_LIMITS;

  /** A supervisor of the convening centre (the API's own rule, from the same CASL rules). */
  protected readonly mayManage = computed(() => {
    const c = this.conference();
    return !!c && this.ability.canOn('update', 'Conference', { agencyId: c.convenerAgencyId });
  });
  /** Attendance, minutes and new actions: not on a cancelled conference. */
  protected readonly mayWork = computed(
    () => this.mayManage() && this.conference()?.status !== 'cancelled',
  );
  /** Moved or called off: only before it is held. */
  protected readonly mayMove = computed(
    () => this.mayManage() && this.conference()?.status === 'scheduled',
  );
  protected readonly scheduleSaved = signal<'cancel' | 'reschedule' | null>(null);
  protected readonly printedAt = signal(new Date());
  protected readonly ownerAgencyId = injectConferenceOwnerAgency();
  /** Who may own an action: the convening centre or an invited agency. */
  protected readonly owners = computed(() => {
    const c = this.conference();
    if (!c) return [];
    return [
      { id: c.convenerAgencyId, name: c.convenerAgencyName },
      ...c.invitations.map((i) => ({ id: i.agencyId, name: i.agencyName })),
    ];
  });

  protected readonly recordForm = new FormGroup({
    attendance: new FormArray<FormControl<Attendance>>([]),
    minutes: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(CONFERENCE_LIMITS.minutes)],
    }),
    reviewOn: new FormControl('', { nonNullable: true }),
  });
  protected readonly recording = formSubmission(this.recordForm);
  private readonly recordDirective = viewChild('recordDirective', { read: FormGroupDirective });

  protected readonly actionForm = new FormGroup({
    ownerAgencyId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(CONFERENCE_LIMITS.actionDescription)],
    }),
    dueOn: new FormControl(addDaysToDate(this.today, 7), {
      nonNullable: true,
      validators: [Validators.required],
    }),
  });
  protected readonly adding = formSubmission(this.actionForm);
  private readonly actionDirective = viewChild('actionDirective', { read: FormGroupDirective });

  constructor() {
    guardUnload(() => this.recordForm.dirty || this.actionForm.dirty);
    effect((onCleanup) => {
      const subscription = this.api.get(this.id()).subscribe({
        next: (c) => this.show(c),
        error: () => this.failed.set(true),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  private show(c: ConferenceView): void {
    this.conference.set(c);
    // The controls stay the ones the selects are bound to (the list tracks agencies, so a new
    // control at the same index would never reach the screen); only their values follow the server.
    const attendance = this.recordForm.controls.attendance;
    c.invitations.forEach((i, n) => {
      const control = attendance.at(n);
      if (!control) {
        attendance.push(new FormControl<Attendance>(i.attendance, { nonNullable: true }), {
          emitEvent: false,
        });
      } else if (!this.recordForm.dirty) {
        control.setValue(i.attendance, { emitEvent: false });
      }
    });
    while (attendance.length > c.invitations.length) {
      attendance.removeAt(attendance.length - 1, { emitEvent: false });
    }
    if (!this.recordForm.dirty) {
      this.recordForm.patchValue(
        { minutes: c.minutes ?? '', reviewOn: c.reviewOn ?? '' },
        { emitEvent: false },
      );
    }
  }

  protected async record(): Promise<void> {
    const c = this.conference();
    if (!c) return;
    const { attendance, minutes, reviewOn } = this.recordForm.getRawValue();
    const result = await this.recording.run(() =>
      firstValueFrom(
        this.api.record(c.id, {
          attendance: c.invitations.map((i, n) => ({
            agencyId: i.agencyId,
            attendance: attendance[n] ?? 'unknown',
          })),
          minutes,
          reviewOn: reviewOn || null,
        }),
      ),
    );
    if (!result.ok) return;
    this.recording.succeeded(this.recordDirective());
    this.show(result.value);
  }

  protected async addAction(): Promise<void> {
    const c = this.conference();
    if (!c) return;
    const result = await this.adding.run(() =>
      firstValueFrom(this.api.addAction(c.id, this.actionForm.getRawValue())),
    );
    if (!result.ok) return;
    this.adding.succeeded(this.actionDirective(), {
      ownerAgencyId: '',
      description: '',
      dueOn: addDaysToDate(this.today, 7),
    });
    this.conference.update((current) =>
      current ? { ...current, actions: [...current.actions, result.value] } : current,
    );
  }

  protected openSchedule(step: 'cancel' | 'reschedule'): void {
    const c = this.conference();
    if (!c) return;
    this.dialog
      .open<ConferenceScheduleDialogComponent, ConferenceScheduleData, ConferenceView>(
        ConferenceScheduleDialogComponent,
        { data: { step, conference: c }, width: '32rem' },
      )
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.show(updated);
        this.scheduleSaved.set(step);
      });
  }

  /** Prints the minutes alone (attendance, agenda, minutes, actions), nothing of the screen around. */
  protected print(): void {
    this.printedAt.set(new Date());
    // The printed-at time renders before the copy is taken.
    this.changes.detectChanges();
    const area = this.minutesDocument()?.nativeElement;
    if (area) printAlone(this.document, area);
  }

  protected replace(updated: ConferenceActionView): void {
    this.conference.update((c) =>
      c ? { ...c, actions: c.actions.map((a) => (a.id === updated.id ? updated : a)) } : c,
    );
  }
}
