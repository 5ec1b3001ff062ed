import { Injectable, inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';

/** The neutral page a quick exit shows: a recipe, inside the app, with nothing about anyone. */
export const NEUTRAL_ROUTE = '/mon-ngon';
const EXITED = 'caunoi.exited';

/**
 * A volunteer's phone may be seen by the person they are helping someone escape. One tap (or Esc
 * three times) replaces the screen with the neutral page, in place of the current history entry;
 * until the volunteer opens the app again from the neutral page, every volunteer screen (the one Back
 * would return to included) leads to the neutral page instead. The form's draft stays encrypted on
 * the phone (it was saved as it was typed); nothing of it stays on screen or in memory.
 */
@Injectable({ providedIn: 'root' })
export class QuickExit {
  private readonly router = inject(Router);
  private leaving = false;

  /** True while the exit is under way: "leave this form?" must not hold it up. */
  get inProgress(): boolean {
    return this.leaving;
  }

  get exited(): boolean {
    return sessionStorage.getItem(EXITED) !== null;
  }

  async exit(): Promise<void> {
    sessionStorage.setItem(EXITED, '1');
    this.leaving = true;
    try {
      await this.router.navigateByUrl(NEUTRAL_ROUTE, { replaceUrl: true });
    } finally {
      this.leaving = false;
    }
  }

  /** The volunteer opens the app again from the neutral page. */
  resume(): void {
    sessionStorage.removeItem(EXITED);
  }
}

/** Volunteer screens after a quick exit: the neutral page again, in place of the entry. */
export const quickExitGuard: CanActivateFn = () => {
  const quickExit = inject(QuickExit);
  if (!quickExit.exited) return true;
  void inject(Router).navigateByUrl(NEUTRAL_ROUTE, { replaceUrl: true });
  return false;
};
