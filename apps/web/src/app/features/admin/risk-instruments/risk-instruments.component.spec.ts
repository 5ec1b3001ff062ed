import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { RiskInstrumentView } from '@caunoi/shared/contracts';
import type { RiskInstrumentContent } from '@caunoi/shared/domain';
import { STARTER_ADULT_INSTRUMENT, maxRiskScore } from '@caunoi/shared/domain';
import { fillInstrumentForm, instrumentContent, instrumentForm } from './risk-instrument-form';
import { RiskInstrumentsComponent } from './risk-instruments.component';

registerLocaleData(localeVi);

const version = (
  v: number,
  status: RiskInstrumentView['status'],
  content: RiskInstrumentContent = STARTER_ADULT_INSTRUMENT,
  assessmentCount = 0,
): RiskInstrumentView => ({
  id: `00000000-0000-4000-8000-00000000000${v}`,
  code: content.code,
  version: v,
  audience: content.audience,
  status,
  content,
  maxScore: maxRiskScore(content.items),
  createdAt: '2026-12-01T03:00:00.000Z',
  publishedAt: status === 'draft' ? null : '2026-12-01T03:00:00.000Z',
  assessmentCount,
});

describe('risk instrument form', () => {
  it('gives back the content it was filled with (the new version starts as a copy)', () => {
    const form = instrumentForm();
    fillInstrumentForm(form, STARTER_ADULT_INSTRUMENT);
    expect(instrumentContent(form, STARTER_ADULT_INSTRUMENT)).toEqual(STARTER_ADULT_INSTRUMENT);
  });
});

describe('RiskInstrumentsComponent', () => {
  let fixture: ComponentFixture<RiskInstrumentsComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const click = async (selector: string): Promise<void> => {
    element.querySelector<HTMLButtonElement>(selector)?.click();
    await settle();
  };
  const type = async (selector: string, value: string): Promise<void> => {
    const input = element.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RiskInstrumentsComponent);
    element = fixture.nativeElement;
    await settle();
    backend.expectOne('/api/risk-instruments').flush([version(1, 'published', undefined, 12)]);
    await settle();
  });

  afterEach(() => backend.verify());

  it('lists the versions with their use, and saves a changed copy as a new draft', async () => {
    const row = element.querySelector('[data-testid="risk-instrument-caunoi-danger-adult-1"]');
    expect(row?.textContent).toContain('Đang dùng');
    expect(row?.querySelector('[data-testid="risk-instrument-count"]')?.textContent?.trim()).toBe(
      '12',
    );

    await click('[data-testid="risk-instrument-new-version"]');
    expect(element.querySelector('[data-testid="risk-instrument-form"]')).not.toBeNull();
    const items = element.querySelectorAll('[data-testid^="risk-item-"][data-testid$="0"]');
    expect(items.length).toBeGreaterThan(0);
    // A threshold above the highest score: the same rule as the API's, shown before saving.
    await type('[data-testid="risk-instrument-high"]', '999');
    expect(
      element.querySelector('[data-testid="risk-instrument-problems"]')?.textContent,
    ).toContain('Ngưỡng nguy cơ cao');
    await type('[data-testid="risk-instrument-high"]', '15');
    expect(element.querySelector('[data-testid="risk-instrument-problems"]')).toBeNull();

    await click('[data-testid="risk-instrument-save"]');
    const post = backend.expectOne('/api/risk-instruments');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      ...STARTER_ADULT_INSTRUMENT,
      thresholds: { ...STARTER_ADULT_INSTRUMENT.thresholds, high: 15 },
    });
    const draft = version(2, 'draft', post.request.body as RiskInstrumentContent);
    post.flush(draft);
    await settle();
    backend.expectOne('/api/risk-instruments').flush([draft, version(1, 'published')]);
    await settle();
    expect(element.querySelector('[data-testid="risk-instrument-form"]')).toBeNull();
    expect(element.querySelector('[data-testid="risk-instruments-notice"]')?.textContent).toContain(
      'phiên bản 2',
    );
    expect(
      element
        .querySelector('[data-testid="risk-instrument-caunoi-danger-adult-2"]')
        ?.querySelector('[data-testid="risk-instrument-publish"]'),
    ).not.toBeNull();
    // A published version offers no publishing.
    expect(
      element
        .querySelector('[data-testid="risk-instrument-caunoi-danger-adult-1"]')
        ?.querySelector('[data-testid="risk-instrument-publish"]'),
    ).toBeNull();
    // The editor draws every item of the starter instrument with Material fields: slow in jsdom.
  }, 30_000);
});
