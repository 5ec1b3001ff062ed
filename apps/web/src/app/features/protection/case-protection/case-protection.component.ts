import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CaseMeasureView } from '@caunoi/shared/contracts';
import { PROTECTION_TEXT_MAX } from '@caunoi/shared/contracts';
import type { BreachKind, MeasureRequester, ProtectiveMeasureType } from '@caunoi/shared/domain';
import {
  BREACH_KINDS,
  MEASURE_REQUESTERS,
  PROTECTIVE_MEASURE_TYPES,
  isInForce,
  requestNeedsConsent,
} from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { TimeLeftPipe } from '../../../shared/deadlines/deadline.pipes';
import { injectNow } from '../../../shared/deadlines/deadline-display';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { SavedNoticeComponent } from '../../../shared/ui/saved-notice/saved-notice.component';
import { ProtectionApiService, fromLocalInput, toLocalInput } from '../data/protection-api.service';
import type { MeasureReasonData } from '../measure-reason-dialog/measure-reason-dialog.component';
import { MeasureReasonDialogComponent } from '../measure-reason-dialog/measure-reason-dialog.component';
import { DateTimeFieldComponent } from '../../../shared/forms/date-time-field/date-time-field.component';

/**
 * The case's protection tab: its measures with their countdowns (the committee's 12 hours, the police's
 * hour, the order's end) and history, a request form, the decision of a body outside the system (a
 * court), and the breach button on an order in force.
 */
