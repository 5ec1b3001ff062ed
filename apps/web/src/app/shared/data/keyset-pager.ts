import type { Signal } from '@angular/core';
import { DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Page } from '@caunoi/shared/contracts';
import type { Observable, Subscription } from 'rxjs';

/** Fetches one page; `after` is the previous page's `nextCursor` (undefined for the first page). */
export type PageLoader<T> = (after: string | undefined) => Observable<Page<T>>;

/**
 * A keyset-paged list as signals: `reload()` starts again from the first page (filters changed),
 * `loadMore()` appends the next one. A reload cancels a page still in flight, so a slow answer to
 * an old filter never lands on top of the new one.
 */
export class KeysetPager<T> {
  private readonly list = signal<T[]>([]);
  private readonly cursor = signal<string | null>(null);
  private readonly busy = signal(false);
  private readonly loaded = signal(false);
  private inFlight: Subscription | null = null;

  readonly items: Signal<T[]> = this.list.asReadonly();
  readonly loading: Signal<boolean> = this.busy.asReadonly();
  readonly hasMore = computed(() => this.cursor() !== null);
  /** True once a first page has arrived and held nothing. */
  readonly empty = computed(() => this.loaded() && !this.busy() && this.list().length === 0);

  constructor(private readonly loader: PageLoader<T>) {}

  reload(): void {
    this.fetch(true);
  }

  loadMore(): void {
    if (this.cursor() === null || this.busy()) return;
    this.fetch(false);
  }

  /** Replaces the items `match` selects, e.g. after an update returned the fresh record. */
  replace(match: (item: T) => boolean, next: T): void {
    this.list.update((items) => items.map((item) => (match(item) ? next : item)));
  }

  /** Puts a new record first (lists are newest first). */
  prepend(item: T): void {
    this.list.update((items) => [item, ...items]);
  }

  /** Stops any request in flight (the owner is going away). */
  cancel(): void {
    this.inFlight?.unsubscribe();
    this.inFlight = null;
  }

  private fetch(reset: boolean): void {
    this.cancel();
    this.busy.set(true);
    this.inFlight = this.loader(reset ? undefined : (this.cursor() ?? undefined)).subscribe({
      next: (page) => {
        this.list.update((items) => (reset ? page.items : [...items, ...page.items]));
        this.cursor.set(page.nextCursor);
        this.loaded.set(true);
        this.busy.set(false);
      },
      error: () => this.busy.set(false),
    });
  }
}

/**
 * A pager owned by the calling component: requests stop when it is destroyed, and the first page
 * loads at once unless `reloadOn` is given, whose every emission (e.g. debounced filter changes)
 * reloads from the first page.
 */
export function keysetPager<T>(
  loader: PageLoader<T>,
  options: { reloadOn?: Observable<unknown>; immediate?: boolean } = {},
): KeysetPager<T> {
  const pager = new KeysetPager(loader);
  const destroyRef = inject(DestroyRef);
  destroyRef.onDestroy(() => pager.cancel());
  options.reloadOn?.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => pager.reload());
  if (options.immediate !== false) pager.reload();
  return pager;
}
