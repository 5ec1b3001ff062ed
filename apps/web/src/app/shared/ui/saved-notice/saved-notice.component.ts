import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  inject,
  input,
} from '@angular/core';

/**
 * "Saved" where the eye is: put it right by a form's submit button. When it appears it scrolls into
 * view and takes the focus (a screen reader reads it; the next Tab goes on from the form), so a
 * success is never announced out of sight at the top of a long page.
 */
@Component({
  selector: 'cn-saved-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'cn-success',
    role: 'status',
    tabindex: '-1',
    '[attr.data-testid]': 'testId()',
  },
  template: `<span aria-hidden="true">✓</span> <ng-content />`,
})
export class SavedNoticeComponent {
  readonly testId = input<string | null>(null);

  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => {
      element.scrollIntoView?.({ block: 'nearest' });
      element.focus({ preventScroll: true });
    });
  }
}
