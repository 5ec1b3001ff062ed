import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CommunityReferralStatusView } from '@caunoi/shared/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { MemoryVaultStorage, VAULT_STORAGE } from '../../../core/offline/vault-storage';
import type { QueuedReferral } from './referral-outbox.service';
import { ReferralOutbox } from './referral-outbox.service';

const KEY = '0b6f3d0e-9c1a-4f5e-8d2b-7a6c5e4d3c2b';
const REQUEST: QueuedReferral['request'] = {
  survivorName: 'Chị Bí Danh',
  safeContactMethod: 'phone_call',
  safeContactDetails: 'Gọi sau 21 giờ',
  communeCode: '20242',
  whatHappened: 'Synthetic account',
  dangerNow: false,
  childInvolved: false,
  consentToContact: true,
  idempotencyKey: KEY,
};
const CREATED: CommunityReferralStatusView = {
  id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001',
  reference: 'CR-7F3A2C',
  status: 'received',
  submittedAt: '2026-12-05T03:00:00Z',
  updatedAt: '2026-12-05T03:00:00Z',
};

describe('ReferralOutbox', () => {
  let storage: MemoryVaultStorage;
  let backend: HttpTestingController;

  /** A fresh app over the same phone storage: what a reload is. */
  function open(): ReferralOutbox {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: VAULT_STORAGE, useValue: storage },
        { provide: AuthService, useValue: { reconnect: async () => true, offline: signal(false) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    return TestBed.inject(ReferralOutbox);
  }

  /** Lets the flush reach its request (it reads the vault first). */
  async function nextPost() {
    for (let i = 0; i < 50; i++) {
      const found = backend.match((r) => r.method === 'POST');
      if (found.length > 0) return found;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return [];
  }

  beforeEach(() => {
    storage = new MemoryVaultStorage();
  });

  it('keeps a queued referral encrypted on the phone and shows only that it waits', async () => {
    const outbox = open();
    await outbox.enqueue(REQUEST, new Date('2026-12-05T03:00:00Z'));
    expect(outbox.waiting()).toEqual([
      { key: KEY, queuedAt: '2026-12-05T03:00:00.000Z', state: 'waiting' },
    ]);
    const stored = [...storage.records.values()].map((r) => Buffer.from(r.data).toString('latin1'));
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain('Bí Danh');
    expect(stored[0]).not.toContain('21 giờ');
  });

  it('survives a reload, sends once with its key when online, and leaves the phone', async () => {
    await open().enqueue(REQUEST);
    const outbox = open();
    await outbox.load();
    expect(outbox.waiting().map((e) => e.key)).toEqual([KEY]);

    const flushed = outbox.flush();
    const [post] = await nextPost();
    expect(post?.request.body).toEqual(REQUEST);
    post?.flush(CREATED, { status: 201, statusText: 'Created' });
    await flushed;

    expect(outbox.waiting()).toEqual([]);
    expect(outbox.sent()).toEqual([CREATED]);
    expect(storage.records.size).toBe(0);
    await outbox.flush();
    backend.expectNone((r) => r.method === 'POST');
  });

  it('a lost answer leaves it waiting; the retry carries the same key', async () => {
    const outbox = open();
    await outbox.enqueue(REQUEST);
    const first = outbox.flush();
    (await nextPost())[0]?.error(new ProgressEvent('error'), { status: 0 });
    await first;
    expect(outbox.waiting()).toEqual([expect.objectContaining({ key: KEY, state: 'waiting' })]);
    expect(storage.records.size).toBe(1);

    const second = outbox.flush();
    const [retry] = await nextPost();
    expect(retry?.request.body.idempotencyKey).toBe(KEY);
    // The server had it already: 200 with the first referral.
    retry?.flush(CREATED, { status: 200, statusText: 'OK' });
    await second;
    expect(outbox.waiting()).toEqual([]);
    expect(storage.records.size).toBe(0);
  });

  it('a refusal marks it for the volunteer to fix; taking it back gives the form its content', async () => {
    const outbox = open();
    await outbox.enqueue(REQUEST);
    const flushed = outbox.flush();
    (await nextPost())[0]?.flush(
      { statusCode: 422, errors: [{ field: 'communeCode', code: 'no_centre_covers_commune' }] },
      { status: 422, statusText: 'Unprocessable' },
    );
    await flushed;
    expect(outbox.waiting()).toEqual([expect.objectContaining({ key: KEY, state: 'rejected' })]);
    // A rejected one is not sent again by itself.
    await outbox.flush();
    backend.expectNone((r) => r.method === 'POST');

    expect(await outbox.takeBack(KEY)).toEqual(REQUEST);
    expect(outbox.waiting()).toEqual([]);
    expect(storage.records.size).toBe(0);
  });
});
