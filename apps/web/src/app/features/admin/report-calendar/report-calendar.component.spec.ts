import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { ReportCalendarView } from '@caunoi/shared/contracts';
import { defaultReportCalendar } from '@caunoi/shared/domain';
import { ReportCalendarComponent } from './report-calendar.component';
import { settle } from '../../../../testing';

const view = (configured: boolean): ReportCalendarView => ({
  provinceCode: '48',
  year: 2026,
  entries: defaultReportCalendar(2026).map((e, i) => ({
    ...e,
    dueOn: i === 0 && configured ? '2026-05-20' : e.dueOn,
    dueAt: '2026-05-15T17:00:00.000Z',
    configured: i === 0 && configured,
  })),
});

describe('ReportCalendarComponent', () => {
  let fixture: ComponentFixture<ReportCalendarComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const click = async (id: string): Promise<void> => {
    element.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)?.click();
    await settle(fixture);
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReportCalendarComponent);
    element = fixture.nativeElement;
    await settle(fixture);
    backend.match(() => true); // the province list
  });

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  it('shows a province’s year and saves a changed entry', async () => {
    const component = fixture.componentInstance as unknown as {
      provinceControl: { setValue(v: string): void };
      yearControl: { setValue(v: number): void };
    };
    component.yearControl.setValue(2026);
    component.provinceControl.setValue('48');
    await settle(fixture);
    backend.expectOne('/api/report-calendar?provinceCode=48&year=2026').flush(view(false));
    await settle(fixture);
    const rows = element.querySelectorAll('[data-testid^="report-calendar-row-"]');
    expect(rows).toHaveLength(5);
    expect(rows[0].textContent).toContain('15/05/2026');

    await click('report-calendar-edit');
    const dueOn = element.querySelector<HTMLInputElement>('[data-testid="report-calendar-due-on"]');
    // The datepicker shows the day the Vietnamese way and reads it typed so; the API gets ISO.
    expect(dueOn?.value).toBe('15/05/2026');
    if (dueOn) {
      dueOn.value = '20/05/2026';
      dueOn.dispatchEvent(new Event('input'));
    }
    await click('report-calendar-save');
    const put = backend.expectOne('/api/report-calendar/48/2026/half_year');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      dueOn: '2026-05-20',
      periodFrom: '2025-11',
      periodTo: '2026-04',
    });
    put.flush(view(true));
    await settle(fixture);
    expect(element.querySelector('[data-testid="report-calendar-form"]')).toBeNull();
    expect(element.querySelectorAll('[data-testid="report-calendar-configured"]')).toHaveLength(1);
    expect(element.querySelector('[data-testid="report-calendar-reset"]')).not.toBeNull();
  });
});
