import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { DeadlineView, IncidentView } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { UnitNamePipe } from '../../../shared/data/unit-name.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { DeadlineClockComponent } from '../../deadlines/deadline-clock/deadline-clock.component';
import { CasesApiService } from '../data/cases-api.service';
import {
  createIncidentForm,
  incidentRequest,
  resetIncidentForm,
} from '../incident-form/incident-form';
import { IncidentFormComponent } from '../incident-form/incident-form.component';
import { IncidentReportPanelComponent } from '../incident-report-panel/incident-report-panel.component';
import type { SeriousDialogData } from '../serious-dialog/serious-dialog.component';
import { SeriousDialogComponent } from '../serious-dialog/serious-dialog.component';
import { CorrectionHistoryComponent } from '../correction-history/correction-history.component';
import { IncidentCorrectionComponent } from '../incident-correction/incident-correction.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/** The case's incidents, one event each, and "add incident". */
@Component({
  selector: 'cn-case-incidents',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    TranslatePipe,
    UnitNamePipe,
    VnDatePipe,
    IncidentFormComponent,
    DeadlineClockComponent,
    IncidentReportPanelComponent,
    CorrectionHistoryComponent,
    IncidentCorrectionComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-incidents.component.html',
  styles: `
    .add {
      margin-top: 16px;
    }
  `,
})
export class CaseIncidentsComponent {
  private readonly api = inject(CasesApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  readonly caseId = input.required<string>();
  readonly incidents = input.required<IncidentView[]>();
  readonly canUpdate = input(false);
  /** May approve the case's incident reports (supervisors). */
  readonly canApprove = input(false);
  /** The case's open clocks (the case file loads them once for all incidents). */
  readonly deadlines = input<DeadlineView[]>([]);
  /** Without consent to case management no free text is kept. */
  readonly anonymous = input(false);
  readonly added = output<IncidentView>();
  /** An incident changed in place (marked or un-marked serious). */
  readonly updated = output<IncidentView>();
  /** Something moved a clock (a report was submitted): the case file reloads its deadlines. */
  readonly deadlinesChanged = output<void>();

  protected readonly adding = signal(false);
  /** The incident whose facts are being corrected (one at a time). */
  protected readonly correcting = signal<string | null>(null);
  protected readonly form = createIncidentForm();
  protected readonly submission = formSubmission(this.form);

  /** An empty form each time "add incident" is opened. */
  protected startAdding(): void {
    resetIncidentForm(this.form);
    this.submission.clear();
    if (this.anonymous()) this.form.controls.description.disable();
    this.adding.set(true);
  }

  protected async save(): Promise<void> {
    const request = incidentRequest(this.form);
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.addIncident(this.caseId(), request)),
    );
    if (!result.ok) return;
    this.added.emit(result.value);
    this.adding.set(false);
  }

  protected async corrected(
    incident: IncidentView,
    history: CorrectionHistoryComponent,
  ): Promise<void> {
    this.correcting.set(null);
    this.updated.emit(incident);
    this.snackBar.open(this.translation.t('correction.saved'));
    await history.refresh();
  }

  /** The incident's 10-day report clock(s): the deadline's subject is the incident. */
  protected clocksOf(incidentId: string): DeadlineView[] {
    return this.deadlines().filter(
      (deadline) => deadline.kind === 'incident_report' && deadline.subjectId === incidentId,
    );
  }

  /** Submitting the report meets (or closes a breached) clock: `metAt` is set then. */
  protected reportSent(incidentId: string): boolean {
    return this.clocksOf(incidentId).some((deadline) => deadline.metAt !== null);
  }

  protected changeSerious(incident: IncidentView, mode: SeriousDialogData['mode']): void {
    this.dialogs
      .open<
        SeriousDialogComponent,
        SeriousDialogData,
        IncidentView
      >(SeriousDialogComponent, { caseId: this.caseId(), incidentId: incident.id, mode }, { width: 'medium' })
      .subscribe((updated) => {
        this.updated.emit(updated);
        this.snackBar.open(
          this.translation.t(
            mode === 'mark' ? 'incident.markedSerious' : 'incident.unmarkedSerious',
          ),
        );
      });
  }
}
