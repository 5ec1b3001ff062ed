import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  NotificationSettingsView,
  UpdateNotificationSettingsRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';

/** The signed-in person's own language and email choices. */
@Injectable({ providedIn: 'root' })
export class NotificationSettingsApiService {
  private readonly http = inject(HttpClient);

  get(): Observable<NotificationSettingsView> {
    return this.http.get<NotificationSettingsView>(apiUrl(ApiRoutes.notificationSettings));
  }

  update(body: UpdateNotificationSettingsRequest): Observable<NotificationSettingsView> {
    return this.http.patch<NotificationSettingsView>(apiUrl(ApiRoutes.notificationSettings), body);
  }
}
