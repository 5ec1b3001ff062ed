import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { NotificationView } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { NotificationCenterService } from '../../../core/notifications/notification-center.service';
import { NotificationsApiService } from '../../../shared/data/notifications-api.service';
import { notificationMessage, notificationTarget } from '../notification-bell/notification-target';

/**
 * Where an email's link lands (`/notifications/:id`, after sign-in): the notification is marked read
 * and the page it is about opens, as a click in the bell would. Another account's notification, or
 * one without a page, is said so here.
 */
@Component({
  selector: 'cn-notification-open',
  imports: [TranslatePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <h1>{{ 'notificationOpen.title' | t }}</h1>
      @switch (state()) {
        @case ('loading') {
          <p role="status">{{ 'notificationOpen.opening' | t }}</p>
        }
        @case ('notFound') {
          <p class="cn-error" role="alert" data-testid="notification-open-not-found">
            {{ 'notificationOpen.notFound' | t }}
          </p>
        }
        @case ('shown') {
          @if (item(); as n) {
            <p data-testid="notification-open-text">{{ message(n) }}</p>
            <p class="cn-hint">{{ n.createdAt | vnDate }}</p>
            <p class="cn-notice">{{ 'notificationOpen.noLink' | t }}</p>
          }
        }
      }
    </section>
  `,
})
export class NotificationOpenComponent {
  private readonly api = inject(NotificationsApiService);
  private readonly center = inject(NotificationCenterService);
  private readonly translation = inject(TranslationService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly state = signal<'loading' | 'notFound' | 'shown'>('loading');
  protected readonly item = signal<NotificationView | null>(null);

  constructor() {
    effect(() => void this.open(this.id()));
  }

  protected message(item: NotificationView): string {
    return notificationMessage(this.translation, item);
  }

  private async open(id: string): Promise<void> {
    this.state.set('loading');
    let item: NotificationView;
    try {
      item = await firstValueFrom(this.api.get(id));
    } catch {
      this.state.set('notFound');
      return;
    }
    if (!item.readAt) {
      try {
        await firstValueFrom(this.api.markRead(item.id));
      } finally {
        this.center.refresh();
      }
    }
    const route = notificationTarget(item.link, this.auth.me()?.user.role);
    if (route) {
      await this.router.navigateByUrl(route, { replaceUrl: true });
      return;
    }
    this.item.set(item);
    this.state.set('shown');
  }
}
