/** Agency types (DOMAIN.md §5). */
export const AGENCY_TYPES = [
  'social_work_centre',
  'police',
  'health',
  'legal_aid',
  'court',
  'commune_committee',
  'trusted_address',
  'shelter',
  'womens_union',
  'school',
  'hotline',
  'reporting_authority',
] as const;

export type AgencyType = (typeof AGENCY_TYPES)[number];

/** Service types an agency may offer (DOMAIN.md §5). */
export const SERVICE_TYPES = [
  'emergency_medical_care',
  'forensic_examination',
  'psychosocial_counselling',
  'legal_aid',
  'safe_shelter',
  'essential_needs_support',
  'police_protection',
  'no_contact_order_request',
  'court_process',
  'perpetrator_behaviour_change',
  'livelihood_support',
  'education_support',
  'child_protection_services',
  'identity_document_recovery',
  'other',
] as const;

export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Levels of Vietnam's two-tier local government (since 1 July 2025). */
export const ADMINISTRATIVE_UNIT_LEVELS = ['province', 'commune'] as const;
export type AdministrativeUnitLevel = (typeof ADMINISTRATIVE_UNIT_LEVELS)[number];
