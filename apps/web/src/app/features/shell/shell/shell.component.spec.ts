import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { defineAbilityFor, packRules } from '@caunoi/shared/authz';
import type { Role } from '@caunoi/shared/domain';
import { AuthService } from '../../../core/auth/auth.service';
import { NotificationBellComponent } from '../notification-bell/notification-bell.component';
import { ShellComponent } from './shell.component';

/** The bell polls the API; its own behaviour is not what this spec is about. */
@Component({
  selector: 'cn-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
class BellStubComponent {}

async function renderAs(role: Role): Promise<HTMLElement> {
  localStorage.clear();
  const me = signal({
    user: { id: 'u1', displayName: 'Người dùng', role, mustChangePassword: false },
    agency: { id: 'ag1', name: 'Cơ quan', type: 'social_work_centre', provinceCode: '48' },
    rules: packRules(defineAbilityFor({ id: 'u1', role, agencyId: 'ag1' }).rules),
    idleTimeoutSeconds: 0,
  });
  TestBed.configureTestingModule({
    imports: [ShellComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      {
        provide: AuthService,
        useValue: {
          me,
          mustChangePassword: computed(() => me().user.mustChangePassword),
        },
      },
    ],
  });
  TestBed.overrideComponent(ShellComponent, {
    remove: { imports: [NotificationBellComponent] },
    add: { imports: [BellStubComponent] },
  });
  const fixture = TestBed.createComponent(ShellComponent);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const link = (element: HTMLElement, id: string): { href: string | null; text: string } | null => {
  const anchor = element.querySelector<HTMLAnchorElement>(`[data-testid="nav-${id}"]`);
  return anchor
    ? { href: anchor.getAttribute('href'), text: anchor.textContent?.trim() ?? '' }
    : null;
};

describe('ShellComponent side nav', () => {
  it('links a caseworker to incoming referrals and the service directory', async () => {
    const element = await renderAs('caseworker');
    expect(link(element, 'referrals-inbox')).toEqual({ href: '/inbox', text: 'Chuyển gửi đến' });
    expect(link(element, 'directory')).toEqual({ href: '/directory', text: 'Danh bạ dịch vụ' });
    expect(link(element, 'response-times')).toBeNull();
  });

  it('links the admin to the response times and not to the directory', async () => {
    const element = await renderAs('admin');
    expect(link(element, 'response-times')).toEqual({
      href: '/admin/response-times',
      text: 'Thời hạn phản hồi',
    });
    expect(link(element, 'directory')).toBeNull();
    expect(link(element, 'referrals-inbox')).toBeNull();
  });
});

describe('ShellComponent landmarks', () => {
  it('gives every signed-in page a skip link to its main landmark, a header and a labelled nav', async () => {
    const element = await renderAs('caseworker');
    document.body.appendChild(element);
    const skip = element.querySelector<HTMLAnchorElement>('[data-testid="skip-link"]');
    const main = element.querySelector<HTMLElement>('main#main-content');
    if (!skip || !main) throw new Error('no skip link or no main landmark');
    // The skip link comes first in the keyboard order.
    expect(element.querySelector('a, button')).toBe(skip);
    expect(skip.textContent?.trim()).toBe('Bỏ qua, đến nội dung chính');
    expect(main.querySelector('router-outlet')).not.toBeNull();
    expect(element.querySelectorAll('main')).toHaveLength(1);
    expect(element.querySelector('header mat-toolbar')).not.toBeNull();
    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Điều hướng chính');

    skip.click();
    expect(document.activeElement).toBe(main);
    element.remove();
  });
});
