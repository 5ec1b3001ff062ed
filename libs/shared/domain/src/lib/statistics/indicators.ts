import type { AgencyType } from '../agencies/agency-type';
import type {
  AgeGroup,
  CaseSource,
  PerpetratorRelationship,
  RiskLevel,
} from '../intake/vocabulary';
import {
  CALL_OUTCOMES,
  CALLER_TYPES,
  COMMUNITY_REFERRAL_STATUSES,
  CONTEXT_FLAGS,
  DV_FORMS,
  GBV_TYPES,
  PERPETRATOR_RELATIONSHIPS,
  SEXES,
} from '../intake/vocabulary';
import { isFamilyRelationship } from '../intake/relationships';
import { sectorOf } from '../referrals/sector-outcomes';
import type { LatticeDimension, PeriodNode, ProtectedLattice } from './lattice';
import { cellOf, crossCategory, publishedCell, TOTAL_CELL } from './lattice';
import type { PublishedCount } from './suppression';
import { SUPPRESSED } from './suppression';

/**
 * Every statistic Cầu Nối publishes, defined once (docs/statistics.md): the populations counted, their
 * dimensions, and the indicators as numerator and denominator over those dimensions.
 */

/** Coded at intake, outside the encrypted identity, because they must be counted. */
export const DISABILITY_STATUSES = ['yes', 'no', 'unknown'] as const;
export type DisabilityStatus = (typeof DISABILITY_STATUSES)[number];
export const ETHNIC_MINORITY_STATUSES = ['yes', 'no', 'unknown'] as const;
export type EthnicMinorityStatus = (typeof ETHNIC_MINORITY_STATUSES)[number];

/** The age groups of the statistics: a child is under 16 (Law on Children 2016). */
export const STATISTICS_AGE_GROUPS = [
  'child_under_16',
  '16_17',
  '18_24',
  '25_59',
  '60_plus',
  'unknown',
] as const;
export type StatisticsAgeGroup = (typeof STATISTICS_AGE_GROUPS)[number];

export function statisticsAgeGroupOf(group: AgeGroup): StatisticsAgeGroup {
  return group === '0_6' || group === '7_11' || group === '12_15' ? 'child_under_16' : group;
}

/** How a survivor came to the centre. `agency` is for cases referred by another agency. */
export const HELP_CHANNELS = ['hotline', 'walk_in', 'volunteer', 'agency'] as const;
export type HelpChannel = (typeof HELP_CHANNELS)[number];

export function helpChannelOf(source: CaseSource): HelpChannel {
  if (source === 'call') return 'hotline';
  if (source === 'community_referral') return 'volunteer';
  if (source === 'agency_referral') return 'agency';
  return 'walk_in';
}

/** The perpetrators of an incident, as the statistics count them. */
export const RELATIONSHIP_GROUPS = ['family', 'non_family', 'unknown'] as const;
export type RelationshipGroup = (typeof RELATIONSHIP_GROUPS)[number];

/** Family if any perpetrator is family under the DV law; else non-family if any is known. */
export function relationshipGroupOf(
  relationships: readonly PerpetratorRelationship[],
): RelationshipGroup {
  if (relationships.some(isFamilyRelationship)) return 'family';
  if (relationships.some((r) => r !== 'unknown')) return 'non_family';
  return 'unknown';
}

/** The relationships that make an incident family violence (for SQL that groups them). */
export const FAMILY_RELATIONSHIPS = PERPETRATOR_RELATIONSHIPS.filter(isFamilyRelationship);

/** A case's incident type; `not_recorded` while it has no incident. */
export const STATISTICS_GBV_TYPES = [...GBV_TYPES, 'not_recorded'] as const;

/**
 * Whether a case needing help got some: `not_needed` is a case whose incident is not GBV
 * (`non_gbv`); `received` has at least one service recorded as provided.
 */
export const HELP_RECEIVED = ['received', 'not_received', 'not_needed'] as const;
export type HelpReceived = (typeof HELP_RECEIVED)[number];

/** A referral's answer against its response time, as of the moment of counting. */
export const REFERRAL_RESPONSES = [
  'on_time',
  'late',
  'overdue',
  'pending',
  'withdrawn_unanswered',
] as const;
export type ReferralResponse = (typeof REFERRAL_RESPONSES)[number];

