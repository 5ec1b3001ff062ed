import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { IncidentReportView, SaveIncidentReportRequest } from '@caunoi/shared/contracts';
import type { AgencyType, ServiceType } from '@caunoi/shared/domain';
import { AGENCY_TYPES, SERVICE_TYPES } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { IncidentReportsApiService } from '../../../shared/data/incident-reports-api.service';
import { formSubmission, refusalMessage } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { saveFile } from '../../../shared/download/save-file';

export const REPORT_NARRATIVE_MAX = 8000;

/**
 * "Báo cáo vụ việc" on a serious incident: draft (coded content plus a narrative without identity),
 * save, approval by a supervisor, submission to the province; a submitted report is read-only and
 * says whether it was on time.
 */
@Component({
  selector: 'cn-incident-report-panel',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    TranslateListPipe,
    FieldErrorPipe,
    VnDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incident-report-panel.component.html',
  styles: `
    .panel {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 16px;
      margin-top: 8px;
    }
    .panel h3 {
      font-size: 1rem;
      display: flex;
      gap: 8px;
      align-items: center;
      margin: 4px 0 8px;
    }
    .full {
      width: 100%;
    }
  `,
})
export class IncidentReportPanelComponent {
  private readonly api = inject(IncidentReportsApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  readonly caseId = input.required<string>();
  readonly incidentId = input.required<string>();
  /** May edit the case (draft, save, submit). */
  readonly canUpdate = input(false);
  /** May approve the case's report (`approve Case`, supervisors). */
  readonly canApprove = input(false);
  /** The report was submitted: the clock is met, the case file reloads its deadlines. */
  readonly submitted = output<IncidentReportView>();

  protected readonly services = SERVICE_TYPES;
  protected readonly agencies = AGENCY_TYPES;
  protected readonly narrativeMax = REPORT_NARRATIVE_MAX;

  protected readonly report = signal<IncidentReportView | null>(null);
  protected readonly loaded = signal(false);
  protected readonly drafting = signal(false);
  protected readonly printing = signal(false);
  /** The form differs from what the server holds. */
  protected readonly dirty = signal(false);

  protected readonly form = new FormGroup({
    servicesGiven: new FormControl<ServiceType[]>([], { nonNullable: true }),
    agenciesInvolved: new FormControl<AgencyType[]>([], { nonNullable: true }),
    narrative: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(REPORT_NARRATIVE_MAX)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  protected readonly status = computed(() => this.report()?.status ?? null);
  /** Submitted or acknowledged: final. */
  protected readonly final = computed(() => {
    const status = this.status();
    return status === 'submitted' || status === 'acknowledged';
  });
  protected readonly showCreate = computed(
    () => this.canUpdate() && this.loaded() && !this.report() && !this.drafting(),
  );
  protected readonly showForm = computed(
    () => this.canUpdate() && (this.drafting() || (!!this.report() && !this.final())),
  );
  protected readonly showApprove = computed(() => this.canApprove() && this.status() === 'draft');
  protected readonly showSubmit = computed(
    () => this.canUpdate() && (this.status() === 'draft' || this.status() === 'approved'),
  );
  protected readonly canSubmitNow = computed(
    () => this.status() === 'approved' && !this.dirty() && !this.submission.submitting(),
  );

  constructor() {
    guardUnload(() => this.form.dirty);
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.dirty.set(true));
    effect((onCleanup) => {
      const caseId = this.caseId();
      const incidentId = this.incidentId();
      this.loaded.set(false);
      const subscription = this.api.get(caseId, incidentId).subscribe({
        next: (report) => this.show(report),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 404) {
            this.report.set(null);
            this.loaded.set(true);
          }
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected startDraft(): void {
    this.form.reset(
      { servicesGiven: [], agenciesInvolved: [], narrative: '' },
      { emitEvent: false },
    );
    this.submission.clear();
    this.drafting.set(true);
  }

  protected async save(): Promise<void> {
    const request = this.request();
    const existing = this.report();
    await this.act(
      () =>
        existing
          ? this.api.save(this.caseId(), this.incidentId(), request)
          : this.api.draft(this.caseId(), this.incidentId(), request),
      existing ? 'report.saved' : 'report.drafted',
    );
  }

  protected async approve(): Promise<void> {
    await this.act(() => this.api.approve(this.caseId(), this.incidentId()), 'report.approved');
  }

  protected async submit(): Promise<void> {
    const report = await this.act(
      () => this.api.submit(this.caseId(), this.incidentId()),
      'report.submitted',
    );
    if (report) this.submitted.emit(report);
  }

  /** The printable form (PDF) in the screen's language. */
  protected print(): void {
    if (this.printing()) return;
    this.printing.set(true);
    this.api.form(this.caseId(), this.incidentId(), this.translation.language()).subscribe({
      next: (blob) => {
        this.printing.set(false);
        saveFile(blob, 'bao-cao-vu-viec.pdf');
      },
      error: (error: unknown) => {
        this.printing.set(false);
        this.snackBar.open(
          refusalMessage(this.translation, error) ?? this.translation.t('report.printFailed'),
        );
      },
    });
  }

  private async act(
    call: () => ReturnType<IncidentReportsApiService['get']>,
    done: TranslationKey,
  ): Promise<IncidentReportView | null> {
    const result = await this.submission.run(() => firstValueFrom(call()));
    if (!result.ok) return null;
    this.show(result.value);
    this.snackBar.open(this.translation.t(done));
    return result.value;
  }

  private show(report: IncidentReportView): void {
    this.report.set(report);
    this.drafting.set(false);
    this.loaded.set(true);
    this.form.reset(
      {
        servicesGiven: report.content.servicesGiven as ServiceType[],
        agenciesInvolved: report.content.agenciesInvolved as AgencyType[],
        narrative: report.narrative ?? '',
      },
      { emitEvent: false },
    );
    this.dirty.set(false);
  }

  private request(): SaveIncidentReportRequest {
    const value = this.form.getRawValue();
    return {
      servicesGiven: value.servicesGiven,
      agenciesInvolved: value.agenciesInvolved,
      narrative: value.narrative.trim() || null,
    };
  }
}
