import { expect, test } from '@playwright/test';
import { signIn, snapshot } from './support';

test('wrong passwords from one browser lead to a clear wait, in Vietnamese and English', async ({
  page,
}) => {
  // An unknown name gets exactly what a real account gets, and no demo account collects failures.
  const username = `nobody.wait.${Date.now()}`;
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, username, `Sai-mat-khau-${attempt}`);
    await expect(page.getByTestId('login-error')).toHaveText(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
  }

  await signIn(page, username, 'Sai-mat-khau-6');
  const wait = page.getByTestId('login-wait');
  // The first wait is a minute; the page rounds up (Retry-After may say 61 s) and then counts down.
  await expect(wait).toHaveText(
    /Đăng nhập sai quá nhiều lần từ thiết bị này\. Vì an toàn, vui lòng chờ ([12] phút|\d+ giây) rồi thử lại\./,
  );
  await expect(page.getByTestId('login-submit')).toBeDisabled();
  await expect(page.getByTestId('login-error')).toHaveCount(0);
  await snapshot(page, 'sign-in-delay-1366');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(wait).toBeVisible();
  await snapshot(page, 'sign-in-delay-360');

  await page.getByTestId('lang-en').click();
  await expect(wait).toHaveText(
    /Too many failed sign-ins from this device\. For safety, please wait (1 min|\d+ s) and try again\./,
  );

  // The server keeps the wait too: a reload and another try still get it, with the right password or not.
  await page.getByTestId('lang-vi').click();
  await signIn(page, username, 'Sai-mat-khau-7');
  await expect(page.getByTestId('login-wait')).toContainText('vui lòng chờ');
});
