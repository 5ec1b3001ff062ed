import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
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
import { debounceTime, filter, switchMap } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import type { ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { ConfirmDialogComponent } from '../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { AgenciesApiService } from '../data/agencies-api.service';
import { UsersApiService } from '../data/users-api.service';
import { userStatusKeys } from '../data/user-status';
import { ResetPasswordDialogComponent } from '../reset-password-dialog/reset-password-dialog.component';

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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-list.component.html',
  styleUrl: './users-list.component.scss',
})
export class UsersListComponent {
  private readonly api = inject(UsersApiService);
  private readonly dialog = inject(MatDialog);
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
  protected readonly agencies = signal<AgencyView[]>([]);
  protected readonly users = signal<UserView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);

  protected readonly filters = new FormGroup({
    role: new FormControl<Role | ''>('', { nonNullable: true }),
    agencyId: new FormControl('', { nonNullable: true }),
    q: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    inject(AgenciesApiService)
      .listAll({ includeInactive: true })
      .pipe(takeUntilDestroyed())
      .subscribe((agencies) => this.agencies.set(agencies));
    this.filters.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed())
      .subscribe(() => this.load(true));
    this.load(true);
  }

  protected loadMore(): void {
    this.load(false);
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
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => (user.disabled ? this.api.enable(user.id) : this.api.disable(user.id))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((updated) => {
        this.replace(updated);
        this.snackBar.open(
          this.translation.t(updated.disabled ? 'users.disabled' : 'users.enabled'),
        );
      });
  }

  protected resetPassword(user: UserView): void {
    this.dialog
      .open<ResetPasswordDialogComponent, UserView, boolean>(ResetPasswordDialogComponent, {
        data: user,
        width: '480px',
      })
      .afterClosed()
      .pipe(
        filter((done) => done === true),
        switchMap(() => this.api.get(user.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((updated) => {
        this.replace(updated);
        this.snackBar.open(this.translation.t('users.resetDone'));
      });
  }

  private load(reset: boolean): void {
    const { role, agencyId, q } = this.filters.getRawValue();
    this.loading.set(true);
    this.api
      .list({
        role: role || undefined,
        agencyId: agencyId || undefined,
        q: q.trim() || undefined,
        after: reset ? undefined : (this.nextCursor() ?? undefined),
        limit: PAGE_SIZE_DEFAULT,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.users.update((users) => (reset ? page.items : [...users, ...page.items]));
          this.nextCursor.set(page.nextCursor);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  private replace(updated: UserView): void {
    this.users.update((users) => users.map((user) => (user.id === updated.id ? updated : user)));
  }
}
