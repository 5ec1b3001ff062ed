import { BreakpointObserver } from '@angular/cdk/layout';
import { CdkScrollable } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import type { ElementRef } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { MatDialogRef } from '@angular/material/dialog';
import { MatDialog } from '@angular/material/dialog';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { AbilityService } from '../../../core/ability/ability.service';
import { AuthService } from '../../../core/auth/auth.service';
import { CHANGE_PASSWORD_ROUTE, NOTIFICATION_SETTINGS_ROUTE } from '../../../core/auth/landing';
import { IdleService } from '../../../core/idle/idle.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { LanguageSwitchComponent } from '../../../shared/ui/language-switch/language-switch.component';
import { IdleWarningDialogComponent } from '../idle-warning-dialog/idle-warning-dialog.component';
import { NotificationBellComponent } from '../notification-bell/notification-bell.component';
import type { NavItem } from './shell-nav';
import { navItemsFor } from './shell-nav';

@Component({
  selector: 'cn-shell',
  imports: [
    CdkScrollable,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatMenuModule,
    MatButtonModule,
    TranslatePipe,
    LanguageSwitchComponent,
    NotificationBellComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly ability = inject(AbilityService);
  private readonly idle = inject(IdleService);
  private readonly dialog = inject(MatDialog);
  private readonly main = viewChild<ElementRef<HTMLElement>>('main');
  private warningDialog: MatDialogRef<IdleWarningDialogComponent> | null = null;

  protected readonly me = this.auth.me;
  protected readonly changePasswordRoute = CHANGE_PASSWORD_ROUTE;
  protected readonly notificationSettingsRoute = NOTIFICATION_SETTINGS_ROUTE;
  protected readonly roleKey = computed(() => `role.${this.me()?.user.role ?? ''}`);
  protected readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe('(min-width: 960px)')
      .pipe(map((state) => state.matches)),
    { initialValue: true },
  );

  /** What the side nav offers (see navItemsFor): mostly asked of the CASL rules. */
  protected readonly navItems = computed<NavItem[]>(() => {
    const me = this.me();
    if (!me || this.auth.mustChangePassword()) return [];
    return navItemsFor(me.user.role, (action, subject) => this.ability.can(action, subject));
  });

  constructor() {
    effect(() => {
      const timeout = this.me()?.idleTimeoutSeconds;
      if (timeout) this.idle.start(timeout);
      else this.idle.stop();
    });
    effect(() => this.toggleWarning(this.idle.warning()));
    inject(DestroyRef).onDestroy(() => {
      this.idle.stop();
      this.toggleWarning(false);
    });
  }

  /** The skip link moves focus into the page (a bare `#main-content` would make the router navigate). */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main()?.nativeElement.focus();
  }

  protected signOut(): void {
    void this.auth.logout('signedOut');
  }

  private toggleWarning(show: boolean): void {
    if (show && !this.warningDialog) {
      this.warningDialog = this.dialog.open(IdleWarningDialogComponent, {
        disableClose: true,
        width: '420px',
      });
    } else if (!show && this.warningDialog) {
      this.warningDialog.close();
      this.warningDialog = null;
    }
  }
}
