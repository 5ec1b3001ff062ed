import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import type { NotificationView } from '@caunoi/shared/contracts';
import { URGENT_EMAIL_TOPICS, emailTopicOf } from '@caunoi/shared/domain';
import { AuthService } from '../../../core/auth/auth.service';
import { NotificationCenterService } from '../../../core/notifications/notification-center.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { NotificationsApiService } from '../../../shared/data/notifications-api.service';
import { notificationMessage, notificationTarget } from './notification-target';

/**
 * The header's bell: the unread count, and a panel of the latest notifications (loaded when
 * opened; older ones are not paged in here).
 */
@Component({
  selector: 'cn-notification-bell',
  imports: [MatBadgeModule, MatButtonModule, MatMenuModule, TranslatePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="panel"
      (menuOpened)="pager.reload()"
      [attr.aria-label]="unreadLabel()"
      [attr.data-unread]="unread()"
      data-testid="notifications-bell"
    >
      <span
        class="bell"
        aria-hidden="true"
        [matBadge]="unread()"
        [matBadgeHidden]="unread() === 0"
        matBadgeColor="warn"
        matBadgeSize="small"
        data-testid="notifications-badge"
      >
        <svg viewBox="0 0 24 24" width="24" height="24" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6V11c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2Z"
          />
        </svg>
      </span>
    </button>
    <mat-menu #panel="matMenu" xPosition="before" class="cn-notifications-panel">
      <div class="head">
        <strong>{{ 'notifications.open' | t }}</strong>
      </div>
      @if (unread() > 0) {
        <button
          mat-menu-item
          type="button"
          (click)="markAllRead()"
          data-testid="notifications-read-all"
        >
          {{ 'notifications.markAllRead' | t }}
        </button>
      }
      @for (item of pager.items(); track item.id) {
        <button
          mat-menu-item
          type="button"
          class="item"
          [class.unread]="!item.readAt"
          (click)="open(item)"
          data-testid="notification-item"
        >
          @if (urgent(item)) {
            <span class="cn-badge danger" data-testid="notification-urgent">{{
              'notificationSettings.urgent' | t
            }}</span>
          }
          <span class="text">{{ text(item) }}</span>
          <span class="when">{{ item.createdAt | vnDate }}</span>
        </button>
      }
      @if (pager.empty()) {
        <p class="empty" data-testid="notifications-empty">{{ 'notifications.empty' | t }}</p>
      }
    </mat-menu>
  `,
  styles: `
    .bell {
      display: inline-flex;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 4px 12px;
    }
    .item {
      height: auto;
      min-height: 56px;
      white-space: normal;
      line-height: 1.3;
      padding-top: 8px;
      padding-bottom: 8px;
    }
    .item .cn-badge {
      margin-bottom: 2px;
    }
    .item.unread .text {
      font-weight: 600;
    }
    .empty {
      padding: 0 16px;
    }
    .text,
    .when {
      display: block;
    }
    .when {
      font-size: 0.75rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotificationBellComponent {
  private readonly api = inject(NotificationsApiService);
  private readonly center = inject(NotificationCenterService);
  private readonly translation = inject(TranslationService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly unread = this.center.unread;
  protected readonly unreadLabel = computed(() =>
    this.unread() > 0
      ? this.translation.t('notifications.unread', { count: this.unread() })
      : this.translation.t('notifications.open'),
  );
  protected readonly pager = keysetPager<NotificationView>((after) => this.api.list(after), {
    immediate: false,
  });

  /** The kinds that also go by email by default: an emergency referral, an escalation, a 12-hour clock. */
  protected urgent(item: NotificationView): boolean {
    return URGENT_EMAIL_TOPICS.includes(emailTopicOf(item.kind, item.params));
  }

  protected text(item: NotificationView): string {
    return notificationMessage(this.translation, item);
  }

  protected open(item: NotificationView): void {
    if (!item.readAt) {
      this.pager.replace((n) => n.id === item.id, { ...item, readAt: new Date().toISOString() });
      this.center.set(this.unread() - 1);
      this.api.markRead(item.id).subscribe({
        next: () => this.center.refresh(),
        error: () => this.center.refresh(),
      });
    }
    const role = this.auth.me()?.user.role;
    const route = notificationTarget(item.link, role);
    if (route) void this.router.navigateByUrl(route);
  }

  protected markAllRead(): void {
    const now = new Date().toISOString();
    for (const item of this.pager.items()) {
      if (!item.readAt) this.pager.replace((n) => n.id === item.id, { ...item, readAt: now });
    }
    this.center.set(0);
    this.api.markAllRead().subscribe({
      next: () => this.center.refresh(),
      error: () => this.center.refresh(),
    });
  }
}
