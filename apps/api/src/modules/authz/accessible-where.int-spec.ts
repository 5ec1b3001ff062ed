import { randomUUID } from 'node:crypto';
import type { AppAbility } from '@caunoi/shared/authz';
import {
  createMongoAbilityForTest,
  defineAbilityFor,
  subject,
} from '../../../test-support/abilities';
import { ROLES } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { createAgency, createUser } from '../../../test-support/factories';
import { accessibleWhere } from './accessible-where';
import { USER_RULE_COLUMNS } from '../users/users.repository';

/**
 * The SQL a list runs must return exactly the rows `ability.can` allows: checked on real
 * PostgreSQL for every role, and for rule shapes later issues will use.
 */
describe('accessibleWhere on real PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const extra = await createAgency(t, 'social_work_centre');
    await createUser(t, 'caseworker', { agencyId: extra });
    await createUser(t, 'supervisor', { agencyId: extra });
  });
  afterAll(() => t.close());

  async function idsBySql(ability: AppAbility): Promise<string[]> {
    const filter = accessibleWhere(ability, 'read', 'User', USER_RULE_COLUMNS);
    const rows = await t.dataSource
      .createQueryBuilder()
      .select('u.id', 'id')
      .from('users', 'u')
      .where(filter.sql, filter.params)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id).sort();
  }

  async function idsByCasl(ability: AppAbility): Promise<string[]> {
    const rows = (await t.dataSource.query(
      'SELECT id, agency_id AS "agencyId", role FROM users',
    )) as Record<string, unknown>[];
    return rows
      .filter((row) => ability.can('read', subject('User', { ...row })))
      .map((row) => row['id'] as string)
      .sort();
  }

  it.each(ROLES)('role %s: the SQL filter returns exactly what CASL allows', async (role) => {
    const user = await createUser(t, role);
    const ability = defineAbilityFor({ id: user.id, role, agencyId: user.agencyId });
    const bySql = await idsBySql(ability);
    expect(bySql).toEqual(await idsByCasl(ability));
    expect(bySql).toContain(user.id);
  });

  it('handles $in, $ne, cannot (NOT), OR across rules and deny-all like CASL does', async () => {
    const agencyA = await createAgency(t, 'police');
    const agencyB = await createAgency(t, 'health');
    const users = await Promise.all([
      createUser(t, 'police_liaison', { agencyId: agencyA }),
      createUser(t, 'health_liaison', { agencyId: agencyB }),
      createUser(t, 'caseworker'),
    ]);
    const shapes: AppAbility[] = [
      createMongoAbilityForTest([
        { action: 'read', subject: 'User', conditions: { agencyId: { $in: [agencyA, agencyB] } } },
      ]),
      createMongoAbilityForTest([
        { action: 'read', subject: 'User', conditions: { agencyId: { $in: [agencyA, agencyB] } } },
        { action: 'read', subject: 'User', conditions: { role: 'health_liaison' }, inverted: true },
      ]),
      createMongoAbilityForTest([
        { action: 'read', subject: 'User', conditions: { role: { $ne: 'caseworker' } } },
        { action: 'read', subject: 'User', conditions: { id: users[2]?.id } },
      ]),
      createMongoAbilityForTest([
        { action: 'read', subject: 'User' },
        {
          action: 'read',
          subject: 'User',
          inverted: true,
          conditions: { role: { $nin: ['admin', 'caseworker'] } },
        },
      ]),
      createMongoAbilityForTest([{ action: 'read', subject: 'Agency' }]),
      createMongoAbilityForTest([
        { action: 'read', subject: 'User', conditions: { agencyId: randomUUID() } },
      ]),
    ];
    for (const ability of shapes) {
      expect(await idsBySql(ability)).toEqual(await idsByCasl(ability));
    }
  });

  it('fails closed on a rule field it cannot map', () => {
    const ability = createMongoAbilityForTest([
      { action: 'read', subject: 'User', conditions: { secretField: 1 } },
    ]);
    expect(() => accessibleWhere(ability, 'read', 'User', USER_RULE_COLUMNS)).toThrow(
      /secretField/,
    );
  });
});
