import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { AdministrativeUnitDetailView } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { AdministrativeUnitsApiService } from '../../../shared/data/administrative-units-api.service';
import { formatCalendarDate } from '../../../shared/deadlines/deadline-display';
import type {
  UnitChange,
  UnitChangeDialogData,
} from '../unit-change-dialog/unit-change-dialog.component';
import { UnitChangeDialogComponent } from '../unit-change-dialog/unit-change-dialog.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/** `/admin/units/:code`: one unit, its names over time, what it was merged into or from. */
@Component({
  selector: 'cn-unit-detail',
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <a mat-button routerLink="/admin/units" data-testid="unit-back">← {{ 'units.title' | t }}</a>
      @if (unit(); as u) {
        <header class="cn-page-header">
          <h1 data-testid="unit-name">{{ u.name }}</h1>
          @if (u.status === 'active') {
            <div class="actions">
              <button
                mat-stroked-button
                type="button"
                (click)="change('rename')"
                data-testid="unit-rename"
              >
                {{ 'units.rename' | t }}
              </button>
              <button
                mat-stroked-button
                type="button"
                (click)="change('merge')"
                data-testid="unit-merge"
              >
                {{ 'units.merge' | t }}
              </button>
              <button
                mat-stroked-button
                type="button"
                (click)="change('retire')"
                data-testid="unit-retire"
              >
                {{ 'units.retire' | t }}
              </button>
            </div>
          }
        </header>
        <dl class="facts">
          <dt>{{ 'units.code' | t }}</dt>
          <dd data-testid="unit-code">{{ u.code }}</dd>
          <dt>{{ 'units.level' | t }}</dt>
          <dd>{{ 'unitLevel.' + u.level | t }}</dd>
          @if (u.parentName) {
            <dt>{{ 'field.provinceCode' | t }}</dt>
            <dd>
              <a [routerLink]="['/admin/units', u.parentCode]">{{ u.parentName }}</a>
            </dd>
          }
          <dt>{{ 'field.status' | t }}</dt>
          <dd data-testid="unit-detail-status">
            {{ 'unitStatus.' + u.status | t }} ·
            {{
              'units.period'
                | t
                  : {
                      from: date(u.effectiveFrom),
                      to: u.effectiveTo ? date(u.effectiveTo) : ('units.now' | t),
                    }
            }}
          </dd>
          @if (u.level === 'province') {
            <dt>{{ 'units.activeCommunes' | t }}</dt>
            <dd>{{ u.activeCommunes }}</dd>
          }
          @if (u.successor; as s) {
            <dt>{{ 'units.mergedInto' | t }}</dt>
            <dd data-testid="unit-successor">
              <a [routerLink]="['/admin/units', s.code]">{{ s.name }} ({{ s.code }})</a>
            </dd>
          }
          @if (u.current.code !== u.code) {
            <dt>{{ 'units.countedUnder' | t }}</dt>
            <dd data-testid="unit-current">
              <a [routerLink]="['/admin/units', u.current.code]"
                >{{ u.current.name }} ({{ u.current.code }})</a
              >
            </dd>
          }
        </dl>

        <h2>{{ 'units.history' | t }}</h2>
        <ol class="history" data-testid="unit-history">
          @for (n of u.names; track n.effectiveFrom) {
            <li>
              <strong>{{ n.name }}</strong>
              <span>{{
                'units.period'
                  | t
                    : {
                        from: date(n.effectiveFrom),
                        to: n.effectiveTo ? date(n.effectiveTo) : ('units.now' | t),
                      }
              }}</span>
            </li>
          }
        </ol>
        @if (u.predecessors.length > 0) {
          <h2>{{ 'units.predecessors' | t }}</h2>
          <ul class="history" data-testid="unit-predecessors">
            @for (p of u.predecessors; track p.code) {
              <li>
                <a [routerLink]="['/admin/units', p.code]">{{ p.name }} ({{ p.code }})</a>
                <span>{{ 'units.mergedOn' | t: { date: date(p.effectiveTo ?? '') } }}</span>
              </li>
            }
          </ul>
        }
      } @else if (missing()) {
        <p data-testid="unit-missing">{{ 'units.notFound' | t }}</p>
      } @else {
        <p>{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
    }
    .facts dt {
      font-weight: 500;
    }
    .facts dd {
      margin: 0;
    }
    .history {
      padding-left: 20px;
    }
    .history li {
      margin-bottom: 6px;
    }
    .history span {
      margin-left: 8px;
      font-size: 0.9rem;
    }
    @media (max-width: 599px) {
      .facts {
        grid-template-columns: 1fr;
        gap: 2px;
      }
      .facts dd {
        margin-bottom: 8px;
      }
    }
  `,
})
export class UnitDetailComponent {
  private readonly api = inject(AdministrativeUnitsApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);
  private readonly router = inject(Router);

  /** Route parameter. */
  readonly code = input.required<string>();

  protected readonly unit = signal<AdministrativeUnitDetailView | null>(null);
  protected readonly missing = signal(false);
  protected readonly date = formatCalendarDate;

  constructor() {
    effect(() => {
      const code = this.code();
      this.unit.set(null);
      this.missing.set(false);
      this.api.get(code).subscribe({
        next: (unit) => this.unit.set(unit),
        error: () => this.missing.set(true),
      });
    });
  }

  protected change(change: UnitChange): void {
    const unit = this.unit();
    if (!unit) return;
    this.dialogs
      .open<
        UnitChangeDialogComponent,
        UnitChangeDialogData,
        AdministrativeUnitDetailView
      >(UnitChangeDialogComponent, { change, unit }, { width: 'medium' })
      .subscribe((result) => {
        this.snackBar.open(this.translation.t('common.saved'));
        // A merge shows the unit that carries on; rename and retire show this one, changed.
        if (result.code === unit.code) this.unit.set(result);
        else void this.router.navigate(['/admin/units', result.code]);
      });
  }
}
