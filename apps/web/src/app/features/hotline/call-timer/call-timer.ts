import { DestroyRef, computed, inject, signal } from '@angular/core';

const pad = (value: number): string => String(value).padStart(2, '0');

/** `mm:ss`; minutes keep counting past 59 (a long call reads 75:02, not 15:02). */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${pad(Math.floor(whole / 60))}:${pad(whole % 60)}`;
}

export interface TimerSnapshot {
  started: number | null;
  ended: number | null;
}

/**
 * The running clock of one call. Elapsed time is computed from Date.now() rather than counted
 * ticks, so a throttled background tab still shows the right duration.
 */
export class CallTimer {
  private readonly started = signal<number | null>(null);
  private readonly ended = signal<number | null>(null);
  private readonly now = signal(Date.now());
  private interval: ReturnType<typeof setInterval> | null = null;

  readonly running = computed(() => this.started() !== null && this.ended() === null);
  readonly hasStarted = computed(() => this.started() !== null);
  readonly elapsedSeconds = computed(() => {
    const started = this.started();
    if (started === null) return 0;
    return Math.floor(((this.ended() ?? this.now()) - started) / 1000);
  });
  readonly display = computed(() => formatDuration(this.elapsedSeconds()));

  /** ISO instants for the request. */
  readonly startedAt = computed(() => toIso(this.started()));
  readonly endedAt = computed(() => toIso(this.ended()));

  start(): void {
    if (this.running()) return;
    const now = Date.now();
    this.started.set(now);
    this.ended.set(null);
    this.now.set(now);
    this.clearInterval();
    this.interval = setInterval(() => this.now.set(Date.now()), 1000);
  }

  stop(): void {
    if (!this.running()) return;
    const now = Date.now();
    this.now.set(now);
    this.ended.set(now);
    this.clearInterval();
  }

  reset(): void {
    this.clearInterval();
    this.started.set(null);
    this.ended.set(null);
  }

  /** The instants that define the clock, to carry a call across pages. */
  snapshot(): TimerSnapshot {
    return { started: this.started(), ended: this.ended() };
  }

  /** Resumes a clock from a snapshot: a running call keeps running, its elapsed time intact. */
  restore(snapshot: TimerSnapshot): void {
    this.reset();
    if (snapshot.started === null) return;
    this.started.set(snapshot.started);
    this.ended.set(snapshot.ended);
    this.now.set(Date.now());
    if (snapshot.ended === null) {
      this.interval = setInterval(() => this.now.set(Date.now()), 1000);
    }
  }

  dispose(): void {
    this.clearInterval();
  }

  private clearInterval(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }
}

function toIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** A timer owned by the calling component; its interval stops with the component. */
export function callTimer(): CallTimer {
  const timer = new CallTimer();
  inject(DestroyRef).onDestroy(() => timer.dispose());
  return timer;
}
