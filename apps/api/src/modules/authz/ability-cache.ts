import type { AbilityUser, AppAbility } from '@caunoi/shared/authz';
import { defineAbilityFor } from '@caunoi/shared/authz';

/**
 * The rules depend on the user's id, role and agency only, and an ability is never changed once
 * built: one per such triple serves every request of that user (building it and CASL's rule index
 * cost more than the rest of a small request's checks). A change of role or agency is a new key.
 * Bounded, least recently used out first.
 */
export class AbilityCache {
  private readonly entries = new Map<string, AppAbility>();

  constructor(private readonly capacity = 2_000) {}

  get size(): number {
    return this.entries.size;
  }

  for(user: AbilityUser): AppAbility {
    const key = `${user.id}|${user.role}|${user.agencyId}`;
    const found = this.entries.get(key);
    if (found) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const ability = defineAbilityFor({ id: user.id, role: user.role, agencyId: user.agencyId });
    this.entries.set(key, ability);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return ability;
  }
}
