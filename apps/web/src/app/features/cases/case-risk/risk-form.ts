import { FormControl, FormGroup, Validators } from '@angular/forms';
import type {
  CorrectRiskAssessmentRequest,
  CreateRiskAssessmentRequest,
  RiskAssessmentView,
  RiskInstrumentView,
} from '@caunoi/shared/contracts';
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '@caunoi/shared/contracts';
import type { RiskAnswer, RiskLevel } from '@caunoi/shared/domain';
import { RISK_LEVELS, riskLevelRank, scoreRiskAnswers } from '@caunoi/shared/domain';

/** A yes/no item's control: '' until answered; "unknown" is an answer (not known, or declined). */
export type YesNoValue = '' | 'yes' | 'no' | 'unknown';
/** A scale item's control: '' until answered, else the step or "unknown". */
export type ScaleValue = '' | 'unknown' | number;

export type RiskFormGroup = FormGroup<{
  answers: FormGroup<Record<string, FormControl<YesNoValue | ScaleValue>>>;
  overrideLevel: FormControl<RiskLevel | ''>;
  overrideReason: FormControl<string>;
  /** Why a saved assessment is corrected (required only when correcting). */
  reason: FormControl<string>;
}>;

/** The form, before an instrument is known (the component creates it once, with its submission). */
export function emptyRiskForm(): RiskFormGroup {
  return new FormGroup({
    answers: new FormGroup<Record<string, FormControl<YesNoValue | ScaleValue>>>({}),
    overrideLevel: new FormControl<RiskLevel | ''>('', { nonNullable: true }),
    overrideReason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(2000)],
    }),
    reason: new FormControl('', { nonNullable: true }),
  });
}

/** One unanswered control per item of the instrument; the override cleared. */
export function prepareRiskForm(form: RiskFormGroup, instrument: RiskInstrumentView): void {
  const answers = Object.fromEntries(
    instrument.content.items.map((item) => [
      item.key,
      new FormControl<YesNoValue | ScaleValue>('', {
        nonNullable: true,
        validators: [Validators.required],
      }),
    ]),
  );
  form.setControl('answers', new FormGroup(answers));
  form.reset();
  setReasonRequired(form, false);
}

function toControlValue(answer: RiskAnswer | undefined): YesNoValue | ScaleValue {
  if (answer === undefined) return '';
  if (answer === null) return 'unknown';
  if (answer === true) return 'yes';
  if (answer === false) return 'no';
  return answer;
}

/**
 * The form filled with a saved assessment, to correct it with its own instrument version: every
 * answer, the judgement, and a reason that is now required.
 */
export function fillRiskForm(
  form: RiskFormGroup,
  instrument: RiskInstrumentView,
  assessment: RiskAssessmentView,
): void {
  prepareRiskForm(form, instrument);
  form.reset({
    answers: Object.fromEntries(
      instrument.content.items.map((item) => [
        item.key,
        toControlValue(assessment.answers[item.key]),
      ]),
    ),
    overrideLevel: assessment.overrideLevel ?? '',
    overrideReason: assessment.overrideReason ?? '',
    reason: '',
  });
  setReasonRequired(form, true);
}

function setReasonRequired(form: RiskFormGroup, required: boolean): void {
  const reason = form.controls.reason;
  reason.setValidators(
    required
      ? [
          Validators.required,
          Validators.minLength(CORRECTION_REASON_MIN),
          Validators.maxLength(CORRECTION_REASON_MAX),
        ]
      : [],
  );
  reason.updateValueAndValidity();
}

function toAnswer(value: YesNoValue | ScaleValue): RiskAnswer | undefined {
  if (value === '') return undefined;
  if (value === 'unknown') return null;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return value;
}

/** The answers given so far, as the API takes them (unanswered items left out). */
export function answersOf(form: RiskFormGroup): Record<string, RiskAnswer> {
  const out: Record<string, RiskAnswer> = {};
  for (const [key, value] of Object.entries(form.controls.answers.getRawValue())) {
    const answer = toAnswer(value);
    if (answer !== undefined) out[key] = answer;
  }
  return out;
}

/** The live score as the caseworker answers: the same domain rule the API applies. */
export function previewScore(instrument: RiskInstrumentView, form: RiskFormGroup) {
  return scoreRiskAnswers(instrument.content, answersOf(form));
}

/** The levels judgement may choose: strictly above the computed one. */
export function raisableLevels(computed: RiskLevel): RiskLevel[] {
  return RISK_LEVELS.filter(
    (level) => level !== 'unknown' && riskLevelRank(level) > riskLevelRank(computed),
  );
}

export function assessmentRequest(
  instrument: RiskInstrumentView,
  form: RiskFormGroup,
): CreateRiskAssessmentRequest {
  const { overrideLevel, overrideReason } = form.getRawValue();
  return {
    instrumentId: instrument.id,
    answers: answersOf(form),
    ...(overrideLevel ? { overrideLevel, overrideReason: overrideReason.trim() || null } : {}),
  };
}

export function correctionRequest(
  form: RiskFormGroup,
  version: number,
): CorrectRiskAssessmentRequest {
  const { overrideLevel, overrideReason, reason } = form.getRawValue();
  return {
    answers: answersOf(form),
    ...(overrideLevel ? { overrideLevel, overrideReason: overrideReason.trim() || null } : {}),
    reason: reason.trim(),
    version,
  };
}

/**
 * The answers a correction replaced, as the history shows them: only those that differ from the
 * assessment now, each as its question and the earlier answer.
 */
export function replacedAnswers(
  instrument: RiskInstrumentView,
  previous: Readonly<Record<string, RiskAnswer>>,
  current: Readonly<Record<string, RiskAnswer>>,
  words: {
    text: (item: RiskInstrumentView['content']['items'][number]) => string;
    answer: (item: RiskInstrumentView['content']['items'][number], value: RiskAnswer) => string;
  },
): string[] {
  return instrument.content.items
    .filter((item) => (previous[item.key] ?? null) !== (current[item.key] ?? null))
    .map((item) => `${words.text(item)} — ${words.answer(item, previous[item.key] ?? null)}`);
}
