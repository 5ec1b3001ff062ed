import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { CONFERENCE_LIMITS, isConferenceInvitableType, vietnamDateOf } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';
import { ConferencesApiService } from '../../../shared/data/conferences-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { fromVietnamLocal } from '../../../shared/forms/vietnam-time';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';
import { DateTimeFieldComponent } from '../../../shared/forms/date-time-field/date-time-field.component';

/**
 * The supervisor convenes a case conference from the case file: when (Vietnam time), the agenda,
 * the agencies to invite (from the service directory: police, health, legal aid, courts, commune
 * committees, other centres) and a review date. Then the conference page opens.
 */
@Component({
  selector: 'cn-convene-form',
  imports: [
    DateTimeFieldComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatDatepickerModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  providers: [provideCalendarDays()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <header class="cn-page-header">
        <h1>{{ 'conference.conveneTitle' | t }}</h1>
      </header>
      <p class="cn-hint">{{ 'conference.conveneIntro' | t }}</p>
      <form
        class="cn-form"
        [formGroup]="form"
        (ngSubmit)="convene()"
        #formDirective="ngForm"
        novalidate
        data-testid="convene-form"
      >
        <cn-date-time-field
          formControlName="scheduledAt"
          field="scheduledAt"
          [label]="'field.scheduledAt' | t"
          testId="convene-scheduled-at"
        />
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.agenda' | t }}</mat-label>
          <textarea
            matInput
            rows="4"
            formControlName="agenda"
            [maxlength]="limits.agenda"
            data-testid="convene-agenda"
          ></textarea>
          <mat-error>{{ form.controls.agenda.errors | fieldError: 'agenda' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'conference.inviteAgencies' | t }}</mat-label>
          <mat-select formControlName="invitedAgencyIds" multiple data-testid="convene-invited">
            @for (a of invitable(); track a.id) {
              <mat-option [value]="a.id" [attr.data-testid]="'convene-invite-' + a.id"
                >{{ a.name }} · {{ 'agencyType.' + a.type | t }}</mat-option
              >
            }
          </mat-select>
          <mat-error>{{
            form.controls.invitedAgencyIds.errors | fieldError: 'invitedAgencyIds'
          }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.reviewOn' | t }}</mat-label>
          <input
            matInput
            [matDatepicker]="reviewOnPicker"
            placeholder="dd/mm/yyyy"
            formControlName="reviewOn"
            [min]="today"
          />
          <mat-datepicker-toggle matIconSuffix [for]="reviewOnPicker" />
          <mat-datepicker #reviewOnPicker />
          <mat-error>{{ form.controls.reviewOn.errors | fieldError: 'reviewOn' }}</mat-error>
        </mat-form-field>
        @for (message of submission.otherMessages(); track $index) {
          <p class="cn-error" role="alert">{{ message }}</p>
        }
        <div class="cn-actions">
          <button
            mat-flat-button
            type="submit"
            [disabled]="submission.submitting()"
            data-testid="convene-submit"
          >
            {{ 'conference.conveneSubmit' | t }}
          </button>
        </div>
      </form>
    </section>
  `,
})
export class ConveneFormComponent {
  private readonly agencies = inject(AgenciesApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly conferences = inject(ConferencesApiService);

  /** Route parameter. */
  readonly caseId = input.required<string>();

  protected readonly limits = CONFERENCE_LIMITS;
  protected readonly today = vietnamDateOf(new Date());
  private readonly directory = toSignal(this.agencies.listAll(), { initialValue: [] });
  /** The directory's agencies a conference may invite, the user's own centre left out. */
  protected readonly invitable = computed(() => {
    const own = this.auth.me()?.agency.id;
    return this.directory().filter((a) => a.id !== own && isConferenceInvitableType(a.type));
  });

  protected readonly form = new FormGroup({
    scheduledAt: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    agenda: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(CONFERENCE_LIMITS.agenda)],
    }),
    invitedAgencyIds: new FormControl<string[]>([], {
      nonNullable: true,
      validators: [Validators.required],
    }),
    reviewOn: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form);
  private readonly formDirective = viewChild(FormGroupDirective);

  constructor() {
    guardUnload(() => this.form.dirty);
  }

  protected async convene(): Promise<void> {
    const { scheduledAt, agenda, invitedAgencyIds, reviewOn } = this.form.getRawValue();
    const result = await this.submission.run(() =>
      firstValueFrom(
        this.conferences.convene(this.caseId(), {
          scheduledAt: scheduledAt ? fromVietnamLocal(scheduledAt) : '',
          agenda,
          invitedAgencyIds,
          reviewOn: reviewOn || null,
        }),
      ),
    );
    if (!result.ok) return;
    this.submission.succeeded(this.formDirective());
    this.form.markAsPristine();
    await this.router.navigate(['/conferences', result.value.id]);
  }
}
