import { ChangeDetectionStrategy, Component, OnInit, inject, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { IncidentView, UpdateIncidentRequest } from '@caunoi/shared/contracts';
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { CasesApiService } from '../data/cases-api.service';
import {
  createIncidentForm,
  fillIncidentForm,
  incidentRequest,
} from '../incident-form/incident-form';
import { IncidentFormComponent } from '../incident-form/incident-form.component';
import { isStale } from '../stale-notice/stale';
import { StaleNoticeComponent } from '../stale-notice/stale-notice.component';

/**
 * Corrects the facts of a recorded incident: the incident form filled with what is on file, and a
 * required reason; the version it replaces is kept in the correction history. The serious mark is
 * left out (it has its own dialog, reason and clock). An edit made from an older version than the
 * one on file is refused by the API (409 `stale_version`): the user reloads and sees the change.
 */
@Component({
  selector: 'cn-incident-correction',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    FieldErrorPipe,
    IncidentFormComponent,
    StaleNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="cn-form"
      [formGroup]="form"
      (ngSubmit)="save()"
      novalidate
      data-testid="incident-correct-form"
    >
      <h3>{{ 'correction.incidentTitle' | t }}</h3>
      <p class="cn-hint">{{ 'correction.hint' | t }}</p>
      <cn-incident-form [form]="form" [showSerious]="false" />
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.correctionReason' | t }}</mat-label>
        <input matInput [formControl]="reason" data-testid="incident-correct-reason" />
        <mat-error>{{ reason.errors | fieldError: 'correctionReason' }}</mat-error>
      </mat-form-field>
      @if (stale()) {
        <cn-stale-notice (reload)="reload()" />
      } @else {
        @for (message of submission.allMessages(); track $index) {
          <p class="cn-error" role="alert" data-testid="incident-correct-error">{{ message }}</p>
        } @empty {
          @for (message of submission.otherMessages(); track $index) {
            <p class="cn-error" role="alert" data-testid="incident-correct-error">{{ message }}</p>
          }
        }
      }
      <div class="cn-actions">
        <button
          mat-flat-button
          type="submit"
          [disabled]="submission.submitting()"
          data-testid="incident-correct-save"
        >
          {{ 'correction.save' | t }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">
          {{ 'correction.cancel' | t }}
        </button>
      </div>
    </form>
  `,
})
export class IncidentCorrectionComponent implements OnInit {
  private readonly api = inject(CasesApiService);

  readonly caseId = input.required<string>();
  readonly incident = input.required<IncidentView>();
  readonly saved = output<IncidentView>();
  /** The incident on file after a reload (the editor stays open on it). */
  readonly reloaded = output<IncidentView>();
  readonly cancelled = output<void>();

  protected readonly form = createIncidentForm();
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.minLength(CORRECTION_REASON_MIN),
      Validators.maxLength(CORRECTION_REASON_MAX),
    ],
  });
  protected readonly submission = formSubmission(this.form);
  protected readonly stale = isStale(this.submission);
  /** The version the user started from (a reload moves it to the one on file). */
  private version = 0;

  constructor() {
    guardUnload(() => this.form.dirty || this.reason.dirty);
  }

  ngOnInit(): void {
    this.start(this.incident());
  }

  protected async save(): Promise<void> {
    this.reason.markAsTouched();
    if (this.reason.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request: UpdateIncidentRequest = {
      ...incidentRequest(this.form),
      correctionReason: this.reason.value.trim(),
      version: this.version,
    };
    // The serious mark is not corrected here: left out, it stays as it is.
    delete request.serious;
    delete request.seriousReasons;
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.updateIncident(this.caseId(), this.incident().id, request)),
    );
    if (!result.ok) return;
    this.form.markAsPristine();
    this.reason.markAsPristine();
    this.saved.emit(result.value);
  }

  /** Someone changed the incident since it was opened: show theirs, and start again from it. */
  protected async reload(): Promise<void> {
    const detail = await firstValueFrom(this.api.get(this.caseId()));
    const fresh = detail.incidents.find((i) => i.id === this.incident().id);
    if (!fresh) return;
    this.start(fresh);
    this.reloaded.emit(fresh);
  }

  private start(incident: IncidentView): void {
    fillIncidentForm(this.form, incident);
    this.version = incident.version;
    this.submission.clear();
  }
}
