import { Injectable, inject } from '@angular/core';
import type { SealedRecord } from './vault-storage';
import { VAULT_STORAGE } from './vault-storage';

const ALGORITHM = 'AES-GCM';
const IV_BYTES = 12;

/**
 * What the volunteer app keeps on the phone (drafts, queued referrals, the last known statuses, the
 * signed-in profile for offline use), encrypted with AES-GCM under a key made on the phone as
 * non-extractable: script can encrypt and decrypt with it but never read it out, and it never leaves
 * the device. Each record's id is bound in as additional data, so records cannot be swapped.
 * `wipe()` deletes the records and the key: what was stored cannot be read again, by anyone.
 */
@Injectable({ providedIn: 'root' })
export class DeviceVault {
  private readonly storage = inject(VAULT_STORAGE);
  private key: Promise<CryptoKey> | null = null;

  async put(id: string, value: unknown): Promise<void> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const plain = new TextEncoder().encode(JSON.stringify(value));
    const data = await crypto.subtle.encrypt(
      { name: ALGORITHM, iv, additionalData: additionalData(id) },
      await this.cryptoKey(),
      plain,
    );
    await this.storage.put({ id, iv, data });
  }

  /** The record, or undefined when there is none or it cannot be read (another key, tampered). */
  async get<T>(id: string): Promise<T | undefined> {
    const record = await this.storage.get(id);
    return record ? this.open<T>(record) : undefined;
  }

  /** Every readable record under a prefix, with its id. */
  async list<T>(prefix: string): Promise<{ id: string; value: T }[]> {
    const records = await this.storage.list(prefix);
    const opened: { id: string; value: T }[] = [];
    for (const record of records) {
      const value = await this.open<T>(record);
      if (value !== undefined) opened.push({ id: record.id, value });
    }
    return opened;
  }

  delete(id: string): Promise<void> {
    return this.storage.delete(id);
  }

  /** Sign-out: the records and the key are gone. */
  async wipe(): Promise<void> {
    this.key = null;
    await this.storage.destroy();
  }

  private async open<T>(record: SealedRecord): Promise<T | undefined> {
    try {
      const plain = await crypto.subtle.decrypt(
        {
          name: ALGORITHM,
          iv: record.iv as Uint8Array<ArrayBuffer>,
          additionalData: additionalData(record.id),
        },
        await this.cryptoKey(),
        record.data,
      );
      return JSON.parse(new TextDecoder().decode(plain)) as T;
    } catch {
      return undefined;
    }
  }

  private cryptoKey(): Promise<CryptoKey> {
    this.key ??= this.loadOrCreateKey().catch((error: unknown) => {
      this.key = null;
      throw error;
    });
    return this.key;
  }

  private async loadOrCreateKey(): Promise<CryptoKey> {
    const stored = await this.storage.loadKey();
    if (stored) return stored;
    const key = await crypto.subtle.generateKey({ name: ALGORITHM, length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    await this.storage.saveKey(key);
    return key;
  }
}

function additionalData(id: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`caunoi-vault:${id}`);
}
