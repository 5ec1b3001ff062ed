// The demo accounts created by `cli.js seed` (never in production).
// KEEP IN SYNC BY HAND with DEMO_USERNAMES / DEMO_SECOND_ADMIN_USERNAME / DEMO_PASSWORD in libs/shared/contracts/src/lib/api-routes.ts
// and with the table in README.md: these .mjs scripts cannot import TypeScript.

export const DEMO_PASSWORD = 'CauNoi@DaNang2026';
// DEMO_TOTP_SECRET in api-routes.ts: the authenticator secret of the roles that need a second factor.
export const DEMO_TOTP_SECRET = 'CAUNOIDEMOTOTPSECRETNOTFORPRODXX';
export const DEMO_SECOND_FACTOR_ROLES = ['admin', 'supervisor', 'reporting_officer'];

export const DEMO_USERS = [
  { username: 'hotline.demo', role: 'hotline_operator', sees: 'hotline workspace: calls' },
  { username: 'volunteer.demo', role: 'volunteer', sees: 'own community referrals only' },
  { username: 'caseworker.demo', role: 'caseworker', sees: 'caseworker workspace: own cases' },
  { username: 'supervisor.demo', role: 'supervisor', sees: "team workspace: the centre's cases" },
  { username: 'police.demo', role: 'police_liaison', sees: 'referral inbox of the police' },
  {
    username: 'health.demo',
    role: 'health_liaison',
    sees: 'referral inbox of the health facility',
  },
  { username: 'justice.demo', role: 'justice_liaison', sees: 'referral inbox of legal aid' },
  {
    username: 'commune.demo',
    role: 'commune_officer',
    sees: 'protective-measure requests of the commune committee',
  },
  {
    username: 'reporting.demo',
    role: 'reporting_officer',
    sees: 'reports and statistics, no identities',
  },
  { username: 'admin.demo', role: 'admin', sees: 'users and agencies; no case content' },
  {
    username: 'admin2.demo',
    role: 'admin',
    sees: "the second admin: approves admin.demo's account requests",
  },
];
