/** Route paths shared by the API controllers and the web data-access layer. */
export const API_PREFIX = 'api';

export const ApiRoutes = {
  health: 'health',
  auth: {
    root: 'auth',
    login: 'login',
    refresh: 'refresh',
    logout: 'logout',
    me: 'me',
    changePassword: 'password',
    secondFactor: 'second-factor',
    enrolment: 'enrolment',
    confirm: 'confirm',
    verify: 'verify',
  },
  users: {
    root: 'users',
    disable: 'disable',
    enable: 'enable',
    resetPassword: 'reset-password',
    resetSecondFactor: 'reset-second-factor',
  },
  /** `account-changes`, `account-changes/:id/approve`, `…/:id/reject` (the two-person rule). */
  accountChanges: { root: 'account-changes', approve: 'approve', reject: 'reject' },
  /** Public: `account-setup/password` sets a password with a one-time code. */
  accountSetup: { root: 'account-setup', password: 'password' },
  agencies: 'agencies',
  /** `statistics` (the view), `statistics/export?format=csv|xlsx|pdf&lang=vi|en`. */
  statistics: { root: 'statistics', export: 'export' },
  /** `report-calendar?provinceCode=&year=`, `report-calendar/:provinceCode/:year/:kind` (admins change). */
  reportCalendar: 'report-calendar',
  /**
   * `periodic-reports?year=` (list), `periodic-reports` (POST: draft), `periodic-reports/:id`,
   * `…/:id/approve`, `…/:id/submit`, `…/:id/acknowledge`, `…/:id/export?format=xlsx|pdf&lang=`.
   */
  periodicReports: {
    root: 'periodic-reports',
    export: 'export',
    /** `periodic-reports/consolidated?year=&kind=` and `…/consolidated/export` (the province's). */
    consolidated: 'consolidated',
    approve: 'approve',
    submit: 'submit',
    acknowledge: 'acknowledge',
  },
  /** `team/caseload`: the supervisor's view of their centre's caseworkers (counts per person). */
  team: { root: 'team', caseload: 'caseload' },
  administrativeUnits: 'administrative-units',
  /** `administrative-units/:code/rename`, `…/:code/retire`, `administrative-units/merge`. */
  administrativeUnitChanges: { rename: 'rename', retire: 'retire', merge: 'merge' },
  hotlineLines: 'hotline-lines',
  calls: { root: 'calls', handOver: 'hand-over' },
  communityReferrals: { root: 'community-referrals', mine: 'mine' },
  intake: { root: 'intake', openCase: 'open-case', dismiss: 'dismiss' },
  cases: {
    root: 'cases',
    search: 'search',
    revealIdentity: 'reveal-identity',
    assign: 'assign',
    incidents: 'incidents',
    consents: 'consents',
    withdraw: 'withdraw',
    notes: 'notes',
    accessLog: 'access-log',
    deadlines: 'deadlines',
    referrals: 'referrals',
    referralSuggestions: 'referral-suggestions',
    assessments: 'assessments',
    safetyPlans: 'safety-plans',
    /** `cases/:id/perpetrators` (list coded, create), `…/perpetrators/:perpetratorId` (update), `…/reveal`. */
    perpetrators: 'perpetrators',
    reveal: 'reveal',
    /** `cases/:id/plans` (versions, save), `…/plans/submit`, `…/plans/approve`, `…/plans/return`. */
    plans: 'plans',
    submit: 'submit',
    /** `cases/:id/closure` (history, request), `…/closure/approve`, `…/closure/return`, `cases/:id/reopen`. */
    closure: 'closure',
    approve: 'approve',
    return: 'return',
    reopen: 'reopen',
    /** `cases/:id/follow-ups` (list, plan one), `…/follow-ups/:childId/outcome`. */
    followUps: 'follow-ups',
    /**
     * `cases/:id/child-emergencies` (list, a caseworker marks serious danger),
     * `…/child-emergencies/:childId/intervention` (the intervention taken meets the 12-hour clock).
     */
    childEmergencies: 'child-emergencies',
    intervention: 'intervention',
    /** `cases/:id/corrections?subjectType=&subjectId=`: the history of a corrected record. */
    corrections: 'corrections',
    /** `PUT cases/:id/identity`: the survivor's identity corrected with a reason (history kept). */
    identity: 'identity',
    /** `cases/:id/timeline`: what was done to the case, newest first (keyset `after`). */
    timeline: 'timeline',
    outcome: 'outcome',
    /** `cases/:id/protective-measures` (list, request), `…/protective-measures/:childId/decision`. */
    protectiveMeasures: 'protective-measures',
    /** `cases/:id/conferences` (the case's conferences with every action; convene one). */
    conferences: 'conferences',
  },
  /**
   * The deciding and supervising agencies' side, and breaches: `protective-measures?view=` (inbox),
   * `protective-measures/:id` (the packet), `…/:id/decision` (commune committee), `…/:id/supervision-plan`
   * (commune police), `…/:id/breaches` (caseworker, police, the referring volunteer).
   */
  protectiveMeasures: {
    root: 'protective-measures',
    decision: 'decision',
    supervisionPlan: 'supervision-plan',
    breaches: 'breaches',
  },
  /**
   * `conferences/inbox` (the caller's agency's invitations), `conferences/:id`, `…/:id/record`
   * (attendance and minutes), `…/:id/actions` (add one), `…/:id/actions/:actionId/status`.
   */
  conferences: {
    root: 'conferences',
    inbox: 'inbox',
    record: 'record',
    actions: 'actions',
    status: 'status',
  },
  /** `risk-instruments`, `risk-instruments/:id/publish` (admins keep the versions). */
  riskInstruments: { root: 'risk-instruments', publish: 'publish' },
  /** Sender side hangs off a case (`cases/:id/referrals/...`); receiving side is `referrals/...`. */
  referrals: {
    root: 'referrals',
    accept: 'accept',
    decline: 'decline',
    services: 'services',
    complete: 'complete',
    withdraw: 'withdraw',
    reroute: 'reroute',
    reviewOverride: 'review-override',
  },
  serviceRecords: 'service-records',
  /** `notifications`, `notifications/:id`, `…/:id/read`, `notifications/read-all`, `…/unread-count`. */
  notifications: {
    root: 'notifications',
    unreadCount: 'unread-count',
    readAll: 'read-all',
    read: 'read',
  },
  /** The signed-in user's own settings: language and which notifications also go by email. */
  notificationSettings: 'notification-settings',
  responseTimes: 'settings/referral-response-times',
} as const;

