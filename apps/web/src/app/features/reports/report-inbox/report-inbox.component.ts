import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { IncidentReportView } from '@caunoi/shared/contracts';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { AdministrativeUnitsService } from '../../../shared/data/administrative-units.service';
import { IncidentReportsApiService } from '../../../shared/data/incident-reports-api.service';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { DueDatePipe } from '../../../shared/deadlines/deadline.pipes';
import { refusalMessage } from '../../../shared/forms/form-submission';
import { saveFile } from '../../../shared/download/save-file';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import type { Workspace } from '../../workspaces/workspaces';

/**
 * The province's inbox: serious-incident reports submitted to the officer's agency, newest first,
 * with a detail pane and "acknowledge receipt". Survivor codes and coded facts only.
 */
@Component({
  selector: 'cn-report-inbox',
  imports: [
    MatButtonModule,
    MatTableModule,
    TranslatePipe,
    TranslateListPipe,
    VnDatePipe,
    DueDatePipe,
    ListFooterComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-inbox.component.html',
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr);
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 959px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    /* Beside the detail panel the list keeps to what tells reports apart; the panel has the rest. */
    @media (min-width: 960px) {
      .mat-column-commune,
      .mat-column-discovered {
        display: none;
      }
    }
    [data-testid='report-open'] {
      white-space: nowrap;
    }
    tr.selected {
      background: var(--mat-sys-secondary-container);
    }
    tr[mat-row] {
      cursor: pointer;
    }
    .detail {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 16px;
    }
  `,
})
export class ReportInboxComponent {
  private readonly api = inject(IncidentReportsApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  /** From the route's data. */
  readonly workspace = input.required<Workspace>();

  private readonly units = inject(AdministrativeUnitsService);
  protected readonly columns = [
    'code',
    'type',
    'commune',
    'discovered',
    'submitted',
    'onTime',
    'status',
  ];
  protected readonly pager = keysetPager<IncidentReportView>((after) => this.api.inbox(after));
  /** `?case=<id>`, from a notification's link: that case's report is open once the list has it. */
  readonly case = input<string | undefined>();
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => {
    const items = this.pager.items();
    const id = this.selectedId();
    if (id) return items.find((report) => report.id === id) ?? null;
    const caseId = this.case();
    return caseId ? (items.find((report) => report.caseId === caseId) ?? null) : null;
  });
  protected readonly acknowledging = signal(false);
  protected readonly printing = signal(false);

  protected select(report: IncidentReportView): void {
    this.selectedId.set(report.id);
  }

  protected communeName(code: string): string {
    return this.units.nameOf(code);
  }

  /** The report's printable form (PDF) in the screen's language; the API audits it. */
  protected print(report: IncidentReportView): void {
    if (this.printing()) return;
    this.printing.set(true);
    this.api.inboxForm(report.id, this.translation.language()).subscribe({
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

  protected acknowledge(report: IncidentReportView): void {
    if (this.acknowledging()) return;
    this.acknowledging.set(true);
    this.api.acknowledge(report.id).subscribe({
      next: (updated) => {
        this.acknowledging.set(false);
        this.pager.replace((r) => r.id === updated.id, updated);
        this.snackBar.open(this.translation.t('reports.acknowledged'));
      },
      error: (error: unknown) => {
        this.acknowledging.set(false);
        const message = refusalMessage(this.translation, error);
        if (message) this.snackBar.open(message);
        this.pager.reload();
      },
    });
  }
}
