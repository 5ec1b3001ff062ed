import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { HolidayDialogData } from './holiday-dialog.component';
import { HolidayDialogComponent } from './holiday-dialog.component';
import { dialogTestProviders } from '../../../../testing';

describe('HolidayDialogComponent', () => {
  const close = jest.fn();

  async function render(data: HolidayDialogData) {
    localStorage.clear();
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [HolidayDialogComponent],
      providers: [...dialogTestProviders(data, close)],
    });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(HolidayDialogComponent);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const type = async (id: string, value: string): Promise<void> => {
      const input = element.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
      if (!input) throw new Error(`no ${id}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const save = async (): Promise<void> => {
      element.querySelector<HTMLButtonElement>('[data-testid="holiday-submit"]')?.click();
      await fixture.whenStable();
    };
    const text = (id: string): string =>
      element.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
    return { backend, fixture, element, type, save, text };
  }

  it('refuses an empty form and a year outside 2000-2100 before asking the server', async () => {
    const { backend, type, save, text } = await render({ year: 2099 });
    await save();
    expect(text('holiday-date-error')).toBe('Ngày là bắt buộc.');
    expect(text('holiday-name-error')).toBe('Tên ngày là bắt buộc.');

    await type('holiday-date', '2101-01-01');
    await type('holiday-name', 'Ngày thử');
    await save();
    expect(text('holiday-date-error')).toBe('Ngày phải trong khoảng năm 2000–2100.');
    backend.expectNone('/api/holidays');
    backend.verify();
  });

  it('puts the server\'s "duplicate_date" on the date, translated', async () => {
    const { backend, fixture, type, save, text } = await render({ year: 2099 });
    await type('holiday-date', '2099-09-02');
    await type('holiday-name', 'Quốc khánh');
    await save();
    const request = backend.expectOne('/api/holidays');
    expect(request.request.body).toEqual({
      date: '2099-09-02',
      kind: 'public_holiday',
      name: 'Quốc khánh',
    });
    request.flush(
      {
        statusCode: 400,
        message: 'Bad Request',
        errors: [{ field: 'date', code: 'duplicate_date', message: 'duplicate' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(text('holiday-date-error')).toBe('Ngày này đã có trong lịch.');
    expect(close).not.toHaveBeenCalled();
  });

  it('closes with the change result, which carries the number of recomputed deadlines', async () => {
    const { backend, type, save } = await render({
      year: 2099,
      day: { date: '2099-09-02', kind: 'public_holiday', name: 'Quốc khánh' },
    });
    await type('holiday-name', 'Quốc khánh (sửa)');
    await save();
    const request = backend.expectOne('/api/holidays/2099-09-02');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ kind: 'public_holiday', name: 'Quốc khánh (sửa)' });
    const result = {
      day: { date: '2099-09-02', kind: 'public_holiday', name: 'Quốc khánh (sửa)' },
      deadlinesRecomputed: 3,
    };
    request.flush(result);
    await new Promise((resolve) => setTimeout(resolve));
    expect(close).toHaveBeenCalledWith(result);
    backend.verify();
  });
});
