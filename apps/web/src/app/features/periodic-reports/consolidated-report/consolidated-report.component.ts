import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type {
  ConsolidatedReportView,
  PublishedNumber,
  ReportExportQuery,
  StatisticsBlockView,
} from '@caunoi/shared/contracts';
import { monthLabel, periodLabel } from '@caunoi/shared/contracts';
import type { PeriodicReportKind } from '@caunoi/shared/domain';
import { PERIODIC_REPORT_KINDS, STATISTICS_POPULATIONS } from '@caunoi/shared/domain';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';
import { PeriodicReportsApiService } from '../../../shared/data/periodic-reports-api.service';
import {
  ExportPasswordComponent,
  exportPasswordControl,
  exportPasswordOf,
} from '../../../shared/download/export-password';
import { REPORT_EXPORT_BUTTONS, saveFile } from '../../../shared/download/save-file';
import { refusalMessage } from '../../../shared/forms/form-submission';

/**
 * The province's consolidated report (reporting officers): which centres sent the report of a
 * calendar entry, and the province's own totals for its months, protected at the province level.
 */
@Component({
  selector: 'cn-consolidated-report',
  imports: [
    ExportPasswordComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './consolidated-report.component.html',
})
export class ConsolidatedReportComponent {
  private readonly api = inject(PeriodicReportsApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  readonly year = input.required<number>();
  protected readonly kinds = PERIODIC_REPORT_KINDS;
  protected readonly populations = STATISTICS_POPULATIONS;
  protected readonly kind = signal<PeriodicReportKind>('half_year');
  protected readonly report = signal<ConsolidatedReportView | null>(null);
  protected readonly busy = signal(false);
  protected readonly monthLabel = monthLabel;
  protected readonly exportButtons = REPORT_EXPORT_BUTTONS;
  protected readonly exportPassword = exportPasswordControl();

  constructor() {
    effect(() => this.load(this.year(), this.kind()));
  }

  protected blockName(block: StatisticsBlockView): string {
    const label = periodLabel(block.year, block.period);
    return this.translation.t(label.key as TranslationKey, label.params);
  }

  protected total(block: StatisticsBlockView, population: string): PublishedNumber | undefined {
    return block.populations.find((p) => p.population === population)?.total;
  }

  protected download(format: ReportExportQuery['format']): void {
    const password = exportPasswordOf(this.exportPassword);
    if (this.busy() || password === null) return;
    this.busy.set(true);
    const lang = this.translation.language();
    this.api.exportConsolidated(this.year(), this.kind(), { format, lang, password }).subscribe({
      next: (blob) => {
        this.busy.set(false);
        saveFile(blob, `bao-cao-tong-hop-${this.kind()}-${this.year()}.${format}`);
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private load(year: number, kind: PeriodicReportKind): void {
    this.report.set(null);
    this.api.consolidated(year, kind).subscribe({
      next: (report) => this.report.set(report),
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.snackBar.open(
      refusalMessage(this.translation, error) ?? this.translation.t('periodicReports.exportFailed'),
    );
  }
}
