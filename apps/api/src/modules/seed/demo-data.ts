import type { AgencyType, Role, ServiceType } from '@caunoi/shared/domain';
import { DEMO_SECOND_ADMIN_USERNAME, DEMO_USERNAMES } from '@caunoi/shared/contracts';

/**
 * Synthetic demo data for Đà Nẵng (which since 1 July 2025 includes former Quảng Nam). The units
 * themselves come from the migration (all 34 provinces and 3,321 communes, official codes); the demo
 * names eight of Đà Nẵng's communes. No person here is real.
 */
export const DEMO_PROVINCE = { code: '48', name: 'Thành phố Đà Nẵng' } as const;

export const DEMO_COMMUNES: readonly { code: string; name: string }[] = [
  { code: '20242', name: 'Phường Hải Châu' },
  { code: '20257', name: 'Phường Hòa Cường' },
  { code: '20209', name: 'Phường Thanh Khê' },
  { code: '20263', name: 'Phường Sơn Trà' },
  { code: '20285', name: 'Phường Ngũ Hành Sơn' },
  { code: '20320', name: 'Xã Hòa Vang' },
  { code: '20410', name: 'Phường Hội An' },
  { code: '20341', name: 'Phường Tam Kỳ' },
];

export interface DemoAgency {
  id: string;
  type: AgencyType;
  name: string;
  communeCode: string;
  address: string;
  phone: string;
  services: ServiceType[];
  /** Service directory entry (issue 5). */
  directory: {
    coversWholeProvince: boolean;
    coverageCommuneCodes: string[];
    open24h: boolean;
    openingHours: string | null;
    capacityNote: string | null;
  };
}

const OFFICE_HOURS = 'Thứ 2–Thứ 6, 7:30–11:30 và 13:30–17:00';
const WHOLE_PROVINCE_24H = {
  coversWholeProvince: true,
  coverageCommuneCodes: [],
  open24h: true,
  openingHours: null,
  capacityNote: null,
};
/** Agencies that do not receive referrals still have a directory entry: the whole province, office hours. */
const NOT_IN_DIRECTORY = { ...WHOLE_PROVINCE_24H, open24h: false };

