import { DOCUMENT } from '@angular/common';
import type { EnvironmentProviders, Injector } from '@angular/core';
import {
  DestroyRef,
  EnvironmentInjector,
  afterNextRender,
  inject,
  provideAppInitializer,
} from '@angular/core';

/**
 * A control Angular marks invalid (`formControlName`, `formControl`, `ngModel` and custom controls
 * such as the commune picker), but not the groups and arrays around them.
 */
const INVALID_CONTROL =
  '.ng-invalid:not(form):not([formGroupName]):not([formArrayName]):not([ngModelGroup])';

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), ' +
  '[role=combobox], [role=radio], [role=checkbox], [role=switch], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Not on a closed step or in a hidden panel (a browser without `checkVisibility` is trusted). */
function visible(element: HTMLElement): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility({ visibilityProperty: true })
    : true;
}

/** The element to focus for the first invalid control under `root` (in page order), if any. */
export function firstInvalidField(root: ParentNode): HTMLElement | null {
  for (const control of Array.from(root.querySelectorAll<HTMLElement>(INVALID_CONTROL))) {
    // A control on a closed step or a hidden panel cannot take the focus: the next one may.
    const target = control.matches(FOCUSABLE)
      ? control
      : control.querySelector<HTMLElement>(FOCUSABLE);
    if (target && visible(target)) return target;
  }
  return null;
}

/**
 * Moves the focus to the first field in error under `root`, where a keyboard or screen-reader user
 * hears its message; true when it did. Focus the user has since moved elsewhere is left alone.
 */
export function focusFirstInvalid(root: Element): boolean {
  if (!root.isConnected) return false;
  const active = root.ownerDocument.activeElement;
  if (active && active !== root.ownerDocument.body && !root.contains(active)) return false;
  const target = firstInvalidField(root);
  if (!target) return false;
  target.focus();
  return true;
}

/** After the next render (when the error messages are shown), the focus goes to the first one. */
export function focusFirstInvalidAfterRender(root: Element, injector: Injector): void {
  afterNextRender({ read: () => focusFirstInvalid(root) }, { injector });
}

/**
 * Every form of the app, once: a submit that leaves a field in error moves the focus to the first
 * one. Listens on the document, after the form's own `ngSubmit` handler has marked its controls
 * touched; forms whose errors come back from the API do the same through `FormSubmission`.
 */
export function provideFocusOnInvalidSubmit(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const injector = inject(EnvironmentInjector);
    const document = inject(DOCUMENT);
    const onSubmit = (event: Event): void => {
      if (event.target instanceof HTMLFormElement) {
        focusFirstInvalidAfterRender(event.target, injector);
      }
    };
    document.addEventListener('submit', onSubmit);
    inject(DestroyRef).onDestroy(() => document.removeEventListener('submit', onSubmit));
  });
}
