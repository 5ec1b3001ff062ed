import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  choose,
  chooseByText,
  openCaseWithConsent,
  signIn,
  signOut,
  snapshot,
  uniquePhone,
  uniqueToken,
} from './support';

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a volunteer refers a survivor, sees only the status, and a caseworker opens a case', async ({
    page,
  }) => {
    const token = uniqueToken();
    const alias = `Chị Hoa ${token}`;
    const story = `Bị chồng đánh nhiều lần, thử nghiệm ${token}`;

    await signIn(page, DEMO_USERNAMES.volunteer, DEMO_PASSWORD);
    await expect(page.getByTestId('workspace-title')).toHaveText('Giới thiệu từ cộng đồng');

    await page.getByTestId('referral-name').fill(alias);
    await choose(page, 'referral-contact-method', 'contact-method-phone_call');
    await page.getByTestId('referral-contact-details').fill('Gọi sau 21 giờ, xưng là trạm y tế');
    // The demo centre covers Hải Châu (another centre of the province covers Tam Kỳ).
    await chooseByText(page, 'referral-commune', 'Phường Hải Châu');
    await page.getByTestId('referral-what').fill(story);
    await expect(page.getByTestId('referral-what-counter')).toHaveText(`${story.length}/500`);
    await page.getByTestId('referral-danger').click();
    await expect(page.getByTestId('referral-call-113')).toHaveText(
      'Nếu đang nguy hiểm, gọi 113 ngay.',
    );
    await page.getByTestId('referral-consent').click();

    // Nothing is wider than the phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await snapshot(page, 'volunteer-form-360');

    await page.getByTestId('referral-submit').click();
    await expect(page.getByTestId('referral-confirmation')).toContainText('Mã tham chiếu:');
    const sentReference = page.getByTestId('referral-sent-reference');
    await expect(sentReference).not.toBeEmpty();
    const reference = (await sentReference.innerText()).trim();
    await expect(page.getByTestId('referral-name')).toHaveValue('');
    await expect(page.getByTestId('referral-what')).toHaveValue('');

    const mine = page.getByTestId('referral-row').filter({ hasText: reference });
    await expect(mine.getByTestId('referral-status')).toHaveText('Trung tâm đã nhận');
    await expect(page.getByTestId('referral-list')).not.toContainText(token);
    await snapshot(page, 'volunteer-my-referrals-360');
    await signOut(page);

    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
    await page.getByTestId('tab-intake').click();
    const item = page.getByTestId('intake-row').filter({ hasText: token });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(alias);
    await item.getByTestId('intake-open').click();
    await openCaseWithConsent(page, {
      fullName: `Nguyễn Thị Thử Nghiệm ${token}`,
      phone: uniquePhone(),
      age: '34',
      volunteerName: alias,
    });
    await signOut(page);

    // The volunteer learns that the centre took it, and nothing of the case.
    await signIn(page, DEMO_USERNAMES.volunteer, DEMO_PASSWORD);
    await expect(
      page
        .getByTestId('referral-row')
        .filter({ hasText: reference })
        .getByTestId('referral-status'),
    ).toHaveText('Đã mở hồ sơ hỗ trợ');
    await expect(page.locator('body')).not.toContainText(token);
  });
});
