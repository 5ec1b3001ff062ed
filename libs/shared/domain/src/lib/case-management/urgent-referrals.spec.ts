import type { RiskAnswers } from './risk-instrument';
import { STARTER_ADULT_INSTRUMENT, STARTER_CHILD_INSTRUMENT } from './starter-risk-instruments';
import {
  INJURY_ITEM_KEYS,
  SEXUAL_VIOLENCE_ITEM_KEYS,
  urgentReferralsFor,
} from './urgent-referrals';

const POLICE = {
  agencyType: 'police',
  services: ['police_protection'],
  packet: ['incident_facts', 'risk_level', 'perpetrator_info', 'perpetrator'],
};
const health = (services: string[]) => ({
  agencyType: 'health',
  services,
  packet: ['incident_facts', 'injuries_medical', 'risk_level'],
});

describe('urgentReferralsFor', () => {
  it.each<[string, string, RiskAnswers, unknown[]]>([
    ['low: nothing', 'low', { injury: true }, []],
    ['medium: nothing', 'medium', { injury: true, sexual_violence: true }, []],
    ['unknown: nothing', 'unknown', {}, []],
    ['high, no injury: police only', 'high', { threat_to_kill: true, injury: false }, [POLICE]],
    ['high, injury not known: police only', 'high', { injury: null }, [POLICE]],
    [
      'high, adult injury: police and health care',
      'high',
      { injury: true },
      [POLICE, health(['emergency_medical_care'])],
    ],
    [
      'high, child serious injury',
      'high',
      { serious_injury: true },
      [POLICE, health(['emergency_medical_care'])],
    ],
    [
      'high, sexual violence: forensic',
      'high',
      { sexual_violence: true },
      [POLICE, health(['forensic_examination'])],
    ],
    [
      'high, child sexual abuse: forensic',
      'high',
      { sexual_abuse: true },
      [POLICE, health(['forensic_examination'])],
    ],
    [
      'high, both: one health referral with both services',
      'high',
      { injury: true, sexual_violence: true },
      [POLICE, health(['emergency_medical_care', 'forensic_examination'])],
    ],
    ['a scale answer is not a yes', 'high', { injury: 1 }, [POLICE]],
  ])('%s', (_name, level, answers, expected) => {
    expect(urgentReferralsFor({ level: level as never, answers })).toEqual(expected);
  });

  it('the item keys it reads are yes/no items of the starter instruments', () => {
    const yesNo = [...STARTER_ADULT_INSTRUMENT.items, ...STARTER_CHILD_INSTRUMENT.items]
      .filter((i) => i.kind === 'yes_no')
      .map((i) => i.key);
    expect(yesNo).toEqual(
      expect.arrayContaining([...INJURY_ITEM_KEYS, ...SEXUAL_VIOLENCE_ITEM_KEYS]),
    );
  });
});
