import { DestroyRef, Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { QuickExit } from '../quick-exit/quick-exit.service';
import type { ConfirmDialogData } from '../ui/confirm-dialog/confirm-dialog.component';
import { ConfirmDialogComponent } from '../ui/confirm-dialog/confirm-dialog.component';

/** A page whose form may hold input not yet saved. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Every form on screen that may hold unsaved input, including those nested in a page's tabs. */
@Injectable({ providedIn: 'root' })
export class UnsavedChangesRegistry {
  private readonly checks = new Set<() => boolean>();

  register(dirty: () => boolean): () => void {
    this.checks.add(dirty);
    return () => this.checks.delete(dirty);
  }

  any(): boolean {
    return [...this.checks].some((dirty) => dirty());
  }
}

/**
 * Asks before leaving a page with unsaved input (route `canDeactivate`): the page's own answer, or
 * any form on it that called `guardUnload`. A session that ended (sign-out, idle logout) leaves at
 * once: the screen must not stay up waiting for an answer. So does a quick exit.
 */
export const unsavedChangesGuard: CanDeactivateFn<Partial<HasUnsavedChanges> | null> = (
  component,
) => {
  const dirty = !!component?.hasUnsavedChanges?.() || inject(UnsavedChangesRegistry).any();
  if (!dirty || !inject(AuthService).isSignedIn() || inject(QuickExit).inProgress) return true;
  const data: ConfirmDialogData = { message: 'unsaved.message', confirm: 'unsaved.leave' };
  return inject(MatDialog)
    .open(ConfirmDialogComponent, { data, autoFocus: 'dialog' })
    .afterClosed()
    .pipe(map((leave) => leave === true));
};

/**
 * Registers a form's `dirty()` for `unsavedChangesGuard`, and asks the browser before a reload or
 * closing the tab while it holds (the browser shows its own text). Call in a component's
 * constructor; both go with the component.
 */
export function guardUnload(dirty: () => boolean): void {
  const handler = (event: BeforeUnloadEvent): void => {
    if (!dirty()) return;
    event.preventDefault();
    // Older browsers need a return value to ask.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', handler);
  const unregister = inject(UnsavedChangesRegistry).register(dirty);
  inject(DestroyRef).onDestroy(() => {
    window.removeEventListener('beforeunload', handler);
    unregister();
  });
}
