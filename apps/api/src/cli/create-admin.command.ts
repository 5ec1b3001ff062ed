import { HttpException } from '@nestjs/common';
import { USERNAME_PATTERN } from '@caunoi/shared/contracts';
import { VIETNAM_TIME_ZONE } from '@caunoi/shared/domain';
import { SystemClock } from '../common/clock';
import { AdministrativeUnitLookup } from '../modules/administrative-units/administrative-unit-lookup';
import { AdministrativeUnitsRepository } from '../modules/administrative-units/administrative-units.repository';
import { AgenciesRepository } from '../modules/agencies/agencies.repository';
import { AuditRepository } from '../modules/audit/audit.repository';
import { AuditService } from '../modules/audit/audit.service';
import { AccountGrants } from '../modules/users/account-grants';
import type { NewAdmin } from '../modules/users/admin-bootstrap';
import { AdminBootstrap, AdminBootstrapRefusal } from '../modules/users/admin-bootstrap';
import { FieldCipher } from '../modules/crypto/field-cipher';
import { OneTimeCodeEmailsRepository } from '../modules/users/one-time-code-emails.repository';
import { OneTimeCodeIssuer } from '../modules/users/one-time-code-issuer';
import { OneTimeCodesRepository } from '../modules/users/one-time-codes.repository';
import { UsersRepository } from '../modules/users/users.repository';
import type { CliIo } from './cli-command';
import { parseFlags, type CliCommand } from './cli-command';
import { withDataSource } from './with-data-source';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The flags as a NewAdmin, or null after printing what is wrong. */
function readFlags(args: string[], io: CliIo): NewAdmin | null {
  const flags = parseFlags(args);
  const problems: string[] = [];
  const username = (flags['username'] ?? '').trim().toLowerCase();
  const displayName = (flags['display-name'] ?? '').trim();
  if (!USERNAME_PATTERN.test(username)) {
    problems.push('--username: 3-64 lowercase letters, digits, ".", "_" or "-"');
  }
  if (!displayName || displayName === 'true' || displayName.length > 120) {
    problems.push('--display-name: the person’s name, at most 120 characters');
  }
  const agencyId = flags['agency-id'];
  const agencyName = (flags['agency-name'] ?? '').trim();
  const provinceCode = (flags['province-code'] ?? '').trim();
  let agency: NewAdmin['agency'] | null = null;
  if (agencyId !== undefined) {
    if (UUID.test(agencyId)) agency = { id: agencyId };
    else problems.push('--agency-id: the id (uuid) of an existing agency');
  } else if (agencyName && agencyName !== 'true' && agencyName.length <= 200 && provinceCode) {
    agency = { name: agencyName, provinceCode };
  } else {
    problems.push(
      'either --agency-id <uuid>, or --agency-name "<name>" and --province-code <code> to create the ' +
        "province's reporting authority",
    );
  }
  for (const problem of problems) io.err(problem);
  if (problems.length > 0 || !agency) return null;
  return { username, displayName, agency, forceAnother: flags['force-another'] === 'true' };
}

export const createAdminCommand: CliCommand = {
  name: 'create-admin',
  summary:
    'create an admin who sets a password with a one-time code printed once (the first admin of an install)',
  usage:
    '--username <name> --display-name "<name>" (--agency-id <uuid> | --agency-name "<name>" --province-code <code>) [--force-another]',
  run: async (config, args, io) => {
    const input = readFlags(args, io);
    if (!input) return 2;
    return withDataSource(config, async (dataSource) => {
      const agencies = new AgenciesRepository(dataSource);
      const clock = new SystemClock();
      const bootstrap = new AdminBootstrap(
        dataSource,
        new UsersRepository(dataSource),
        agencies,
        new AdministrativeUnitLookup(new AdministrativeUnitsRepository(dataSource)),
        new AccountGrants(agencies),
        new OneTimeCodeIssuer(
          new OneTimeCodesRepository(dataSource),
          new OneTimeCodeEmailsRepository(),
          new FieldCipher(config),
          config,
        ),
        new AuditService(new AuditRepository(dataSource), clock),
        clock,
      );
      try {
        const created = await bootstrap.create(input);
        io.out(
          `Created admin ${input.username} at ${created.agencyName} (agency ${created.agencyId}).`,
        );
        io.out('');
        io.out(`  One-time code: ${created.code.code}`);
        io.out(`  Valid until:   ${vietnamTime(created.code.expiresAt)} Vietnam time`);
        io.out('');
        io.out('It is shown only now and stored only as a hash. Hand it to the person yourself;');
        io.out('they open /set-password on the web app, enter their username, the code and a new');
        io.out(
          'password, then sign in. An unused code expires; run this command again if it does.',
        );
        return 0;
      } catch (error) {
        if (error instanceof AdminBootstrapRefusal) {
          io.err(error.message);
          return 1;
        }
        if (error instanceof HttpException) {
          for (const problem of fieldMessages(error)) io.err(problem);
          return 1;
        }
        throw error;
      }
    });
  },
};

function vietnamTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** The field errors of a refused check (agency, province), one line each. */
function fieldMessages(error: HttpException): string[] {
  const body = error.getResponse() as { errors?: { field: string; message: string }[] };
  return (body.errors ?? []).map((e) => `${e.field}: ${e.message}`);
}
