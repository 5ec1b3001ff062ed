import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  choose,
  chooseByText,
  signIn,
  snapshot,
  uniqueToken,
} from './support';

const SIGN_IN_MS = 30_000;

/** The service worker controls the page and holds the commune list: the app now opens without a network. */
async function readyForOffline(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The worker takes the page over once installed; from then on the commune list goes through it.
  await page.reload();
  await expect(page.getByTestId('workspace-title')).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await page.reload();
  await expect(page.getByTestId('workspace-title')).toBeVisible();
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          let cached = 0;
          for (const name of await caches.keys()) {
            if (!name.includes('administrative-units')) continue;
            const urls = (await (await caches.open(name)).keys()).map((r) => r.url);
            cached += urls.filter((u) => u.includes('level=commune')).length;
          }
          return cached;
        }),
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
}

/** No API answer that carries anyone's data is ever kept by the service worker. */
async function cachedApiUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        if (new URL(request.url).pathname.startsWith('/api/')) urls.push(request.url);
      }
    }
    return urls;
  });
}

test.describe('the volunteer app without a network, on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, serviceWorkers: 'allow' });

  test('a referral made offline waits on the phone, survives a reload, and is sent exactly once back online', async ({
    page,
    context,
    browser,
  }) => {
    const token = uniqueToken();
    const story = `Thử nghiệm ngoại tuyến ${token}`;

    await signIn(page, DEMO_USERNAMES.volunteer, DEMO_PASSWORD);
    // The first visit also installs the service worker, whose start holds requests until the app
    // shell is fetched: on a loaded machine the landing takes longer than the default 5 s.
    await expect(page.getByTestId('workspace-title')).toHaveText('Giới thiệu từ cộng đồng', {
      timeout: SIGN_IN_MS,
    });
    await readyForOffline(page);

    await context.setOffline(true);
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    await page.getByTestId('referral-name').fill(`Chị Lan ${token}`);
    await choose(page, 'referral-contact-method', 'contact-method-phone_call');
    await page.getByTestId('referral-contact-details').fill('Gọi sau 21 giờ');
    await chooseByText(page, 'referral-commune', 'Phường Hải Châu');
    await page.getByTestId('referral-what').fill(story);
    await page.getByTestId('referral-consent').click();
    await page.getByTestId('referral-submit').click();

    await expect(page.getByTestId('referral-queued')).toContainText('đang chờ gửi');
    await expect(page.getByTestId('outbox-row')).toHaveCount(1);
    await expect(page.getByTestId('outbox-state')).toHaveText('Đang chờ gửi');
    await expect(page.getByTestId('referral-name')).toHaveValue('');
    await page.getByTestId('outbox-list').scrollIntoViewIfNeeded();
    await snapshot(page, 'volunteer-offline-waiting-360');

    // What waits is not readable on the phone: IndexedDB holds ciphertext only.
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('caunoi-device');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('records').objectStore('records').getAll();
            all.onsuccess = () =>
              resolve(
                (all.result as { id: string; data: ArrayBuffer }[])
                  .map((r) => `${r.id}:${new TextDecoder().decode(r.data)}`)
                  .join('\n'),
              );
          };
        }),
    );
    expect(stored).toContain('outbox:');
    expect(stored).not.toContain(token);

    // Closed and opened again, still without a network: the app opens and the referral still waits.
    await page.reload();
    await expect(page.getByTestId('workspace-title')).toHaveText('Giới thiệu từ cộng đồng');
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    await expect(page.getByTestId('outbox-state')).toHaveText('Đang chờ gửi');

    await context.setOffline(false);
    await expect(page.getByTestId('outbox-sent')).toHaveCount(1, { timeout: 20_000 });
    await expect(page.getByTestId('outbox-sent')).toContainText('Đã gửi');
    await expect(page.getByTestId('outbox-row')).toHaveCount(0);
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);
    await page.getByTestId('outbox-list').scrollIntoViewIfNeeded();
    await snapshot(page, 'volunteer-offline-sent-360');
    expect(await cachedApiUrls(page)).toEqual(
      expect.arrayContaining([expect.stringContaining('/api/administrative-units')]),
    );
    for (const url of await cachedApiUrls(page)) {
      expect(url).toContain('/api/administrative-units');
    }

    // The centre received it once.
    const office = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const caseworker = await office.newPage();
    await signIn(caseworker, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
    await caseworker.getByTestId('tab-intake').click();
    await expect(caseworker.getByTestId('intake-row').filter({ hasText: token })).toHaveCount(1);
    await office.close();

    await page.setViewportSize({ width: 1366, height: 800 });
    await page.getByTestId('outbox-list').scrollIntoViewIfNeeded();
    await snapshot(page, 'volunteer-offline-sent-1366');
  });

  test('quick exit leaves a neutral page, and Back does not return to the volunteer screen', async ({
    page,
  }) => {
    await signIn(page, DEMO_USERNAMES.volunteer, DEMO_PASSWORD);
    // The first visit also installs the service worker, whose start holds requests until the app
    // shell is fetched: on a loaded machine the landing takes longer than the default 5 s.
    await expect(page.getByTestId('workspace-title')).toHaveText('Giới thiệu từ cộng đồng', {
      timeout: SIGN_IN_MS,
    });
    const token = uniqueToken();
    await page.getByTestId('referral-name').fill(`Chị Mai ${token}`);

    await page.getByTestId('quick-exit').click();
    await expect(page.getByTestId('neutral-page')).toBeVisible();
    await expect(page).toHaveURL(/\/mon-ngon$/);
    await expect(page.locator('body')).not.toContainText(token);
    await expect(page.locator('body')).not.toContainText('Giới thiệu');
    await expect(page).toHaveTitle(/Canh chua cá lóc/);
    await snapshot(page, 'quick-exit-neutral-360');

    await page.goBack();
    await expect(page.getByTestId('neutral-page')).toBeVisible();
    await expect(page.getByTestId('referral-name')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(token);

    // The volunteer comes back through the page itself; the draft waits for them, encrypted.
    await page.getByTestId('neutral-more').click();
    await expect(page.getByTestId('workspace-title')).toHaveText('Giới thiệu từ cộng đồng');
    await expect(page.getByTestId('referral-name')).toHaveValue(`Chị Mai ${token}`);

    // Esc three times on a keyboard does the same.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('neutral-page')).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 800 });
    await snapshot(page, 'quick-exit-neutral-1366');
  });
});
