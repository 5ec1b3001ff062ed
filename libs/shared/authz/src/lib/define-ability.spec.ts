import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import { abilityFromRules, defineAbilityFor, subjectOf as subject } from './define-ability';
import { ACTIONS, ADMINISTRATION_SUBJECTS, CASE_CONTENT_SUBJECTS } from './subjects';
import { packRules, unpackRules } from '@casl/ability/extra';

const AGENCY = 'agency-1';
const userOf = (role: Role) => ({ id: `user-${role}`, role, agencyId: AGENCY });

describe('defineAbilityFor', () => {
  it('admin manages users, agencies, units and settings', () => {
    const ability = defineAbilityFor(userOf('admin'));
    for (const s of ['User', 'Agency', 'AdministrativeUnit', 'Setting'] as const) {
      for (const action of ACTIONS)
        expect([s, action, ability.can(action, s)]).toEqual([s, action, true]);
    }
  });

  it('admin has no permission on any case-content subject, for any action, even on a record', () => {
    const ability = defineAbilityFor(userOf('admin'));
    for (const s of CASE_CONTENT_SUBJECTS) {
      for (const action of ACTIONS) {
        expect(ability.can(action, s)).toBe(false);
        expect(ability.can(action, subject(s, { agencyId: AGENCY }))).toBe(false);
      }
    }
  });

  it.each(ROLES.filter((r) => r !== 'admin'))('%s cannot administer anything', (role) => {
    const ability = defineAbilityFor(userOf(role));
    for (const s of ADMINISTRATION_SUBJECTS) {
      for (const action of ['create', 'update', 'disable', 'reset_password', 'manage'] as const) {
        expect(ability.can(action, s)).toBe(false);
      }
    }
  });

  it.each(ROLES)('%s can read the directory and itself, not another user elsewhere', (role) => {
    const ability = defineAbilityFor(userOf(role));
    expect(ability.can('read', 'Agency')).toBe(true);
    expect(
      ability.can('read', subject('User', { id: `user-${role}`, agencyId: 'elsewhere' })),
    ).toBe(true);
    expect(ability.can('read', subject('User', { id: 'someone', agencyId: 'elsewhere' }))).toBe(
      role === 'admin',
    );
  });

  it('supervisors and caseworkers see colleagues in their own agency only', () => {
    for (const role of ['supervisor', 'caseworker'] as const) {
      const ability = defineAbilityFor(userOf(role));
      expect(ability.can('read', subject('User', { id: 'x', agencyId: AGENCY }))).toBe(true);
      expect(ability.can('read', subject('User', { id: 'x', agencyId: 'other' }))).toBe(false);
    }
    const liaison = defineAbilityFor(userOf('police_liaison'));
    expect(liaison.can('read', subject('User', { id: 'x', agencyId: AGENCY }))).toBe(false);
  });

  it('survives packing for the web: the unpacked ability decides the same way', () => {
    for (const role of ROLES) {
      const original = defineAbilityFor(userOf(role));
      const rebuilt = abilityFromRules(unpackRules(packRules(original.rules)));
      for (const s of [...ADMINISTRATION_SUBJECTS, ...CASE_CONTENT_SUBJECTS]) {
        for (const action of ACTIONS) expect(rebuilt.can(action, s)).toBe(original.can(action, s));
      }
    }
  });
});

describe('case rules (intake)', () => {
  const record = (agencyId: string, assignedUserId: string | null) =>
    subject('Case', { agencyId, assignedUserId });

  it('a caseworker reads and changes cases assigned to them, and reads the unassigned queue of their centre', () => {
    const ability = defineAbilityFor(userOf('caseworker'));
    const me = 'user-caseworker';
    expect(ability.can('read', record(AGENCY, me))).toBe(true);
    expect(ability.can('update', record(AGENCY, me))).toBe(true);
    expect(ability.can('reveal_identity', record(AGENCY, me))).toBe(true);
    expect(ability.can('read', record(AGENCY, null))).toBe(true);
    expect(ability.can('update', record(AGENCY, null))).toBe(false);
    expect(ability.can('read', record(AGENCY, 'someone-else'))).toBe(false);
    expect(ability.can('read', record('other', me))).toBe(false);
    expect(ability.can('assign', record(AGENCY, me))).toBe(false);
    expect(ability.can('audit', record(AGENCY, me))).toBe(false);
  });

  it('a supervisor sees, assigns and audits every case of their centre only', () => {
    const ability = defineAbilityFor(userOf('supervisor'));
    for (const action of ['read', 'update', 'assign', 'reveal_identity', 'audit'] as const) {
      expect(ability.can(action, record(AGENCY, 'anyone'))).toBe(true);
      expect(ability.can(action, record('other', 'anyone'))).toBe(false);
    }
  });

  it.each([
    'police_liaison',
    'health_liaison',
    'justice_liaison',
    'reporting_officer',
    'admin',
    'volunteer',
    'hotline_operator',
  ] as const)('%s sees no case at all', (role) => {
    const ability = defineAbilityFor(userOf(role));
    expect(ability.can('read', 'Case')).toBe(false);
    expect(ability.can('read', 'IntakeItem')).toBe(false);
  });

  it("operators handle their own hotline's calls; volunteers see only their own referrals", () => {
    const operator = defineAbilityFor(userOf('hotline_operator'));
    expect(operator.can('read', subject('Call', { agencyId: AGENCY }))).toBe(true);
    expect(operator.can('read', subject('Call', { agencyId: 'other' }))).toBe(false);
    const volunteer = defineAbilityFor(userOf('volunteer'));
    expect(
      volunteer.can('read', subject('CommunityReferral', { submittedByUserId: 'user-volunteer' })),
    ).toBe(true);
    expect(
      volunteer.can('read', subject('CommunityReferral', { submittedByUserId: 'someone' })),
    ).toBe(false);
    expect(volunteer.can('read', 'Call')).toBe(false);
  });
});
