import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { QuickExit } from './quick-exit.service';

/** Esc pressed this many times within the window leaves. */
const ESC_PRESSES = 3;
const ESC_WINDOW_MS = 1500;

/**
 * The quick-exit control of the volunteer screens: a button always in reach (one tap), and Esc three
 * times on a keyboard.
 */
@Component({
  selector: 'cn-quick-exit',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'onEscape()' },
  template: `<button
    type="button"
    class="quick-exit"
    (click)="leave()"
    data-testid="quick-exit"
    [attr.aria-label]="'quickExit.label' | t"
  >
    {{ 'quickExit.button' | t }}
  </button>`,
  styles: `
    :host {
      position: sticky;
      top: 0;
      z-index: 10;
      display: flex;
      justify-content: flex-end;
      /* Only the button takes taps: the fields it floats over stay usable. */
      pointer-events: none;
    }
    .quick-exit {
      min-height: 44px;
      padding: 0 16px;
      border: 0;
      border-radius: 22px;
      background: #b3261e;
      color: #fff;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
      pointer-events: auto;
    }
    .quick-exit:focus-visible {
      outline: 3px solid #1d1b20;
      outline-offset: 2px;
    }
  `,
})
export class QuickExitComponent {
  private readonly quickExit = inject(QuickExit);
  private presses: number[] = [];

  protected leave(): void {
    void this.quickExit.exit();
  }

  protected onEscape(): void {
    const now = performance.now();
    this.presses = [...this.presses.filter((at) => now - at < ESC_WINDOW_MS), now];
    if (this.presses.length >= ESC_PRESSES) {
      this.presses = [];
      this.leave();
    }
  }
}