@Component({
  selector: 'cn-case-protection',
  imports: [
    DateTimeFieldComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    TimeLeftPipe,
    SavedNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-protection.component.html',
  styleUrl: './case-protection.component.scss',
})
export class CaseProtectionComponent {
  private readonly api = inject(ProtectionApiService);
  private readonly dialog = inject(MatDialog);

  readonly caseId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly types = PROTECTIVE_MEASURE_TYPES;
  protected readonly requesters = MEASURE_REQUESTERS;
  protected readonly breachKinds = BREACH_KINDS;
  protected readonly now = injectNow();
  protected readonly measures = signal<CaseMeasureView[]>([]);
  protected readonly requesting = signal(false);
  /** The measure whose breach or decision form is open. */
  protected readonly breachFor = signal<string | null>(null);
  protected readonly decideFor = signal<string | null>(null);
  protected readonly breachDone = signal<string | null>(null);
  /** The measure whose revocation or renewal answer was just saved, and which. */
  protected readonly stepDone = signal<{ id: string; step: 'revoke' | 'no_renewal' } | null>(null);

  protected readonly requestForm = new FormGroup({
    type: new FormControl<ProtectiveMeasureType>('no_contact_commune', { nonNullable: true }),
    requestedBy: new FormControl<MeasureRequester>('social_work_centre', { nonNullable: true }),
    victimConsent: new FormControl(false, { nonNullable: true }),
    grounds: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(PROTECTION_TEXT_MAX)],
    }),
  });
  protected readonly requestSubmission = formSubmission(this.requestForm);

  protected readonly breachForm = new FormGroup({
    kind: new FormControl<BreachKind>('within_100m', { nonNullable: true }),
    occurredAt: new FormControl(toLocalInput(new Date()), {
      nonNullable: true,
      validators: [Validators.required],
    }),
  });
  protected readonly breachSubmission = formSubmission(this.breachForm);

  protected readonly decisionForm = new FormGroup({
    decision: new FormControl<'granted' | 'refused'>('granted', { nonNullable: true }),
    startsAt: new FormControl(toLocalInput(new Date()), { nonNullable: true }),
    endsAt: new FormControl('', { nonNullable: true }),
    reasons: new FormControl('', { nonNullable: true }),
    decisionNumber: new FormControl('', { nonNullable: true }),
  });
  protected readonly decisionSubmission = formSubmission(this.decisionForm);

  constructor() {
    guardUnload(() => this.requestForm.dirty || this.decisionForm.dirty);
    effect(() => this.reload(this.caseId()));
  }

  protected needsConsent(): boolean {
    return requestNeedsConsent(this.requestForm.controls.requestedBy.value);
  }

  protected inForce(m: CaseMeasureView): boolean {
    return isInForce(m.status);
  }

  protected canRecordDecision(m: CaseMeasureView): boolean {
    return this.canEdit() && m.status === 'requested' && m.type !== 'no_contact_commune';
  }

  /** The centre records revocations by outside bodies; a commune order is its committee's to revoke. */
  protected canRevoke(m: CaseMeasureView): boolean {
    return (
      this.canEdit() &&
      m.type !== 'no_contact_commune' &&
      ['granted', 'in_force', 'breached'].includes(m.status)
    );
  }

  protected revoke(m: CaseMeasureView): void {
    this.openReasonDialog(m, 'revoke_centre', (reasons) =>
      this.api.revokeForCase(this.caseId(), m.id, { reasons }),
    );
  }

  protected noRenewal(m: CaseMeasureView): void {
    this.openReasonDialog(m, 'no_renewal', (reason) =>
      this.api.noRenewal(this.caseId(), m.id, reason),
    );
  }

  private openReasonDialog(
    m: CaseMeasureView,
    step: MeasureReasonData<CaseMeasureView>['step'],
    send: MeasureReasonData<CaseMeasureView>['send'],
  ): void {
    this.dialog
      .open<
        MeasureReasonDialogComponent<CaseMeasureView>,
        MeasureReasonData<CaseMeasureView>,
        CaseMeasureView
      >(MeasureReasonDialogComponent, { data: { step, code: m.code, send }, width: '32rem' })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.stepDone.set({ id: m.id, step: step === 'no_renewal' ? 'no_renewal' : 'revoke' });
        this.reload(this.caseId());
      });
  }

  protected async request(): Promise<void> {
    const value = this.requestForm.getRawValue();
    const result = await this.requestSubmission.run(() =>
      firstValueFrom(this.api.request(this.caseId(), value)),
    );
    if (!result.ok) return;
    this.requestSubmission.succeeded(undefined);
    this.requestForm.reset();
    this.requesting.set(false);
    this.reload(this.caseId());
  }

  protected openBreach(id: string): void {
    this.breachForm.reset({ kind: 'within_100m', occurredAt: toLocalInput(new Date()) });
    this.breachSubmission.clear();
    this.breachFor.set(id);
  }

  protected async reportBreach(id: string): Promise<void> {
    const { kind, occurredAt } = this.breachForm.getRawValue();
    const result = await this.breachSubmission.run(() =>
      firstValueFrom(this.api.reportBreach(id, { kind, occurredAt: fromLocalInput(occurredAt) })),
    );
    if (!result.ok) return;
    this.breachFor.set(null);
    this.breachDone.set(id);
    this.reload(this.caseId());
  }

  protected openDecision(id: string): void {
    this.decisionForm.reset({
      decision: 'granted',
      startsAt: toLocalInput(new Date()),
      endsAt: '',
      reasons: '',
      decisionNumber: '',
    });
    this.decisionSubmission.clear();
    this.decideFor.set(id);
  }

  protected async recordDecision(id: string): Promise<void> {
    const v = this.decisionForm.getRawValue();
    const body =
      v.decision === 'granted'
        ? {
            decision: v.decision,
            startsAt: fromLocalInput(v.startsAt),
            ...(v.endsAt ? { endsAt: fromLocalInput(v.endsAt) } : {}),
            ...(v.decisionNumber ? { decisionNumber: v.decisionNumber } : {}),
          }
        : { decision: v.decision, reasons: v.reasons };
    const result = await this.decisionSubmission.run(() =>
      firstValueFrom(this.api.recordDecision(this.caseId(), id, body)),
    );
    if (!result.ok) return;
    this.decisionForm.markAsPristine();
    this.decideFor.set(null);
    this.reload(this.caseId());
  }

  private reload(caseId: string): void {
    this.api.listForCase(caseId).subscribe((list) => this.measures.set(list));
  }
}