// Fixed ids keep the seed idempotent and let docs and tests name the demo agencies.
export const DEMO_AGENCIES = {
  socialWorkCentre: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001',
    type: 'social_work_centre',
    name: 'Trung tâm Công tác xã hội thành phố Đà Nẵng',
    communeCode: '20242',
    address: 'Địa chỉ minh họa, Phường Hải Châu',
    phone: '1800 1581',
    services: [
      'psychosocial_counselling',
      'safe_shelter',
      'essential_needs_support',
      'child_protection_services',
    ],
    directory: { ...WHOLE_PROVINCE_24H, capacityNote: 'Nhà tạm lánh: 12 chỗ (minh họa)' },
  },
  hotline: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000002',
    type: 'hotline',
    name: 'Tổng đài Cầu Nối (minh họa)',
    communeCode: '20242',
    address: 'Địa chỉ minh họa, Phường Hải Châu',
    phone: '111',
    services: ['psychosocial_counselling', 'other'],
    directory: NOT_IN_DIRECTORY,
  },
  trustedAddress: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000003',
    type: 'trusted_address',
    name: 'Địa chỉ tin cậy thôn minh họa, Xã Hòa Vang',
    communeCode: '20320',
    address: 'Địa chỉ minh họa, Xã Hòa Vang',
    phone: '0236 000 0003',
    services: ['safe_shelter', 'essential_needs_support'],
    directory: {
      coversWholeProvince: false,
      coverageCommuneCodes: ['20320'],
      open24h: true,
      openingHours: null,
      capacityNote: '2 chỗ tạm lánh (minh họa)',
    },
  },
  police: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000004',
    type: 'police',
    name: 'Công an Phường Hải Châu',
    communeCode: '20242',
    address: 'Địa chỉ minh họa, Phường Hải Châu',
    phone: '0236 000 0004',
    services: ['police_protection', 'no_contact_order_request'],
    directory: {
      coversWholeProvince: false,
      coverageCommuneCodes: ['20242', '20257'],
      open24h: true,
      openingHours: null,
      capacityNote: null,
    },
  },
  policeThanhKhe: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000009',
    type: 'police',
    name: 'Công an Phường Thanh Khê',
    communeCode: '20209',
    address: 'Địa chỉ minh họa, Phường Thanh Khê',
    phone: '0236 000 0009',
    services: ['police_protection', 'no_contact_order_request'],
    directory: {
      coversWholeProvince: false,
      coverageCommuneCodes: ['20209', '20263'],
      open24h: true,
      openingHours: null,
      capacityNote: null,
    },
  },
  health: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000005',
    type: 'health',
    name: 'Bệnh viện minh họa Đà Nẵng',
    communeCode: '20257',
    address: 'Địa chỉ minh họa, Phường Hòa Cường',
    phone: '0236 000 0005',
    services: ['emergency_medical_care', 'forensic_examination', 'psychosocial_counselling'],
    directory: { ...WHOLE_PROVINCE_24H, capacityNote: 'Phòng khám một cửa cho người bị bạo lực' },
  },
  legalAid: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000006',
    type: 'legal_aid',
    name: 'Trung tâm Trợ giúp pháp lý nhà nước thành phố Đà Nẵng',
    communeCode: '20209',
    address: 'Địa chỉ minh họa, Phường Thanh Khê',
    phone: '0236 000 0006',
    services: ['legal_aid', 'court_process'],
    directory: { ...NOT_IN_DIRECTORY, openingHours: OFFICE_HOURS },
  },
  reportingAuthority: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000007',
    type: 'reporting_authority',
    name: 'Sở Y tế thành phố Đà Nẵng (tiếp nhận báo cáo)',
    communeCode: '20242',
    address: 'Địa chỉ minh họa, Phường Hải Châu',
    phone: '0236 000 0007',
    services: ['other'],
    directory: NOT_IN_DIRECTORY,
  },
  socialWorkCentreQuangNam: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000008',
    type: 'social_work_centre',
    name: 'Cơ sở Công tác xã hội Tam Kỳ',
    communeCode: '20341',
    address: 'Địa chỉ minh họa, Phường Tam Kỳ',
    phone: '0235 000 0008',
    services: ['psychosocial_counselling', 'child_protection_services'],
    directory: {
      coversWholeProvince: false,
      coverageCommuneCodes: ['20341', '20410'],
      open24h: false,
      openingHours: OFFICE_HOURS,
      capacityNote: null,
    },
  },
  /** Decides no-contact orders (Law 13/2022 Art. 25) for the communes its commune police cover. */
  communeCommittee: {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c00000a',
    type: 'commune_committee',
    name: 'Ủy ban nhân dân Phường Hải Châu',
    communeCode: '20242',
    address: 'Địa chỉ minh họa, Phường Hải Châu',
    phone: '0236 000 0010',
    services: ['no_contact_order_request'],
    directory: {
      coversWholeProvince: false,
      coverageCommuneCodes: ['20242', '20257'],
      open24h: true,
      openingHours: null,
      capacityNote: null,
    },
  },
} as const satisfies Record<string, DemoAgency>;

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: DEMO_USERNAMES.hotline_operator,
    displayName: 'Tư vấn viên Minh Họa',
    role: 'hotline_operator',
    agencyId: DEMO_AGENCIES.hotline.id,
  },
  {
    username: DEMO_USERNAMES.volunteer,
    displayName: 'Tình nguyện viên Minh Họa',
    role: 'volunteer',
    agencyId: DEMO_AGENCIES.trustedAddress.id,
  },
  {
    username: DEMO_USERNAMES.caseworker,
    displayName: 'Cán bộ Ca Minh Họa',
    role: 'caseworker',
    agencyId: DEMO_AGENCIES.socialWorkCentre.id,
  },
  {
    username: DEMO_USERNAMES.supervisor,
    displayName: 'Trưởng nhóm Minh Họa',
    role: 'supervisor',
    agencyId: DEMO_AGENCIES.socialWorkCentre.id,
  },
  {
    username: DEMO_USERNAMES.police_liaison,
    displayName: 'Đầu mối Công an Minh Họa',
    role: 'police_liaison',
    agencyId: DEMO_AGENCIES.police.id,
  },
  {
    username: DEMO_USERNAMES.health_liaison,
    displayName: 'Đầu mối Y tế Minh Họa',
    role: 'health_liaison',
    agencyId: DEMO_AGENCIES.health.id,
  },
  {
    username: DEMO_USERNAMES.justice_liaison,
    displayName: 'Đầu mối Pháp lý Minh Họa',
    role: 'justice_liaison',
    agencyId: DEMO_AGENCIES.legalAid.id,
  },
  {
    username: DEMO_USERNAMES.commune_officer,
    displayName: 'Cán bộ UBND Phường Minh Họa',
    role: 'commune_officer',
    agencyId: DEMO_AGENCIES.communeCommittee.id,
  },
  {
    username: DEMO_USERNAMES.reporting_officer,
    displayName: 'Cán bộ Báo cáo Minh Họa',
    role: 'reporting_officer',
    agencyId: DEMO_AGENCIES.reportingAuthority.id,
  },
  {
    username: DEMO_USERNAMES.admin,
    displayName: 'Quản trị Minh Họa',
    role: 'admin',
    agencyId: DEMO_AGENCIES.reportingAuthority.id,
  },
  {
    // The second person of the two-person rule on accounts, so approvals can be shown on demo data.
    username: DEMO_SECOND_ADMIN_USERNAME,
    displayName: 'Quản trị Thứ Hai Minh Họa',
    role: 'admin',
    agencyId: DEMO_AGENCIES.reportingAuthority.id,
  },
];

/** Hotline numbers answered by the demo hotline; numbers are data an admin can change. */
export const DEMO_HOTLINE_LINES: readonly {
  id: string;
  agencyId: string;
  number: string;
  name: string;
}[] = [
  {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000101',
    agencyId: DEMO_AGENCIES.hotline.id,
    number: '111',
    name: 'Tổng đài quốc gia bảo vệ trẻ em',
  },
  {
    id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000102',
    agencyId: DEMO_AGENCIES.hotline.id,
    number: '1800 1581',
    name: 'Đường dây Trung tâm Công tác xã hội Đà Nẵng',
  },
];
