import { DOCUMENT } from '@angular/common';
import { Injectable, effect, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import { EMPTY, catchError, fromEvent, merge, switchMap, timer } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { NotificationsApiService } from '../../shared/data/notifications-api.service';

/** How often the unread count is asked for while someone is signed in. */
export const UNREAD_POLL_MS = 20_000;

/**
 * The header's unread count, kept fresh without a reload: asked at sign-in, every 20 s and when
 * the window regains focus; polling stops (and the count resets) when the session ends.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenterService {
  private readonly api = inject(NotificationsApiService);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly count = signal(0);
  private polling: Subscription | null = null;

  readonly unread = this.count.asReadonly();

  constructor() {
    const auth = inject(AuthService);
    effect(() => {
      if (auth.isSignedIn()) this.start();
      else this.stop();
    });
  }

  /** Asks again at once (after marking something read). */
  refresh(): void {
    this.api
      .unreadCount()
      .pipe(catchError(() => EMPTY))
      .subscribe((view) => this.count.set(view.unread));
  }

  /** Sets the count locally after an action whose effect is known (mark read, mark all read). */
  set(unread: number): void {
    this.count.set(Math.max(0, unread));
  }

  private start(): void {
    if (this.polling) return;
    const focus = this.window ? fromEvent(this.window, 'focus') : EMPTY;
    this.polling = merge(timer(0, UNREAD_POLL_MS), focus)
      .pipe(
        // A slow answer is dropped when the next tick comes; an error waits for the next tick.
        switchMap(() => this.api.unreadCount().pipe(catchError(() => EMPTY))),
      )
      .subscribe((view) => this.count.set(view.unread));
  }

  private stop(): void {
    this.polling?.unsubscribe();
    this.polling = null;
    this.count.set(0);
  }
}
