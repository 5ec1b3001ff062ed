import { DataSource } from 'typeorm';
import type { CliIo } from '../../cli/cli-command';
import { migrateCommand } from '../../cli/migrate.command';
import { seedCommand } from '../../cli/seed.command';
import { testConfig } from '../../../test-support/test-app';
import type { ScratchDatabase } from '../../../test-support/test-database';
import { createScratchDatabase } from '../../../test-support/test-database';
import { migrationDataSourceOptions } from '../data-source-options';
import { MIGRATIONS } from './index';

/** A database of its own for one test, dropped afterwards (the run's database is already migrated). */
async function withFreshDatabase(
  label: string,
  work: (db: ScratchDatabase) => Promise<void>,
): Promise<void> {
  const db = await createScratchDatabase(label);
  try {
    await work(db);
  } finally {
    await db.drop();
  }
}

/** As the owner, the way `cli migrate` connects (staging an older schema needs it). */
async function withDataSource<T>(
  db: ScratchDatabase,
  migrations: unknown[],
  work: (d: DataSource) => Promise<T>,
) {
  const dataSource = new DataSource({
    ...migrationDataSourceOptions({ databaseUrl: db.url, databaseOwnerUrl: db.ownerUrl }),
    migrations: migrations as never,
  });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

const countUnits = (d: DataSource) =>
  d.query(
    `SELECT count(*) FILTER (WHERE level = 'province')::int AS provinces,
            count(*) FILTER (WHERE level = 'commune')::int AS communes,
            count(*) FILTER (WHERE status <> 'active')::int AS retired,
            (SELECT count(*)::int FROM administrative_unit_names WHERE effective_to IS NULL) AS names
     FROM administrative_units`,
  ) as Promise<{ provinces: number; communes: number; retired: number; names: number }[]>;

const silent = (): CliIo & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
};

describe('administrative units migration', () => {
  it('production: the CLI migrate on an empty database gives 34 provinces, 3,321 communes and no demo data', async () => {
    await withFreshDatabase('prod', async (db) => {
      const config = testConfig({ NODE_ENV: 'production', ...db.env });
      const io = silent();
      expect(await migrateCommand.run(config, [], io)).toBe(0);
      expect(await seedCommand.run(config, [], io)).toBe(1);
      await withDataSource(db, MIGRATIONS, async (d) => {
        expect(await countUnits(d)).toEqual([
          { provinces: 34, communes: 3321, retired: 0, names: 3355 },
        ]);
        const [data] = (await d.query(
          `SELECT (SELECT count(*)::int FROM agencies) AS agencies, (SELECT count(*)::int FROM users) AS users`,
        )) as { agencies: number; users: number }[];
        expect(data).toEqual({ agencies: 0, users: 0 });
        const [hcm] = (await d.query(
          `SELECT name, level FROM administrative_units WHERE code = '79'`,
        )) as { name: string }[];
        expect(hcm).toEqual({ name: 'Thành phố Hồ Chí Minh', level: 'province' });
      });
    });
  });

  it('a database made before it: the demo made-up codes move to the official ones and disappear', async () => {
    await withFreshDatabase('legacy', async (db) => {
      const before = MIGRATIONS.slice(
        0,
        MIGRATIONS.findIndex((m) => m.name.startsWith('AdministrativeUnits')),
      );
      await withDataSource(db, before, async (d) => {
        await d.runMigrations({ transaction: 'each' });
        // What the demo seed of the earlier releases inserted.
        await d.query(
          `INSERT INTO administrative_units (code, name, level, parent_code) VALUES ('48', 'Thành phố Đà Nẵng', 'province', NULL)`,
        );
        for (const [code, name] of [
          ['20194', 'Phường Hải Châu'],
          ['20227', 'Phường Hòa Cường'],
          ['20200', 'Phường Thanh Khê'],
          ['20260', 'Phường Sơn Trà'],
          ['20285', 'Phường Ngũ Hành Sơn'],
          ['20308', 'Xã Hòa Vang'],
          ['20530', 'Phường Hội An'],
          ['20407', 'Phường Tam Kỳ'],
        ]) {
          await d.query(
            `INSERT INTO administrative_units (code, name, level, parent_code) VALUES ($1, $2, 'commune', '48')`,
            [code, name],
          );
        }
        const [agency] = (await d.query(
          `INSERT INTO agencies (type, name, province_code, commune_code, coverage_commune_codes)
           VALUES ('police', 'Công an minh họa', '48', '20194', ARRAY['20194', '20227', '20285']) RETURNING id`,
        )) as { id: string }[];
        const [user] = (await d.query(
          `INSERT INTO users (username, display_name, role, agency_id, password_hash) VALUES ('t.legacy', 'T', 'hotline_operator', $1, 'x') RETURNING id`,
          [agency?.id],
        )) as { id: string }[];
        const [line] = (await d.query(
          `INSERT INTO hotline_lines (agency_id, number, name) VALUES ($1, '111', 'L') RETURNING id`,
          [agency?.id],
        )) as { id: string }[];
        await d.query(
          `INSERT INTO calls (agency_id, line_id, operator_user_id, channel, started_at, caller_type, commune_code,
                              child_involved, danger_now, crime_signs)
           VALUES ($1, $2, $3, 'phone', now(), 'survivor', '20260', false, false, false)`,
          [agency?.id, line?.id, user?.id],
        );
      });

      await withDataSource(db, MIGRATIONS, async (d) => {
        await d.runMigrations({ transaction: 'each' });
        expect(await countUnits(d)).toEqual([
          { provinces: 34, communes: 3321, retired: 0, names: 3355 },
        ]);
        const [agency] = (await d.query(
          `SELECT commune_code, coverage_commune_codes FROM agencies`,
        )) as { commune_code: string; coverage_commune_codes: string[] }[];
        expect(agency).toEqual({
          commune_code: '20242',
          coverage_commune_codes: ['20242', '20257', '20285'],
        });
        const [call] = (await d.query(`SELECT commune_code FROM calls`)) as {
          commune_code: string;
        }[];
        expect(call?.commune_code).toBe('20263');
        // 20194 was the demo's Hải Châu; officially it is Phường Hải Vân.
        const units = (await d.query(
          `SELECT code, name FROM administrative_units WHERE code IN ('20194', '20227', '20242', '20263') ORDER BY code`,
        )) as { code: string; name: string }[];
        expect(units).toEqual([
          { code: '20194', name: 'Phường Hải Vân' },
          { code: '20242', name: 'Phường Hải Châu' },
          { code: '20263', name: 'Phường Sơn Trà' },
        ]);
      });
    });
  });
});
