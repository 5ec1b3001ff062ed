import { webcrypto } from 'node:crypto';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// jsdom has no SubtleCrypto: the tests use Node's real WebCrypto (the same API the browser has), never a mock.
if (!globalThis.crypto?.subtle) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
}
// jsdom has no ResizeObserver; charts (ngx-echarts) observe their element's size.
globalThis.ResizeObserver ??= class {
  observe(): void {
    /* jsdom lays nothing out */
  }
  unobserve(): void {
    /* nothing observed */
  }
  disconnect(): void {
    /* nothing observed */
  }
};
