import type { Page } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { EMPTY, expand, map, reduce } from 'rxjs';

/** Every page of a keyset list, for a select box over a bounded list (a province's agencies or communes). */
export function allPages<T>(page: (after?: string) => Observable<Page<T>>): Observable<T[]> {
  return page().pipe(
    expand((result) => (result.nextCursor ? page(result.nextCursor) : EMPTY)),
    map((result) => result.items),
    reduce((all, items) => [...all, ...items], [] as T[]),
  );
}
