import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import type { TestRequest } from '@angular/common/http/testing';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeVi from '@angular/common/locales/vi';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InboxReferralView, InboxView, Page } from '@caunoi/shared/contracts';
import { InboxListComponent } from './inbox-list.component';
import { page, settle } from '../../../../testing';

registerLocaleData(localeVi);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function referral(code: string, extra: Partial<InboxReferralView> = {}): InboxReferralView {
  return {
    id: `00000000-0000-4000-8000-0000000000${code.slice(-2)}`,
    code,
    fromAgency: {
      id: 'a1',
      name: 'Trung tâm CTXH Đà Nẵng',
      type: 'social_work_centre',
      phone: '02363000000',
    },
    referredByName: 'Cán bộ Minh',
    services: ['police_protection'],
    urgency: 'routine',
    status: 'sent',
    sentAt: new Date(Date.now() - HOUR).toISOString(),
    respondBy: new Date(Date.now() + 3 * DAY).toISOString(),
    responseOverdue: false,
    packet: ['incident_facts'],
    ...extra,
  };
}

describe('InboxListComponent', () => {
  let fixture: ComponentFixture<InboxListComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  const all = (id: string): HTMLElement[] =>
    Array.from(element.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  const byTestId = (id: string): HTMLElement | null =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const within = (root: HTMLElement | null | undefined, id: string): string =>
    root?.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const listRequest = (view: InboxView): TestRequest =>
    backend.expectOne((r) => r.url === '/api/referrals' && r.params.get('view') === view);

  async function render(): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [InboxListComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InboxListComponent);
    fixture.componentRef.setInput('workspace', {
      path: 'inbox',
      roles: ['police_liaison'],
      title: 'workspace.inbox.title',
      body: 'workspace.inbox.body',
    });
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('lists what needs an answer first, in the order the API gives (overdue, then soonest)', async () => {
    await render();
    const firstPage = listRequest('action_needed');
    expect(firstPage.request.params.get('limit')).toBe('25');
    firstPage.flush({
      items: [
        referral('CG-2026-000101', {
          urgency: 'emergency',
          respondBy: new Date(Date.now() - (DAY + 4 * HOUR + 30_000)).toISOString(),
          responseOverdue: true,
          services: ['police_protection', 'no_contact_order_request'],
          packet: ['incident_facts', 'risk_level'],
        }),
        referral('CG-2026-000102', {
          urgency: 'urgent',
          respondBy: new Date(Date.now() + 2 * HOUR + 30 * MINUTE + 30_000).toISOString(),
          packet: ['identity_contact', 'safe_contact'],
        }),
      ],
      nextCursor: null,
    } satisfies Page<InboxReferralView>);
    listRequest('in_progress').flush({
      items: [referral('CG-2026-000099', { status: 'in_service' })],
      nextCursor: null,
    } satisfies Page<InboxReferralView>);
    await settle(fixture);

    const actionNeeded = byTestId('inbox-action-needed');
    const inProgress = byTestId('inbox-in-progress');
    if (!actionNeeded || !inProgress) throw new Error('both sections are shown');
    const sections = [actionNeeded, inProgress];
    expect(sections.map((s) => s.querySelector('h2')?.textContent?.trim())).toEqual([
      'Cần xử lý',
      'Đang thực hiện',
    ]);
    // "Cần xử lý" comes before "Đang thực hiện" on the page.
    expect(
      actionNeeded.compareDocumentPosition(inProgress) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();

    const waiting = Array.from(
      actionNeeded.querySelectorAll<HTMLElement>('[data-testid="inbox-row"]'),
    );
    expect(waiting.map((row) => row.dataset['code'])).toEqual(['CG-2026-000101', 'CG-2026-000102']);

    const [overdue, soon] = waiting;
    expect(within(overdue, 'inbox-row-left')).toBe('quá hạn 1 ngày 4 giờ');
    expect(overdue?.querySelector('[data-testid="inbox-row-left"]')?.classList).toContain(
      'overdue',
    );
    expect(within(overdue, 'urgency-chip')).toBe('⚠ Khẩn cấp');
    expect(overdue?.querySelector('[data-testid="urgency-chip"]')?.classList).toContain(
      'emergency',
    );
    expect(within(overdue, 'inbox-row-services')).toBe('Bảo vệ của công an, Đề nghị cấm tiếp xúc');
    expect(within(overdue, 'inbox-row-packet')).toBe('Thông tin vụ việc, Mức độ rủi ro');
    expect(within(overdue, 'inbox-row-from')).toBe('Trung tâm CTXH Đà Nẵng');

    expect(within(soon, 'inbox-row-left')).toBe('còn 2 giờ 30 phút');
    expect(soon?.querySelector('[data-testid="inbox-row-left"]')?.classList).not.toContain(
      'overdue',
    );
    expect(within(soon, 'urgency-chip')).toBe('Gấp');
    expect(within(soon, 'inbox-row-packet')).toBe('Danh tính và liên lạc, Cách liên lạc an toàn');
    expect(soon?.querySelector('a[data-testid="inbox-row-code"]')?.getAttribute('href')).toBe(
      '/inbox/referrals/00000000-0000-4000-8000-000000000002',
    );

    // Work in progress has no respond-by countdown: the agency has answered.
    const working = inProgress.querySelectorAll<HTMLElement>('[data-testid="inbox-row"]');
    expect(working).toHaveLength(1);
    expect(within(working?.[0], 'inbox-row-status')).toBe('Đang cung cấp dịch vụ');
    expect(working?.[0]?.querySelector('[data-testid="inbox-row-left"]')).toBeNull();
  });

  it('loads the next page with the cursor and appends it', async () => {
    await render();
    listRequest('action_needed').flush({
      items: [referral('CG-2026-000111')],
      nextCursor: 'cursor-1',
    });
    listRequest('in_progress').flush(page([]));
    await settle(fixture);
    expect(byTestId('inbox-in_progress-empty')?.textContent?.trim()).toBe(
      'Không có chuyển gửi nào đang thực hiện.',
    );

    byTestId('inbox-action_needed-load-more')?.click();
    await fixture.whenStable();
    const next = listRequest('action_needed');
    expect(next.request.params.get('after')).toBe('cursor-1');
    next.flush(page([referral('CG-2026-000112')]));
    await settle(fixture);

    expect(all('inbox-row').map((row) => row.dataset['code'])).toEqual([
      'CG-2026-000111',
      'CG-2026-000112',
    ]);
    expect(byTestId('inbox-action_needed-load-more')).toBeNull();
  });

  it('shows closed referrals only on the closed tab, as history', async () => {
    await render();
    listRequest('action_needed').flush(page([]));
    listRequest('in_progress').flush(page([]));
    await settle(fixture);
    backend.expectNone((r) => r.params.get('view') === 'closed');

    byTestId('inbox-tab-closed')?.click();
    await settle(fixture);
    listRequest('closed').flush({
      items: [referral('CG-2026-000090', { status: 'declined' })],
      nextCursor: null,
    });
    await settle(fixture);

    const rows = all('inbox-row');
    expect(rows.map((row) => row.dataset['code'])).toEqual(['CG-2026-000090']);
    expect(within(rows[0], 'inbox-row-status')).toBe('Từ chối');
    expect(rows[0]?.querySelector('[data-testid="inbox-row-left"]')).toBeNull();
    expect(rows[0]?.querySelector('[data-testid="inbox-row-packet"]')).toBeNull();
  });
});
