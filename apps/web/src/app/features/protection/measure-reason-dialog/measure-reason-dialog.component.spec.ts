import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { of, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import type { MeasureReasonData } from './measure-reason-dialog.component';
import { MeasureReasonDialogComponent } from './measure-reason-dialog.component';

async function open(step: MeasureReasonData<string>['step'], send: jest.Mock) {
  localStorage.clear();
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [MeasureReasonDialogComponent],
    providers: [
      {
        provide: MAT_DIALOG_DATA,
        useValue: { step, code: 'BV-2026-000012', send } satisfies MeasureReasonData<string>,
      },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(MeasureReasonDialogComponent<string>);
  const element = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const type = async (value: string) => {
    const input = element.querySelector<HTMLTextAreaElement>('[data-testid="measure-reason"]');
    if (!input) throw new Error('no reason field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('[data-testid="measure-reason-submit"]')?.click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  return { element, close, type, submit };
}

describe('MeasureReasonDialogComponent', () => {
  it('revokes only with written reasons, sent trimmed, and closes with the answer', async () => {
    const send = jest.fn().mockReturnValue(of('revoked'));
    const { element, close, type, submit } = await open('revoke', send);
    expect(element.textContent).toContain('Hủy bỏ biện pháp BV-2026-000012');
    await type('   ');
    await submit();
    expect(send).not.toHaveBeenCalled();
    await type('  Nạn nhân đề nghị hủy ');
    await submit();
    expect(send).toHaveBeenCalledWith('Nạn nhân đề nghị hủy');
    expect(close).toHaveBeenCalledWith('revoked');
  });

  it('"no renewal needed" puts the API’s error on its `reason` field and stays open', async () => {
    const send = jest.fn().mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: {
              statusCode: 409,
              errors: [{ field: 'status', code: 'no_open_expiry_clock', message: 'x' }],
            },
          }),
      ),
    );
    const { element, close, type, submit } = await open('no_renewal', send);
    expect(element.textContent).toContain('Không cần gia hạn lệnh BV-2026-000012');
    await type('Đã chuyển đi');
    await submit();
    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[data-testid="measure-reason-error"]')?.textContent).toContain(
      'không còn chờ quyết định gia hạn',
    );
  });
});
