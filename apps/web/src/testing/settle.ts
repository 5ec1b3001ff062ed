import type { ComponentFixture } from '@angular/core/testing';

/**
 * Lets a component finish what a click or an answer started: one macrotask (an awaited
 * `firstValueFrom`, a `setTimeout(0)`) and then Angular's own stability.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
