import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AgencyView, UserView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import { debounceTime, switchMap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import type { ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';
import { refusalMessage } from '../../../shared/forms/form-submission';
import { UsersApiService } from '../../../shared/data/users-api.service';
import { userStatusKeys } from '../data/user-status';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

@Component({
  selector: 'cn-users-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    VnDatePipe,
    ListFooterComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-list.component.html',
  styleUrl: './users-list.component.scss',
})
export class UsersListComponent {
  private readonly api = inject(UsersApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly roles = ROLES;
  protected readonly columns = [
    'username',
    'displayName',
    'role',
    'agency',
    'status',
    'createdAt',
    'actions',
  ];
  protected readonly statusKeys = userStatusKeys;
  /** Nobody disables, enables or resets their own account: those buttons are not offered. */
  private readonly auth = inject(AuthService);
  protected readonly myId = computed(() => this.auth.me()?.user.id ?? null);
  protected readonly agencies = signal<AgencyView[]>([]);

  protected readonly filters = new FormGroup({
    role: new FormControl<Role | ''>('', { nonNullable: true }),
    agencyId: new FormControl('', { nonNullable: true }),
    q: new FormControl('', { nonNullable: true }),
  });

  protected readonly pager = keysetPager<UserView>(
    (after) => {
      const { role, agencyId, q } = this.filters.getRawValue();
      return this.api.list({
        role: role || undefined,
        agencyId: agencyId || undefined,
        q: q.trim() || undefined,
        after,
        limit: PAGE_SIZE_DEFAULT,
      });
    },
    { reloadOn: this.filters.valueChanges.pipe(debounceTime(300)) },
  );

  constructor() {
    inject(AgenciesApiService)
      .listAll({ includeInactive: true })
      .pipe(takeUntilDestroyed())
      .subscribe((agencies) => this.agencies.set(agencies));
  }

  protected toggleDisabled(user: UserView): void {
    const data: ConfirmDialogData = user.disabled
      ? {
          message: 'users.confirmEnable',
          params: { username: user.username },
          confirm: 'users.enable',
        }
      : {
          message: 'users.confirmDisable',
          params: { username: user.username },
          confirm: 'users.disable',
        };
    this.confirm(data)
      .pipe(
        switchMap(() => (user.disabled ? this.api.enable(user.id) : this.api.disable(user.id))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          // Enabling is a request: the account stays disabled until someone else approves.
          this.snackBar.open(
            this.translation.t(updated.disabled ? 'users.enableRequested' : 'users.disabled'),
          );
        },
        error: (error: unknown) => this.refused(error),
      });
  }

  /** A request for a second person; the approver, not this admin, receives a one-time code. */
  protected resetPassword(user: UserView): void {
    this.confirm({
      message: 'users.confirmReset',
      params: { username: user.username },
      confirm: 'users.resetPassword',
    })
      .pipe(
        switchMap(() => this.api.requestPasswordReset(user.id)),
        switchMap(() => this.api.get(user.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.snackBar.open(this.translation.t('users.resetRequested'));
        },
        error: (error: unknown) => this.refused(error),
      });
  }

  /** A lost authenticator app: after approval the holder enrols a new one at the next sign-in. */
  protected resetSecondFactor(user: UserView): void {
    this.confirm({
      message: 'users.confirmSecondFactorReset',
      params: { username: user.username },
      confirm: 'users.resetSecondFactor',
    })
      .pipe(
        switchMap(() => this.api.requestSecondFactorReset(user.id)),
        switchMap(() => this.api.get(user.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.snackBar.open(this.translation.t('users.secondFactorResetRequested'));
        },
        error: (error: unknown) => this.refused(error),
      });
  }

  /** A refusal (a request already waiting, one's own account) in words; 5xx are announced elsewhere. */
  private refused(error: unknown): void {
    const message = refusalMessage(this.translation, error);
    if (message) this.snackBar.open(message);
  }

  private confirm(data: ConfirmDialogData) {
    return this.dialogs.confirm(data);
  }

  private replace(updated: UserView): void {
    this.pager.replace((user) => user.id === updated.id, updated);
  }
}
