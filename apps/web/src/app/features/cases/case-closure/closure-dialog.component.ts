import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ClosureRequestView } from '@caunoi/shared/contracts';
import type { ClosureGoalStatus, ClosureReason } from '@caunoi/shared/domain';
import {
  CLOSURE_COMMENT_MAX,
  CLOSURE_GOAL_STATUSES,
  CLOSURE_REASONS,
  CLOSURE_SUMMARY_MAX,
} from '@caunoi/shared/domain';
import type { Observable } from 'rxjs';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CaseClosureApiService } from '../data/case-closure-api.service';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

/**
 * `request`: the caseworker asks (pre-filled from a returned request); `approve`: the supervisor
 * confirms with the request's summary in front of them (irreversible but for a reopening);
 * `return`: back with a comment; `reopen`: a closed case starts again, with a reason.
 */
export type ClosureDialogMode = 'request' | 'approve' | 'return' | 'reopen';

export interface ClosureDialogData {
  mode: ClosureDialogMode;
  caseId: string;
  survivorCode: string;
  /** The waiting request (approve, return) or the returned one to start from (request). */
  request: ClosureRequestView | null;
}

/** One dialog for every closure step; closes with the case's closure history after the change. */
@Component({
  selector: 'cn-closure-dialog',
  imports: [
    FormDialogComponent,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      cnFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      [errors]="submission.allMessages()"
      [title]="'closure.dialog.' + data.mode | t: { code: data.survivorCode }"
      [submitLabel]="'closure.submit.' + data.mode | t"
      testId="closure"
    >
      @if (data.request; as r) {
        @if (data.mode === 'request') {
          @if (r.comment) {
            <p class="cn-notice" data-testid="closure-returned-comment">
              {{ 'closure.returnedBy' | t: { name: r.decidedByName ?? '' } }}
              <span class="text">{{ r.comment }}</span>
            </p>
          }
        } @else if (data.mode !== 'reopen') {
          <dl class="summary" data-testid="closure-summary">
            <dt>{{ 'field.reason' | t }}</dt>
            <dd>{{ 'closureReason.' + r.reason | t }}</dd>
            <dt>{{ 'field.goalStatus' | t }}</dt>
            <dd>{{ 'goalStatus.' + r.goalStatus | t }}</dd>
            <dt>{{ 'closure.requestedBy' | t }}</dt>
            <dd>{{ r.requestedByName }} · {{ r.requestedAt | vnDate }}</dd>
            <dt>{{ 'field.summary' | t }}</dt>
            <dd class="text">{{ r.summary }}</dd>
          </dl>
        }
      }
      @if (data.mode === 'approve') {
        <p class="cn-error" role="note" data-testid="closure-approve-warning">
          {{ 'closure.approveWarning' | t }}
        </p>
      }
      @if (data.mode === 'request') {
        <p class="cn-hint">{{ 'closure.requestHint' | t }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.reason' | t }}</mat-label>
          <mat-select formControlName="reason" data-testid="closure-reason">
            @for (reason of reasons; track reason) {
              <mat-option [value]="reason" [attr.data-testid]="'closure-reason-' + reason">{{
                'closureReason.' + reason | t
              }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.reason.errors | fieldError: 'reason' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.goalStatus' | t }}</mat-label>
          <mat-select formControlName="goalStatus" data-testid="closure-goal-status">
            @for (status of goalStatuses; track status) {
              <mat-option [value]="status" [attr.data-testid]="'closure-goal-' + status">{{
                'goalStatus.' + status | t
              }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.goalStatus.errors | fieldError: 'goalStatus' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.summary' | t }}</mat-label>
          <textarea
            matInput
            rows="5"
            formControlName="summary"
            data-testid="closure-summary-input"
          ></textarea>
          <mat-hint>{{ 'closure.summaryHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.summary.errors | fieldError: 'summary' }}</mat-error>
        </mat-form-field>
      }
      @if (data.mode === 'return' || data.mode === 'reopen') {
        <mat-form-field appearance="outline">
          <mat-label>{{
            (data.mode === 'return' ? 'field.comment' : 'field.reason') | t
          }}</mat-label>
          <textarea matInput rows="4" formControlName="text" data-testid="closure-text"></textarea>
          <mat-error>{{ form.controls.text.errors | fieldError: 'comment' }}</mat-error>
        </mat-form-field>
      }
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .summary {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 0 0 16px;
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
      }
    }
    .text {
      white-space: pre-wrap;
    }
  `,
})
export class ClosureDialogComponent {
  private readonly api = inject(CaseClosureApiService);
  private readonly dialogRef =
    inject<MatDialogRef<ClosureDialogComponent, ClosureRequestView[]>>(MatDialogRef);
  protected readonly data = inject<ClosureDialogData>(MAT_DIALOG_DATA);

  protected readonly reasons = CLOSURE_REASONS;
  protected readonly goalStatuses = CLOSURE_GOAL_STATUSES;
  protected readonly form = new FormGroup({
    reason: new FormControl<ClosureReason | null>(null, [Validators.required]),
    goalStatus: new FormControl<ClosureGoalStatus | null>(null, [Validators.required]),
    summary: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(CLOSURE_SUMMARY_MAX)],
    }),
    /** The supervisor's comment (return) or the reopening reason. */
    text: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(CLOSURE_COMMENT_MAX)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  constructor() {
    const { mode, request } = this.data;
    if (mode === 'request') {
      this.form.controls.text.disable();
      // Fixing a returned request starts from what was sent.
      if (request) {
        this.form.patchValue({
          reason: request.reason,
          goalStatus: request.goalStatus,
          summary: request.summary,
        });
      }
    } else {
      this.form.controls.reason.disable();
      this.form.controls.goalStatus.disable();
      this.form.controls.summary.disable();
      if (mode === 'approve') this.form.controls.text.disable();
    }
  }

  protected async submit(): Promise<void> {
    const result = await this.submission.run(() => firstValueFrom(this.send()));
    if (result.ok) this.dialogRef.close(result.value);
  }

  private send(): Observable<ClosureRequestView[]> {
    const { caseId, mode } = this.data;
    const { reason, goalStatus, summary, text } = this.form.getRawValue();
    switch (mode) {
      case 'request':
        return this.api.request(caseId, {
          reason: reason ?? 'other',
          goalStatus: goalStatus ?? 'not_achieved',
          summary: summary.trim(),
        });
      case 'approve':
        return this.api.approve(caseId);
      case 'return':
        return this.api.return(caseId, { comment: text.trim() });
      case 'reopen':
        return this.api.reopen(caseId, { reason: text.trim() });
    }
  }
}
