import type { Role } from '@caunoi/shared/domain';
import {
  ACCOUNT_APPROVER_ROLES,
  CASE_READING_ROLES,
  INBOX_ROLES,
  RECEIVING_ROLES,
  REFERRAL_TARGET_TYPES,
  ROLES,
} from '@caunoi/shared/domain';
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

describe('account changes (the two-person rule)', () => {
  it('names as case-reading exactly the roles whose rules read some case-content subject', () => {
    const reading = ROLES.filter((role) => {
      const ability = defineAbilityFor(userOf(role));
      return CASE_CONTENT_SUBJECTS.some((s) => ability.can('read', s));
    });
    expect([...CASE_READING_ROLES].sort()).toEqual([...reading].sort());
  });

  it('lets exactly the approver roles decide account changes', () => {
    for (const role of ROLES) {
      expect([role, defineAbilityFor(userOf(role)).can('approve', 'AccountChange')]).toEqual([
        role,
        ACCOUNT_APPROVER_ROLES.includes(role),
      ]);
    }
  });

  it("lets a supervisor read and decide their own centre's requests only, and request none", () => {
    const ability = defineAbilityFor(userOf('supervisor'));
    const here = subject('AccountChange', { targetAgencyId: AGENCY });
    const there = subject('AccountChange', { targetAgencyId: 'other' });
    for (const action of ['read', 'approve'] as const) {
      expect(ability.can(action, here)).toBe(true);
      expect(ability.can(action, there)).toBe(false);
    }
    expect(ability.can('create', 'AccountChange')).toBe(false);
    expect(ability.can('create', 'User')).toBe(false);
  });

  it("lets an admin read and decide every agency's requests", () => {
    const ability = defineAbilityFor(userOf('admin'));
    for (const action of ['read', 'approve'] as const) {
      expect(ability.can(action, subject('AccountChange', { targetAgencyId: 'other' }))).toBe(true);
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

describe('referral rules (receiving agencies)', () => {
  const referralTo = (toAgencyId: string) =>
    subject('Referral', { toAgencyId, fromAgencyId: 'sender' });
  const serviceRecordOf = (agencyId: string) => subject('ServiceRecord', { agencyId });

  const RECEIVING = [
    'police_liaison',
    'health_liaison',
    'justice_liaison',
    'caseworker',
    'supervisor',
  ] as const;
  const WITHOUT_REFERRALS = [
    'hotline_operator',
    'volunteer',
    'reporting_officer',
    'admin',
  ] as const;

  it.each(RECEIVING)(
    '%s reads and answers referrals addressed to their agency, not to another',
    (role) => {
      const ability = defineAbilityFor(userOf(role));
      for (const action of ['read', 'update'] as const) {
        expect(ability.can(action, referralTo(AGENCY))).toBe(true);
        expect(ability.can(action, referralTo('other'))).toBe(false);
        expect(ability.can(action, subject('Referral', { fromAgencyId: 'sender' }))).toBe(false);
      }
    },
  );

  it.each(RECEIVING)('%s has no other power over a referral addressed to their agency', (role) => {
    const ability = defineAbilityFor(userOf(role));
    for (const action of ACTIONS.filter((a) => !['read', 'update', 'create'].includes(a))) {
      expect([action, ability.can(action, referralTo(AGENCY))]).toEqual([action, false]);
    }
  });

  it.each(RECEIVING)(
    "%s reads and writes their agency's service records, never edits them, never another agency's",
    (role) => {
      const ability = defineAbilityFor(userOf(role));
      expect(ability.can('read', serviceRecordOf(AGENCY))).toBe(true);
      expect(ability.can('create', serviceRecordOf(AGENCY))).toBe(true);
      expect(ability.can('update', serviceRecordOf(AGENCY))).toBe(false);
      expect(ability.can('manage', serviceRecordOf(AGENCY))).toBe(false);
      for (const action of ACTIONS) {
        expect([action, ability.can(action, serviceRecordOf('other'))]).toEqual([action, false]);
      }
    },
  );

  it('caseworkers and supervisors send referrals; liaisons only receive them', () => {
    for (const role of RECEIVING) {
      const sends = role === 'caseworker' || role === 'supervisor';
      expect([role, defineAbilityFor(userOf(role)).can('create', 'Referral')]).toEqual([
        role,
        sends,
      ]);
    }
  });

  it('liaisons still see no case, survivor, note or consent behind a referral', () => {
    for (const role of ['police_liaison', 'health_liaison', 'justice_liaison'] as const) {
      const ability = defineAbilityFor(userOf(role));
      for (const s of ['Case', 'Survivor', 'Incident', 'CaseNote', 'ConsentRecord'] as const) {
        expect([role, s, ability.can('read', s)]).toEqual([role, s, false]);
        expect([role, s, ability.can('read', subject(s, { agencyId: AGENCY }))]).toEqual([
          role,
          s,
          false,
        ]);
      }
    }
  });

  it.each(WITHOUT_REFERRALS)(
    '%s has no right at all on referrals or service records, even addressed to their agency',
    (role) => {
      const ability = defineAbilityFor(userOf(role));
      for (const action of ACTIONS) {
        expect([action, ability.can(action, 'Referral')]).toEqual([action, false]);
        expect([action, ability.can(action, referralTo(AGENCY))]).toEqual([action, false]);
        expect([action, ability.can(action, 'ServiceRecord')]).toEqual([action, false]);
        expect([action, ability.can(action, serviceRecordOf(AGENCY))]).toEqual([action, false]);
      }
    },
  );

  it('has an inbox for exactly the roles the domain says receive referrals', () => {
    for (const role of ROLES) {
      const ability = defineAbilityFor(userOf(role));
      expect([role, ability.can('read', referralTo(AGENCY))]).toEqual([
        role,
        INBOX_ROLES.includes(role),
      ]);
    }
  });

  it('lets every role the domain names for a target type read referrals addressed to its agency', () => {
    for (const type of REFERRAL_TARGET_TYPES) {
      for (const role of RECEIVING_ROLES[type]) {
        expect([
          type,
          role,
          defineAbilityFor(userOf(role)).can('read', referralTo(AGENCY)),
        ]).toEqual([type, role, true]);
      }
    }
  });

  it('survives packing for the web on referral and service-record instances', () => {
    for (const role of ROLES) {
      const original = defineAbilityFor(userOf(role));
      const rebuilt = abilityFromRules(unpackRules(packRules(original.rules)));
      for (const record of [
        referralTo(AGENCY),
        referralTo('other'),
        serviceRecordOf(AGENCY),
        serviceRecordOf('other'),
      ]) {
        for (const action of ACTIONS) {
          expect([role, action, rebuilt.can(action, record)]).toEqual([
            role,
            action,
            original.can(action, record),
          ]);
        }
      }
    }
  });
});

describe('statistics rules', () => {
  const centre = (agencyId: string, reportingAgencyId: string) =>
    subject('Statistics', { agencyId, reportingAgencyId });

  it("lets a supervisor read their own centre's statistics only", () => {
    const ability = defineAbilityFor(userOf('supervisor'));
    expect(ability.can('read', centre(AGENCY, 'province'))).toBe(true);
    expect(ability.can('read', centre('other', 'province'))).toBe(false);
  });

  it('lets a reporting officer read the statistics of the centres reporting to their agency', () => {
    const ability = defineAbilityFor(userOf('reporting_officer'));
    expect(ability.can('read', centre('any-centre', AGENCY))).toBe(true);
    expect(ability.can('read', centre('any-centre', 'another-province'))).toBe(false);
  });

  it('gives no other role any statistics, and nobody any power over them but reading', () => {
    for (const role of ROLES) {
      const ability = defineAbilityFor(userOf(role));
      expect([role, ability.can('read', 'Statistics')]).toEqual([
        role,
        role === 'supervisor' || role === 'reporting_officer',
      ]);
      for (const action of ACTIONS.filter((a) => a !== 'read')) {
        expect([role, action, ability.can(action, 'Statistics')]).toEqual([role, action, false]);
      }
    }
  });
});
