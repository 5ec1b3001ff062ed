import type { CliIo } from '../../cli/cli-command';
import { createAdminCommand } from '../../cli/create-admin.command';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { bearer, login } from '../../../test-support/factories';
import { DEMO_AGENCIES } from '../seed/demo-data';

function capture(): CliIo & { text: () => string; errors: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    text: () => out.join('\n'),
    errors: () => err.join('\n'),
  };
}

const CODE = /One-time code: ([A-Z2-9]{4}(?:-[A-Z2-9]{4}){3})/;

/** `npm run cli -- create-admin`: the first admin of an install, with a one-time code printed once. */
describe('cli create-admin', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const run = async (args: string[]) => {
    const io = capture();
    const code = await createAdminCommand.run(t.config, args, io);
    return { code, io };
  };
  const username = () => `first.admin.${Date.now().toString(36)}`;

  it('refuses while an active admin exists (the demo seed has two), and writes nothing', async () => {
    const name = username();
    const { code, io } = await run([
      '--username',
      name,
      '--display-name',
      'Quản trị đầu tiên',
      '--agency-id',
      DEMO_AGENCIES.reportingAuthority.id,
    ]);
    expect(code).toBe(1);
    expect(io.errors()).toMatch(/active admin\(s\) exist.*--force-another/s);
    const rows = (await t.dataSource.query(`SELECT 1 FROM users WHERE username = $1`, [
      name,
    ])) as unknown[];
    expect(rows).toHaveLength(0);
  });

  it('with --force-another creates an admin and a reporting authority; the printed code sets the password', async () => {
    const name = username();
    const { code, io } = await run([
      '--username',
      name,
      '--display-name',
      'Quản trị đầu tiên',
      '--agency-name',
      // Another province than the demo's: other suites send Đà Nẵng's reports to its authority.
      'Cơ quan nhận báo cáo Hà Nội (tổng hợp)',
      '--province-code',
      '01',
      '--force-another',
    ]);
    expect([code, io.errors()]).toEqual([0, '']);
    const printed = CODE.exec(io.text())?.[1] ?? '';
    expect(printed).not.toBe('');
    expect(io.text()).toMatch(/Valid until: .*Vietnam time/);

    const [user] = (await t.dataSource.query(
      `SELECT u.role, u.password_hash IS NULL AS no_password, a.type, a.province_code
         FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.username = $1`,
      [name],
    )) as { role: string; no_password: boolean; type: string; province_code: string }[];
    expect(user).toEqual({
      role: 'admin',
      no_password: true,
      type: 'reporting_authority',
      province_code: '01',
    });
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log a JOIN users u ON u.id::text = a.subject_id::text
        WHERE u.username = $1 AND a.action IN ('user.create', 'account_code.issue')
          AND a.actor_user_id IS NULL AND a.details->>'via' = 'cli'`,
      [name],
    )) as { n: number }[];
    expect(n).toBe(2);

    const set = await t.http
      .post('/api/account-setup/password')
      .send({ username: name, code: printed, newPassword: 'the first admin own passphrase' });
    expect(set.status).toBe(204);
    const session = await login(t, name, 'the first admin own passphrase');
    expect((await t.http.get('/api/users').set(...bearer(session))).status).toBe(200);
  });

  it('names what is wrong with the arguments, and exits 2', async () => {
    const { code, io } = await run(['--username', 'Bad Name', '--agency-id', 'nope']);
    expect(code).toBe(2);
    expect(io.errors()).toMatch(/--username/);
    expect(io.errors()).toMatch(/--display-name/);
    expect(io.errors()).toMatch(/--agency-id/);
  });

  it('refuses an agency an admin cannot belong to, and an unknown province', async () => {
    const police = await run([
      '--username',
      username(),
      '--display-name',
      'X',
      '--agency-id',
      DEMO_AGENCIES.police.id,
      '--force-another',
    ]);
    expect(police.code).toBe(1);
    expect(police.io.errors()).toMatch(/role: role admin cannot belong/);
    const province = await run([
      '--username',
      username(),
      '--display-name',
      'X',
      '--agency-name',
      'Y',
      '--province-code',
      '99',
      '--force-another',
    ]);
    expect(province.code).toBe(1);
    expect(province.io.errors()).toMatch(/provinceCode/);
  });
});
