import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

const VERSION = 'v1';

/**
 * AES-256-GCM for sensitive columns, under a key ring: the first key encrypts, any key in the ring
 * decrypts, and the key id travels with the ciphertext so keys can rotate.
 * Format: `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts).
 */
@Injectable()
export class FieldCipher {
  private readonly current: { id: string; key: Buffer };
  private readonly ring: Map<string, Buffer>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const [current] = config.dataEncryptionKeys;
    if (!current) throw new Error('FieldCipher needs at least one data encryption key');
    this.current = current;
    this.ring = new Map(config.dataEncryptionKeys.map((k) => [k.id, k.key]));
  }

  /** Id of the key new ciphertexts are made with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    // The key id is authenticated too, so a ciphertext cannot be relabelled to another key.
    cipher.setAAD(Buffer.from(this.current.id));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return [VERSION, this.current.id, ...parts].join(':');
  }

  decrypt(stored: string): string {
    const [version, keyId, iv, tag, body] = stored.split(':');
    const key = keyId ? this.ring.get(keyId) : undefined;
    if (version !== VERSION || !key || !iv || !tag || body === undefined) {
      throw new Error('Unreadable ciphertext or unknown key id');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(keyId as string));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  encryptOptional(plaintext: string | null | undefined): string | null {
    return plaintext === null || plaintext === undefined || plaintext === ''
      ? null
      : this.encrypt(plaintext);
  }

  decryptOptional(stored: string | null): string | null {
    return stored === null ? null : this.decrypt(stored);
  }
}
