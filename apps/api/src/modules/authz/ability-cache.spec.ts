import { subjectOf } from '@caunoi/shared/authz';
import { AbilityCache } from './ability-cache';

const caseworker = { id: 'u1', role: 'caseworker' as const, agencyId: 'centre-a' };
const ownCase = (agencyId: string) =>
  subjectOf('Case', { agencyId, assignedUserId: 'u1', id: 'c1' });

describe('AbilityCache', () => {
  it('gives the same ability to the same user, and decides as a fresh one would', () => {
    const cache = new AbilityCache();
    const first = cache.for(caseworker);
    expect(cache.for({ ...caseworker })).toBe(first);
    expect(first.can('read', ownCase('centre-a'))).toBe(true);
    expect(first.can('read', ownCase('centre-b'))).toBe(false);
  });

  it('builds a new ability when the role or the agency changes', () => {
    const cache = new AbilityCache();
    const before = cache.for(caseworker);
    const moved = cache.for({ ...caseworker, agencyId: 'centre-b' });
    expect(moved).not.toBe(before);
    expect(moved.can('read', ownCase('centre-b'))).toBe(true);
    expect(moved.can('read', ownCase('centre-a'))).toBe(false);
    const admin = cache.for({ ...caseworker, role: 'admin' });
    expect(admin.can('read', ownCase('centre-a'))).toBe(false);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new AbilityCache(2);
    const a = cache.for({ ...caseworker, id: 'a' });
    const b = cache.for({ ...caseworker, id: 'b' });
    expect(cache.for({ ...caseworker, id: 'a' })).toBe(a); // a is now the most recent
    cache.for({ ...caseworker, id: 'c' }); // b goes
    expect(cache.size).toBe(2);
    expect(cache.for({ ...caseworker, id: 'a' })).toBe(a);
    expect(cache.for({ ...caseworker, id: 'b' })).not.toBe(b);
  });
});
