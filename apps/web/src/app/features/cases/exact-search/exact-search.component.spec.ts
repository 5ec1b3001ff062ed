import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ExactSearchComponent } from './exact-search.component';

describe('ExactSearchComponent', () => {
  it('sends the phone number in a POST body, never in the URL', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ExactSearchComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ExactSearchComponent);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();

    const phone = element.querySelector<HTMLInputElement>('[data-testid="search-phone"]');
    if (!phone) throw new Error('no phone field');
    phone.value = '0900 000 001';
    phone.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="search-submit"]')?.click();
    await fixture.whenStable();

    const request = backend.expectOne((r) => r.url === '/api/cases/search');
    expect(request.request.method).toBe('POST');
    expect(request.request.urlWithParams).not.toContain('0900');
    expect(request.request.body).toEqual({ phone: '0900 000 001' });
    request.flush([]);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="search-empty"]')?.textContent).toContain(
      'Không có hồ sơ nào trùng khớp.',
    );
    backend.verify();
  });
});
