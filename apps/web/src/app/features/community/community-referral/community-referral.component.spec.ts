import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CommunityReferralStatusView } from '@caunoi/shared/contracts';
import { WORKSPACES } from '../../workspaces/workspaces';
import { CommunityReferralComponent } from './community-referral.component';

registerLocaleData(localeVi);

const SENT: CommunityReferralStatusView = {
  id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001',
  reference: 'GT-2026-000042',
  status: 'received',
  submittedAt: '2026-12-05T03:00:00Z',
  updatedAt: '2026-12-05T03:00:00Z',
} as CommunityReferralStatusView;

describe('CommunityReferralComponent after a successful submit', () => {
  let fixture: ComponentFixture<CommunityReferralComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  /** Answers the lists the page loads by itself (its referrals, the administrative units). */
  const flushLists = (): void => {
    for (const request of backend.match((r) => r.method === 'GET')) {
      request.flush({ items: [], nextCursor: null });
    }
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CommunityReferralComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
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
    await settle();
  });

  it('empties the form without a single field in error, and says "sent" by the button, focused', async () => {
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
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    element.querySelector<HTMLButtonElement>('[data-testid="referral-submit"]')?.click();
    await settle();
    backend.expectOne((r) => r.method === 'POST').flush(SENT);
    await settle();
    flushLists();
    await settle();

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
});
