import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type {
  PeriodicReportView,
  PublishedNumber,
  ReportExportQuery,
} from '@caunoi/shared/contracts';
import type { PeriodicReportAction, PeriodicReportKind } from '@caunoi/shared/domain';
import {
  allowedPeriodicReportActions,
  PERIODIC_REPORT_KINDS,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { AbilityService } from '../../../core/ability/ability.service';
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
import { ConsolidatedReportComponent } from '../consolidated-report/consolidated-report.component';
import { refusalMessage } from '../../../shared/forms/form-submission';
import { monthLabel, periodLabel } from '../../statistics/statistics-labels';
import { formatVietnamDay } from '../../../core/i18n/vn-date.pipe';

type Step = 'approve' | 'submit' | 'acknowledge';

/**
 * The periodic reports of a year. A supervisor drafts the centre's report for a calendar entry (its
 * tables are the centre's protected numbers, fixed then), writes the narrative, approves and submits
 * it; a reporting officer reads what the centres submitted and acknowledges it. Counts only.
 */
@Component({
  selector: 'cn-periodic-reports-page',
  imports: [
    FormsModule,
    ExportPasswordComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ConsolidatedReportComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './periodic-reports-page.component.html',
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(300px, 3fr);
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 959px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .narrative {
      width: 100%;
    }
    li.selected {
      background: var(--mat-sys-secondary-container);
    }
    ul.reports li {
      cursor: pointer;
      padding: 8px;
      border-radius: 8px;
    }
    .detail {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 16px;
    }
    .suppressed {
      font-style: italic;
    }
    textarea {
      min-height: 120px;
    }
  `,
})
export class PeriodicReportsPageComponent {
  private readonly api = inject(PeriodicReportsApiService);
  private readonly ability = inject(AbilityService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  private readonly thisYear = Number(vietnamDateOf(new Date()).slice(0, 4));
  protected readonly years = [this.thisYear + 1, this.thisYear, this.thisYear - 1];
  protected readonly year = signal(this.thisYear);
  protected readonly reports = signal<PeriodicReportView[]>([]);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly narrative = signal('');
  protected readonly selected = computed(
    () => this.reports().find((r) => r.id === this.selectedId()) ?? null,
  );
  /** The centre's side (supervisor) drafts; the province's side (officer) acknowledges. */
  protected readonly isCentre = computed(() => this.ability.can('create', 'PeriodicReport'));
  protected readonly missingKinds = computed<PeriodicReportKind[]>(() =>
    this.isCentre()
      ? PERIODIC_REPORT_KINDS.filter((k) => !this.reports().some((r) => r.kind === k))
      : [],
  );
  protected readonly actions = computed<PeriodicReportAction[]>(() => {
    const report = this.selected();
    if (!report) return [];
    return allowedPeriodicReportActions(report.status).filter((a) =>
      a === 'acknowledge' ? !this.isCentre() : this.isCentre(),
    );
  });

  constructor() {
    this.load();
  }

  protected changeYear(year: number): void {
    this.year.set(year);
    this.selectedId.set(null);
    this.load();
  }

  protected select(report: PeriodicReportView): void {
    this.selectedId.set(report.id);
    this.narrative.set(report.narrative ?? '');
  }

  protected draft(kind: PeriodicReportKind): void {
    this.run(this.api.draft({ year: this.year(), kind }), 'periodicReports.drafted');
  }

  protected saveNarrative(report: PeriodicReportView): void {
    const text = this.narrative().trim();
    this.run(this.api.saveNarrative(report.id, text === '' ? null : text), 'periodicReports.saved');
  }

  protected step(report: PeriodicReportView, step: Step): void {
    this.run(this.api.step(report.id, step), `periodicReports.done.${step}`);
  }

  protected readonly exportFormats = REPORT_EXPORT_BUTTONS;
  protected readonly exportPassword = exportPasswordControl();

  /** Downloads the report as XLSX or PDF, labelled in the screen's language, protected if asked. */
  protected download(report: PeriodicReportView, format: ReportExportQuery['format']): void {
    const password = exportPasswordOf(this.exportPassword);
    if (this.busy() || password === null) return;
    this.busy.set(true);
    const lang = this.translation.language();
    this.api.export(report.id, { format, lang, password }).subscribe({
      next: (blob) => {
        this.busy.set(false);
        saveFile(blob, `bao-cao-${report.kind}-${report.year}.${format}`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.snackBar.open(
          refusalMessage(this.translation, error) ??
            this.translation.t('periodicReports.exportFailed'),
        );
      },
    });
  }

  protected blockName(block: PeriodicReportView['tables'][number]): string {
    const label = periodLabel(block.year, block.period);
    return this.translation.t(label.key as TranslationKey, label.params);
  }

  protected monthLabel = monthLabel;

  protected dayLabel = formatVietnamDay;

  protected isSuppressed(value: PublishedNumber): boolean {
    return value === '<5';
  }

  private load(): void {
    this.loading.set(true);
    this.api.list(this.year()).subscribe({
      next: (list) => {
        this.reports.set(list.items);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  private run(request: ReturnType<PeriodicReportsApiService['draft']>, done: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    request.subscribe({
      next: (report) => {
        this.busy.set(false);
        const others = this.reports().filter((r) => r.id !== report.id);
        this.reports.set([...others, report].sort((a, b) => a.dueOn.localeCompare(b.dueOn)));
        this.select(report);
        this.snackBar.open(this.translation.t(done as TranslationKey));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const message = refusalMessage(this.translation, error);
        if (message) this.snackBar.open(message);
        this.load();
      },
    });
  }
}
