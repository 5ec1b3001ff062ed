import type { AgeGroup, RiskLevel } from '../intake/vocabulary';
import { AGE_GROUPS, RISK_LEVELS } from '../intake/vocabulary';
import type { RiskAnswers, RiskAudience, RiskInstrumentContent, RiskItem } from './risk-instrument';
import {
  checkRiskAnswers,
  checkRiskInstrument,
  judgedRiskLevel,
  maxRiskScore,
  riskAudienceFor,
  scoreRiskAnswers,
} from './risk-instrument';
import { STARTER_RISK_INSTRUMENTS } from './starter-risk-instruments';

/** Every item answered "no" / 0: the baseline each case below changes one item of. */
function allNo(content: RiskInstrumentContent): Record<string, boolean | number | null> {
  return Object.fromEntries(
    content.items.map((item) => [item.key, item.kind === 'yes_no' ? false : 0]),
  );
}

function expectedLevel(
  content: RiskInstrumentContent,
  score: number,
  critical: boolean,
): RiskLevel {
  if (critical) return 'high';
  if (score >= content.thresholds.high) return 'high';
  return score >= content.thresholds.medium ? 'medium' : 'low';
}

describe.each(STARTER_RISK_INSTRUMENTS.map((c) => [c.code, c] as const))(
  'starter instrument %s',
  (_code, content) => {
    it('is sound: it passes the checks a published version must pass', () => {
      expect(checkRiskInstrument(content)).toEqual([]);
    });

    it('every answer "no" is low risk with a score of 0, all answered', () => {
      const result = scoreRiskAnswers(content, allNo(content));
      expect(result).toEqual({
        score: 0,
        maxScore: maxRiskScore(content.items),
        computedLevel: 'low',
        criticalYes: [],
        answered: content.items.length,
      });
    });

    it('nothing known leaves the case unassessed, not low', () => {
      const answers = Object.fromEntries(content.items.map((item) => [item.key, null]));
      expect(scoreRiskAnswers(content, answers).computedLevel).toBe('unknown');
      expect(scoreRiskAnswers(content, answers).answered).toBe(0);
    });

    it('every item answered at its top scores the maximum and is high risk', () => {
      const answers = Object.fromEntries(
        content.items.map((item) => [item.key, item.kind === 'yes_no' ? true : item.scaleMax]),
      ) as RiskAnswers;
      const result = scoreRiskAnswers(content, answers);
      expect(result.score).toBe(result.maxScore);
      expect(result.computedLevel).toBe('high');
    });

    // One row per item: that item alone at its top, every other "no".
    it.each(content.items.map((item) => [item.key, item] as const))(
      'item %s alone scores its weight (times the scale) and places the case by the thresholds',
      (_key, item: RiskItem) => {
        const answers = {
          ...allNo(content),
          [item.key]: item.kind === 'yes_no' ? true : (item.scaleMax ?? 0),
        };
        const result = scoreRiskAnswers(content, answers);
        const points = item.weight * (item.kind === 'scale' ? (item.scaleMax ?? 0) : 1);
        expect(result.score).toBe(points);
        expect(result.criticalYes).toEqual(item.critical ? [item.key] : []);
        expect(result.computedLevel).toBe(expectedLevel(content, points, item.critical === true));
      },
    );

    it('the thresholds are inclusive: one point below medium is low, at medium is medium, at high is high', () => {
      // Non-critical yes/no items, heaviest first, until the score reaches the target exactly.
      const plain = content.items
        .filter((i) => i.kind === 'yes_no' && !i.critical)
        .sort((a, b) => b.weight - a.weight);
      const reach = (target: number): RiskAnswers => {
        const answers: Record<string, boolean | number | null> = allNo(content);
        let score = 0;
        for (const item of plain) {
          if (score + item.weight <= target) {
            answers[item.key] = true;
            score += item.weight;
          }
        }
        const scale = content.items.find((i) => i.kind === 'scale');
        if (score < target && scale)
          answers[scale.key] = Math.min(target - score, scale.scaleMax ?? 0);
        return answers;
      };
      const { medium, high } = content.thresholds;
      for (const [target, level] of [
        [medium - 1, 'low'],
        [medium, 'medium'],
        [high - 1, 'medium'],
        [high, 'high'],
      ] as const) {
        const result = scoreRiskAnswers(content, reach(target));
        expect([result.score, result.computedLevel]).toEqual([target, level]);
      }
    });
  },
);

describe('checking answers against the instrument version', () => {
  const content = STARTER_RISK_INSTRUMENTS[0] as RiskInstrumentContent;
  const base = allNo(content);

  it('accepts every item answered, "not known" included', () => {
    expect(checkRiskAnswers(content, { ...base, strangulation: null })).toEqual([]);
  });

  it.each([
    ['a missing item', { ...withoutKey(base, 'weapon') }, 'answers.weapon', 'not_answered'],
    [
      'an item the version does not ask',
      { ...base, invented: true },
      'answers.invented',
      'unknown_item',
    ],
    ['a number for a yes/no item', { ...base, weapon: 1 }, 'answers.weapon', 'not_yes_no'],
    ['a string for a yes/no item', { ...base, weapon: 'yes' }, 'answers.weapon', 'not_yes_no'],
    ['a step above the scale', { ...base, frequency: 4 }, 'answers.frequency', 'out_of_scale'],
    ['a negative step', { ...base, frequency: -1 }, 'answers.frequency', 'out_of_scale'],
    ['a fraction of a step', { ...base, frequency: 1.5 }, 'answers.frequency', 'out_of_scale'],
    ['yes for a scale item', { ...base, frequency: true }, 'answers.frequency', 'out_of_scale'],
  ])('refuses %s, naming the field', (_name, answers, field, code) => {
    expect(checkRiskAnswers(content, answers as RiskAnswers)).toEqual([
      expect.objectContaining({ field, code }),
    ]);
  });
});

