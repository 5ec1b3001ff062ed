import {
  ChangeDetectionStrategy,
  Component,
  Injectable,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { AbilityService } from '../../../core/ability/ability.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { DeadlineSummaryComponent } from '../../deadlines/deadline-summary/deadline-summary.component';
import type { Workspace } from '../../workspaces/workspaces';
import { CasesListComponent } from '../cases-list/cases-list.component';
import { ExactSearchComponent } from '../exact-search/exact-search.component';
import { IntakeQueueComponent } from '../intake-queue/intake-queue.component';
import { TeamCaseloadComponent } from '../team-caseload/team-caseload.component';

/** Which tab was open, so coming back from a case file lands on the same one. */
@Injectable({ providedIn: 'root' })
export class CaseWorkspaceState {
  readonly tab = signal(0);
}

/**
 * `/cases` and `/team`: the intake queue, the case list, the exact search and, for supervisors, the
 * team view (load per caseworker).
 */
@Component({
  selector: 'cn-case-workspace',
  imports: [
    RouterLink,
    MatButtonModule,
    MatTabsModule,
    TranslatePipe,
    IntakeQueueComponent,
    CasesListComponent,
    ExactSearchComponent,
    DeadlineSummaryComponent,
    TeamCaseloadComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <header class="cn-page-header">
        <h1 data-testid="workspace-title">{{ workspace().title | t }}</h1>
        @if (canOpen()) {
          <a mat-flat-button routerLink="new" data-testid="walk-in">{{ 'cases.walkIn' | t }}</a>
        }
      </header>
      @if (canSeeDeadlines()) {
        <cn-deadline-summary />
      }
      <mat-tab-group
        [selectedIndex]="state.tab()"
        (selectedIndexChange)="state.tab.set($event)"
        animationDuration="0ms"
        [mat-stretch-tabs]="false"
      >
        <mat-tab>
          <ng-template mat-tab-label
            ><span data-testid="tab-intake">{{ 'cases.tab.intake' | t }}</span></ng-template
          >
          <ng-template matTabContent><cn-intake-queue /></ng-template>
        </mat-tab>
        <mat-tab>
          <ng-template mat-tab-label
            ><span data-testid="tab-cases">{{ 'cases.tab.cases' | t }}</span></ng-template
          >
          <ng-template matTabContent><cn-cases-list /></ng-template>
        </mat-tab>
        <mat-tab>
          <ng-template mat-tab-label
            ><span data-testid="tab-search">{{ 'cases.tab.search' | t }}</span></ng-template
          >
          <ng-template matTabContent><cn-exact-search /></ng-template>
        </mat-tab>
        @if (canSeeTeam()) {
          <mat-tab>
            <ng-template mat-tab-label
              ><span data-testid="tab-team">{{ 'team.tab' | t }}</span></ng-template
            >
            <ng-template matTabContent><cn-team-caseload /></ng-template>
          </mat-tab>
        }
      </mat-tab-group>
    </section>
  `,
})
export class CaseWorkspaceComponent {
  private readonly ability = inject(AbilityService);
  protected readonly state = inject(CaseWorkspaceState);

  /** From the route's data. */
  readonly workspace = input.required<Workspace>();

  protected readonly canOpen = computed(() => this.ability.can('create', 'Case'));
  protected readonly canSeeDeadlines = computed(() => this.ability.can('read', 'Deadline'));
  /** Supervisors: who assigns the centre's cases sees the team's load. */
  protected readonly canSeeTeam = computed(() => this.ability.can('assign', 'Case'));
}
