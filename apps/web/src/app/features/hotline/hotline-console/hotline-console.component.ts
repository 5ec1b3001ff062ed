import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CallView, CreateCallRequest, HotlineLineView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type {
  AgeGroup,
  CallChannel,
  CallOutcome,
  CallerType,
  GbvType,
  NotificationMeans,
  Sex,
} from '@caunoi/shared/domain';
import {
  AGE_GROUPS,
  CALLER_TYPES,
  CALL_CHANNELS,
  CALL_OUTCOMES,
  GBV_TYPES,
  NOTIFICATION_MEANS,
  SEXES,
  defaultHotlineLine,
  isChildEmergencyCall,
} from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { CommunePickerComponent } from '../../../shared/ui/commune-picker/commune-picker.component';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { formSubmission } from '../../../shared/forms/form-submission';
import { fromVietnamLocal, notInFutureValidator } from '../../../shared/forms/vietnam-time';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { SavedNoticeComponent } from '../../../shared/ui/saved-notice/saved-notice.component';
import type { Workspace } from '../../workspaces/workspaces';
import { formatDuration, callTimer } from '../call-timer/call-timer';
import { CallInProgressService } from '../data/call-in-progress.service';
import { CallsApiService } from '../data/calls-api.service';
import { HandOverDialogComponent } from '../hand-over-dialog/hand-over-dialog.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';
import { DateTimeFieldComponent } from '../../../shared/forms/date-time-field/date-time-field.component';

const blankToNull = (value: string): string | null => value.trim() || null;

/**
 * One keyboard-first screen for a call: Alt+B starts the timer, Alt+K ends it, Ctrl+Enter saves.
 * Below, the operator's recent calls with hand-over to a social-work centre.
 */
