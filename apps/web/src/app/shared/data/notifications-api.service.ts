import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationView, Page, UnreadCountView } from '@caunoi/shared/contracts';
import { BACKGROUND_REQUEST_HEADER } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';

const notifications = (...segments: string[]): string => apiUrl('notifications', ...segments);

/** The signed-in person's own notifications. */
@Injectable({ providedIn: 'root' })
export class NotificationsApiService {
  private readonly http = inject(HttpClient);

  list(after?: string): Observable<Page<NotificationView>> {
    return this.http.get<Page<NotificationView>>(notifications(), {
      params: toParams({ after }),
    });
  }

  get(id: string): Observable<NotificationView> {
    return this.http.get<NotificationView>(notifications(id));
  }

  unreadCount(): Observable<UnreadCountView> {
    // Polling is not activity: the server does not extend an idle session for it.
    return this.http.get<UnreadCountView>(notifications('unread-count'), {
      headers: { [BACKGROUND_REQUEST_HEADER]: '1' },
    });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(notifications(id, 'read'), null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(notifications('read-all'), null);
  }
}
