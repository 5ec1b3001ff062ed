import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '@caunoi/shared/contracts';
import type { AppConfig } from '../../config/app-config';
import { PasswordHasher } from '../auth/password-hasher';
import { FieldCipher } from '../crypto/field-cipher';
import {
  DEMO_AGENCIES,
  DEMO_COMMUNES,
  DEMO_HOTLINE_LINES,
  DEMO_PROVINCE,
  DEMO_USERS,
} from './demo-data';

export interface SeedSummary {
  agenciesCreated: number;
  usersCreated: number;
}

/**
 * Idempotent: inserts what is missing and leaves existing rows alone, so a demo user who changed
 * their password keeps it. Refused in production by the CLI.
 */
export async function seedDemoData(
  dataSource: DataSource,
  config: Pick<AppConfig, 'nodeEnv' | 'dataEncryptionKeys' | 'secondFactorRoles'>,
): Promise<SeedSummary> {
  if (config.nodeEnv === 'production') throw new Error('No demo data in production');
  const cipher = new FieldCipher(config as AppConfig);
  const hasher = new PasswordHasher();
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  return dataSource.transaction(async (m) => {
    // The units come from the migration in every environment; the demo only names some of them.
    const [found] = (await m.query(
      `SELECT count(*)::int AS n FROM administrative_units
       WHERE (code = $1 AND level = 'province') OR (code = ANY($2) AND parent_code = $1 AND level = 'commune')`,
      [DEMO_PROVINCE.code, DEMO_COMMUNES.map((c) => c.code)],
    )) as { n: number }[];
    if (found?.n !== DEMO_COMMUNES.length + 1) {
      throw new Error('The demo communes are missing: run the migrations first (npm run migrate)');
    }
    let agenciesCreated = 0;
    for (const a of Object.values(DEMO_AGENCIES)) {
      const inserted = (await m.query(
        `INSERT INTO agencies (id, type, name, province_code, commune_code, address, phone, services,
                               covers_whole_province, coverage_commune_codes, open_24h, opening_hours, capacity_note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          a.id,
          a.type,
          a.name,
          DEMO_PROVINCE.code,
          a.communeCode,
          a.address,
          a.phone,
          [...a.services],
          a.directory.coversWholeProvince,
          [...a.directory.coverageCommuneCodes],
          a.directory.open24h,
          a.directory.openingHours,
          a.directory.capacityNote,
        ],
      )) as unknown[];
      agenciesCreated += inserted.length;
    }
    for (const line of DEMO_HOTLINE_LINES) {
      await m.query(
        `INSERT INTO hotline_lines (id, agency_id, number, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [line.id, line.agencyId, line.number, line.name],
      );
    }
    let usersCreated = 0;
    for (const u of DEMO_USERS) {
      const inserted = (await m.query(
        // Demo accounts skip the forced change so a newcomer can try every role at once.
        `INSERT INTO users (username, display_name, role, agency_id, password_hash, must_change_password)
         VALUES ($1, $2, $3, $4, $5, false) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [u.username, u.displayName, u.role, u.agencyId, passwordHash],
      )) as unknown[];
      usersCreated += inserted.length;
      if (config.secondFactorRoles.includes(u.role)) {
        // Enrolled with the published demo secret, so demos and e2e tests can give the code.
        await m.query(
          `INSERT INTO user_second_factors (user_id, secret_enc, enrolled_at)
           SELECT id, $2, now() FROM users WHERE username = $1 ON CONFLICT (user_id) DO NOTHING`,
          [u.username, cipher.encrypt(DEMO_TOTP_SECRET)],
        );
      }
    }
    return { agenciesCreated, usersCreated };
  });
}