/** The 10-day report of a serious incident, as of the moment of counting. */
export const REPORT_TIMELINESS = ['on_time', 'late', 'overdue', 'pending'] as const;
export type ReportTimeliness = (typeof REPORT_TIMELINESS)[number];

/** Receiving sectors of referrals: the sectors of service records, and the rest. */
export const STATISTICS_SECTORS = [
  'police',
  'health',
  'legal_aid',
  'social_work',
  'other',
] as const;
export type StatisticsSector = (typeof STATISTICS_SECTORS)[number];

export function statisticsSectorOf(type: AgencyType): StatisticsSector {
  return sectorOf(type) ?? 'other';
}

export const YES_NO = ['yes', 'no'] as const;

/**
 * A case's risk as its latest risk assessment left it (professional judgement included), as of the
 * moment of counting; `not_assessed` while it has none. `unknown` is an assessment that could not
 * decide (the instrument's own answer), not a missing one.
 */
export const STATISTICS_RISK_LEVELS = ['high', 'medium', 'low', 'unknown', 'not_assessed'] as const;
export type StatisticsRiskLevel = (typeof STATISTICS_RISK_LEVELS)[number];

export function statisticsRiskLevelOf(latest: RiskLevel | null): StatisticsRiskLevel {
  return latest ?? 'not_assessed';
}

/** Whether a case has a safety plan (any saved version), as of the moment of counting. */
export function safetyPlanCategoryOf(versions: number): (typeof YES_NO)[number] {
  return versions > 0 ? 'yes' : 'no';
}

/** The assessed levels: the denominator of the share of high-risk cases. */
const ASSESSED_RISK_LEVELS = STATISTICS_RISK_LEVELS.filter((l) => l !== 'not_assessed');

/**
 * The action month (Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở
 * giới): 15 November to 15 December of every year, both days included, in Vietnam time. It is not a
 * node of the lattice (it crosses a month boundary); it is a dimension of every population instead
 * (`action_month`: in the window or not), so its counts are unions of atoms like every other cell
 * and cannot be subtracted from the months it overlaps (decision 0021, docs/statistics.md).
 */
export const ACTION_MONTH_WINDOW = { from: '11-15', to: '12-15' } as const;
export const ACTION_MONTH_CATEGORIES = ['in_window', 'outside'] as const;
export type ActionMonthCategory = (typeof ACTION_MONTH_CATEGORIES)[number];

/** Whether a day of the year (`MM-DD`, Vietnam time) lies in the action month. */
export function actionMonthCategoryOf(monthDay: string): ActionMonthCategory {
  return monthDay >= ACTION_MONTH_WINDOW.from && monthDay <= ACTION_MONTH_WINDOW.to
    ? 'in_window'
    : 'outside';
}

/**
 * How long a referral waited for its answer (sent → answered), as a distribution: never a mean or
 * a median, which of a small group would describe single referrals. Each bucket excludes the
 * shorter ones (`within_24h` is more than 1 hour and at most 24 hours).
 */
export const RESPONSE_TIME_BUCKETS = [
  'within_1h',
  'within_24h',
  'within_72h',
  'later',
  'not_answered',
] as const;
export type ResponseTimeBucket = (typeof RESPONSE_TIME_BUCKETS)[number];

/** The upper bound (hours, included) of each timed bucket, in order. */
export const RESPONSE_TIME_HOURS = { within_1h: 1, within_24h: 24, within_72h: 72 } as const;

export function responseTimeBucketOf(sentAt: Date, respondedAt: Date | null): ResponseTimeBucket {
  if (respondedAt === null) return 'not_answered';
  const hours = (respondedAt.getTime() - sentAt.getTime()) / 3600_000;
  for (const [bucket, limit] of Object.entries(RESPONSE_TIME_HOURS)) {
    if (hours <= limit) return bucket as ResponseTimeBucket;
  }
  return 'later';
}

/** A hotline call's outcome; `not_recorded` while the operator has not set one. */
export const STATISTICS_CALL_OUTCOMES = [...CALL_OUTCOMES, 'not_recorded'] as const;

/**
 * What became of a volunteer's community referral at the centre's intake queue: a case opened from
 * it, dismissed (duplicate, not GBV, …), or still pending.
 */
