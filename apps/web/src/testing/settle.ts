import type { ComponentFixture } from '@angular/core/testing';

/**
 * Lets a component finish what a click or an answer started: one macrotask (an awaited
 * `firstValueFrom`, a `setTimeout(0)`) and then Angular's own stability.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/**
 * Settles until `done()` holds, for work that takes an unknown number of turns (WebCrypto
 * encrypting before a write): a fixed count of settles passes on a quiet machine and fails on a busy one.
 * Gives up after `turns` settles and leaves the assertion that follows to say what is missing.
 */
export async function settleUntil(
  fixture: ComponentFixture<unknown>,
  done: () => boolean,
  turns = 100,
): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    await settle(fixture);
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
