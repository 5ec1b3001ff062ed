import { Client } from 'pg';
import { secondFactorTwins } from './second-factor-twins';

/**
 * The demo admin, supervisor and reporting officer each give a TOTP code at sign-in, and the server
 * takes at most two codes per account in a 30-second step: journeys that only need "a supervisor of
 * the demo centre" would queue on one account. This gives each such account synthetic twins in the
 * run's own database (same role, agency, password and demo secret), which `signInAnyOf` picks from.
 * Run by `npm test` with E2E_DATABASE_URL; against a stack you started yourself there are none.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env['E2E_DATABASE_URL'];
  if (!url) return;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const [base, twins] of Object.entries(secondFactorTwins())) {
      for (const twin of twins) {
        await client.query(
          `INSERT INTO users (username, display_name, role, agency_id, password_hash, must_change_password)
           SELECT $2, display_name, role, agency_id, password_hash, false FROM users WHERE username = $1
           ON CONFLICT (username) DO NOTHING`,
          [base, twin],
        );
        await client.query(
          `INSERT INTO user_second_factors (user_id, secret_enc, enrolled_at)
           SELECT t.id, f.secret_enc, now()
             FROM users b JOIN user_second_factors f ON f.user_id = b.id, users t
            WHERE b.username = $1 AND t.username = $2
           ON CONFLICT (user_id) DO NOTHING`,
          [base, twin],
        );
      }
    }
  } finally {
    await client.end();
  }
}
