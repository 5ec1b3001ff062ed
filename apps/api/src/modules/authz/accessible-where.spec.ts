import { defineAbilityFor } from '@caunoi/shared/authz';
import { CASE_RULE_COLUMNS } from '../cases/cases.repository';
import { accessibleWhere } from './accessible-where';

describe('accessibleWhere, translated once per ability and question', () => {
  const caseworker = defineAbilityFor({ id: 'u1', role: 'caseworker', agencyId: 'centre-a' });

  it('answers the same question with the same filter, and a different one anew', () => {
    const read = accessibleWhere(caseworker, 'read', 'Case', CASE_RULE_COLUMNS);
    expect(accessibleWhere(caseworker, 'read', 'Case', CASE_RULE_COLUMNS)).toBe(read);
    expect(Object.values(read.params)).toEqual(expect.arrayContaining(['centre-a', 'u1']));
    const prefixed = accessibleWhere(caseworker, 'read', 'Case', CASE_RULE_COLUMNS, 'other');
    expect(prefixed).not.toBe(read);
    expect(prefixed.sql).toContain(':other_');
    const otherUser = defineAbilityFor({ id: 'u2', role: 'caseworker', agencyId: 'centre-b' });
    const theirs = accessibleWhere(otherUser, 'read', 'Case', CASE_RULE_COLUMNS);
    expect(Object.values(theirs.params)).toEqual(expect.arrayContaining(['centre-b', 'u2']));
    expect(Object.values(theirs.params)).not.toContain('centre-a');
  });

  it('cannot be altered by a caller (the next request gets it too)', () => {
    const filter = accessibleWhere(caseworker, 'update', 'Case', CASE_RULE_COLUMNS);
    expect(() => {
      (filter.params as Record<string, unknown>)['acl_0'] = 'centre-b';
    }).toThrow(TypeError);
    expect(() => {
      (filter as { sql: string }).sql = 'TRUE';
    }).toThrow(TypeError);
  });
});
