import { Injectable, effect, inject } from '@angular/core';
import { AuthService } from '../../../core/auth/auth.service';
import type { TimerSnapshot } from '../call-timer/call-timer';

/** A call being logged, as the console left it. */
export interface CallInProgress<V = unknown> {
  value: V;
  timer: TimerSnapshot;
}

/**
 * Keeps the call an operator is logging while they open another page (a case, the directory) and
 * gives it back to the console on return: the form and a still-running timer. In memory only,
 * never in storage, and forgotten when the session ends, so the next person at the desk never
 * sees it.
 */
@Injectable({ providedIn: 'root' })
export class CallInProgressService {
  private kept: CallInProgress | null = null;

  constructor() {
    const auth = inject(AuthService);
    effect(() => {
      if (!auth.isSignedIn()) this.kept = null;
    });
  }

  keep(call: CallInProgress): void {
    this.kept = call;
  }

  /** The kept call, handed over once. */
  take<V>(): CallInProgress<V> | null {
    const call = this.kept as CallInProgress<V> | null;
    this.kept = null;
    return call;
  }
}
