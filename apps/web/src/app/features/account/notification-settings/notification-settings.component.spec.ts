import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { provideRouter } from '@angular/router';
import type { NotificationSettingsView } from '@caunoi/shared/contracts';
import { emailTopicSettings } from '@caunoi/shared/domain';
import { NotificationSettingsComponent } from './notification-settings.component';
import { settle } from '../../../../testing';

const SETTINGS: NotificationSettingsView = {
  email: 'lien.police@example.vn',
  language: 'vi',
  emailDelivery: true,
  emailTopics: emailTopicSettings({}),
};

describe('NotificationSettingsComponent', () => {
  let fixture: ComponentFixture<NotificationSettingsComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = (id: string): HTMLElement | null =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const checkbox = (topic: string) =>
    TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatCheckboxHarness.with({ selector: `[data-testid="email-topic-${topic}"]` }),
    );

  async function render(settings: NotificationSettingsView = SETTINGS): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [NotificationSettingsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationSettingsComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/notification-settings').flush(settings);
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  it('shows the address, and the urgent topics on by default', async () => {
    await render();
    expect(byTestId('notification-settings-email')?.textContent).toContain(
      'lien.police@example.vn',
    );
    expect(await (await checkbox('emergency_referral')).isChecked()).toBe(true);
    expect(await (await checkbox('deadline_reminder')).isChecked()).toBe(false);
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('says so when the account has no address', async () => {
    await render({ ...SETTINGS, email: null, emailDelivery: false });
    expect(byTestId('notification-settings-no-email')).not.toBeNull();
    expect(byTestId('notification-settings-delivery-off')).not.toBeNull();
  });

  it('saves every choice, then shows the success beside the button and nothing is left unsaved', async () => {
    await render();
    await (await checkbox('deadline_reminder')).check();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    byTestId('notification-settings-save')?.click();
    await settle(fixture);
    const request = backend.expectOne('/api/notification-settings');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      language: 'vi',
      emailTopics: { ...SETTINGS.emailTopics, deadline_reminder: true },
    });
    request.flush({
      ...SETTINGS,
      emailTopics: { ...SETTINGS.emailTopics, deadline_reminder: true },
    });
    await settle(fixture);
    expect(byTestId('notification-settings-saved')?.textContent).toContain(
      'Đã lưu cài đặt thông báo.',
    );
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
    expect(await (await checkbox('deadline_reminder')).isChecked()).toBe(true);
    // A new change takes the success message away: it would say something no longer true.
    await (await checkbox('other')).check();
    expect(byTestId('notification-settings-saved')).toBeNull();
  });
});
