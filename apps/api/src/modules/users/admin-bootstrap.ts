import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock';
import type { AdministrativeUnitLookup } from '../administrative-units/administrative-unit-lookup';
import type { AgenciesRepository } from '../agencies/agencies.repository';
import type { AuditService } from '../audit/audit.service';
import type { AccountGrants } from './account-grants';
import type { IssuedOneTimeCode, OneTimeCodeIssuer } from './one-time-code-issuer';
import type { UsersRepository } from './users.repository';

export interface NewAdmin {
  username: string;
  displayName: string;
  /** An existing agency, or a new reporting authority of the province. */
  agency: { id: string } | { name: string; provinceCode: string };
  /** Create one even though an active admin exists (the operator says so explicitly). */
  forceAnother: boolean;
}

export interface CreatedAdmin {
  userId: string;
  agencyId: string;
  agencyName: string;
  code: IssuedOneTimeCode;
}

/** A refusal the operator can act on, printed as it is. */
export class AdminBootstrapRefusal extends Error {}

/**
 * The first admin of an install (`cli create-admin`): production has no demo seed, and no account
 * can be approved before an admin exists. The admin gets no password, only a one-time code the
 * operator hands over; a second admin through here needs `--force-another`, since after the first
 * one the two-person rule applies (another admin creates, a third approves).
 */
export class AdminBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly units: AdministrativeUnitLookup,
    private readonly grants: AccountGrants,
    private readonly codes: OneTimeCodeIssuer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(input: NewAdmin): Promise<CreatedAdmin> {
    const now = this.clock.now();
    const active = await this.users.countActiveAdmins(now);
    if (active > 0 && !input.forceAnother) {
      throw new AdminBootstrapRefusal(
        `${active} active admin(s) exist: ask one of them to request a new admin account, which ` +
          'another admin approves. Only if no admin can sign in any more, run again with --force-another.',
      );
    }
    if (await this.users.isUsernameTaken(input.username)) {
      throw new AdminBootstrapRefusal(`username ${input.username} is already taken`);
    }
    if ('id' in input.agency) await this.grants.assertFits('admin', input.agency.id);
    else await this.units.requireProvince(input.agency.provinceCode, 'provinceCode');
    const agencySpec = input.agency;

    return this.dataSource.transaction(async (m) => {
      const agency =
        'id' in agencySpec
          ? await this.agencies.getById(agencySpec.id)
          : await this.agencies.insert(m, {
              type: 'reporting_authority',
              name: agencySpec.name,
              provinceCode: agencySpec.provinceCode,
              coversWholeProvince: true,
              services: [],
            });
      if (!agency) throw new AdminBootstrapRefusal('the agency disappeared meanwhile');
      if (!('id' in agencySpec)) {
        await this.audit.record(m, {
          actor: null,
          action: 'agency.create',
          subjectType: 'Agency',
          subjectId: agency.id,
          details: { via: 'cli' },
        });
      }
      const user = await this.users.insert(m, {
        username: input.username,
        displayName: input.displayName,
        role: 'admin',
        agencyId: agency.id,
        passwordHash: null,
        mustChangePassword: false,
      });
      const code = await this.codes.issue(m, user, null, now);
      await this.audit.record(m, {
        actor: null,
        action: 'user.create',
        subjectType: 'User',
        subjectId: user.id,
        fields: ['username', 'displayName', 'role', 'agencyId'],
        details: { via: 'cli', forceAnother: input.forceAnother },
      });
      await this.audit.record(m, {
        actor: null,
        action: 'account_code.issue',
        subjectType: 'User',
        subjectId: user.id,
        details: { via: 'cli', codeId: code.id, expiresAt: code.expiresAt },
      });
      return { userId: user.id, agencyId: agency.id, agencyName: agency.name, code };
    });
  }
}
