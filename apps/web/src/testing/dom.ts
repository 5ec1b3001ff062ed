import type { ComponentFixture } from '@angular/core/testing';

type Root = ComponentFixture<unknown> | HTMLElement;

function rootOf(root: Root): HTMLElement {
  return root instanceof HTMLElement ? root : (root.nativeElement as HTMLElement);
}

/** The element with `data-testid="<id>"` under the fixture (or element), if any. */
export function byTestId<T extends HTMLElement = HTMLElement>(root: Root, id: string): T | null {
  return rootOf(root).querySelector<T>(`[data-testid="${id}"]`);
}

/** Its trimmed text, '' when it is not there. */
export function textOf(root: Root, id: string): string {
  return byTestId(root, id)?.textContent?.trim() ?? '';
}

/** Types into an input or textarea as a person would (value, then the `input` event). */
export async function typeInto(
  fixture: ComponentFixture<unknown>,
  id: string,
  value: string,
): Promise<void> {
  const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(fixture, id);
  if (!input) throw new Error(`no [data-testid="${id}"]`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await fixture.whenStable();
}
