import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { FormSubmission } from '../../forms/form-submission';

/**
 * The frame every form dialog shares: the title, the answer's errors no field shows, the fields
 * (projected), and Cancel / submit. It sits on the dialog's own `<form [formGroup]>`, so the
 * projected `formControlName`s find their group and the submit button submits that form:
 *
 * ```html
 * <form cnFormDialog [formGroup]="form" (ngSubmit)="submit()" [submission]="submission"
 *       [title]="'x.title' | t" [submitLabel]="'x.submit' | t" testId="x">
 *   <p cnDialogIntro class="cn-hint">…</p>   <!-- optional: above the errors -->
 *   <mat-form-field>…</mat-form-field>
 * </form>
 * ```
 *
 * `testId` names the parts for the tests: `<testId>-dialog` (the form), `-error`, `-cancel`,
 * `-submit`. Open it with `injectDialogs()` (`dialogs.ts`).
 */
@Component({
  // An attribute on the dialog's own <form>, so the form keeps its native submit and validation.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'form[cnFormDialog]',
  imports: [MatDialogModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    novalidate: '',
    class: 'cn-form-dialog',
    '[attr.data-testid]': "testId() + '-dialog'",
  },
  template: `
    <h2 mat-dialog-title>{{ title() }}</h2>
    <mat-dialog-content class="cn-form-dialog-content">
      <ng-content select="[cnDialogIntro]" />
      @for (message of messages(); track $index) {
        <p class="cn-error" role="alert" [attr.data-testid]="testId() + '-error'">
          {{ message }}
        </p>
      }
      <ng-content />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close [attr.data-testid]="testId() + '-cancel'">
        {{ 'common.cancel' | t }}
      </button>
      <button
        mat-flat-button
        type="submit"
        [disabled]="submission().submitting() || submitDisabled()"
        [attr.data-testid]="testId() + '-submit'"
      >
        {{ submitLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .cn-form-dialog-content {
      min-width: min(440px, 80vw);
    }
    /* A field directly in the dialog takes the whole width; rows of fields keep their own layout. */
    .cn-form-dialog-content > ::ng-deep .mat-mdc-form-field {
      width: 100%;
    }
  `,
})
export class FormDialogComponent {
  /** Translated: callers pass `'key' | t: params`. */
  readonly title = input.required<string>();
  readonly submitLabel = input.required<string>();
  readonly submission = input.required<FormSubmission>();
  readonly testId = input.required<string>();
  /** The dialog's own wording of the errors, when it words them (default: the unmatched ones). */
  readonly errors = input<readonly string[] | null>(null);
  /** Beyond "a request is on its way": e.g. while what the form needs is still loading. */
  readonly submitDisabled = input(false);

  protected readonly messages = computed(() => this.errors() ?? this.submission().otherMessages());
}
