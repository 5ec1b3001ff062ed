import { DestroyRef, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import type { ConfirmDialogData } from '../ui/confirm-dialog/confirm-dialog.component';
import { ConfirmDialogComponent } from '../ui/confirm-dialog/confirm-dialog.component';

/** A page whose form may hold input not yet saved. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/**
 * Asks before leaving a page with unsaved input (route `canDeactivate`). A session that ended
 * (sign-out, idle logout) leaves at once: the screen must not stay up waiting for an answer.
 */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (component) => {
  if (!component?.hasUnsavedChanges() || !inject(AuthService).isSignedIn()) return true;
  const data: ConfirmDialogData = { message: 'unsaved.message', confirm: 'unsaved.leave' };
  return inject(MatDialog)
    .open(ConfirmDialogComponent, { data, autoFocus: 'dialog' })
    .afterClosed()
    .pipe(map((leave) => leave === true));
};

/**
 * The browser's own question before a reload or closing the tab while `dirty()` holds (it shows its
 * own text). Call in a component's constructor; the listener goes with the component.
 */
export function guardUnload(dirty: () => boolean): void {
  const handler = (event: BeforeUnloadEvent): void => {
    if (!dirty()) return;
    event.preventDefault();
    // Older browsers need a return value to ask.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', handler);
  inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', handler));
}