@Component({
  selector: 'cn-hotline-console',
  imports: [
    DateTimeFieldComponent,
    CommunePickerComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    ListFooterComponent,
    SavedNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './hotline-console.component.html',
  styleUrl: './hotline-console.component.scss',
  host: { '(document:keydown)': 'onKeydown($event)' },
})
export class HotlineConsoleComponent {
  private readonly api = inject(CallsApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route's data. */
  readonly workspace = input.required<Workspace>();

  protected readonly channels = CALL_CHANNELS;
  protected readonly callerTypes = CALLER_TYPES;
  protected readonly sexes = SEXES;
  protected readonly ageGroups = AGE_GROUPS;
  protected readonly gbvTypes = GBV_TYPES.filter((type) => type !== 'non_gbv');
  protected readonly outcomes = CALL_OUTCOMES;
  protected readonly notificationMeans = NOTIFICATION_MEANS;

  protected readonly timer = callTimer();
  protected readonly lines = toSignal(this.api.lines(), {
    initialValue: [] as HotlineLineView[],
  });

  protected readonly form = new FormGroup({
    lineId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    channel: new FormControl<CallChannel>('phone', { nonNullable: true }),
    callerType: new FormControl<CallerType | null>(null, { validators: [Validators.required] }),
    callerPhone: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(20), Validators.pattern(/^[0-9 +().-]*$/)],
    }),
    survivorSex: new FormControl<Sex | null>(null),
    survivorAgeGroup: new FormControl<AgeGroup | null>(null),
    communeCode: new FormControl<string | null>(null),
    gbvTypeHint: new FormControl<GbvType | null>(null),
    childInvolved: new FormControl(false, { nonNullable: true }),
    dangerNow: new FormControl(false, { nonNullable: true }),
    crimeSigns: new FormControl(false, { nonNullable: true }),
    chairmanNotifiedAt: new FormControl('', {
      nonNullable: true,
      validators: [notInFutureValidator()],
    }),
    chairmanNotificationMeans: new FormControl<NotificationMeans | null>(null),
    outcome: new FormControl<CallOutcome | null>(null),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] }),
  });
  protected readonly submission = formSubmission(this.form);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  private readonly inProgress = inject(CallInProgressService);

  private readonly flags = toSignal(this.form.valueChanges, { initialValue: this.form.value });
  /** Danger now or signs of a crime: the police must hear of it (113). */
  protected readonly policeReminder = computed(
    () => !!this.flags().dangerNow || !!this.flags().crimeSigns,
  );
  /**
   * A child in danger (Law on Children 2016, Decree 56/2017): emergency intervention within 12 hours
   * of this call. The operator hands it to a centre now; the case opened from it starts the clock
   * from the call's start.
   */
  protected readonly childEmergency = computed(() => {
    const f = this.flags();
    return isChildEmergencyCall({
      dangerNow: !!f.dangerNow,
      childInvolved: !!f.childInvolved,
      survivorAgeGroup: f.survivorAgeGroup ?? null,
    });
  });
  protected readonly isChildEmergencyCall = isChildEmergencyCall;

  protected readonly calls = keysetPager<CallView>((after) =>
    this.api.list({ after, limit: PAGE_SIZE_DEFAULT }),
  );

  constructor() {
    // A call left for another page comes back as it was, its timer still running.
    const kept = this.inProgress.take<ReturnType<typeof this.form.getRawValue>>();
    if (kept) {
      this.form.reset(kept.value);
      this.form.markAsDirty();
      // The line came from the operator (or the default then): it is not re-guessed.
      this.form.controls.lineId.markAsDirty();
      this.timer.restore(kept.timer);
    }
    this.destroyRef.onDestroy(() => {
      if (this.callInProgress()) {
        this.inProgress.keep({ value: this.form.getRawValue(), timer: this.timer.snapshot() });
      }
    });
    // A reload would lose it: the browser asks first.
    guardUnload(() => this.callInProgress());
    // The line follows the caller until the operator picks one: 111 for a call about a child,
    // the province's own line otherwise.
    effect(() => {
      const f = this.flags();
      const line = defaultHotlineLine(this.lines(), {
        childInvolved: !!f.childInvolved,
        survivorAgeGroup: f.survivorAgeGroup ?? null,
      });
      const control = this.form.controls.lineId;
      const fallback = line ?? this.lines()[0];
      if (fallback && !control.dirty && control.value !== fallback.id) {
        control.setValue(fallback.id, { emitEvent: false });
      }
    });
  }

  protected onKeydown(event: KeyboardEvent): void {
    const key = event.key.toLowerCase();
    if (event.altKey && !event.ctrlKey && key === 'b') {
      event.preventDefault();
      this.startCall();
    } else if (event.altKey && !event.ctrlKey && key === 'k') {
      event.preventDefault();
      this.timer.stop();
    } else if ((event.ctrlKey || event.metaKey) && key === 'enter') {
      event.preventDefault();
      void this.save();
    }
  }

  /** Something typed, or a timer started: a call an operator would not want to lose. */
  private callInProgress(): boolean {
    return this.form.dirty || this.timer.hasStarted();
  }

  protected startCall(): void {
    if (!this.timer.running()) this.timer.start();
  }

  protected async save(): Promise<void> {
    // Logged after the fact without the timer: the call is recorded as starting now.
    if (!this.timer.hasStarted()) this.timer.start();
    const value = this.form.getRawValue();
    const result = await this.submission.run(() => {
      this.timer.stop();
      const request: CreateCallRequest = {
        lineId: value.lineId,
        channel: value.channel,
        startedAt: this.timer.startedAt() ?? new Date().toISOString(),
        endedAt: this.timer.endedAt(),
        callerType: value.callerType as CallerType,
        callerPhone: blankToNull(value.callerPhone),
        survivorSex: value.survivorSex,
        survivorAgeGroup: value.survivorAgeGroup,
        communeCode: value.communeCode,
        gbvTypeHint: value.gbvTypeHint,
        childInvolved: value.childInvolved,
        dangerNow: value.dangerNow,
        crimeSigns: value.crimeSigns,
        chairmanNotifiedAt: value.chairmanNotifiedAt
          ? fromVietnamLocal(value.chairmanNotifiedAt)
          : null,
        chairmanNotificationMeans: value.chairmanNotificationMeans,
        outcome: value.outcome,
        notes: blankToNull(value.notes),
      };
      return firstValueFrom(this.api.create(request));
    });
    if (!result.ok) return;
    this.calls.prepend(result.value);
    this.submission.succeeded(this.formDirective(), { channel: value.channel });
    this.timer.reset();
    // "Handed to the centre" is said once: the hand-over opens for the call just saved.
    if (value.outcome === 'handed_to_centre') this.handOver(result.value);
  }

  protected handOver(call: CallView): void {
    this.dialogs
      .open<HandOverDialogComponent, CallView, CallView>(HandOverDialogComponent, call)
      .subscribe((updated) => {
        this.calls.replace((item) => item.id === updated.id, updated);
        this.snackBar.open(this.translation.t('hotline.handedOver'));
      });
  }

  protected duration(call: CallView): string | null {
    if (!call.endedAt) return null;
    return formatDuration(
      (new Date(call.endedAt).getTime() - new Date(call.startedAt).getTime()) / 1000,
    );
  }
}
