import { InjectionToken } from '@angular/core';

/** One encrypted record as it lies on the phone: the IV and the AES-GCM ciphertext, nothing readable. */
export interface SealedRecord {
  id: string;
  iv: Uint8Array;
  data: ArrayBuffer;
}

/**
 * Where the device vault keeps its key and its sealed records. The browser's is IndexedDB, which
 * stores a `CryptoKey` object as it is (a non-extractable key stays non-extractable: the page can use
 * it, never read it).
 */
export interface VaultStorage {
  loadKey(): Promise<CryptoKey | undefined>;
  saveKey(key: CryptoKey): Promise<void>;
  put(record: SealedRecord): Promise<void>;
  get(id: string): Promise<SealedRecord | undefined>;
  /** The records whose id starts with `prefix`. */
  list(prefix: string): Promise<SealedRecord[]>;
  delete(id: string): Promise<void>;
  /** Deletes the whole database, key included. */
  destroy(): Promise<void>;
}

export const VAULT_DB_NAME = 'caunoi-device';
const KEYS = 'keys';
const RECORDS = 'records';
const KEY_ID = 'vault';

export const VAULT_STORAGE = new InjectionToken<VaultStorage>('VAULT_STORAGE', {
  providedIn: 'root',
  factory: () => new IndexedDbVaultStorage(),
});

/** The vault in the browser's IndexedDB: one store for the key, one for the sealed records. */
export class IndexedDbVaultStorage implements VaultStorage {
  private db: Promise<IDBDatabase> | null = null;

  async loadKey(): Promise<CryptoKey | undefined> {
    return (await this.request<CryptoKey | undefined>(KEYS, 'readonly', (s) => s.get(KEY_ID))) as
      | CryptoKey
      | undefined;
  }

  async saveKey(key: CryptoKey): Promise<void> {
    await this.request(KEYS, 'readwrite', (s) => s.put(key, KEY_ID));
  }

  async put(record: SealedRecord): Promise<void> {
    await this.request(RECORDS, 'readwrite', (s) => s.put(record));
  }

  get(id: string): Promise<SealedRecord | undefined> {
    return this.request<SealedRecord | undefined>(RECORDS, 'readonly', (s) => s.get(id));
  }

  list(prefix: string): Promise<SealedRecord[]> {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    return this.request<SealedRecord[]>(RECORDS, 'readonly', (s) => s.getAll(range));
  }

  async delete(id: string): Promise<void> {
    await this.request(RECORDS, 'readwrite', (s) => s.delete(id));
  }

  async destroy(): Promise<void> {
    const open = this.db;
    this.db = null;
    if (open) (await open).close();
    await new Promise<void>((resolve, reject) => {
      const deletion = indexedDB.deleteDatabase(VAULT_DB_NAME);
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error);
      // Another tab still holds it open: it is deleted as soon as that tab lets go.
      deletion.onblocked = () => resolve();
    });
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const opening = indexedDB.open(VAULT_DB_NAME, 1);
      opening.onupgradeneeded = () => {
        opening.result.createObjectStore(KEYS);
        opening.result.createObjectStore(RECORDS, { keyPath: 'id' });
      };
      opening.onsuccess = () => {
        // Another tab signing out deletes the database: let it, and open afresh next time.
        opening.result.onversionchange = () => {
          opening.result.close();
          this.db = null;
        };
        resolve(opening.result);
      };
      opening.onerror = () => reject(opening.error);
    });
    return this.db;
  }

  private async request<T>(
    store: string,
    mode: IDBTransactionMode,
    act: (s: IDBObjectStore) => IDBRequest,
  ): Promise<T> {
    const db = await this.open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = act(tx.objectStore(store));
      tx.oncomplete = () => resolve(req.result as T);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
}

/** The same contract in memory, holding what IndexedDB would hold (the key object, the ciphertext). */
export class MemoryVaultStorage implements VaultStorage {
  key: CryptoKey | undefined;
  readonly records = new Map<string, SealedRecord>();

  async loadKey(): Promise<CryptoKey | undefined> {
    return this.key;
  }
  async saveKey(key: CryptoKey): Promise<void> {
    this.key = key;
  }
  async put(record: SealedRecord): Promise<void> {
    this.records.set(record.id, record);
  }
  async get(id: string): Promise<SealedRecord | undefined> {
    return this.records.get(id);
  }
  async list(prefix: string): Promise<SealedRecord[]> {
    return [...this.records.values()].filter((r) => r.id.startsWith(prefix));
  }
  async delete(id: string): Promise<void> {
    this.records.delete(id);
  }
  async destroy(): Promise<void> {
    this.key = undefined;
    this.records.clear();
  }
}
