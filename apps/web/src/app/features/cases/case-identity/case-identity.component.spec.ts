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
    survivorId: 's1',
    version: 1,
    anonymous: false,
    sex: 'female',
    ageGroup: '25_59',
    disabilityStatus: 'unknown',
    ethnicMinority: 'unknown',
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
    disabilityStatus: 'unknown',
    ethnicMinority: 'unknown',
    version: 1,
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
    fixture.componentRef.setInput('canCorrect', true);
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

  /** Lets the promise chain after an answer (the submission, then the panel) run to its end. */
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
  };
  const type = async (id: string, value: string): Promise<void> => {
    const input = element.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
    if (!input) throw new Error(`no ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };

  it('corrects the identity with a reason from the version revealed; the new values show', async () => {
    await click('identity-reveal');
    backend.expectOne('/api/cases/c1/reveal-identity').flush(revealed);
    await fixture.whenStable();
    const emitted: unknown[] = [];
    fixture.componentInstance.corrected.subscribe((d) => emitted.push(d));

    await click('identity-correct');
    await type('identity-correct-phone', '0911222333');
    await click('identity-correct-save');
    // No reason: nothing is sent.
    backend.expectNone('/api/cases/c1/identity');
    expect(element.textContent).toContain('Lý do sửa');

    await type('identity-correct-reason', 'Chị đổi số điện thoại');
    await click('identity-correct-save');
    const put = backend.expectOne('/api/cases/c1/identity');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      identity: expect.objectContaining({
        fullName: 'Nguyễn Thị Thử Nghiệm',
        dateOfBirth: '1990-04-05',
        age: null,
        phone: '0911222333',
        // The coded facts go back as they were on file.
        sex: 'female',
        disabilityStatus: 'unknown',
        ethnicMinority: 'unknown',
      }),
      reason: 'Chị đổi số điện thoại',
      version: 1,
    });
    put.flush({ id: 'c1', identity: { ...masked, version: 2 } });
    await settle();
    expect(text('phone')).toBe('0911222333');
    expect(emitted).toHaveLength(1);
    expect(element.querySelector('[data-testid="identity-correct-form"]')).toBeNull();
  });

  it('a stale correction says someone else changed it; reload starts again from theirs', async () => {
    await click('identity-reveal');
    backend.expectOne('/api/cases/c1/reveal-identity').flush(revealed);
    await fixture.whenStable();
    await click('identity-correct');
    await type('identity-correct-reason', 'Ghi nhầm tên');
    await type('identity-correct-full-name', 'Tên của tôi');
    await click('identity-correct-save');
    backend.expectOne('/api/cases/c1/identity').flush(
      {
        statusCode: 409,
        message: 'stale',
        errors: [{ field: 'version', code: 'stale_version', message: 'stale' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(element.querySelector('[data-testid="stale-notice"]')?.textContent).toContain(
      'Người khác đã sửa bản ghi này',
    );

    await click('stale-reload');
    backend
      .expectOne('/api/cases/c1/reveal-identity')
      .flush({ ...revealed, fullName: 'Tên người khác sửa', version: 2 });
    await settle();
    expect(text('fullName')).toBe('Tên người khác sửa');
    const name = element.querySelector<HTMLInputElement>(
      '[data-testid="identity-correct-full-name"]',
    );
    expect(name?.value).toBe('Tên người khác sửa');
    expect(element.querySelector('[data-testid="stale-notice"]')).toBeNull();

    await click('identity-correct-save');
    expect(backend.expectOne('/api/cases/c1/identity').request.body.version).toBe(2);
  });
});
