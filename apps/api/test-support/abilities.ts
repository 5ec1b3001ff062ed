import { createMongoAbility } from '@casl/ability';
import type { RawRuleOf } from '@casl/ability';
import type { AppAbility } from '@caunoi/shared/authz';

export { defineAbilityFor, subjectOf as subject } from '@caunoi/shared/authz';

/** Builds an ability from raw rules, for testing rule shapes the roles do not use yet. */
export function createMongoAbilityForTest(rules: RawRuleOf<AppAbility>[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}
