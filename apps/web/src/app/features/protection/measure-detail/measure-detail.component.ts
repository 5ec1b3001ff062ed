import {
  ChangeDetectionStrategy,
  Component,
  computed,
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
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { MeasurePacketView } from '@caunoi/shared/contracts';
import { PROTECTION_TEXT_MAX } from '@caunoi/shared/contracts';
import type { BreachKind } from '@caunoi/shared/domain';
import { BREACH_KINDS, COMMUNE_ORDER_MAX_HOURS, isInForce } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { TimeLeftPipe } from '../../../shared/deadlines/deadline.pipes';
import { injectNow } from '../../../shared/deadlines/deadline-display';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { NotFoundComponent } from '../../../shared/ui/not-found/not-found.component';
import { SavedNoticeComponent } from '../../../shared/ui/saved-notice/saved-notice.component';
import { ProtectionApiService, fromLocalInput, toLocalInput } from '../data/protection-api.service';
import type { MeasureReasonData } from '../measure-reason-dialog/measure-reason-dialog.component';
import { MeasureReasonDialogComponent } from '../measure-reason-dialog/measure-reason-dialog.component';
import { DateTimeFieldComponent } from '../../../shared/forms/date-time-field/date-time-field.component';

const HOUR_MS = 3600_000;

/**
 * One measure's packet for the agency it is addressed to: the commune officer decides within the
 * countdown (grant, at most 3 days, effective on signing; or refuse with written reasons) and prints
 * the decision; the commune police record the supervision plan within the hour and report breaches.
 */
@Component({
  selector: 'cn-measure-detail',
  imports: [
    DateTimeFieldComponent,
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    TimeLeftPipe,
    NotFoundComponent,
    SavedNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './measure-detail.component.html',
  styleUrl: './measure-detail.component.scss',
})
export class MeasureDetailComponent {
  private readonly api = inject(ProtectionApiService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);

  readonly id = input.required<string>();

  protected readonly now = injectNow();
  protected readonly breachKinds = BREACH_KINDS;
  protected readonly packet = signal<MeasurePacketView | null>(null);
  protected readonly notFound = signal(false);
  protected readonly breachReported = signal(false);
  private readonly role = computed(() => this.auth.me()?.user.role);
  protected readonly canDecide = computed(
    () => this.role() === 'commune_officer' && this.packet()?.status === 'requested',
  );
  protected readonly isPolice = computed(() => this.role() === 'police_liaison');
  protected readonly inForce = computed(() => {
    const p = this.packet();
    return !!p && isInForce(p.status);
  });
  protected readonly canPrint = computed(
    () => this.packet()?.decision === 'granted' && this.packet()?.status !== 'revoked',
  );
  /** The committee that decided revokes its order (Law 13/2022 Art. 25, at the victim's request). */
  protected readonly canRevoke = computed(() => {
    const p = this.packet();
    return (
      this.role() === 'commune_officer' &&
      !!p &&
      ['granted', 'in_force', 'breached'].includes(p.status)
    );
  });
  protected readonly revoked = signal(false);

  protected readonly decisionForm = new FormGroup({
    decision: new FormControl<'granted' | 'refused'>('granted', { nonNullable: true }),
    endsAt: new FormControl('', { nonNullable: true }),
    reasons: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(PROTECTION_TEXT_MAX)],
    }),
    decisionNumber: new FormControl('', { nonNullable: true }),
  });
  protected readonly decision = formSubmission(this.decisionForm);
  private readonly decisionDirective = viewChild('decisionDirective', { read: FormGroupDirective });

  protected readonly planForm = new FormGroup({
    supervisingOfficer: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    plan: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(PROTECTION_TEXT_MAX)],
    }),
  });
  protected readonly planning = formSubmission(this.planForm);

  protected readonly breachForm = new FormGroup({
    kind: new FormControl<BreachKind>('within_100m', { nonNullable: true }),
    occurredAt: new FormControl(toLocalInput(new Date()), { nonNullable: true }),
  });
  protected readonly breach = formSubmission(this.breachForm);

  constructor() {
    guardUnload(() => this.decisionForm.dirty || this.planForm.dirty);
    effect(() => this.load(this.id()));
  }

  /** The longest order the chairman may sign now: 3 days from signing. */
  protected grantMaximum(): void {
    const end = new Date(Date.now() + COMMUNE_ORDER_MAX_HOURS * HOUR_MS);
    this.decisionForm.patchValue({ decision: 'granted', endsAt: toLocalInput(end) });
  }

  protected async decide(): Promise<void> {
    const v = this.decisionForm.getRawValue();
    const body =
      v.decision === 'granted'
        ? {
            decision: v.decision,
            // Effective on signing: the signing is now.
            startsAt: new Date().toISOString(),
            ...(v.endsAt ? { endsAt: fromLocalInput(v.endsAt) } : {}),
            ...(v.decisionNumber.trim() ? { decisionNumber: v.decisionNumber.trim() } : {}),
          }
        : { decision: v.decision, reasons: v.reasons };
    const result = await this.decision.run(() => firstValueFrom(this.api.decide(this.id(), body)));
    if (!result.ok) return;
    this.packet.set(result.value);
    this.decision.succeeded(this.decisionDirective());
  }

  protected async recordPlan(): Promise<void> {
    const result = await this.planning.run(() =>
      firstValueFrom(this.api.supervisionPlan(this.id(), this.planForm.getRawValue())),
    );
    if (!result.ok) return;
    this.packet.set(result.value);
    this.planForm.markAsPristine();
  }

  protected async reportBreach(): Promise<void> {
    const { kind, occurredAt } = this.breachForm.getRawValue();
    const result = await this.breach.run(() =>
      firstValueFrom(
        this.api.reportBreach(this.id(), { kind, occurredAt: fromLocalInput(occurredAt) }),
      ),
    );
    if (!result.ok) return;
    this.breachReported.set(true);
    this.load(this.id());
  }

  protected revoke(): void {
    const p = this.packet();
    if (!p) return;
    this.dialog
      .open<
        MeasureReasonDialogComponent<MeasurePacketView>,
        MeasureReasonData<MeasurePacketView>,
        MeasurePacketView
      >(MeasureReasonDialogComponent, {
        data: {
          step: 'revoke',
          code: p.code,
          send: (reasons) => this.api.revoke(p.id, { reasons }),
        },
        width: '32rem',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.packet.set(updated);
        this.revoked.set(true);
      });
  }

  protected print(): void {
    window.print();
  }

  private load(id: string): void {
    this.api.get(id).subscribe({
      next: (p) => this.packet.set(p),
      error: () => this.notFound.set(true),
    });
  }
}
