import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type {
  CasePlanAction,
  CasePlanContent,
  CasePlanDomain,
  CasePlanNeed,
  PlanActionStatus,
} from '@caunoi/shared/domain';
import { CASE_PLAN_TEXT_MAX } from '@caunoi/shared/domain';

export type EntryForm = FormGroup<{
  domain: FormControl<CasePlanDomain>;
  text: FormControl<string>;
}>;
export type ActionForm = FormGroup<{
  /**
   * The action's identity across versions (its clock); '' for a new action. Not named `id`, so an
   * API error on `actions.N.id` is listed with the form's messages rather than set on a hidden control.
   */
  actionId: FormControl<string>;
  domain: FormControl<CasePlanDomain>;
  text: FormControl<string>;
  /** '' is the centre itself. */
  owner: FormControl<string>;
  dueOn: FormControl<string>;
  status: FormControl<PlanActionStatus>;
}>;
export type CasePlanForm = FormGroup<{
  needs: FormArray<EntryForm>;
  goals: FormArray<EntryForm>;
  actions: FormArray<ActionForm>;
}>;

const text = (value: string) =>
  new FormControl(value, {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(CASE_PLAN_TEXT_MAX)],
  });

export function entryForm(entry: CasePlanNeed = { domain: 'safety', text: '' }): EntryForm {
  return new FormGroup({
    domain: new FormControl(entry.domain, { nonNullable: true }),
    text: text(entry.text),
  });
}

export function actionForm(
  action: CasePlanAction = {
    domain: 'safety',
    text: '',
    ownerAgencyId: null,
    dueOn: '',
    status: 'planned',
  },
): ActionForm {
  return new FormGroup({
    actionId: new FormControl(action.id ?? '', { nonNullable: true }),
    domain: new FormControl(action.domain, { nonNullable: true }),
    text: text(action.text),
    owner: new FormControl(action.ownerAgencyId ?? '', { nonNullable: true }),
    dueOn: new FormControl(action.dueOn, { nonNullable: true, validators: [Validators.required] }),
    status: new FormControl(action.status, { nonNullable: true }),
  });
}

export function casePlanForm(): CasePlanForm {
  return new FormGroup({
    needs: new FormArray<EntryForm>([]),
    goals: new FormArray<EntryForm>([]),
    actions: new FormArray<ActionForm>([]),
  });
}

/** Fills the form from a version (or one empty row of each for a first plan). */
export function fillCasePlanForm(form: CasePlanForm, content: CasePlanContent | null): void {
  form.controls.needs.clear();
  form.controls.goals.clear();
  form.controls.actions.clear();
  for (const need of content?.needs ?? [undefined]) form.controls.needs.push(entryForm(need));
  for (const goal of content?.goals ?? [undefined]) form.controls.goals.push(entryForm(goal));
  for (const action of content?.actions ?? [undefined]) {
    form.controls.actions.push(actionForm(action));
  }
}

export function casePlanContent(form: CasePlanForm): CasePlanContent {
  const value = form.getRawValue();
  return {
    needs: value.needs,
    goals: value.goals,
    actions: value.actions.map((a) => ({
      ...(a.actionId ? { id: a.actionId } : {}),
      domain: a.domain,
      text: a.text,
      ownerAgencyId: a.owner || null,
      dueOn: a.dueOn,
      status: a.status,
    })),
  };
}

/**
 * After a stale save: the actions typed here that the newer version no longer has (someone removed
 * them meanwhile) are saved as new actions, not as the removed ones.
 */
export function forgetUnknownActionIds(form: CasePlanForm, newer: CasePlanContent | null): void {
  const known = new Set((newer?.actions ?? []).map((a) => a.id).filter((id) => !!id));
  for (const action of form.controls.actions.controls) {
    const id = action.controls.actionId.value;
    if (id && !known.has(id)) action.controls.actionId.setValue('');
  }
}
