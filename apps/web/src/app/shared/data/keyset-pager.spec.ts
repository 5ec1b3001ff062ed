import type { Page } from '@caunoi/shared/contracts';
import { Subject, of } from 'rxjs';
import { KeysetPager } from './keyset-pager';

describe('KeysetPager', () => {
  const pages: Record<string, Page<number>> = {
    first: { items: [1, 2], nextCursor: 'c2' },
    c2: { items: [3, 4], nextCursor: 'c3' },
    c3: { items: [5], nextCursor: null },
  };

  it('loads the first page, appends the next ones, and stops at the end', () => {
    const asked: (string | undefined)[] = [];
    const pager = new KeysetPager<number>((after) => {
      asked.push(after);
      return of(pages[after ?? 'first'] as Page<number>);
    });

    pager.reload();
    expect(pager.items()).toEqual([1, 2]);
    expect(pager.hasMore()).toBe(true);

    pager.loadMore();
    pager.loadMore();
    expect(pager.items()).toEqual([1, 2, 3, 4, 5]);
    expect(pager.hasMore()).toBe(false);

    pager.loadMore();
    expect(asked).toEqual([undefined, 'c2', 'c3']);
  });

  it('starts again from the first page on reload (filters changed)', () => {
    const pager = new KeysetPager<number>((after) => of(pages[after ?? 'first'] as Page<number>));
    pager.reload();
    pager.loadMore();
    pager.reload();
    expect(pager.items()).toEqual([1, 2]);
  });

  it('says "empty" only once a first page arrived with nothing in it', () => {
    const answer = new Subject<Page<number>>();
    const pager = new KeysetPager<number>(() => answer);
    pager.reload();
    expect(pager.loading()).toBe(true);
    expect(pager.empty()).toBe(false);
    answer.next({ items: [], nextCursor: null });
    expect(pager.empty()).toBe(true);
    expect(pager.loading()).toBe(false);
  });

  it('drops a slow answer to an old filter when a reload overtakes it', () => {
    const answers: Subject<Page<number>>[] = [];
    const pager = new KeysetPager<number>(() => {
      const answer = new Subject<Page<number>>();
      answers.push(answer);
      return answer;
    });
    pager.reload();
    pager.reload();
    answers[1]?.next({ items: [9], nextCursor: null });
    answers[0]?.next({ items: [1, 2], nextCursor: 'c2' });
    expect(pager.items()).toEqual([9]);
  });

  it('replaces and prepends records in place', () => {
    const pager = new KeysetPager<number>(() => of({ items: [1, 2], nextCursor: null }));
    pager.reload();
    pager.replace((n) => n === 2, 20);
    pager.prepend(0);
    expect(pager.items()).toEqual([0, 1, 20]);
  });
});
