import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { WithdrawReferralData } from './withdraw-referral-dialog.component';
import { WithdrawReferralDialogComponent } from './withdraw-referral-dialog.component';
import { dialogTestProviders } from '../../../../testing';

const URL = '/api/cases/c1/referrals/r1/withdraw';

describe('WithdrawReferralDialogComponent', () => {
  it('offers only the sender’s reasons and needs a note for "other"', async () => {
    localStorage.clear();
    const close = jest.fn();
    TestBed.configureTestingModule({
      imports: [WithdrawReferralDialogComponent],
      providers: [
        ...dialogTestProviders(
          {
            caseId: 'c1',
            referralId: 'r1',
            agencyName: 'Công an phường Hải Châu',
          } satisfies WithdrawReferralData,
          close,
        ),
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(WithdrawReferralDialogComponent);
    const element = fixture.nativeElement as HTMLElement;
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    const reason = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="withdraw-referral-reason"]' }),
    );
    await reason.open();
    const labels = await Promise.all((await reason.getOptions()).map((o) => o.getText()));
    expect(labels).toEqual([
      'Không còn cần thiết',
      'Theo yêu cầu của người bị bạo lực',
      'Lý do khác',
    ]);
    await reason.clickOptions({ text: 'Lý do khác' });

    const submit = async (): Promise<void> => {
      element.querySelector<HTMLButtonElement>('[data-testid="withdraw-referral-submit"]')?.click();
      await fixture.whenStable();
    };
    await submit();
    backend.expectNone(URL);
    expect(
      element.querySelector('[data-testid="withdraw-referral-note-error"]')?.textContent?.trim(),
    ).toBe('Ghi chú là bắt buộc.');

    const note = element.querySelector<HTMLTextAreaElement>(
      '[data-testid="withdraw-referral-note"]',
    );
    if (!note) throw new Error('no note');
    note.value = 'Gia đình đã đưa người bị bạo lực đến tỉnh khác.';
    note.dispatchEvent(new Event('input'));
    await submit();
    const post = backend.expectOne(URL);
    expect(post.request.body).toEqual({
      reason: 'other',
      note: 'Gia đình đã đưa người bị bạo lực đến tỉnh khác.',
    });
    post.flush({ id: 'r1', status: 'withdrawn' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(close).toHaveBeenCalledWith({ id: 'r1', status: 'withdrawn' });
    backend.verify();
  });
});
