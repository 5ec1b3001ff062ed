import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { MaskedIdentity, RevealedIdentity } from '@caunoi/shared/contracts';
import { CaseIdentityComponent, MASK } from './case-identity.component';

describe('CaseIdentityComponent', () => {
  let fixture: ComponentFixture<CaseIdentityComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const masked: MaskedIdentity = {
    anonymous: false,
    sex: 'female',
    ageGroup: '25_59',
    present: { fullName: true, phone: true, dateOfBirth: true, address: false },
  };
  const revealed: RevealedIdentity = {
    fullName: 'Nguyễn Thị Thử Nghiệm',
    dateOfBirth: '1990-04-05',
    age: null,
    sex: 'female',
    phone: '0900000001',
    address: null,
    idNumber: null,
    ethnicity: null,
    disability: null,
    safeContactMethod: null,
    safeContactDetails: null,
  };
  const text = (field: string): string =>
    element.querySelector(`[data-testid="identity-${field}"]`)?.textContent?.trim() ?? '';
  const click = async (id: string): Promise<void> => {
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseIdentityComponent);
    fixture.componentRef.setInput('caseId', 'c1');
    fixture.componentRef.setInput('identity', masked);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('masks every present field and says "không có" for absent ones, without asking the API', () => {
    expect(text('fullName')).toBe(MASK);
    expect(text('phone')).toBe(MASK);
    expect(text('address')).toBe('không có');
    expect(element.textContent).not.toContain('Nguyễn');
    expect(element.textContent).toContain('Việc xem được ghi vào nhật ký truy cập');
    backend.expectNone('/api/cases/c1/reveal-identity');
  });

  it('shows the identity only after "Hiện thông tin định danh" is clicked (an audited POST)', async () => {
    await click('identity-reveal');
    const request = backend.expectOne('/api/cases/c1/reveal-identity');
    expect(request.request.method).toBe('POST');
    expect(element.textContent).not.toContain('Nguyễn');

    request.flush(revealed);
    await fixture.whenStable();
    expect(text('fullName')).toBe('Nguyễn Thị Thử Nghiệm');
    expect(text('phone')).toBe('0900000001');
    expect(text('dateOfBirth')).toBe('05/04/1990');
    expect(text('address')).toBe('không có');

    await click('identity-hide');
    expect(text('fullName')).toBe(MASK);
  });

  it('hides the identity again when another case is shown', async () => {
    await click('identity-reveal');
    backend.expectOne('/api/cases/c1/reveal-identity').flush(revealed);
    await fixture.whenStable();

    fixture.componentRef.setInput('caseId', 'c2');
    await fixture.whenStable();
    expect(text('fullName')).toBe(MASK);
    expect(element.textContent).not.toContain('Nguyễn');
  });
});
