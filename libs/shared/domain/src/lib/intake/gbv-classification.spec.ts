import {
  CLASSIFICATION_QUESTIONS,
  GBV_TYPE_FOR_QUESTION,
  classifyIncident,
  nextQuestion,
} from './gbv-classification';
import type { ClassificationAnswers, ClassificationQuestion } from './gbv-classification';
import { GBV_TYPES } from './vocabulary';

/** "No" to every question before `index`. */
function noUpTo(index: number): ClassificationAnswers {
  const answers: ClassificationAnswers = {};
  for (const question of CLASSIFICATION_QUESTIONS.slice(0, index)) answers[question] = false;
  return answers;
}

const allNo = noUpTo(CLASSIFICATION_QUESTIONS.length);

describe('GBV_TYPE_FOR_QUESTION', () => {
  it('maps each question to the GBVIMS type in the same elimination order', () => {
    expect(CLASSIFICATION_QUESTIONS.map((q) => GBV_TYPE_FOR_QUESTION[q])).toEqual(
      GBV_TYPES.filter((type) => type !== 'non_gbv'),
    );
  });

  it.each<[ClassificationQuestion, string]>([
    ['penetration', 'rape'],
    ['sexual_contact', 'sexual_assault'],
    ['physical_assault', 'physical_assault'],
    ['forced_marriage', 'forced_marriage'],
    ['denial_of_resources', 'denial_of_resources'],
    ['psychological_abuse', 'psychological_abuse'],
  ])('%s gives %s', (question, type) => {
    expect(GBV_TYPE_FOR_QUESTION[question]).toBe(type);
  });
});

describe('classifyIncident', () => {
  it('asks the first question when nothing is answered', () => {
    expect(classifyIncident({})).toEqual({ ok: false, missing: 'penetration' });
  });

  describe.each(CLASSIFICATION_QUESTIONS.map((q, i) => [q, i] as const))(
    'a yes to %s (position %i)',
    (question, index) => {
      const expected = { ok: true, gbvType: GBV_TYPE_FOR_QUESTION[question] };

      it('decides the type when every earlier question is no', () => {
        expect(classifyIncident({ ...noUpTo(index), [question]: true })).toEqual(expected);
      });

      it('ignores later answers, whether yes, no or missing', () => {
        const later = CLASSIFICATION_QUESTIONS.slice(index + 1);
        const laterYes: ClassificationAnswers = {};
        const laterNo: ClassificationAnswers = {};
        for (const q of later) {
          laterYes[q] = true;
          laterNo[q] = false;
        }
        expect(classifyIncident({ ...noUpTo(index), [question]: true, ...laterYes })).toEqual(
          expected,
        );
        expect(classifyIncident({ ...noUpTo(index), [question]: true, ...laterNo })).toEqual(
          expected,
        );
      });

      it('is blocked by each earlier question left unanswered', () => {
        for (const earlier of CLASSIFICATION_QUESTIONS.slice(0, index)) {
          const answers: ClassificationAnswers = { ...noUpTo(index), [question]: true };
          delete answers[earlier];
          expect(classifyIncident(answers)).toEqual({ ok: false, missing: earlier });
        }
      });

      it('reports the first gap when several earlier questions are unanswered', () => {
        const answers: ClassificationAnswers = { [question]: true };
        // Only penetration has no earlier question, so it alone decides on its own.
        expect(classifyIncident(answers)).toEqual(
          index === 0 ? expected : { ok: false, missing: 'penetration' },
        );
      });
    },
  );

  it.each(CLASSIFICATION_QUESTIONS.map((q, i) => [q, i] as const))(
    'asks for %s after %i earlier noes',
    (question, index) => {
      expect(classifyIncident(noUpTo(index))).toEqual({ ok: false, missing: question });
    },
  );

  it('gives non_gbv when all six are no', () => {
    expect(classifyIncident(allNo)).toEqual({ ok: true, gbvType: 'non_gbv' });
  });

  it('takes the most serious type when several are yes', () => {
    const allYes: ClassificationAnswers = {};
    for (const q of CLASSIFICATION_QUESTIONS) allYes[q] = true;
    expect(classifyIncident(allYes)).toEqual({ ok: true, gbvType: 'rape' });
    expect(
      classifyIncident({ ...noUpTo(2), physical_assault: true, psychological_abuse: true }),
    ).toEqual({ ok: true, gbvType: 'physical_assault' });
  });

  it('does not treat a later "no" as answering an earlier question', () => {
    expect(classifyIncident({ penetration: false, forced_marriage: false })).toEqual({
      ok: false,
      missing: 'sexual_contact',
    });
  });
});

describe('nextQuestion', () => {
  it.each(CLASSIFICATION_QUESTIONS.map((q, i) => [q, i] as const))(
    'is %s after %i noes',
    (question, index) => {
      expect(nextQuestion(noUpTo(index))).toBe(question);
    },
  );

  it('is the first gap, not the first question after the last answer', () => {
    expect(nextQuestion({ penetration: false, physical_assault: false })).toBe('sexual_contact');
  });

  it.each(CLASSIFICATION_QUESTIONS.map((q, i) => [q, i] as const))(
    'is null once a yes to %s decides',
    (question, index) => {
      expect(nextQuestion({ ...noUpTo(index), [question]: true })).toBeNull();
    },
  );

  it('is null once all six are no', () => {
    expect(nextQuestion(allNo)).toBeNull();
  });
});
