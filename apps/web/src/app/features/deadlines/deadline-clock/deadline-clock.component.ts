import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { DeadlineStageView, DeadlineView } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { injectNow, stageLabel } from '../../../shared/deadlines/deadline-display';
import { DueDatePipe, TimeLeftPipe } from '../../../shared/deadlines/deadline.pipes';

/**
 * One clock on the case file: due, time left, status, and its reminder/escalation stages. Works for
 * every deadline kind (the 10-day incident report, a referral's respond-by time).
 */
@Component({
  selector: 'cn-deadline-clock',
  imports: [TranslatePipe, VnDatePipe, DueDatePipe, TimeLeftPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = deadline();
    <div class="clock" data-testid="deadline-clock">
      <div class="head">
        <strong>{{ 'deadlineKind.' + d.kind | t }}</strong>
        @if (subject()) {
          <span data-testid="clock-subject">— {{ subject() }}</span>
        }
        <span
          class="cn-badge"
          [class.danger]="d.status === 'breached'"
          data-testid="clock-status"
          >{{ 'deadlineStatus.' + d.status | t }}</span
        >
      </div>
      <div>
        {{ 'deadline.due' | t }}: <span data-testid="clock-due">{{ d.dueAt | vnDue }}</span>
        @if (d.status === 'pending' || d.status === 'breached') {
          ·
          <span data-testid="clock-left" [class.late]="isLate(d)">{{
            d.dueAt | timeLeft: now()
          }}</span>
        }
      </div>
      @if (showStages() && d.stages.length > 0) {
        <details>
          <summary>{{ 'deadline.stages' | t }}</summary>
          <ul class="stages">
            @for (stage of d.stages; track stage.stage) {
              <li data-testid="clock-stage">
                {{ stageLabel(stage) }} — {{ stage.dueAt | vnDate }}:
                @if (stage.firedAt) {
                  <span class="cn-badge tertiary"
                    >{{ 'deadline.stageFired' | t }}
                    {{ 'deadline.stageAt' | t: { at: (stage.firedAt | vnDate) } }}</span
                  >
                } @else if (stage.cancelledAt) {
                  <span class="cn-badge">{{ 'deadline.stageCancelled' | t }}</span>
                } @else {
                  <span class="cn-badge">{{ 'deadline.stageWaiting' | t }}</span>
                }
              </li>
            }
          </ul>
        </details>
      }
    </div>
  `,
  styles: `
    .clock {
      border-left: 4px solid var(--mat-sys-primary);
      padding: 4px 12px;
      margin: 8px 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .head {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .late {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .stages {
      margin: 4px 0;
      padding-left: 20px;
    }
  `,
})
export class DeadlineClockComponent {
  private readonly translation = inject(TranslationService);

  readonly deadline = input.required<DeadlineView>();
  readonly showStages = input(true);
  /** What the clock is about, when the kind alone does not say (the agency a referral waits for). */
  readonly subject = input<string | null>(null);

  protected readonly now = injectNow();

  protected isLate(deadline: DeadlineView): boolean {
    return new Date(deadline.dueAt).getTime() <= this.now().getTime();
  }

  protected stageLabel(stage: DeadlineStageView): string {
    return stageLabel(this.translation, this.deadline().kind, stage.stage);
  }
}
