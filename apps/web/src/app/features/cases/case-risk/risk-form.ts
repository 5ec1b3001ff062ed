import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { CreateRiskAssessmentRequest, RiskInstrumentView } from '@caunoi/shared/contracts';
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
