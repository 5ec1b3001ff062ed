import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ParamMap } from '@angular/router';
import { ActivatedRoute, Router } from '@angular/router';
import type {
  ExportFormat,
  IndicatorValueView,
  PublishedNumber,
  StatisticsBlockView,
  StatisticsPopulationView,
  StatisticsQuery,
  StatisticsTableView,
  StatisticsView,
} from '@caunoi/shared/contracts';
import { STATISTICS_SCOPE_AREA } from '@caunoi/shared/contracts';
import type { PeriodKind, StatisticsPopulation } from '@caunoi/shared/domain';
import { HELP_CHANNELS, PERIOD_KINDS, SEXES, vietnamDateOf } from '@caunoi/shared/domain';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { refusalMessage } from '../../../shared/forms/form-submission';
import { StatisticsApiService } from '../../../shared/data/statistics-api.service';
import {
  ExportPasswordComponent,
  exportPasswordControl,
  exportPasswordOf,
} from '../../../shared/download/export-password';
import { saveFile } from '../../../shared/download/save-file';
import { categoryKey, monthLabel, periodLabel, tableKey } from '../statistics-labels';
import { StatisticsChartsComponent } from '../statistics-charts/statistics-charts.component';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; view: StatisticsView }
  | { status: 'error' };

const FIRST_YEAR = 2020;

/** The query in the URL, or this year when there is none (filters live in the URL). */
function queryOf(params: ParamMap, thisYear: number): StatisticsQuery {
  const kind = params.get('period');
  const period: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(kind ?? '')
    ? (kind as PeriodKind)
    : 'year';
  const number = (name: string) => {
    const value = params.get(name);
    return value === null || value === '' ? undefined : Number(value);
  };
  const query: StatisticsQuery = {
    period,
    area: params.get('area') ?? STATISTICS_SCOPE_AREA,
  };
  if (period === 'range') {
    query.from = params.get('from') ?? `${thisYear}-01`;
    query.to = params.get('to') ?? `${thisYear}-12`;
    return query;
  }
  query.year = number('year') ?? thisYear;
  if (period === 'month') query.month = number('month') ?? 1;
  if (period === 'quarter') query.quarter = number('quarter') ?? 1;
  if (period === 'half') query.half = number('half') ?? 1;
  return query;
}

/**
 * The statistics screen of a supervisor (their centre) and a reporting officer (their province):
 * a period and an area, the indicators, a table per dimension and the monthly trend. Every number
 * comes from the API already protected; "<5" is shown as it comes.
 */