function withoutKey<T extends Record<string, unknown>>(value: T, key: string): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

describe('professional judgement raises, never lowers', () => {
  const reason = 'she told us he bought a gun this week';
  // Every computed level × every override level, written out.
  const EXPECTED: Record<
    RiskLevel,
    Record<RiskLevel, RiskLevel | 'cannot_lower' | 'not_raised'>
  > = {
    unknown: { unknown: 'not_raised', low: 'low', medium: 'medium', high: 'high' },
    low: { unknown: 'cannot_lower', low: 'not_raised', medium: 'medium', high: 'high' },
    medium: { unknown: 'cannot_lower', low: 'cannot_lower', medium: 'not_raised', high: 'high' },
    high: {
      unknown: 'cannot_lower',
      low: 'cannot_lower',
      medium: 'cannot_lower',
      high: 'not_raised',
    },
  };
  for (const computed of RISK_LEVELS) {
    for (const wanted of RISK_LEVELS) {
      const expected = EXPECTED[computed][wanted];
      it(`computed ${computed}, judged ${wanted}: ${expected}`, () => {
        const result = judgedRiskLevel(computed, { level: wanted, reason });
        if (expected === 'cannot_lower' || expected === 'not_raised') {
          expect(result.problem).toEqual(
            expect.objectContaining({ field: 'overrideLevel', code: expected }),
          );
        } else {
          expect(result).toEqual({ level: expected, problem: null });
        }
      });
    }
  }

  it('no override keeps the computed level', () => {
    expect(judgedRiskLevel('medium', null)).toEqual({ level: 'medium', problem: null });
  });

  it.each([null, '', '   ', 'too short'])('raising needs a reason (%p is not one)', (given) => {
    expect(judgedRiskLevel('low', { level: 'high', reason: given }).problem).toEqual(
      expect.objectContaining({ field: 'overrideReason', code: 'reason_required' }),
    );
  });
});

describe('checking an instrument before it is published', () => {
  const item = (over: Partial<RiskItem>): RiskItem => ({
    key: 'item_a',
    kind: 'yes_no',
    weight: 2,
    text: { vi: 'Câu hỏi', en: 'Question' },
    ...over,
  });
  const instrument = (
    items: RiskItem[],
    thresholds = { medium: 1, high: 2 },
  ): RiskInstrumentContent => ({
    code: 'test',
    audience: 'adult',
    title: { vi: 'Thử', en: 'Test' },
    items,
    thresholds,
  });
  const codes = (content: RiskInstrumentContent) =>
    checkRiskInstrument(content).map((p) => `${p.field}:${p.code}`);

  it.each([
    ['no items', instrument([]), 'items:item_count'],
    ['a bad key', instrument([item({ key: 'Bad Key' })]), 'items.0.key:invalid_key'],
    [
      'two items with one key',
      instrument([item({}), item({})], { medium: 1, high: 3 }),
      'items.1.key:duplicate',
    ],
    [
      'a weight of 0',
      instrument([item({ weight: 0 }), item({ key: 'b' })]),
      'items.0.weight:weight_range',
    ],
    ['a weight above 10', instrument([item({ weight: 11 })]), 'items.0.weight:weight_range'],
    [
      'a scale of 1 step',
      instrument([item({ kind: 'scale', scaleMax: 1 })]),
      'items.0.scaleMax:scale_range',
    ],
    [
      'a critical scale item',
      instrument([item({ kind: 'scale', scaleMax: 3, critical: true })]),
      'items.0.critical:yes_no_only',
    ],
    [
      'a yes/no item with a scale',
      instrument([item({ scaleMax: 3 })]),
      'items.0.scaleMax:scale_only',
    ],
    [
      'scale labels that do not match the steps',
      instrument([item({ kind: 'scale', scaleMax: 2, scaleLabels: [{ vi: 'a', en: 'a' }] })]),
      'items.0.scaleLabels:wrong_count',
    ],
    [
      'a missing English text',
      instrument([item({ text: { vi: 'Câu hỏi', en: ' ' } })]),
      'items.0.text.en:isNotEmpty',
    ],
    [
      'a medium threshold of 0',
      instrument([item({})], { medium: 0, high: 2 }),
      'thresholds.medium:threshold_range',
    ],
    [
      'high not above medium',
      instrument([item({})], { medium: 2, high: 2 }),
      'thresholds.high:threshold_range',
    ],
    [
      'high above the highest score',
      instrument([item({})], { medium: 1, high: 3 }),
      'thresholds.high:threshold_range',
    ],
  ])('refuses %s', (_name, content, expected) => {
    expect(codes(content)).toContain(expected);
  });
});

describe('which instrument a survivor gets', () => {
  const EXPECTED: Record<AgeGroup, RiskAudience> = {
    '0_6': 'child',
    '7_11': 'child',
    '12_15': 'child',
    '16_17': 'adult',
    '18_24': 'adult',
    '25_59': 'adult',
    '60_plus': 'adult',
    unknown: 'adult',
  };
  it.each(AGE_GROUPS)('age group %s', (group) => {
    expect(riskAudienceFor(group)).toBe(EXPECTED[group]);
  });
});
