import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationView, Page, UnreadCountView } from '@caunoi/shared/contracts';
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

  unreadCount(): Observable<UnreadCountView> {
    return this.http.get<UnreadCountView>(notifications('unread-count'));
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(notifications(id, 'read'), null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(notifications('read-all'), null);
  }
}
