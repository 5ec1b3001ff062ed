import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeVi from '@angular/common/locales/vi';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { RiskAssessmentView, RiskInstrumentView } from '@caunoi/shared/contracts';
import { STARTER_ADULT_INSTRUMENT } from '@caunoi/shared/domain';
import { byTestId, settle, textOf, typeInto } from '../../../../testing';
import { CaseRiskComponent } from './case-risk.component';

registerLocaleData(localeVi);

describe('CaseRiskComponent: correcting a saved assessment', () => {
  let fixture: ComponentFixture<CaseRiskComponent>;
  let backend: HttpTestingController;

  // The case's assessment was made with version 1, since retired: the correction uses it.
  const retired: RiskInstrumentView = {
    id: 'i1',
    code: STARTER_ADULT_INSTRUMENT.code,
    version: 1,
    audience: 'adult',
    status: 'retired',
    content: STARTER_ADULT_INSTRUMENT,
    maxScore: 30,
    createdAt: '2026-11-01T00:00:00.000Z',
    publishedAt: '2026-11-01T00:00:00.000Z',
  };
  const current: RiskInstrumentView = { ...retired, id: 'i2', version: 2, status: 'published' };
  const answers = Object.fromEntries(
    STARTER_ADULT_INSTRUMENT.items.map((item) => [item.key, item.kind === 'yes_no' ? false : 0]),
  );
  const saved: RiskAssessmentView = {
    id: 'a1',
    caseId: 'c1',
    instrument: { id: 'i1', code: retired.code, version: 1, audience: 'adult' },
    answers: { ...answers, strangulation: true },
    score: 3,
    maxScore: 30,
    computedLevel: 'high',
    overrideLevel: null,
    overrideReason: null,
    level: 'high',
    criticalYes: ['strangulation'],
    assessedByName: 'Cán bộ A',
    assessedAt: '2026-12-01T03:00:00.000Z',
    version: 1,
  };
  const step = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) await settle(fixture);
  };
  const click = async (id: string): Promise<void> => {
    byTestId(fixture, id)?.click();
    await step();
  };
  const clickAnswer = async (key: string, answer: 'yes' | 'no'): Promise<void> => {
    const toggles = byTestId(fixture, `risk-item-${key}`)?.querySelectorAll('button');
    toggles?.item(answer === 'yes' ? 0 : 1).click();
    await step();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseRiskComponent);
    fixture.componentRef.setInput('caseId', 'c1');
    fixture.componentRef.setInput('ageGroup', '25_59');
    fixture.componentRef.setInput('canAssess', true);
    await step();
    backend.expectOne('/api/risk-instruments').flush([current]);
    backend.expectOne('/api/cases/c1/assessments').flush([saved]);
    await step();
    backend.expectOne('/api/risk-instruments/i1').flush(retired);
    await step();
  });

  afterEach(() => backend.verify());

  it('corrects with the assessment own version and a reason; a stale save starts again from theirs', async () => {
    await click('risk-correct');
    expect(textOf(fixture, 'risk-form')).toContain('phiên bản 1');
    expect(textOf(fixture, 'risk-correct-hint')).toContain('không phải một lần đánh giá lại');
    await clickAnswer('strangulation', 'no');
    // No reason yet: nothing is sent.
    await click('risk-save');
    backend.expectNone('/api/cases/c1/assessments/a1');
    await typeInto(fixture, 'risk-correct-reason', 'Chọn nhầm câu trả lời');
    await click('risk-save');
    const first = backend.expectOne('/api/cases/c1/assessments/a1');
    expect(first.request.method).toBe('PUT');
    expect(first.request.body).toEqual({
      answers: { ...answers, strangulation: false },
      reason: 'Chọn nhầm câu trả lời',
      version: 1,
    });
    first.flush(
      { statusCode: 409, errors: [{ field: 'version', code: 'stale_version', message: 's' }] },
      { status: 409, statusText: 'Conflict' },
    );
    await step();
    expect(textOf(fixture, 'stale-notice')).toContain('Người khác đã sửa bản ghi này');

    await click('stale-reload');
    backend
      .expectOne('/api/cases/c1/assessments')
      .flush([{ ...saved, answers: { ...saved.answers, weapon: true }, version: 2 }]);
    await step();
    expect(byTestId(fixture, 'stale-notice')).toBeNull();
    await clickAnswer('strangulation', 'no');
    await typeInto(fixture, 'risk-correct-reason', 'Chọn nhầm câu trả lời');
    await click('risk-save');
    const second = backend.expectOne('/api/cases/c1/assessments/a1');
    expect(second.request.body.version).toBe(2);
    expect(second.request.body.answers.weapon).toBe(true);
    second.flush({
      ...saved,
      answers: { ...saved.answers, strangulation: false, weapon: true },
      version: 3,
    });
    await step();
    expect(byTestId(fixture, 'risk-form')).toBeNull();

    // The history words the replaced answers as questions and what they were.
    await click('correction-history-toggle');
    backend
      .expectOne((r) => r.url === '/api/cases/c1/corrections')
      .flush([
        {
          id: 'k1',
          subjectType: 'RiskAssessment',
          subjectId: 'a1',
          previous: { answers: { ...saved.answers }, level: 'high' },
          changedFields: ['answers', 'level'],
          reason: 'Chọn nhầm câu trả lời',
          correctedByName: 'Cán bộ A',
          correctedAt: '2026-12-02T03:00:00.000Z',
        },
      ]);
    await step();
    const history = textOf(fixture, 'correction-history');
    expect(history).toContain('bóp cổ');
    expect(history).toContain('Có');
    expect(history).toContain('Mức nguy cơ');
    expect(history).not.toContain('{');
  });
});
