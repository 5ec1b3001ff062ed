import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { IncidentView } from '@caunoi/shared/contracts';
import { IncidentCorrectionComponent } from './incident-correction.component';

describe('IncidentCorrectionComponent', () => {
  let fixture: ComponentFixture<IncidentCorrectionComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const incident: IncidentView = {
    id: 'i1',
    occurredAt: '2026-11-20T03:00:00.000Z',
    occurredPrecision: 'day',
    discoveredAt: '2026-11-21T03:00:00.000Z',
    communeCode: '20242',
    classificationAnswers: { penetration: false, sexual_contact: false, physical_assault: true },
    gbvType: 'physical_assault',
    dvForms: ['physical'],
    contextFlags: [],
    perpetrators: [{ relationship: 'spouse', sex: 'male', ageGroup: '25_59', family: true }],
    injuries: [],
    serious: true,
    seriousReasons: ['life_threatening_injury'],
    description: 'Buổi sáng',
    version: 3,
    createdAt: '2026-11-21T03:00:00.000Z',
  };
  /** Answers whatever the form's pickers ask (administrative units) with nothing. */
  const answerLookups = (): void => {
    for (const request of backend.match((r) => r.url.includes('/administrative-units'))) {
      request.flush({ items: [], nextCursor: null });
    }
  };
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      answerLookups();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
  };
  const type = async (id: string, value: string): Promise<void> => {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      `[data-testid="${id}"]`,
    );
    if (!input) throw new Error(`no ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  const click = async (id: string): Promise<void> => {
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();
    await settle();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IncidentCorrectionComponent);
    fixture.componentRef.setInput('caseId', 'c1');
    fixture.componentRef.setInput('incident', incident);
    element = fixture.nativeElement as HTMLElement;
    await settle();
  });

  it('starts from the facts on file, leaves the serious mark out, and sends a reason and the version', async () => {
    expect(element.querySelector('[data-testid="incident-serious"]')).toBeNull();
    const description = element.querySelector<HTMLTextAreaElement>(
      '[data-testid="incident-description"]',
    );
    expect(description?.value).toBe('Buổi sáng');

    await type('incident-description', 'Buổi tối');
    await click('incident-correct-save');
    // No reason yet: nothing is sent.
    expect(backend.match((r) => r.url.includes('/incidents/'))).toEqual([]);

    await type('incident-correct-reason', 'Chị kể lại chính xác hơn');
    await click('incident-correct-save');
    const patch = backend.expectOne('/api/cases/c1/incidents/i1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toMatchObject({
      description: 'Buổi tối',
      communeCode: '20242',
      perpetrators: [{ relationship: 'spouse', sex: 'male', ageGroup: '25_59' }],
      correctionReason: 'Chị kể lại chính xác hơn',
      version: 3,
    });
    expect(patch.request.body).not.toHaveProperty('serious');
    expect(patch.request.body).not.toHaveProperty('seriousReasons');
  });

  it('a stale save shows the notice; reload starts again from the incident on file', async () => {
    const reloaded: IncidentView[] = [];
    fixture.componentInstance.reloaded.subscribe((i) => reloaded.push(i));
    await type('incident-correct-reason', 'Chị kể lại chính xác hơn');
    await type('incident-description', 'Buổi tối');
    await click('incident-correct-save');
    backend
      .expectOne('/api/cases/c1/incidents/i1')
      .flush(
        { statusCode: 409, errors: [{ field: 'version', code: 'stale_version', message: 's' }] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(element.querySelector('[data-testid="stale-notice"]')?.textContent).toContain(
      'Người khác đã sửa bản ghi này',
    );

    await click('stale-reload');
    backend
      .expectOne('/api/cases/c1')
      .flush({ incidents: [{ ...incident, description: 'Theo người khác', version: 4 }] });
    await settle();
    expect(reloaded.map((i) => i.version)).toEqual([4]);
    expect(
      element.querySelector<HTMLTextAreaElement>('[data-testid="incident-description"]')?.value,
    ).toBe('Theo người khác');
    await click('incident-correct-save');
    expect(backend.expectOne('/api/cases/c1/incidents/i1').request.body.version).toBe(4);
  });
});
