import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { ClassificationAnswers, ClassificationQuestion } from '@caunoi/shared/domain';
import { CLASSIFICATION_QUESTIONS, classifyIncident, nextQuestion } from '@caunoi/shared/domain';
import { TranslatePipe } from '../../../core/i18n/t.pipe';

/**
 * The GBVIMS type is never picked from a list: the worker answers the elimination questions one
 * at a time, in order, and the first "yes" decides (DOMAIN.md §4). Changing an earlier answer asks
 * the later questions again.
 */
@Component({
  selector: 'cn-classification-wizard',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="asked">
      @for (question of asked(); track question) {
        <li data-testid="classification-step">
          <span class="question">{{ 'classification.q.' + question | t }}</span>
          <strong [attr.data-testid]="'classification-answer-' + question">{{
            (answers()[question] ? 'common.yes' : 'common.no') | t
          }}</strong>
          <button
            mat-button
            type="button"
            (click)="reask(question)"
            [attr.data-testid]="'classification-change-' + question"
          >
            {{ 'classification.change' | t }}
          </button>
        </li>
      }
    </ol>
    @if (current(); as question) {
      <div class="current" role="group" aria-live="polite">
        <p class="question" data-testid="classification-question">
          {{ 'classification.q.' + question | t }}
        </p>
        <div class="cn-actions">
          <button
            mat-flat-button
            type="button"
            (click)="answer(question, true)"
            data-testid="classification-yes"
          >
            {{ 'common.yes' | t }}
          </button>
          <button
            mat-stroked-button
            type="button"
            (click)="answer(question, false)"
            data-testid="classification-no"
          >
            {{ 'common.no' | t }}
          </button>
        </div>
        @if (control().touched && control().invalid) {
          <p class="cn-error" role="alert" data-testid="classification-incomplete">
            {{ 'classification.incomplete' | t }}
          </p>
        }
      </div>
    }
    @if (decided(); as type) {
      <p class="cn-notice result" data-testid="classification-result">
        {{ 'classification.result' | t: { type: ('gbvType.' + type | t) } }}
      </p>
    }
  `,
  styles: `
    .asked {
      padding-left: 20px;
      margin: 0 0 8px;
    }
    .asked li {
      margin-bottom: 4px;
    }
    .asked .question {
      margin-right: 8px;
    }
    .current .question {
      font-weight: 600;
    }
    .result {
      font-weight: 600;
    }
  `,
})
export class ClassificationWizardComponent {
  readonly control = input.required<FormControl<ClassificationAnswers>>();

  protected readonly answers = signal<ClassificationAnswers>({});
  protected readonly current = computed(() => nextQuestion(this.answers()));
  protected readonly decided = computed(() => {
    const result = classifyIncident(this.answers());
    return result.ok ? result.gbvType : null;
  });
  /** The questions answered so far, in order, up to the deciding "yes". */
  protected readonly asked = computed(() => {
    const answers = this.answers();
    const asked: ClassificationQuestion[] = [];
    for (const question of CLASSIFICATION_QUESTIONS) {
      const answer = answers[question];
      if (answer === undefined) break;
      asked.push(question);
      if (answer) break;
    }
    return asked;
  });

  constructor() {
    effect((onCleanup) => {
      const control = this.control();
      this.answers.set(control.value ?? {});
      const subscription = control.valueChanges.subscribe((value) => this.answers.set(value ?? {}));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected answer(question: ClassificationQuestion, yes: boolean): void {
    this.set({ ...this.answersBefore(question), [question]: yes });
  }

  protected reask(question: ClassificationQuestion): void {
    this.set(this.answersBefore(question));
  }

  private set(answers: ClassificationAnswers): void {
    const control = this.control();
    control.setValue(answers);
    control.markAsDirty();
  }

  /** Only the answers to earlier questions: later ones are asked again. */
  private answersBefore(question: ClassificationQuestion): ClassificationAnswers {
    const answers = this.answers();
    const kept: ClassificationAnswers = {};
    for (const earlier of CLASSIFICATION_QUESTIONS) {
      if (earlier === question) break;
      const answer = answers[earlier];
      if (answer !== undefined) kept[earlier] = answer;
    }
    return kept;
  }
}
