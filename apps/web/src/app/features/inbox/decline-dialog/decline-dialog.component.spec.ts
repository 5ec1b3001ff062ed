import { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { DeclineDialogComponent } from './decline-dialog.component';
import { dialogTestProviders, settle } from '../../../../testing';

const ID = '44444444-4444-4444-8444-444444444444';
const URL = `/api/referrals/${ID}/decline`;

describe('DeclineDialogComponent', () => {
  let fixture: ComponentFixture<DeclineDialogComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  const close = jest.fn();

  const byTestId = (id: string): HTMLElement | null =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string): string => byTestId(id)?.textContent?.trim() ?? '';

  async function render(): Promise<void> {
    localStorage.clear();
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [DeclineDialogComponent],
      providers: [
        ...dialogTestProviders({ referralId: ID, referralCode: 'CG-2026-000123' }, close),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DeclineDialogComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  async function chooseReason(label: string): Promise<void> {
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="decline-reason"]' }),
    );
    await select.open();
    await select.clickOptions({ text: label });
    await fixture.whenStable();
  }

  async function typeNote(value: string): Promise<void> {
    const note = byTestId('decline-note') as HTMLTextAreaElement;
    note.value = value;
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    byTestId('decline-submit')?.click();
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('lists the decline reasons in Vietnamese and requires one', async () => {
    await render();
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="decline-reason"]' }),
    );
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual([
      'Ngoài địa bàn phụ trách',
      'Không còn khả năng tiếp nhận',
      'Không thuộc đối tượng',
      'Không liên lạc được với người bị bạo lực',
      'Lý do khác',
    ]);
    await select.close();

    await submit();
    expect(text('decline-reason-error')).toBe('Lý do là bắt buộc.');
    backend.expectNone(URL);
  });

  it('requires a note when the reason is "other", and sends it', async () => {
    await render();
    await chooseReason('Lý do khác');
    await typeNote('   ');
    await submit();
    expect(text('decline-note-error')).toBe('Ghi chú là bắt buộc.');
    backend.expectNone(URL);

    await typeNote('Cơ quan đang sáp nhập, chưa có người phụ trách');
    await submit();
    const request = backend.expectOne(URL);
    expect(request.request.body).toEqual({
      reason: 'other',
      note: 'Cơ quan đang sáp nhập, chưa có người phụ trách',
    });
    request.flush({ id: ID, status: 'declined' });
    await settle(fixture);
    expect(close).toHaveBeenCalledWith({ referral: { id: ID, status: 'declined' } });
  });

  it('does not require a note for another reason', async () => {
    await render();
    await chooseReason('Ngoài địa bàn phụ trách');
    await submit();
    const request = backend.expectOne(URL);
    expect(request.request.body).toEqual({ reason: 'outside_area', note: null });
    request.flush({ id: ID, status: 'declined' });
    await settle(fixture);
  });

  it("puts the server's error on the note", async () => {
    await render();
    await chooseReason('Lý do khác');
    await typeNote('x');
    await submit();
    backend.expectOne(URL).flush(
      {
        statusCode: 400,
        message: 'Bad Request',
        errors: [{ field: 'note', code: 'required_for_other', message: 'say why in a note' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text('decline-note-error')).toBe('Ghi chú là bắt buộc khi chọn lý do khác.');
    expect(close).not.toHaveBeenCalled();
  });

  it('hands a 409 (already withdrawn) to the page instead of keeping it in the form', async () => {
    await render();
    await chooseReason('Không còn khả năng tiếp nhận');
    await submit();
    backend.expectOne(URL).flush(
      {
        statusCode: 409,
        message: 'Conflict',
        errors: [{ field: 'status', code: 'invalid_transition', message: 'withdrawn' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(close).toHaveBeenCalledWith({
      refusal: expect.objectContaining({ status: 409 }),
    });
  });
});
