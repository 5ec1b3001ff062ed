import type { AdministrativeUnitLevel, AgencyType, ServiceType } from '@caunoi/shared/domain';

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
}

export type UpdateAgencyRequest = Partial<CreateAgencyRequest> & { active?: boolean };

export interface AgencyListQuery {
  after?: string;
  limit?: number;
  type?: AgencyType;
  provinceCode?: string;
  q?: string;
  includeInactive?: boolean;
}

export interface AdministrativeUnitView {
  code: string;
  name: string;
  level: AdministrativeUnitLevel;
  parentCode: string | null;
}
