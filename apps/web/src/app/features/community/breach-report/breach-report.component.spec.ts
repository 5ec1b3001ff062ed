import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { BreachTargetView } from '@caunoi/shared/contracts';
import { NetworkStatus } from '../../../core/offline/network-status';
import { BreachReportComponent } from './breach-report.component';

registerLocaleData(localeVi);

const TARGET: BreachTargetView = {
  id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c0000aa',
  code: 'BV-2026-000012',
  referralReference: 'CR-7F3A2C',
};

describe('BreachReportComponent (the referring volunteer’s breach button)', () => {
  let fixture: ComponentFixture<BreachReportComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  const online = signal(true);

  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const byTestId = (id: string) => element.querySelector(`[data-testid="${id}"]`);

  beforeEach(async () => {
    online.set(true);
    TestBed.configureTestingModule({
      imports: [BreachReportComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: NetworkStatus, useValue: { online: online.asReadonly() } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function create(): Promise<void> {
    fixture = TestBed.createComponent(BreachReportComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  it('lists the orders by code and referral, and reports a breach at once', async () => {
    await create();
    backend.expectOne('/api/protective-measures/breach-targets').flush([TARGET]);
    await settle();
    expect(byTestId('breach-target-code')?.textContent?.trim()).toBe('BV-2026-000012');
    expect(byTestId('breach-targets')?.textContent).toContain('CR-7F3A2C');
    (byTestId('breach-report-open') as HTMLButtonElement).click();
    await settle();
    (byTestId('breach-report-submit') as HTMLButtonElement).click();
    await settle();
    const post = backend.expectOne(`/api/protective-measures/${TARGET.id}/breaches`);
    expect(post.request.body).toEqual({ kind: 'within_100m', occurredAt: expect.any(String) });
    post.flush({ code: TARGET.code, status: 'breached', reportedAt: '2026-12-05T03:00:00Z' });
    await settle();
    expect(byTestId('breach-report-sent')?.textContent).toContain('Đã báo vi phạm');
  });

  it('offline: asks nothing of the server, says a breach needs a network, and the button is off', async () => {
    online.set(false);
    await create();
    backend.expectNone('/api/protective-measures/breach-targets');
    expect(byTestId('breach-offline')?.textContent).toContain('không được lưu trên điện thoại');
    // Back online, the list is fetched.
    online.set(true);
    await settle();
    backend.expectOne('/api/protective-measures/breach-targets').flush([TARGET]);
    await settle();
    expect((byTestId('breach-report-open') as HTMLButtonElement).disabled).toBe(false);
    online.set(false);
    await settle();
    expect((byTestId('breach-report-open') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a report that loses the network says it was not sent and is not kept', async () => {
    await create();
    backend.expectOne('/api/protective-measures/breach-targets').flush([TARGET]);
    await settle();
    (byTestId('breach-report-open') as HTMLButtonElement).click();
    await settle();
    (byTestId('breach-report-submit') as HTMLButtonElement).click();
    await settle();
    backend
      .expectOne(`/api/protective-measures/${TARGET.id}/breaches`)
      .error(new ProgressEvent('error'), { status: 0 });
    await settle();
    expect(byTestId('breach-report-no-network')?.textContent).toContain('Chưa gửi được');
    expect(byTestId('breach-report-sent')).toBeNull();
    backend.verify();
  });
});
