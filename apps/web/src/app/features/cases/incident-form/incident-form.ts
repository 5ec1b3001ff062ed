import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type {
  CreateIncidentRequest,
  IncidentView,
  PerpetratorInput,
} from '@caunoi/shared/contracts';
import type {
  AgeGroup,
  ClassificationAnswers,
  ContextFlag,
  DatePrecision,
  DvForm,
  InjuryType,
  PerpetratorRelationship,
  SeriousReason,
  Sex,
} from '@caunoi/shared/domain';
import { classifyIncident } from '@caunoi/shared/domain';
import {
  fromVietnamLocal,
  notInFutureValidator,
  toVietnamLocal,
} from '../../../shared/forms/vietnam-time';

export const INCIDENT_DESCRIPTION_MAX = 1000;

export type PerpetratorForm = FormGroup<{
  relationship: FormControl<PerpetratorRelationship | null>;
  sex: FormControl<Sex>;
  ageGroup: FormControl<AgeGroup>;
}>;

/** Every GBVIMS question up to the deciding "yes" must be answered (`classification_incomplete`). */
export const classificationCompleteValidator: ValidatorFn = (
  control: AbstractControl<ClassificationAnswers>,
): ValidationErrors | null =>
  classifyIncident(control.value ?? {}).ok ? null : { classification_incomplete: true };

/** On `discoveredAt`: an incident cannot come to light before it happened (`before_occurred`). */
const discoveredAfterOccurredValidator: ValidatorFn = (
  control: AbstractControl<string>,
): ValidationErrors | null => {
  const occurred = control.parent?.get('occurredAt')?.value as string | undefined;
  if (!control.value || !occurred) return null;
  return fromVietnamLocal(control.value) < fromVietnamLocal(occurred)
    ? { before_occurred: true }
    : null;
};

/** On `seriousReasons`: a serious incident says why (the reasons start the 10-day clock). */
const reasonsWhenSeriousValidator: ValidatorFn = (
  control: AbstractControl<SeriousReason[]>,
): ValidationErrors | null => {
  const serious = control.parent?.get('serious')?.value === true;
  return serious && (control.value ?? []).length === 0 ? { required: true } : null;
};

export function createPerpetratorForm(): PerpetratorForm {
  return new FormGroup({
    relationship: new FormControl<PerpetratorRelationship | null>(null, {
      validators: [Validators.required],
    }),
    sex: new FormControl<Sex>('unknown', { nonNullable: true }),
    ageGroup: new FormControl<AgeGroup>('unknown', { nonNullable: true }),
  });
}

/** The incident form: also the `incident` group of the open-case form, mirroring the request. */
export function createIncidentForm(now: number = Date.now()) {
  const form = new FormGroup({
    occurredAt: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notInFutureValidator()],
    }),
    occurredPrecision: new FormControl<DatePrecision>('day', { nonNullable: true }),
    discoveredAt: new FormControl(toVietnamLocal(now), {
      nonNullable: true,
      validators: [Validators.required, notInFutureValidator(), discoveredAfterOccurredValidator],
    }),
    communeCode: new FormControl<string | null>(null, { validators: [Validators.required] }),
    classificationAnswers: new FormControl<ClassificationAnswers>(
      {},
      { nonNullable: true, validators: [classificationCompleteValidator] },
    ),
    dvForms: new FormControl<DvForm[]>([], { nonNullable: true }),
    contextFlags: new FormControl<ContextFlag[]>([], { nonNullable: true }),
    perpetrators: new FormArray<PerpetratorForm>([]),
    injuries: new FormControl<InjuryType[]>([], { nonNullable: true }),
    serious: new FormControl(false, { nonNullable: true }),
    seriousReasons: new FormControl<SeriousReason[]>([], {
      nonNullable: true,
      validators: [reasonsWhenSeriousValidator],
    }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(INCIDENT_DESCRIPTION_MAX)],
    }),
  });
  // Cross-field rules re-run when the field they depend on changes.
  form.controls.occurredAt.valueChanges.subscribe(() =>
    form.controls.discoveredAt.updateValueAndValidity({ emitEvent: false }),
  );
  form.controls.serious.valueChanges.subscribe(() =>
    form.controls.seriousReasons.updateValueAndValidity({ emitEvent: false }),
  );
  return form;
}

export type IncidentForm = ReturnType<typeof createIncidentForm>;

/** Empties the form for the next incident (discovered "now" again, no perpetrators). */
export function resetIncidentForm(form: IncidentForm, now: number = Date.now()): void {
  form.controls.perpetrators.clear();
  form.reset({ discoveredAt: toVietnamLocal(now) });
  form.enable();
}

/** Fills the form with a recorded incident, for correcting its facts. */
export function fillIncidentForm(form: IncidentForm, incident: IncidentView): void {
  form.controls.perpetrators.clear();
  form.reset({
    occurredAt: toVietnamLocal(incident.occurredAt),
    occurredPrecision: incident.occurredPrecision,
    discoveredAt: toVietnamLocal(incident.discoveredAt),
    communeCode: incident.communeCode,
    classificationAnswers: incident.classificationAnswers,
    dvForms: incident.dvForms,
    contextFlags: incident.contextFlags,
    injuries: incident.injuries,
    serious: incident.serious,
    seriousReasons: incident.seriousReasons,
    description: incident.description ?? '',
  });
  // After the reset, which would empty rows already there.
  for (const p of incident.perpetrators) {
    const row = createPerpetratorForm();
    row.setValue({ relationship: p.relationship, sex: p.sex, ageGroup: p.ageGroup });
    form.controls.perpetrators.push(row);
  }
  form.enable();
}

/** The request for a valid incident form (free text is left out when it is disabled). */
export function incidentRequest(form: IncidentForm): CreateIncidentRequest {
  const value = form.getRawValue();
  return {
    occurredAt: fromVietnamLocal(value.occurredAt),
    occurredPrecision: value.occurredPrecision,
    discoveredAt: fromVietnamLocal(value.discoveredAt),
    communeCode: value.communeCode as string,
    classificationAnswers: value.classificationAnswers as Record<string, boolean>,
    dvForms: value.dvForms,
    contextFlags: value.contextFlags,
    perpetrators: value.perpetrators as PerpetratorInput[],
    injuries: value.injuries,
    serious: value.serious,
    seriousReasons: value.serious ? value.seriousReasons : [],
    description: form.controls.description.enabled ? value.description.trim() || null : null,
  };
}
