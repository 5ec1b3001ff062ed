import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { ResponseTimeView } from '@caunoi/shared/contracts';
import {
  DEFAULT_RESPONSE_HOURS,
  REFERRAL_TARGET_TYPES,
  REFERRAL_URGENCIES,
} from '@caunoi/shared/domain';
import { ResponseTimesComponent } from './response-times.component';
import { settle } from '../../../../testing';

const URL = '/api/settings/referral-response-times';

/** What the API answers: one row per agency type and urgency; police answer emergencies faster. */
const STORED: ResponseTimeView[] = REFERRAL_TARGET_TYPES.flatMap((agencyType) =>
  REFERRAL_URGENCIES.map((urgency) => ({
    agencyType,
    urgency,
    hours: agencyType === 'police' && urgency === 'emergency' ? 2 : DEFAULT_RESPONSE_HOURS[urgency],
  })),
);

describe('ResponseTimesComponent', () => {
  let fixture: ComponentFixture<ResponseTimesComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const cell = (type: string, urgency: string): HTMLInputElement => {
    const input = element.querySelector<HTMLInputElement>(
      `[data-testid="response-time-${type}-${urgency}"]`,
    );
    if (!input) throw new Error(`no cell ${type}/${urgency}`);
    return input;
  };
  const text = (id: string): string =>
    element.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
  const type = async (input: HTMLInputElement, value: string): Promise<void> => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const save = async (): Promise<void> => {
    element.querySelector<HTMLButtonElement>('[data-testid="response-times-save"]')?.click();
    await settle(fixture);
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ResponseTimesComponent],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ResponseTimesComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    // Shuffled on purpose: the table does not depend on the order the API answers in.
    backend.expectOne({ method: 'GET', url: URL }).flush([...STORED].reverse());
    await settle(fixture);
  });

  afterEach(() => backend.verify());

  it('shows every agency type × urgency with its stored hours and the default as a hint', () => {
    expect(element.querySelectorAll('input[data-testid^="response-time-"]')).toHaveLength(
      REFERRAL_TARGET_TYPES.length * REFERRAL_URGENCIES.length,
    );
    expect(cell('police', 'emergency').value).toBe('2');
    expect(cell('health', 'urgent').value).toBe('24');
    expect(text('response-time-default-police-emergency')).toBe('Mặc định: 1 giờ');
    expect(text('response-time-default-court-routine')).toBe('Mặc định: 72 giờ');
    expect(cell('police', 'emergency').getAttribute('aria-label')).toBe(
      'Công an – Khẩn cấp: số giờ',
    );
  });

  it('sends all rows in one PUT, with the edited cell', async () => {
    await type(cell('legal_aid', 'routine'), '120');
    await save();

    const request = backend.expectOne({ method: 'PUT', url: URL });
    const sent = (request.request.body as { settings: ResponseTimeView[] }).settings;
    expect(sent).toHaveLength(REFERRAL_TARGET_TYPES.length * REFERRAL_URGENCIES.length);
    expect(sent).toEqual(
      STORED.map((row) =>
        row.agencyType === 'legal_aid' && row.urgency === 'routine' ? { ...row, hours: 120 } : row,
      ),
    );
    request.flush(sent);
    await settle(fixture);
  });

  it('refuses hours outside 1–720 or not whole before asking the server', async () => {
    await type(cell('court', 'urgent'), '721');
    await type(cell('court', 'routine'), '1.5');
    await save();
    backend.expectNone({ method: 'PUT', url: URL });
    expect(text('response-time-error-court-urgent')).toBe('Số giờ quá lớn.');
    expect(text('response-time-error-court-routine')).toBe('Số giờ phải là số nguyên.');
  });

  it("puts the server's error on settings.N.hours on the cell it names", async () => {
    await save();
    const request = backend.expectOne({ method: 'PUT', url: URL });
    const sent = (request.request.body as { settings: ResponseTimeView[] }).settings;
    // Index 3 of what was sent is the cell the error must land on.
    expect(sent[3]).toEqual({ agencyType: 'health', urgency: 'emergency', hours: 1 });
    request.flush(
      {
        statusCode: 400,
        message: 'Bad Request',
        errors: [{ field: 'settings.3.hours', code: 'max', message: 'hours must not exceed 720' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(text('response-time-error-health-emergency')).toBe('Số giờ quá lớn.');
    expect(element.querySelectorAll('mat-error')).toHaveLength(1);
    expect(text('response-times-error')).toBe('');
  });
});
