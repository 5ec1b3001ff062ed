import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
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
import type {
  CommunityReferralStatusView,
  CreateCommunityReferralRequest,
} from '@caunoi/shared/contracts';
import type { SafeContactMethod } from '@caunoi/shared/domain';
import { SAFE_CONTACT_METHODS } from '@caunoi/shared/domain';
import { debounceTime, firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { DeviceVault } from '../../../core/offline/device-vault';
import { NetworkStatus, isNoNetwork } from '../../../core/offline/network-status';
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
import { QuickExitComponent } from '../../../shared/quick-exit/quick-exit.component';
import { QuickExit } from '../../../shared/quick-exit/quick-exit.service';
import type { Workspace } from '../../workspaces/workspaces';
import { BreachReportComponent } from '../breach-report/breach-report.component';
import { CommunityReferralsApiService } from '../data/community-referrals-api.service';
import { ReferralOutbox } from '../data/referral-outbox.service';
import { ReferralStatuses } from '../data/referral-statuses.service';

export const WHAT_HAPPENED_MAX = 500;

/** The form as typed, kept encrypted on the phone while it is being filled in. */
const DRAFT = 'draft:community-referral';
const DRAFT_SAVE_DELAY_MS = 400;

/**
 * A volunteer's referral, made for a 360 px phone. After sending, the volunteer sees only the
 * reference, the status and the dates: never the content again. Without a network the referral waits
 * on the phone, encrypted, and goes by itself when the network is back (`ReferralOutbox`); the draft
 * being typed is kept encrypted too, so a closed app or a quick exit loses nothing.
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
    QuickExitComponent,
    BreachReportComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './community-referral.component.html',
  styleUrl: './community-referral.component.scss',
})
export class CommunityReferralComponent implements HasUnsavedChanges {
  private readonly api = inject(CommunityReferralsApiService);
  private readonly vault = inject(DeviceVault);
  private readonly auth = inject(AuthService);
  protected readonly outbox = inject(ReferralOutbox);
  protected readonly statuses = inject(ReferralStatuses);
  private readonly network = inject(NetworkStatus);
  private readonly quickExit = inject(QuickExit);

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
  /** The referral just made was kept on the phone to send later. */
  protected readonly queued = signal(false);
  protected readonly draftRestored = signal(false);
  private draftSaving: Promise<void> = Promise.resolve();
  /** Typed since the draft was last saved. */
  private draftPending = false;
  protected readonly offline = computed(() => this.auth.offline() || !this.network.online());

  protected readonly referrals = keysetPager<CommunityReferralStatusView>((after) =>
    this.statuses.page(after),
  );

  constructor() {
    guardUnload(() => this.hasUnsavedChanges());
    void this.restoreDraft();
    void this.outbox.load().then(() => this.outbox.flush());
    const destroyRef = inject(DestroyRef);
    this.form.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => {
      this.draftPending = true;
    });
    this.form.valueChanges
      .pipe(debounceTime(DRAFT_SAVE_DELAY_MS), takeUntilDestroyed(destroyRef))
      .subscribe(() => this.saveDraft());
    // A quick exit right after a keystroke comes before the pause that saves the draft: it is
    // saved on the way out. (Signing out wipes the vault instead: nothing is written then.)
    destroyRef.onDestroy(() => {
      if (this.quickExit.exited) this.saveDraft();
    });
    // What the queue sent shows in the list with its status; back online, the list is fetched again.
    effect(() => {
      const sentCount = this.outbox.sent().length;
      const online = !this.offline();
      untracked(() => {
        if (online && (sentCount > 0 || this.statuses.lastKnownAt())) this.referrals.reload();
      });
    });
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  /**
   * Sends now when there is a network; without one (or when the request gets no answer) the referral
   * is kept on the phone with the same key and sent later. Field errors come back onto the form.
   */
  protected async submit(): Promise<void> {
    this.sent.set(null);
    this.queued.set(false);
    const request = { ...this.request(), idempotencyKey: crypto.randomUUID() };
    const keep = async (): Promise<null> => {
      await this.outbox.enqueue(request);
      return null;
    };
    const result = await this.submission.run(
      () => (this.offline() ? keep() : firstValueFrom(this.api.create(request))),
      { onError: isNoNetwork },
    );
    let sent: CommunityReferralStatusView | null = null;
    if (result.ok) sent = result.value;
    else if (isNoNetwork(result.error)) await keep();
    else return;
    // Nothing of what was typed stays on the screen, in memory or in the draft.
    this.submission.succeeded(this.formDirective());
    this.draftRestored.set(false);
    if (sent) {
      this.sent.set(sent);
      this.referrals.prepend(sent);
    } else {
      this.queued.set(true);
    }
    // A save still encrypting must not write the draft back after it was deleted.
    await this.draftSaving;
    await this.vault.delete(DRAFT).catch(() => undefined);
  }

  /** A refused queued referral back into the form, to correct and send again. */
  protected async fix(key: string): Promise<void> {
    const request = await this.outbox.takeBack(key);
    if (!request) return;
    this.form.setValue({
      survivorName: request.survivorName,
      safeContactMethod: request.safeContactMethod,
      safeContactDetails: request.safeContactDetails,
      communeCode: request.communeCode,
      whatHappened: request.whatHappened,
      dangerNow: request.dangerNow,
      childInvolved: request.childInvolved,
      consentToContact: request.consentToContact,
    });
    this.form.markAsDirty();
    this.form.markAllAsTouched();
  }

  private request(): CreateCommunityReferralRequest {
    const value = this.form.getRawValue();
    return {
      survivorName: value.survivorName.trim(),
      safeContactMethod: value.safeContactMethod as SafeContactMethod,
      safeContactDetails: value.safeContactDetails.trim(),
      communeCode: value.communeCode as string,
      whatHappened: value.whatHappened.trim(),
      dangerNow: value.dangerNow,
      childInvolved: value.childInvolved,
      consentToContact: value.consentToContact,
    };
  }

  private saveDraft(): void {
    if (!this.draftPending || !this.form.dirty) return;
    this.draftPending = false;
    this.draftSaving = this.vault.put(DRAFT, this.form.getRawValue()).catch(() => undefined);
  }

  private async restoreDraft(): Promise<void> {
    const draft = await this.vault
      .get<ReturnType<typeof this.form.getRawValue>>(DRAFT)
      .catch(() => undefined);
    if (!draft || this.form.dirty) return;
    this.form.setValue(draft);
    this.form.markAsDirty();
    this.draftRestored.set(true);
  }
}
