import type { AgencyType, ServiceType } from '@caunoi/shared/domain';

export interface AgencyView {
  id: string;
  type: AgencyType;
  name: string;
  provinceCode: string;
  communeCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  services: ServiceType[];
  /** Service directory: where the agency works, when, and whether it takes referrals now. */
  coversWholeProvince: boolean;
  coverageCommuneCodes: string[];
  open24h: boolean;
  openingHours: string | null;
  capacityNote: string | null;
  acceptingReferrals: boolean;
  active: boolean;
  createdAt: string;
}

export interface CreateAgencyRequest {
  type: AgencyType;
  name: string;
  provinceCode: string;
  communeCode?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  services: ServiceType[];
  coversWholeProvince?: boolean;
  /** Communes of the agency's province it covers (ignored when it covers the whole province). */
  coverageCommuneCodes?: string[];
  open24h?: boolean;
  /** Free text, e.g. "Thứ 2–Thứ 6, 7:30–17:00"; required unless open 24/7. */
  openingHours?: string | null;
  /** e.g. "12 chỗ tạm lánh, còn 3". */
  capacityNote?: string | null;
  acceptingReferrals?: boolean;
}

export type UpdateAgencyRequest = Partial<CreateAgencyRequest> & { active?: boolean };

export interface AgencyListQuery {
  after?: string;
  limit?: number;
  type?: AgencyType;
  provinceCode?: string;
  q?: string;
  includeInactive?: boolean;
  /** Directory search: agencies covering this commune (by name or whole province). */
  coversCommune?: string;
  /** Directory search: agencies offering this service. */
  service?: ServiceType;
  /** Directory search: only agencies accepting referrals now. */
  acceptingReferrals?: boolean;
}
