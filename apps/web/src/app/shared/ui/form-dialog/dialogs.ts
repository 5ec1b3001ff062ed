import type { ComponentType } from '@angular/cdk/portal';
import { DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import type { Observable } from 'rxjs';
import { filter } from 'rxjs';
import type { ConfirmDialogData } from '../confirm-dialog/confirm-dialog.component';
import { ConfirmDialogComponent } from '../confirm-dialog/confirm-dialog.component';

/** Widths of the dialogs (never wider than the screen, never taller than 90 % of it). */
export const DIALOG_WIDTHS = {
  small: '480px',
  medium: '520px',
  large: '640px',
  wide: '760px',
} as const;
export type DialogWidth = keyof typeof DIALOG_WIDTHS;

export interface DialogOptions {
  /** Default `small`. */
  width?: DialogWidth;
  /** Only the dialog's own buttons close it (not Esc, not a click outside). */
  disableClose?: boolean;
}

export interface Dialogs {
  /**
   * Opens `component` with `data`; emits its result once if it closed with one (cancel, Esc and
   * a click outside emit nothing), and nothing after the calling component is gone.
   */
  open<C, D, R>(component: ComponentType<C>, data: D, options?: DialogOptions): Observable<R>;
  /** Asks; emits once when the person confirmed. */
  confirm(data: ConfirmDialogData, options?: DialogOptions): Observable<true>;
}

/**
 * The `afterClosed()` plumbing every caller of a dialog repeated, once. Call in a field
 * initializer of the component that opens dialogs (`private readonly dialogs = injectDialogs()`).
 */
export function injectDialogs(): Dialogs {
  const dialog = inject(MatDialog);
  const destroyRef = inject(DestroyRef);
  const open = <C, D, R>(
    component: ComponentType<C>,
    data: D,
    { width = 'small', disableClose = false }: DialogOptions = {},
  ): Observable<R> =>
    dialog
      .open<C, D, R>(component, {
        data,
        width: DIALOG_WIDTHS[width],
        disableClose,
        maxWidth: '95vw',
        maxHeight: '90vh',
      })
      .afterClosed()
      .pipe(
        filter(
          (result): result is R => result !== undefined && result !== null && result !== false,
        ),
        takeUntilDestroyed(destroyRef),
      );
  return {
    open,
    confirm: (data, options) =>
      open<ConfirmDialogComponent, ConfirmDialogData, true>(ConfirmDialogComponent, data, options),
  };
}
