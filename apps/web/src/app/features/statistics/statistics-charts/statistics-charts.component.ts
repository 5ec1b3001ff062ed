import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type {
  PublishedNumber,
  StatisticsBlockView,
  StatisticsView,
} from '@caunoi/shared/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';
import type { ChartSpec } from './chart-data';
import { chartOption, dashboardCharts, SUPPRESSED } from './chart-data';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * The dashboard: one chart per breakdown of a block and the monthly trend, each with its table
 * (a button switches). "<5" is a mark on a bar without height, never a number.
 */
@Component({
  selector: 'cn-statistics-charts',
  imports: [NgxEchartsDirective, MatButtonModule, TranslatePipe],
  providers: [provideEchartsCore({ echarts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './statistics-charts.component.html',
  styleUrl: './statistics-charts.component.scss',
})
export class StatisticsChartsComponent {
  private readonly translation = inject(TranslationService);

  readonly view = input.required<StatisticsView>();
  readonly block = input.required<StatisticsBlockView>();

  /** The charts shown as tables. */
  protected readonly asTable = signal<ReadonlySet<string>>(new Set());

  protected readonly charts = computed(() => {
    this.translation.language();
    const t = (key: string, params?: Record<string, string>) =>
      this.translation.t(key as TranslationKey, params);
    return dashboardCharts(this.view(), this.block(), t).map((spec) => ({
      spec,
      option: chartOption(spec),
    }));
  });

  protected toggle(id: string): void {
    const next = new Set(this.asTable());
    if (!next.delete(id)) next.add(id);
    this.asTable.set(next);
  }

  protected suppressed(value: PublishedNumber): boolean {
    return value === SUPPRESSED;
  }

  protected height(spec: ChartSpec): string {
    const horizontal = spec.categories.length > 6 && spec.id !== 'trend';
    return horizontal ? `${Math.max(200, spec.categories.length * 28 + 60)}px` : '280px';
  }
}
