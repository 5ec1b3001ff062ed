import { AGENCY_TYPES } from '../agencies/agency-type';
import type { AgencyType } from '../agencies/agency-type';
import { REFERRAL_TARGET_TYPES } from './referral-vocabulary';
import { checkSectorOutcome, sectorOf } from './sector-outcomes';
import type { ReferralSector } from './sector-outcomes';

const SECTORS: readonly ReferralSector[] = ['police', 'health', 'legal_aid', 'social_work'];

/** The fields each sector's service record carries (issue 5 §4), written out. */
const YES_NO_FIELDS: Readonly<Record<ReferralSector, readonly string[]>> = {
  police: ['reportRegistered', 'summonsToCommunePolice', 'criminalFileOpened'],
  health: ['examination', 'treatment', 'forensicExamination', 'psychologicalCare'],
  legal_aid: ['adviceGiven', 'representationAccepted'],
  social_work: [],
};
const CODE_FIELDS: Readonly<Record<ReferralSector, Readonly<Record<string, readonly string[]>>>> = {
  police: { noContactOrder: ['not_requested', 'requested', 'issued'] },
  health: {},
  legal_aid: {
    courtStage: ['not_started', 'petition_filed', 'first_instance', 'appeal', 'judgment_enforced'],
  },
  social_work: {},
};
const fieldsOf = (sector: ReferralSector) => [
  ...YES_NO_FIELDS[sector],
  ...Object.keys(CODE_FIELDS[sector]),
];

describe('sectorOf', () => {
  const EXPECTED: Record<AgencyType, ReferralSector | null> = {
    social_work_centre: 'social_work',
    police: 'police',
    health: 'health',
    legal_aid: 'legal_aid',
    court: 'legal_aid',
    commune_committee: null,
    trusted_address: null,
    shelter: null,
    womens_union: null,
    school: null,
    hotline: null,
    reporting_authority: null,
  };

  it.each(AGENCY_TYPES)('%s', (type) => {
    expect(sectorOf(type)).toBe(EXPECTED[type]);
  });

  it.each(REFERRAL_TARGET_TYPES)('a %s agency can record its service outcome', (type) => {
    expect(sectorOf(type)).not.toBeNull();
  });
});

