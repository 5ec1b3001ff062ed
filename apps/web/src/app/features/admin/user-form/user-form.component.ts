import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { AgencyView, UserView } from '@caunoi/shared/contracts';
import { EMAIL_MAX_LENGTH } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { AGENCY_TYPES_FOR_ROLE, ROLES } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { AuthService } from '../../../core/auth/auth.service';
import type { TranslationKey } from '../../../core/i18n/vi';
import { formSubmission } from '../../../shared/forms/form-submission';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';
import { UsersApiService } from '../../../shared/data/users-api.service';
import type { HasUnsavedChanges } from '../../../shared/forms/unsaved-changes';
import { guardUnload } from '../../../shared/forms/unsaved-changes';

/** Create (`/admin/users/new`) and edit (`/admin/users/:id`) in one form. */
@Component({
  selector: 'cn-user-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form.component.html',
})
export class UserFormComponent implements HasUnsavedChanges {
  private readonly usersApi = inject(UsersApiService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  /** Route parameter; absent when creating. */
  readonly id = input<string>();

  protected readonly roles = ROLES;
  protected readonly editing = computed(() => !!this.id());
  protected readonly user = signal<UserView | null>(null);
  /** The requests on this account still waiting for a second person. */
  protected readonly pendingKeys = computed(() =>
    (this.user()?.pendingChanges ?? []).map(
      (change): TranslationKey => `status.pending.${change.kind}`,
    ),
  );
  private readonly myId = inject(AuthService).me()?.user.id;
  /** Nobody changes their own role or agency (the API refuses it too). */
  protected readonly ownAccount = computed(
    () => this.id() !== undefined && this.id() === this.myId,
  );

  protected readonly form = new FormGroup({
    username: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(64)],
    }),
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    role: new FormControl<Role | null>(null, { validators: [Validators.required] }),
    agencyId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)],
    }),
  });

  protected readonly submission = formSubmission(this.form);

  private readonly agencies = toSignal(inject(AgenciesApiService).listAll(), {
    initialValue: [] as AgencyView[],
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: null });

  /** Only agencies of a type the chosen role may belong to (the API enforces the same rule). */
  protected readonly fittingAgencies = computed(() => {
    const role = this.role();
    if (!role) return [];
    const types = AGENCY_TYPES_FOR_ROLE[role];
    const current = this.user()?.agencyId;
    return this.agencies().filter(
      (agency) => types.includes(agency.type) && (agency.active || agency.id === current),
    );
  });

  constructor() {
    guardUnload(() => this.hasUnsavedChanges());
    effect(() => {
      const id = this.id();
      if (!id) return;
      // The username is not edited; a password is never set here (one-time codes do that).
      this.form.controls.username.disable();
      if (this.ownAccount()) {
        this.form.controls.role.disable();
        this.form.controls.agencyId.disable();
      }
      this.usersApi.get(id).subscribe((user) => {
        this.user.set(user);
        this.form.reset({ ...user, email: user.email ?? '' });
      });
    });
    this.form.controls.role.valueChanges.pipe(takeUntilDestroyed()).subscribe((role) => {
      const agency = this.agencies().find((a) => a.id === this.form.controls.agencyId.value);
      if (role && agency && !AGENCY_TYPES_FOR_ROLE[role].includes(agency.type)) {
        this.form.controls.agencyId.setValue('');
      }
    });
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const role = value.role as Role;
    const id = this.id();
    const result = await this.submission.run(async () => {
      if (id) {
        const updated = await firstValueFrom(
          this.usersApi.update(id, {
            displayName: value.displayName.trim(),
            email: value.email.trim() || null,
            ...(this.ownAccount() ? {} : { role, agencyId: value.agencyId }),
          }),
        );
        const waits = updated.pendingChanges.some((c) => c.kind === 'change_grant');
        return waits ? ('users.grantRequested' as const) : ('common.saved' as const);
      }
      await firstValueFrom(
        this.usersApi.create({
          username: value.username.trim(),
          displayName: value.displayName.trim(),
          role,
          agencyId: value.agencyId,
          email: value.email.trim() || null,
        }),
      );
      return 'users.created' as const;
    });
    if (!result.ok) return;
    // Saved: nothing is left to lose, so leaving asks nothing.
    this.form.markAsPristine();
    this.snackBar.open(this.translation.t(result.value));
    await this.router.navigate(['/admin/users']);
  }
}