export const COMMUNITY_REFERRAL_OUTCOMES = ['case_opened', 'dismissed', 'pending'] as const;
export type CommunityReferralOutcome = (typeof COMMUNITY_REFERRAL_OUTCOMES)[number];

export function communityReferralOutcomeOf(
  intakeStatus: 'pending' | 'opened' | 'dismissed' | null,
): CommunityReferralOutcome {
  if (intakeStatus === 'opened') return 'case_opened';
  if (intakeStatus === 'dismissed') return 'dismissed';
  return 'pending';
}

export const STATISTICS_POPULATIONS = [
  'cases',
  'calls',
  'community_referrals',
  'referrals',
  'services',
  'incident_reports',
] as const;
export type StatisticsPopulation = (typeof STATISTICS_POPULATIONS)[number];

export interface StatisticsDimension extends LatticeDimension {
  /** Shown as a table of its own (margins of a cross-tab are; the cross-tab is shown as a grid). */
  readonly table: boolean;
}

const binary = (id: string): StatisticsDimension => ({ id, categories: YES_NO, table: false });

/** Every population: whether its record's date lies in the action month. */
const ACTION_MONTH_DIMENSION: StatisticsDimension = {
  id: 'action_month',
  categories: ACTION_MONTH_CATEGORIES,
  table: true,
};

/** Cases opened in the period: one record per case (one survivor seeking help at one centre). */
const CASE_DIMENSIONS: readonly StatisticsDimension[] = [
  { id: 'sex', categories: SEXES, table: true },
  { id: 'channel', categories: HELP_CHANNELS, table: true },
  {
    id: 'channel_sex',
    categories: HELP_CHANNELS.flatMap((c) => SEXES.map((s) => crossCategory(c, s))),
    crossOf: ['channel', 'sex'],
    table: false,
  },
  { id: 'age_group', categories: STATISTICS_AGE_GROUPS, table: true },
  { id: 'gbv_type', categories: STATISTICS_GBV_TYPES, table: true },
  ...DV_FORMS.map((f) => binary(`dv_${f}`)),
  { id: 'relationship', categories: RELATIONSHIP_GROUPS, table: true },
  ...CONTEXT_FLAGS.map((f) => binary(`context_${f}`)),
  { id: 'disability', categories: DISABILITY_STATUSES, table: true },
  { id: 'ethnic_minority', categories: ETHNIC_MINORITY_STATUSES, table: true },
  { id: 'help', categories: HELP_RECEIVED, table: true },
  { id: 'risk_level', categories: STATISTICS_RISK_LEVELS, table: true },
  { id: 'safety_plan', categories: YES_NO, table: true },
  {
    id: 'risk_safety_plan',
    categories: STATISTICS_RISK_LEVELS.flatMap((l) => YES_NO.map((p) => crossCategory(l, p))),
    crossOf: ['risk_level', 'safety_plan'],
    table: false,
  },
  ACTION_MONTH_DIMENSION,
];

/**
 * Hotline calls the scope's centres answered, dated by their start, in the commune the operator
 * recorded (else unknown). Sex and age are the survivor's where the operator recorded them.
 */
const CALL_DIMENSIONS: readonly StatisticsDimension[] = [
  { id: 'sex', categories: SEXES, table: true },
  { id: 'age_group', categories: STATISTICS_AGE_GROUPS, table: true },
  { id: 'call_outcome', categories: STATISTICS_CALL_OUTCOMES, table: true },
  { id: 'caller_type', categories: CALLER_TYPES, table: true },
  { id: 'gbv_type', categories: STATISTICS_GBV_TYPES, table: true },
  ACTION_MONTH_DIMENSION,
];

/**
 * Community referrals (a volunteer's report from a trusted address) sent to the scope's centres,
 * dated by submission, in their commune.
 */
const COMMUNITY_REFERRAL_DIMENSIONS: readonly StatisticsDimension[] = [
  { id: 'community_referral_status', categories: COMMUNITY_REFERRAL_STATUSES, table: true },
  { id: 'community_referral_outcome', categories: COMMUNITY_REFERRAL_OUTCOMES, table: true },
  ACTION_MONTH_DIMENSION,
];

