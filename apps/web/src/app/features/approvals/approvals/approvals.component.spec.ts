import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import localeVi from '@angular/common/locales/vi';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { AccountChangeView } from '@caunoi/shared/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { ApprovalsComponent } from './approvals.component';

registerLocaleData(localeVi);

const ME = { id: 'admin-b', role: 'admin', agency: 'province' };

function change(patch: Partial<AccountChangeView> = {}): AccountChangeView {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'create_account',
    status: 'pending',
    target: {
      id: 'new-sup',
      username: 'tran.thi.b',
      displayName: 'Trần Thị B',
      role: 'supervisor',
      agencyId: 'centre',
      agencyName: 'Trung tâm Công tác xã hội',
    },
    grant: { role: 'supervisor', agencyId: 'centre', agencyName: 'Trung tâm Công tác xã hội' },
    requestedBy: { id: 'admin-a', username: 'admin.a', displayName: 'Quản trị A' },
    requestedAt: '2025-11-28T02:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    rejectionReason: null,
    ...patch,
  };
}

describe('ApprovalsComponent', () => {
  let fixture: ComponentFixture<ApprovalsComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  const byTestId = (id: string, root: ParentNode = element): HTMLElement | null =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string, root?: ParentNode): string =>
    byTestId(id, root)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function render(items: AccountChangeView[]): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ApprovalsComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: AuthService,
          useValue: {
            me: signal({ user: { id: ME.id, role: ME.role }, agency: { id: ME.agency } }),
          },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApprovalsComponent);
    element = fixture.nativeElement as HTMLElement;
    backend
      .expectOne((r) => r.url === '/api/account-changes' && r.params.get('status') === 'pending')
      .flush({ items, nextCursor: null });
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('shows a new supervisor waiting for approval, in Vietnamese, with approve and reject', async () => {
    await render([change()]);
    const row = byTestId('approval-tran.thi.b');
    expect(row).not.toBeNull();
    expect(text('approval-kind', row ?? element)).toBe('Tạo tài khoản');
    expect(text('approval-grant', row ?? element)).toBe(
      'Sau khi phê duyệt: Trưởng nhóm, Trung tâm Công tác xã hội',
    );
    expect(byTestId('approval-approve', row ?? element)).not.toBeNull();
    expect(byTestId('approval-reject', row ?? element)).not.toBeNull();
  });

  it('offers the requester only to withdraw their own request', async () => {
    await render([change({ requestedBy: { id: ME.id, username: 'me', displayName: 'Tôi' } })]);
    expect(byTestId('approval-approve')).toBeNull();
    expect(text('approval-own')).toBe('Bạn đã gửi yêu cầu này: cần một người khác phê duyệt.');
    expect(byTestId('approval-withdraw')).not.toBeNull();
  });

  it('offers nothing on a change to one’s own account, and says why', async () => {
    await render([
      change({
        kind: 'reset_password',
        target: { ...change().target, id: ME.id, username: 'admin.b' },
      }),
    ]);
    expect(byTestId('approval-approve')).toBeNull();
    expect(byTestId('approval-withdraw')).toBeNull();
    expect(text('approval-cannot')).toBe(
      'Yêu cầu này về chính tài khoản của bạn: người khác sẽ quyết định.',
    );
  });

  it('shows what a grant change moves from and to, and who rejected it with the reason', async () => {
    await render([
      change({
        kind: 'change_grant',
        status: 'rejected',
        target: { ...change().target, role: 'caseworker' },
        decidedBy: { id: 'sup', username: 'sup', displayName: 'Trưởng nhóm C' },
        decidedAt: '2025-11-28T03:00:00.000Z',
        rejectionReason: 'Chưa đủ kinh nghiệm',
      }),
    ]);
    expect(text('approval-grant')).toBe(
      'Sau khi phê duyệt: Trưởng nhóm, Trung tâm Công tác xã hội',
    );
    expect(text('approval-decided')).toBe('Đã từ chối bởi Trưởng nhóm C, 28/11/2025 10:00');
    expect(text('approval-reason')).toBe('Lý do: Chưa đủ kinh nghiệm');
    expect(byTestId('approval-approve')).toBeNull();
  });
});