describe('checkSectorOutcome', () => {
  describe('accepts', () => {
    it('a complete police record', () => {
      expect(
        checkSectorOutcome('police', {
          reportRegistered: true,
          summonsToCommunePolice: false,
          noContactOrder: 'issued',
          criminalFileOpened: false,
        }),
      ).toEqual([]);
    });

    it('a complete health record', () => {
      expect(
        checkSectorOutcome('health', {
          examination: true,
          treatment: true,
          forensicExamination: false,
          psychologicalCare: true,
        }),
      ).toEqual([]);
    });

    it('a complete legal-aid record', () => {
      expect(
        checkSectorOutcome('legal_aid', {
          adviceGiven: true,
          representationAccepted: false,
          courtStage: 'petition_filed',
        }),
      ).toEqual([]);
    });

    it.each(SECTORS)('an empty %s record (nothing known yet)', (sector) => {
      expect(checkSectorOutcome(sector, {})).toEqual([]);
    });

    it.each(SECTORS.filter((s) => fieldsOf(s).length > 0))(
      'a %s record with any single field filled in and the rest left out',
      (sector) => {
        for (const field of YES_NO_FIELDS[sector]) {
          for (const value of [true, false]) {
            expect([field, checkSectorOutcome(sector, { [field]: value })]).toEqual([field, []]);
          }
        }
        for (const [field, values] of Object.entries(CODE_FIELDS[sector])) {
          for (const value of values) {
            expect([value, checkSectorOutcome(sector, { [field]: value })]).toEqual([value, []]);
          }
        }
      },
    );
  });

  describe('wrong types', () => {
    const NOT_BOOLEANS: readonly unknown[] = ['true', 'yes', 1, 0, null, {}, []];

    it.each(SECTORS.filter((s) => YES_NO_FIELDS[s].length > 0))(
      'refuses anything but true or false in a %s yes/no field',
      (sector) => {
        for (const field of YES_NO_FIELDS[sector]) {
          for (const value of NOT_BOOLEANS) {
            expect([value, checkSectorOutcome(sector, { [field]: value })]).toEqual([
              value,
              [{ field, code: 'not_boolean' }],
            ]);
          }
        }
      },
    );

    it.each([
      ['police', 'noContactOrder'],
      ['legal_aid', 'courtStage'],
    ] as const)('refuses a %s %s that is not one of its codes', (sector, field) => {
      for (const value of ['', 'Issued', 'APPEAL', 'other', 'toString', true, 1, null, {}, []]) {
        expect([value, checkSectorOutcome(sector, { [field]: value })]).toEqual([
          value,
          [{ field, code: 'not_allowed_value' }],
        ]);
      }
    });

    it("refuses one sector's codes in another sector's field", () => {
      expect(checkSectorOutcome('police', { noContactOrder: 'appeal' })).toEqual([
        { field: 'noContactOrder', code: 'not_allowed_value' },
      ]);
      expect(checkSectorOutcome('legal_aid', { courtStage: 'issued' })).toEqual([
        { field: 'courtStage', code: 'not_allowed_value' },
      ]);
    });
  });

  describe('unknown fields', () => {
    it.each(SECTORS)('refuses a field no sector has on a %s record', (sector) => {
      expect(checkSectorOutcome(sector, { outcome: true })).toEqual([
        { field: 'outcome', code: 'unknown_field' },
      ]);
    });

    it('refuses a police field on a health record', () => {
      expect(checkSectorOutcome('health', { reportRegistered: true, examination: true })).toEqual([
        { field: 'reportRegistered', code: 'unknown_field' },
      ]);
    });

    it.each(SECTORS)("refuses every other sector's fields on a %s record", (sector) => {
      for (const other of SECTORS.filter((s) => s !== sector)) {
        for (const field of fieldsOf(other)) {
          expect([field, checkSectorOutcome(sector, { [field]: true })]).toEqual([
            field,
            [{ field, code: 'unknown_field' }],
          ]);
        }
      }
    });

    it('matches field names exactly (case matters)', () => {
      expect(checkSectorOutcome('police', { ReportRegistered: true })).toEqual([
        { field: 'ReportRegistered', code: 'unknown_field' },
      ]);
    });

    it.each(SECTORS)(
      'refuses names every JavaScript object inherits on a %s record (toString, constructor, __proto__…)',
      (sector) => {
        const outcome: unknown = JSON.parse(
          '{"toString": true, "constructor": "x", "__proto__": true, "hasOwnProperty": false}',
        );
        expect(checkSectorOutcome(sector, outcome)).toEqual([
          { field: 'toString', code: 'unknown_field' },
          { field: 'constructor', code: 'unknown_field' },
          { field: '__proto__', code: 'unknown_field' },
          { field: 'hasOwnProperty', code: 'unknown_field' },
        ]);
      },
    );
  });

  it('reports every problem at once, in the order of the fields', () => {
    expect(
      checkSectorOutcome('police', {
        reportRegistered: 'yes',
        examination: true,
        noContactOrder: 'maybe',
        criminalFileOpened: true,
      }),
    ).toEqual([
      { field: 'reportRegistered', code: 'not_boolean' },
      { field: 'examination', code: 'unknown_field' },
      { field: 'noContactOrder', code: 'not_allowed_value' },
    ]);
  });

  describe('non-object input', () => {
    it.each<[string, unknown]>([
      ['null', null],
      ['undefined', undefined],
      ['an array', []],
      ['an array of pairs', [['reportRegistered', true]]],
      ['a string', 'reportRegistered'],
      ['a JSON string', '{"reportRegistered":true}'],
      ['a number', 1],
      ['a boolean', true],
    ])('refuses %s as a whole', (_label, outcome) => {
      for (const sector of SECTORS) {
        expect(checkSectorOutcome(sector, outcome)).toEqual([{ field: '', code: 'not_an_object' }]);
      }
    });
  });
});