/**
 * Services recorded as provided on the referrals the scope's centres sent, dated by the day they
 * were provided, by the sector of the agency that provided them.
 */
const SERVICE_DIMENSIONS: readonly StatisticsDimension[] = [
  { id: 'service_sector', categories: STATISTICS_SECTORS, table: true },
  ACTION_MONTH_DIMENSION,
];

/** Referrals sent in the period by the scope's centres. */
const REFERRAL_DIMENSIONS: readonly StatisticsDimension[] = [
  { id: 'response', categories: REFERRAL_RESPONSES, table: true },
  { id: 'sector', categories: STATISTICS_SECTORS, table: true },
  { id: 'response_time', categories: RESPONSE_TIME_BUCKETS, table: true },
  ACTION_MONTH_DIMENSION,
];

/** Serious incidents whose 10-day clock started in the period. */
const REPORT_DIMENSIONS: readonly StatisticsDimension[] = [
  { id: 'timeliness', categories: REPORT_TIMELINESS, table: true },
  ACTION_MONTH_DIMENSION,
];

export const POPULATION_DIMENSIONS: Readonly<
  Record<StatisticsPopulation, readonly StatisticsDimension[]>
> = {
  cases: CASE_DIMENSIONS,
  calls: CALL_DIMENSIONS,
  community_referrals: COMMUNITY_REFERRAL_DIMENSIONS,
  referrals: REFERRAL_DIMENSIONS,
  services: SERVICE_DIMENSIONS,
  incident_reports: REPORT_DIMENSIONS,
};

/**
 * Multi-select facts shown as one table of their "yes" cells (each is its own yes/no dimension, so
 * they need not add up to the total): the DV forms and the context flags.
 */
export const MULTI_SELECT_TABLES: Readonly<Record<string, readonly string[]>> = {
  dv_form: DV_FORMS.map((f) => `dv_${f}`),
  context: CONTEXT_FLAGS.map((f) => `context_${f}`),
};

export interface IndicatorPart {
  readonly dimension: string;
  readonly categories: readonly string[];
}

export interface IndicatorDefinition {
  readonly id: string;
  readonly population: StatisticsPopulation;
  /**
   * A count (the population's total when the numerator names every category of its dimension, else
   * the sum of the categories it names), or a share: numerator over denominator.
   */
  readonly kind: 'count' | 'share';
  readonly numerator: IndicatorPart;
  readonly denominator?: IndicatorPart;
  /** Decision 2232 target, as a share (1 = 100%). */
  readonly target?: number;
  /** The seed or law the indicator answers to. */
  readonly source: string;
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'sought_help',
    population: 'cases',
    kind: 'count',
    numerator: { dimension: 'channel_sex', categories: CASE_DIMENSIONS[2].categories },
    source: 'Decision 2232 / seed 003 II.2: survivors who seek help from service providers',
  },
  {
    id: 'help_received',
    population: 'cases',
    kind: 'share',
    numerator: { dimension: 'help', categories: ['received'] },
    denominator: { dimension: 'help', categories: ['received', 'not_received'] },
    target: 1,
    source: 'Seed 003 II.2: 100% of cases needing help receive help in some form',
  },
  {
    id: 'risk_assessed',
    population: 'cases',
    kind: 'share',
    numerator: { dimension: 'risk_level', categories: ASSESSED_RISK_LEVELS },
    denominator: { dimension: 'risk_level', categories: STATISTICS_RISK_LEVELS },
    source: 'IASC case management step 2 / issue 12: cases whose risk was assessed',
  },
  {
    id: 'high_risk',
    population: 'cases',
    kind: 'share',
    numerator: { dimension: 'risk_level', categories: ['high'] },
    denominator: { dimension: 'risk_level', categories: ASSESSED_RISK_LEVELS },
    source: 'Decision 2232 / issue 12: cases by risk level (the share assessed high)',
  },
  {
    id: 'safety_plan',
    population: 'cases',
    kind: 'share',
    numerator: { dimension: 'safety_plan', categories: ['yes'] },
    denominator: { dimension: 'safety_plan', categories: YES_NO },
    source:
      'Decision 2232 / issue 12: cases with a safety plan (IASC step 3, case action planning)',
  },
  {
    id: 'high_risk_safety_plan',
    population: 'cases',
    kind: 'share',
    numerator: { dimension: 'risk_safety_plan', categories: [crossCategory('high', 'yes')] },
    denominator: {
      dimension: 'risk_safety_plan',
      categories: [crossCategory('high', 'yes'), crossCategory('high', 'no')],
    },
    source: 'DOMAIN.md §4 Risk: high risk drives urgency; the high-risk cases with a safety plan',
  },
  {
    id: 'referrals_on_time',
    population: 'referrals',
    kind: 'share',
    numerator: { dimension: 'response', categories: ['on_time'] },
    denominator: { dimension: 'response', categories: ['on_time', 'late', 'overdue'] },
    source: 'UN Essential Services, coordination: referrals answered within their response time',
  },
  {
    id: 'incident_reports_on_time',
    population: 'incident_reports',
    kind: 'share',
    numerator: { dimension: 'timeliness', categories: ['on_time'] },
    denominator: { dimension: 'timeliness', categories: ['on_time', 'late', 'overdue'] },
    target: 1,
    source: 'Seed 003 VI.2: result of handling reported within 10 days of discovery',
  },
  {
    id: 'services_by_sector',
    population: 'services',
    kind: 'count',
    numerator: { dimension: 'service_sector', categories: STATISTICS_SECTORS },
    source:
      'Decision 2232 / seed 003 II: services provided to survivors by police, health, justice and social work',
  },
  ...(['cases', 'calls', 'community_referrals', 'services'] as const).map(
    (population): IndicatorDefinition => ({
      id: `action_month_${population}`,
      population,
      kind: 'count',
      numerator: { dimension: 'action_month', categories: ['in_window'] },
      source:
        'Seed: Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (15/11–15/12)',
    }),
  ),
];