/**
 * Set on requests the page makes by itself (polling the notification count): they do not count as
 * activity, so a tab left open still lets the session idle out after 30 minutes.
 */
export const BACKGROUND_REQUEST_HEADER = 'X-Caunoi-Background';

/** Name of the httpOnly cookie that carries the refresh token; it is only sent to /api/auth. */
export const REFRESH_COOKIE_NAME = 'cn_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** Demo accounts created by the seed outside production (README lists them too). */
export const DEMO_PASSWORD = 'CauNoi@DaNang2026';
/**
 * The authenticator secret of the demo accounts whose role needs a second factor (base32, for any TOTP
 * app). Public on purpose, like the demo password: never in production, where the seed is refused.
 */
export const DEMO_TOTP_SECRET = 'CAUNOIDEMOTOTPSECRETNOTFORPRODXX';
export const DEMO_USERNAMES = {
  hotline_operator: 'hotline.demo',
  volunteer: 'volunteer.demo',
  caseworker: 'caseworker.demo',
  supervisor: 'supervisor.demo',
  police_liaison: 'police.demo',
  health_liaison: 'health.demo',
  justice_liaison: 'justice.demo',
  commune_officer: 'commune.demo',
  reporting_officer: 'reporting.demo',
  admin: 'admin.demo',
} as const;
/** A second demo admin, so the two-person rule on accounts can be shown with demo data alone. */
export const DEMO_SECOND_ADMIN_USERNAME = 'admin2.demo';
