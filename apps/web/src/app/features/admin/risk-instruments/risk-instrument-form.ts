import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type {
  LocalisedText,
  RiskInstrumentContent,
  RiskItem,
  RiskItemKind,
} from '@caunoi/shared/domain';
import { MAX_RISK_SCALE, MAX_RISK_TEXT, MAX_RISK_WEIGHT } from '@caunoi/shared/domain';

export type TextForm = FormGroup<{ vi: FormControl<string>; en: FormControl<string> }>;
export type ItemForm = FormGroup<{
  key: FormControl<string>;
  kind: FormControl<RiskItemKind>;
  weight: FormControl<number>;
  scaleMax: FormControl<number>;
  critical: FormControl<boolean>;
  text: TextForm;
  scaleLabels: FormArray<TextForm>;
}>;
/** Mirrors the API's body, so its field errors (`items.3.weight`) land on the matching control. */
export type InstrumentForm = FormGroup<{
  title: TextForm;
  thresholds: FormGroup<{ medium: FormControl<number>; high: FormControl<number> }>;
  items: FormArray<ItemForm>;
}>;

const required = (value: string) =>
  new FormControl(value, {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(MAX_RISK_TEXT)],
  });

export function textForm(text: LocalisedText = { vi: '', en: '' }): TextForm {
  return new FormGroup({ vi: required(text.vi), en: required(text.en) });
}

export function itemForm(item?: RiskItem): ItemForm {
  const form: ItemForm = new FormGroup({
    key: new FormControl(item?.key ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[a-z][a-z0-9_]{0,39}$/)],
    }),
    kind: new FormControl<RiskItemKind>(item?.kind ?? 'yes_no', { nonNullable: true }),
    weight: new FormControl(item?.weight ?? 1, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(MAX_RISK_WEIGHT)],
    }),
    scaleMax: new FormControl(item?.scaleMax ?? 3, {
      nonNullable: true,
      validators: [Validators.min(2), Validators.max(MAX_RISK_SCALE)],
    }),
    critical: new FormControl(item?.critical ?? false, { nonNullable: true }),
    text: textForm(item?.text),
    scaleLabels: new FormArray<TextForm>((item?.scaleLabels ?? []).map((l) => textForm(l))),
  });
  return form;
}

/** A scale item's labels follow its length (one per step 0..scaleMax); a yes/no item has none. */
export function fitScaleLabels(item: ItemForm): void {
  const labels = item.controls.scaleLabels;
  const max = item.controls.scaleMax.value;
  const wanted =
    item.controls.kind.value === 'scale' &&
    Number.isInteger(max) &&
    max >= 2 &&
    max <= MAX_RISK_SCALE
      ? max + 1
      : 0;
  while (labels.length > wanted) labels.removeAt(labels.length - 1);
  while (labels.length < wanted) labels.push(textForm());
}

export function instrumentForm(): InstrumentForm {
  return new FormGroup({
    title: textForm(),
    thresholds: new FormGroup({
      medium: new FormControl(1, { nonNullable: true, validators: [Validators.required] }),
      high: new FormControl(2, { nonNullable: true, validators: [Validators.required] }),
    }),
    items: new FormArray<ItemForm>([]),
  });
}

/** Fills the editor with a version's content: a new version starts as a copy of one. */
export function fillInstrumentForm(form: InstrumentForm, content: RiskInstrumentContent): void {
  form.controls.items.clear();
  for (const item of content.items) form.controls.items.push(itemForm(item));
  form.controls.title.setValue({ vi: content.title.vi, en: content.title.en });
  form.controls.thresholds.setValue({
    medium: content.thresholds.medium,
    high: content.thresholds.high,
  });
}

/** The body of the new version: the code and audience of the one it was made from. */
export function instrumentContent(
  form: InstrumentForm,
  base: Pick<RiskInstrumentContent, 'code' | 'audience'>,
): RiskInstrumentContent {
  const value = form.getRawValue();
  return {
    code: base.code,
    audience: base.audience,
    title: value.title,
    thresholds: { medium: Number(value.thresholds.medium), high: Number(value.thresholds.high) },
    items: value.items.map((item): RiskItem => {
      const common = { key: item.key.trim(), kind: item.kind, weight: Number(item.weight) };
      if (item.kind === 'scale') {
        return {
          ...common,
          scaleMax: Number(item.scaleMax),
          text: item.text,
          ...(item.scaleLabels.length > 0 ? { scaleLabels: item.scaleLabels } : {}),
        };
      }
      return { ...common, ...(item.critical ? { critical: true } : {}), text: item.text };
    }),
  };
}
