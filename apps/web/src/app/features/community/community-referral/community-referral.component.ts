import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
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
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CommunityReferralStatusView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { SafeContactMethod } from '@caunoi/shared/domain';
import { SAFE_CONTACT_METHODS } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { CommunePickerComponent } from '../../../shared/ui/commune-picker/commune-picker.component';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { formSubmission } from '../../../shared/forms/form-submission';
import type { HasUnsavedChanges } from '../../../shared/forms/unsaved-changes';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { SavedNoticeComponent } from '../../../shared/ui/saved-notice/saved-notice.component';
import type { Workspace } from '../../workspaces/workspaces';
import { CommunityReferralsApiService } from '../data/community-referrals-api.service';

export const WHAT_HAPPENED_MAX = 500;

/**
 * A volunteer's referral, made for a 360 px phone. After sending, the volunteer sees only the
 * reference, the status and the dates: never the content again.
 */
@Component({
  selector: 'cn-community-referral',
  imports: [
    CommunePickerComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    ListFooterComponent,
    SavedNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './community-referral.component.html',
  styleUrl: './community-referral.component.scss',
})
export class CommunityReferralComponent implements HasUnsavedChanges {
  private readonly api = inject(CommunityReferralsApiService);

  /** From the route's data. */
  readonly workspace = input.required<Workspace>();

  protected readonly methods = SAFE_CONTACT_METHODS;
  protected readonly maxLength = WHAT_HAPPENED_MAX;

  protected readonly form = new FormGroup({
    survivorName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    safeContactMethod: new FormControl<SafeContactMethod | null>(null, {
      validators: [Validators.required],
    }),
    safeContactDetails: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500)],
    }),
    communeCode: new FormControl<string | null>(null, { validators: [Validators.required] }),
    whatHappened: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(WHAT_HAPPENED_MAX)],
    }),
    dangerNow: new FormControl(false, { nonNullable: true }),
    childInvolved: new FormControl(false, { nonNullable: true }),
    consentToContact: new FormControl(false, { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.value });
  protected readonly dangerNow = computed(() => !!this.value().dangerNow);
  protected readonly length = computed(() => this.value().whatHappened?.length ?? 0);
  /** The reference of the referral just sent. */
  protected readonly sent = signal<CommunityReferralStatusView | null>(null);

  protected readonly referrals = keysetPager<CommunityReferralStatusView>((after) =>
    this.api.mine({ after, limit: PAGE_SIZE_DEFAULT }),
  );

  constructor() {
    guardUnload(() => this.hasUnsavedChanges());
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected async submit(): Promise<void> {
    this.sent.set(null);
    const value = this.form.getRawValue();
    const result = await this.submission.run(() =>
      firstValueFrom(
        this.api.create({
          survivorName: value.survivorName.trim(),
          safeContactMethod: value.safeContactMethod as SafeContactMethod,
          safeContactDetails: value.safeContactDetails.trim(),
          communeCode: value.communeCode as string,
          whatHappened: value.whatHappened.trim(),
          dangerNow: value.dangerNow,
          childInvolved: value.childInvolved,
          consentToContact: value.consentToContact,
        }),
      ),
    );
    if (!result.ok) return;
    // Nothing of what was typed stays on the screen or in memory.
    this.submission.succeeded(this.formDirective());
    this.sent.set(result.value);
    this.referrals.prepend(result.value);
  }
}
