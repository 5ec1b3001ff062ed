import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { DismissIntakeDialogComponent } from './dismiss-intake-dialog.component';
import { dialogTestProviders } from '../../../../testing';

const URL = '/api/intake/i1/dismiss';

describe('DismissIntakeDialogComponent', () => {
  it('offers the reasons in Vietnamese, needs a note for "other", and closes with the dismissed item', async () => {
    localStorage.clear();
    const close = jest.fn();
    TestBed.configureTestingModule({
      imports: [DismissIntakeDialogComponent],
      providers: [...dialogTestProviders('i1', close)],
    });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DismissIntakeDialogComponent);
    const element = fixture.nativeElement as HTMLElement;
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    const reason = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="dismiss-reason"]' }),
    );
    await reason.open();
    const labels = await Promise.all((await reason.getOptions()).map((o) => o.getText()));
    expect(labels).toEqual([
      'Trùng với một mục đã có',
      'Không phải bạo lực giới',
      'Thử nghiệm',
      'Lý do khác',
    ]);
    await reason.clickOptions({ text: 'Lý do khác' });

    const submit = async (): Promise<void> => {
      element.querySelector<HTMLButtonElement>('[data-testid="dismiss-submit"]')?.click();
      await fixture.whenStable();
    };
    await submit();
    backend.expectNone(URL);
    expect(element.querySelector('[data-testid="dismiss-note-error"]')?.textContent?.trim()).toBe(
      'Ghi chú là bắt buộc.',
    );

    const note = element.querySelector<HTMLTextAreaElement>('[data-testid="dismiss-note"]');
    if (!note) throw new Error('no note');
    note.value = '  Chỉ hỏi thông tin pháp lý  ';
    note.dispatchEvent(new Event('input'));
    await submit();
    const post = backend.expectOne(URL);
    expect(post.request.body).toEqual({ reason: 'other', note: 'Chỉ hỏi thông tin pháp lý' });
    post.flush({ id: 'i1', status: 'dismissed', dismissalReason: 'other' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(close).toHaveBeenCalledWith({ id: 'i1', status: 'dismissed', dismissalReason: 'other' });
    backend.verify();
  });
});
