import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CommunityReferralStatusView } from '@caunoi/shared/contracts';
import { MemoryVaultStorage, VAULT_STORAGE } from '../../../core/offline/vault-storage';
import { WORKSPACES } from '../../workspaces/workspaces';
import { CommunityReferralComponent } from './community-referral.component';
import { page, settle, settleUntil } from '../../../../testing';

registerLocaleData(localeVi);

const SENT: CommunityReferralStatusView = {
  id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001',
  reference: 'GT-2026-000042',
  status: 'received',
  submittedAt: '2026-12-05T03:00:00Z',
  updatedAt: '2026-12-05T03:00:00Z',
} as CommunityReferralStatusView;

describe('CommunityReferralComponent: submit and draft', () => {
  let fixture: ComponentFixture<CommunityReferralComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;
  let storage: MemoryVaultStorage;

  /** Answers the lists the page loads by itself (its referrals, the administrative units). */
  const flushLists = (): void => {
    for (const request of backend.match((r) => r.method === 'GET')) {
      request.flush(page([]));
    }
  };

  beforeEach(async () => {
    localStorage.clear();
    storage = new MemoryVaultStorage();
    TestBed.configureTestingModule({
      imports: [CommunityReferralComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: VAULT_STORAGE, useValue: storage },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CommunityReferralComponent);
    fixture.componentRef.setInput(
      'workspace',
      WORKSPACES.find((w) => w.path === 'community'),
    );
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    flushLists();
    await settle(fixture);
  });

  const fill = () => {
    const form = fixture.componentInstance['form'];
    form.setValue({
      survivorName: 'Synthetic name',
      safeContactMethod: 'phone_call',
      safeContactDetails: 'Gọi sau 17 giờ',
      communeCode: '20242',
      whatHappened: 'Synthetic account of what happened',
      dangerNow: false,
      childInvolved: false,
      consentToContact: true,
    });
    form.markAsDirty();
    return form;
  };

  it('empties the form without a single field in error, and says "sent" by the button, focused', async () => {
    const form = fill();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    element.querySelector<HTMLButtonElement>('[data-testid="referral-submit"]')?.click();
    await settle(fixture);
    backend.expectOne((r) => r.method === 'POST').flush(SENT);
    await settle(fixture);
    flushLists();
    await settle(fixture);

    expect(form.getRawValue().survivorName).toBe('');
    expect(element.querySelectorAll('mat-error').length).toBe(0);
    expect(element.querySelectorAll('.mat-form-field-invalid').length).toBe(0);
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
    const confirmation = element.querySelector<HTMLElement>(
      '[data-testid="referral-confirmation"]',
    );
    expect(confirmation?.textContent).toContain('GT-2026-000042');
    // Beside the submit button, inside the form: where the eye is after pressing it.
    expect(confirmation?.closest('form')).not.toBeNull();
    expect(document.activeElement).toBe(confirmation);
  });

  it('with no answer from the server, keeps the referral on the phone (encrypted) and says it waits to send', async () => {
    const form = fill();
    element.querySelector<HTMLButtonElement>('[data-testid="referral-submit"]')?.click();
    await settle(fixture);
    const post = backend.expectOne((r) => r.method === 'POST');
    const key = post.request.body.idempotencyKey as string;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    post.error(new ProgressEvent('error'), { status: 0 });
    // Encrypting the queued referral takes as many turns as the machine needs.
    await settleUntil(
      fixture,
      () => storage.records.has(`outbox:${key}`) && form.getRawValue().survivorName === '',
    );

    expect(form.getRawValue().survivorName).toBe('');
    expect(element.querySelectorAll('mat-error').length).toBe(0);
    expect(element.querySelector('[data-testid="referral-queued"]')?.textContent).toContain(
      'chờ gửi',
    );
    expect(element.querySelector('[data-testid="outbox-state"]')?.textContent).toContain(
      'Đang chờ gửi',
    );
    // The queued referral and the statuses last seen; the draft is gone.
    expect([...storage.records.keys()].sort()).toEqual([`outbox:${key}`, 'statuses:first-page']);
    const queued = storage.records.get(`outbox:${key}`)?.data ?? new ArrayBuffer(0);
    expect(Buffer.from(queued).toString('latin1')).not.toContain('Synthetic name');
  });
  it('keeps what was typed just before a quick exit, encrypted, though the pause that saves came after', async () => {
    fill();
    // The quick exit marks the session and leaves at once, before the draft's 400 ms pause.
    sessionStorage.setItem('caunoi.exited', '1');
    fixture.destroy();
    // Encrypting takes a few turns of the event loop.
    for (let turn = 0; turn < 50 && !storage.records.has('draft:community-referral'); turn++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    sessionStorage.clear();
    const draft = storage.records.get('draft:community-referral')?.data;
    expect(draft).toBeDefined();
    expect(Buffer.from(draft ?? new ArrayBuffer(0)).toString('latin1')).not.toContain('Synthetic');
  });

  it('writes no draft on the way out otherwise (signing out wipes it)', async () => {
    fill();
    fixture.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(storage.records.has('draft:community-referral')).toBe(false);
  });
});