@Component({
  selector: 'cn-statistics-page',
  imports: [
    ReactiveFormsModule,
    ExportPasswordComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    StatisticsChartsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './statistics-page.component.html',
  styleUrl: './statistics-page.component.scss',
})
export class StatisticsPageComponent {
  private readonly api = inject(StatisticsApiService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  private readonly thisYear = Number(vietnamDateOf(new Date()).slice(0, 4));
  protected readonly periodKinds = PERIOD_KINDS;
  protected readonly years = Array.from(
    { length: this.thisYear - FIRST_YEAR + 1 },
    (_, i) => this.thisYear - i,
  );
  protected readonly months = Array.from({ length: 12 }, (_, i) => i + 1);
  protected readonly channels = HELP_CHANNELS;
  protected readonly sexes = SEXES;
  /** The trend's columns: each population's monthly total, beside its share indicator if it has one. */
  protected readonly trendColumns = [
    { population: 'cases', share: 'help_received' },
    { population: 'calls', share: null },
    { population: 'community_referrals', share: null },
    { population: 'referrals', share: 'referrals_on_time' },
    { population: 'services', share: null },
    { population: 'incident_reports', share: 'incident_reports_on_time' },
  ] as const satisfies readonly { population: StatisticsPopulation; share: string | null }[];

  protected readonly form = new FormGroup({
    period: new FormControl<PeriodKind>('year', { nonNullable: true }),
    year: new FormControl<number>(this.thisYear, { nonNullable: true }),
    month: new FormControl<number>(1, { nonNullable: true }),
    quarter: new FormControl<number>(1, { nonNullable: true }),
    half: new FormControl<number>(1, { nonNullable: true }),
    from: new FormControl<string>(`${this.thisYear}-01`, { nonNullable: true }),
    to: new FormControl<string>(`${this.thisYear}-12`, { nonNullable: true }),
    area: new FormControl<string>(STATISTICS_SCOPE_AREA, { nonNullable: true }),
  });
  protected readonly periodKind = toSignal(this.form.controls.period.valueChanges, {
    initialValue: this.form.controls.period.value,
  });

  private readonly query = toSignal(
    this.route.queryParamMap.pipe(map((params) => queryOf(params, this.thisYear))),
    { requireSync: true },
  );

  protected readonly loaded = toSignal(
    this.route.queryParamMap.pipe(
      map((params) => queryOf(params, this.thisYear)),
      switchMap((query) => {
        this.form.patchValue(query, { emitEvent: true });
        return this.api.view(query).pipe(
          map((view): Loaded => ({ status: 'ready', view })),
          catchError(() => of<Loaded>({ status: 'error' })),
          startWith<Loaded>({ status: 'loading' }),
        );
      }),
    ),
    { initialValue: { status: 'loading' } as Loaded },
  );
  protected readonly view = computed(() => {
    const loaded = this.loaded();
    return loaded.status === 'ready' ? loaded.view : null;
  });
  protected readonly exporting = signal(false);
  protected readonly exportPassword = exportPasswordControl();
  /** The download buttons (the CSV one keeps its first test id). */
  protected readonly exportFormats = [
    { format: 'csv', label: 'stats.export', testId: 'stats-export' },
    { format: 'xlsx', label: 'stats.exportXlsx', testId: 'stats-export-xlsx' },
    { format: 'pdf', label: 'stats.exportPdf', testId: 'stats-export-pdf' },
  ] as const satisfies readonly { format: ExportFormat; label: string; testId: string }[];

  protected show(): void {
    const v = this.form.getRawValue();
    const query: Record<string, string | number> = { period: v.period, area: v.area };
    if (v.period === 'range') Object.assign(query, { from: v.from, to: v.to });
    else query['year'] = v.year;
    if (v.period === 'month') query['month'] = v.month;
    if (v.period === 'quarter') query['quarter'] = v.quarter;
    if (v.period === 'half') query['half'] = v.half;
    void this.router.navigate([], { queryParams: query });
  }

  /** Downloads the view as CSV, XLSX or PDF, labelled in the screen's language (XLSX, PDF protected). */
  protected download(format: ExportFormat): void {
    const password = exportPasswordOf(this.exportPassword);
    if (this.exporting() || password === null) return;
    this.exporting.set(true);
    const lang = this.translation.language();
    this.api.export(this.query(), format, lang, password).subscribe({
      next: (blob) => {
        this.exporting.set(false);
        saveFile(blob, `thong-ke.${format}`);
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.snackBar.open(
          refusalMessage(this.translation, error) ?? this.translation.t('stats.error'),
        );
      },
    });
  }

  protected value(n: PublishedNumber | undefined): string {
    if (n === undefined) return '';
    return typeof n === 'number' ? n.toLocaleString(this.locale()) : n;
  }

  protected suppressed(n: PublishedNumber | undefined): boolean {
    return n === '<5';
  }

  protected share(share: number | null): string {
    if (share === null) return this.translation.t('stats.noShare');
    return new Intl.NumberFormat(this.locale(), {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(share);
  }

  protected target(indicator: IndicatorValueView): string | null {
    if (indicator.target === null) return null;
    return this.translation.t('stats.target', {
      target: new Intl.NumberFormat(this.locale(), { style: 'percent' }).format(indicator.target),
    });
  }

  protected blockTitle(block: StatisticsBlockView): string {
    const { key, params } = periodLabel(block.year, block.period);
    return this.translation.hasKey(key) ? this.translation.t(key as never, params) : key;
  }

  protected month(yearMonth: string): string {
    return monthLabel(yearMonth);
  }

  protected category(table: string, category: string): string {
    return categoryKey(table, category);
  }

  protected tableTitle(table: string): string {
    return tableKey(table);
  }

  /**
   * The tables shown as lists: the channel × sex cross-tab is shown as a grid, and the risk × plan
   * cross-tab through its margins (risk level, safety plan) and the high-risk indicator.
   */
  protected listTables(population: StatisticsPopulationView): StatisticsTableView[] {
    return population.tables.filter((t) => t.id !== 'channel_sex' && t.id !== 'risk_safety_plan');
  }

  /**
   * A table's test id: the cases' tables by their own name, the other populations' prefixed with
   * theirs (calls also have a `sex` table, every population an `action_month` one).
   */
  protected testIdOf(population: StatisticsPopulationView, table: string): string {
    return population.population === 'cases' ? table : `${population.population}-${table}`;
  }

  protected crossValue(population: StatisticsPopulationView, channel: string, sex: string) {
    const table = population.tables.find((t) => t.id === 'channel_sex');
    return table?.cells.find((c) => c.category === `${channel}×${sex}`)?.value;
  }

  protected hasCross(population: StatisticsPopulationView): boolean {
    return population.tables.some((t) => t.id === 'channel_sex');
  }

  private locale(): string {
    return this.translation.language() === 'vi' ? 'vi-VN' : 'en-GB';
  }
}
