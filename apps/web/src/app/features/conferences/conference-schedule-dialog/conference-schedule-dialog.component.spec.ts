import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { ConferenceScheduleData } from './conference-schedule-dialog.component';
import { ConferenceScheduleDialogComponent } from './conference-schedule-dialog.component';

const ID = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c0000cc';

async function open(step: ConferenceScheduleData['step']) {
  localStorage.clear();
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [ConferenceScheduleDialogComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      {
        provide: MAT_DIALOG_DATA,
        useValue: {
          step,
          conference: { id: ID, code: 'HLN-2026-0007', scheduledAt: '2026-12-10T02:00:00.000Z' },
        } satisfies ConferenceScheduleData,
      },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const backend = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(ConferenceScheduleDialogComponent);
  const element = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const type = async (testId: string, value: string) => {
    const input = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!input) throw new Error(testId);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('[data-testid="conference-schedule-submit"]')?.click();
    await fixture.whenStable();
  };
  return { backend, element, close, type, submit, fixture };
}

describe('ConferenceScheduleDialogComponent', () => {
  it('cancels only with a reason that is not blank, and closes with the conference', async () => {
    const { backend, element, close, type, submit } = await open('cancel');
    expect(element.querySelector('[data-testid="conference-schedule-at"]')).toBeNull();
    await type('conference-schedule-reason', '   ');
    await submit();
    backend.expectNone(`/api/conferences/${ID}/cancellation`);
    await type('conference-schedule-reason', ' Nạn nhân đã chuyển tỉnh ');
    await submit();
    const req = backend.expectOne(`/api/conferences/${ID}/cancellation`);
    expect([req.request.method, req.request.body]).toEqual([
      'POST',
      { reason: 'Nạn nhân đã chuyển tỉnh' },
    ]);
    req.flush({ id: ID, status: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(close).toHaveBeenCalledWith({ id: ID, status: 'cancelled' });
  });

  it('moves the conference to the time typed, and shows the API’s field error on it', async () => {
    const { backend, element, close, type, submit, fixture } = await open('reschedule');
    await type('conference-schedule-at', '2026-12-12T14:00');
    await type('conference-schedule-reason', 'Trùng lịch trực');
    await submit();
    const req = backend.expectOne(`/api/conferences/${ID}/schedule`);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      scheduledAt: new Date('2026-12-12T14:00').toISOString(),
      reason: 'Trùng lịch trực',
    });
    req.flush(
      {
        statusCode: 400,
        message: 'Bad Request',
        errors: [
          { field: 'scheduledAt', code: 'too_far', message: 'scheduledAt is within 180 days' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    // The API's field error, translated, under the time it names.
    expect(element.querySelector('mat-error')?.textContent).toContain(
      'Thời gian họp phải trong vòng 180 ngày.',
    );
  });
});
