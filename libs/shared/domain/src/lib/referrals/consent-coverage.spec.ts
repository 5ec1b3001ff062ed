import type { AgencyType } from '../agencies/agency-type';
import { AGENCY_TYPES } from '../agencies/agency-type';
import type { DataCategory } from '../intake/vocabulary';
import { consentCoverage } from './consent-coverage';
import type { SharingConsentFacts } from './consent-coverage';
import { REFERRAL_TARGET_TYPES } from './referral-vocabulary';

const sharing = (overrides: Partial<SharingConsentFacts> = {}): SharingConsentFacts => ({
  kind: 'information_sharing',
  agencyTypes: ['police'],
  dataCategories: ['incident_facts'],
  withdrawnAt: null,
  ...overrides,
});

const ALL: DataCategory[] = [
  'identity_contact',
  'safe_contact',
  'incident_facts',
  'injuries_medical',
  'risk_level',
  'perpetrator_info',
  'perpetrator',
];

describe('consentCoverage', () => {
  it('covers a packet whose every category a consent grants to that agency type', () => {
    const consents = [sharing({ dataCategories: ['incident_facts', 'risk_level'] })];
    expect(consentCoverage(consents, 'police', ['risk_level', 'incident_facts'])).toEqual({
      covered: true,
      agencyTypeConsented: true,
      missing: [],
    });
  });

  it('covers all six categories when one consent grants them all', () => {
    const consents = [sharing({ agencyTypes: ['health'], dataCategories: ALL })];
    expect(consentCoverage(consents, 'health', ALL)).toEqual({
      covered: true,
      agencyTypeConsented: true,
      missing: [],
    });
  });

  it('names the categories the consent does not grant when it covers only part of the packet', () => {
    const consents = [sharing({ dataCategories: ['incident_facts'] })];
    expect(
      consentCoverage(consents, 'police', ['incident_facts', 'identity_contact', 'risk_level']),
    ).toEqual({
      covered: false,
      agencyTypeConsented: true,
      missing: ['identity_contact', 'risk_level'],
    });
  });

  it('does not list granted categories that are not in the packet', () => {
    const consents = [sharing({ dataCategories: ALL })];
    expect(consentCoverage(consents, 'police', ['safe_contact']).missing).toEqual([]);
  });

  describe('withdrawn consents', () => {
    it.each([
      ['a Date', new Date('2026-03-01T02:00:00Z')],
      ['an ISO string', '2026-03-01T02:00:00.000Z'],
    ])('ignores a consent withdrawn (as %s)', (_label, withdrawnAt) => {
      const consents = [sharing({ dataCategories: ALL, withdrawnAt })];
      expect(consentCoverage(consents, 'police', ['incident_facts'])).toEqual({
        covered: false,
        agencyTypeConsented: false,
        missing: ['incident_facts'],
      });
    });

    it('keeps what the remaining consent grants and loses what only the withdrawn one did', () => {
      const consents = [
        sharing({ dataCategories: ['incident_facts'] }),
        sharing({
          dataCategories: ['identity_contact', 'incident_facts'],
          withdrawnAt: '2026-03-01T02:00:00.000Z',
        }),
      ];
      expect(consentCoverage(consents, 'police', ['identity_contact', 'incident_facts'])).toEqual({
        covered: false,
        agencyTypeConsented: true,
        missing: ['identity_contact'],
      });
    });
  });

  it('ignores a case-management consent, even one naming the agency type and the categories', () => {
    const consents = [sharing({ kind: 'case_management', dataCategories: ALL })];
    expect(consentCoverage(consents, 'police', ['incident_facts'])).toEqual({
      covered: false,
      agencyTypeConsented: false,
      missing: ['incident_facts'],
    });
  });

  describe('several consents', () => {
    it('add up: each category may come from a different consent', () => {
      const consents = [
        sharing({ dataCategories: ['identity_contact'] }),
        sharing({ dataCategories: ['incident_facts'] }),
        sharing({ agencyTypes: ['health', 'police'], dataCategories: ['risk_level'] }),
      ];
      expect(
        consentCoverage(consents, 'police', ['identity_contact', 'incident_facts', 'risk_level']),
      ).toEqual({ covered: true, agencyTypeConsented: true, missing: [] });
    });

    it('do not lend a category granted to another agency type', () => {
      const consents = [
        sharing({ agencyTypes: ['police'], dataCategories: ['incident_facts'] }),
        sharing({ agencyTypes: ['health'], dataCategories: ['injuries_medical'] }),
      ];
      expect(consentCoverage(consents, 'police', ['incident_facts', 'injuries_medical'])).toEqual({
        covered: false,
        agencyTypeConsented: true,
        missing: ['injuries_medical'],
      });
    });
  });

  describe('agency type not named', () => {
    it('is not covered, and every packet category is missing, when consents name other types only', () => {
      const consents = [sharing({ agencyTypes: ['health', 'legal_aid'], dataCategories: ALL })];
      expect(consentCoverage(consents, 'police', ['risk_level', 'incident_facts'])).toEqual({
        covered: false,
        agencyTypeConsented: false,
        missing: ['incident_facts', 'risk_level'],
      });
    });

    it('is not covered when there is no consent at all', () => {
      expect(consentCoverage([], 'health', ['injuries_medical'])).toEqual({
        covered: false,
        agencyTypeConsented: false,
        missing: ['injuries_medical'],
      });
    });

    it('treats legal aid and the court as different recipients', () => {
      const consents = [sharing({ agencyTypes: ['legal_aid'], dataCategories: ALL })];
      expect(consentCoverage(consents, 'legal_aid', ['incident_facts']).covered).toBe(true);
      expect(consentCoverage(consents, 'court', ['incident_facts']).covered).toBe(false);
    });

    it.each(REFERRAL_TARGET_TYPES)(
      'a consent naming only %s covers that type and no other',
      (named) => {
        const consents = [sharing({ agencyTypes: [named], dataCategories: ALL })];
        for (const type of AGENCY_TYPES) {
          const result = consentCoverage(consents, type, ['incident_facts']);
          expect([type, result.covered, result.agencyTypeConsented]).toEqual([
            type,
            type === named,
            type === named,
          ]);
        }
      },
    );
  });

  describe('an empty packet', () => {
    it('is covered when a consent names the agency type, even one granting no category', () => {
      const consents = [sharing({ agencyTypes: ['health'], dataCategories: [] })];
      expect(consentCoverage(consents, 'health', [])).toEqual({
        covered: true,
        agencyTypeConsented: true,
        missing: [],
      });
    });

    it.each<[string, SharingConsentFacts[], AgencyType]>([
      ['no consent', [], 'health'],
      ['a consent for another type', [sharing({ agencyTypes: ['police'] })], 'health'],
      ['a withdrawn consent', [sharing({ withdrawnAt: new Date(0) })], 'police'],
      ['a case-management consent', [sharing({ kind: 'case_management' })], 'police'],
    ])('is not covered with %s', (_label, consents, type) => {
      expect(consentCoverage(consents, type, [])).toEqual({
        covered: false,
        agencyTypeConsented: false,
        missing: [],
      });
    });
  });

  it('lists missing categories in canonical order, once each, whatever the packet order', () => {
    const consents = [sharing({ dataCategories: ['safe_contact'] })];
    const packet: DataCategory[] = [
      'perpetrator_info',
      'risk_level',
      'safe_contact',
      'injuries_medical',
      'identity_contact',
      'incident_facts',
      'risk_level',
      'identity_contact',
    ];
    expect(consentCoverage(consents, 'police', packet).missing).toEqual([
      'identity_contact',
      'incident_facts',
      'injuries_medical',
      'risk_level',
      'perpetrator_info',
    ]);
  });
});
