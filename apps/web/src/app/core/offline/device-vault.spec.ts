import { TestBed } from '@angular/core/testing';
import { DeviceVault } from './device-vault';
import type { VaultStorage } from './vault-storage';
import { MemoryVaultStorage, VAULT_STORAGE } from './vault-storage';

const SECRET = { survivorName: 'Chị Bí Danh', whatHappened: 'bị chồng đánh tối qua' };

function vaultOver(storage: VaultStorage): DeviceVault {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({ providers: [{ provide: VAULT_STORAGE, useValue: storage }] });
  return TestBed.inject(DeviceVault);
}

const bytesOf = (buffer: ArrayBuffer): string => Buffer.from(buffer).toString('latin1');

describe('DeviceVault (real WebCrypto)', () => {
  let storage: MemoryVaultStorage;
  let vault: DeviceVault;

  beforeEach(() => {
    storage = new MemoryVaultStorage();
    vault = vaultOver(storage);
  });

  it('gives back what it stored, and stores nothing readable', async () => {
    await vault.put('draft', SECRET);
    expect(await vault.get('draft')).toEqual(SECRET);
    const sealed = storage.records.get('draft');
    expect(sealed?.iv.byteLength).toBe(12);
    const stored = bytesOf(sealed?.data as ArrayBuffer);
    expect(stored).not.toContain('Bí Danh');
    expect(stored).not.toContain('Danh');
    expect(stored).not.toContain('survivorName');
  });

  it('keeps a non-extractable AES-GCM key: usable, never readable', async () => {
    await vault.put('draft', SECRET);
    const key = storage.key as CryptoKey;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('encrypts the same value twice to different ciphertexts (a fresh IV each time)', async () => {
    await vault.put('a', SECRET);
    await vault.put('b', SECRET);
    expect(bytesOf(storage.records.get('a')?.data as ArrayBuffer)).not.toBe(
      bytesOf(storage.records.get('b')?.data as ArrayBuffer),
    );
  });

  it('refuses a record that was altered or moved to another id', async () => {
    await vault.put('outbox:1', SECRET);
    const sealed = storage.records.get('outbox:1');
    if (!sealed) throw new Error('not stored');
    const altered = new Uint8Array(sealed.data.slice(0));
    altered[0] = (altered[0] ?? 0) ^ 1;
    await storage.put({ ...sealed, data: altered.buffer });
    expect(await vault.get('outbox:1')).toBeUndefined();

    await vault.put('outbox:2', SECRET);
    const other = storage.records.get('outbox:2');
    await storage.put({ ...(other as NonNullable<typeof other>), id: 'outbox:3' });
    expect(await vault.get('outbox:3')).toBeUndefined();
  });

  it('reads its records again after a reload (same stored key), lists by prefix', async () => {
    await vault.put('outbox:1', { n: 1 });
    await vault.put('outbox:2', { n: 2 });
    await vault.put('draft', { n: 3 });
    const reopened = vaultOver(storage);
    expect((await reopened.list<{ n: number }>('outbox:')).map((r) => r.value.n).sort()).toEqual([
      1, 2,
    ]);
  });

  it('wipe deletes the records and the key: nothing stored before can be read again', async () => {
    await vault.put('draft', SECRET);
    const sealed = storage.records.get('draft');
    await vault.wipe();
    expect(storage.key).toBeUndefined();
    expect(storage.records.size).toBe(0);
    // Even a copy of the ciphertext taken before the wipe is useless under the next key.
    await storage.put(sealed as NonNullable<typeof sealed>);
    expect(await vault.get('draft')).toBeUndefined();
  });
});