/**
 * A share from published counts: only when the numerator and every category of the denominator were
 * published exactly (a share of suppressed numbers would publish them), and the denominator is not 0.
 */
export function shareOf(
  numerator: readonly (number | null)[],
  denominator: readonly (number | null)[],
): number | null {
  if (numerator.some((n) => n === null) || denominator.some((n) => n === null)) return null;
  const top = (numerator as number[]).reduce((s, n) => s + n, 0);
  const bottom = (denominator as number[]).reduce((s, n) => s + n, 0);
  return bottom === 0 ? null : top / bottom;
}

/** One part of an indicator as published: the sum of its categories, exact only if each one is. */
export interface IndicatorPartValue {
  readonly value: PublishedCount;
  /** Each category's exact count, or null where it is suppressed. */
  readonly cells: readonly (number | null)[];
}

function partOf(
  lattice: ProtectedLattice,
  period: PeriodNode,
  area: string,
  part: IndicatorPart,
): IndicatorPartValue {
  const cells = part.categories.map((c) => {
    const p = publishedCell(lattice, period, area, cellOf(part.dimension, c));
    return p.kind === 'count' ? p.value : null;
  });
  if (cells.some((c) => c === null)) return { value: SUPPRESSED, cells };
  return { value: { kind: 'count', value: (cells as number[]).reduce((s, n) => s + n, 0) }, cells };
}

/**
 * An indicator for a period and area of its population's protected lattice, from published numbers
 * only: a count, or numerator, denominator and a share that is null unless every number behind it
 * is published exactly.
 */
export function evaluateIndicator(
  lattice: ProtectedLattice,
  indicator: IndicatorDefinition,
  period: PeriodNode,
  area: string,
): { numerator: PublishedCount; denominator: PublishedCount | null; share: number | null } {
  if (indicator.kind === 'count') {
    const dimension = POPULATION_DIMENSIONS[indicator.population].find(
      (d) => d.id === indicator.numerator.dimension,
    );
    const whole = dimension?.categories.every((c) => indicator.numerator.categories.includes(c));
    return {
      numerator: whole
        ? publishedCell(lattice, period, area, TOTAL_CELL)
        : partOf(lattice, period, area, indicator.numerator).value,
      denominator: null,
      share: null,
    };
  }
  const numerator = partOf(lattice, period, area, indicator.numerator);
  const denominator = partOf(lattice, period, area, indicator.denominator ?? indicator.numerator);
  return {
    numerator: numerator.value,
    denominator: denominator.value,
    share: shareOf(numerator.cells, denominator.cells),
  };
}
