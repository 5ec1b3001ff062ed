import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { PerpetratorRelationship } from '@caunoi/shared/domain';
import {
  AGE_GROUPS,
  CONTEXT_FLAGS,
  DATE_PRECISIONS,
  DV_FORMS,
  INJURY_TYPES,
  PERPETRATOR_RELATIONSHIPS,
  SERIOUS_REASONS,
  SEXES,
  isFamilyRelationship,
} from '@caunoi/shared/domain';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { CommunePickerComponent } from '../../../shared/ui/commune-picker/commune-picker.component';
import { ClassificationWizardComponent } from '../classification-wizard/classification-wizard.component';
import type { IncidentForm } from './incident-form';
import { INCIDENT_DESCRIPTION_MAX, createPerpetratorForm } from './incident-form';

/** One incident (one event): used when opening a case and for "add incident" on the case file. */
@Component({
  selector: 'cn-incident-form',
  imports: [
    CommunePickerComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    ClassificationWizardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incident-form.component.html',
  styleUrl: './incident-form.component.scss',
})
export class IncidentFormComponent {
  readonly form = input.required<IncidentForm>();
  /** A correction of the facts leaves the serious mark out: it has its own dialog, reason and clock. */
  readonly showSerious = input(true);

  protected readonly precisions = DATE_PRECISIONS;
  protected readonly dvForms = DV_FORMS;
  protected readonly contextFlags = CONTEXT_FLAGS;
  protected readonly injuries = INJURY_TYPES;
  protected readonly seriousReasons = SERIOUS_REASONS;
  protected readonly relationships = PERPETRATOR_RELATIONSHIPS;
  protected readonly sexes = SEXES;
  protected readonly ageGroups = AGE_GROUPS;
  protected readonly descriptionMax = INCIDENT_DESCRIPTION_MAX;
  protected readonly isFamily = (relationship: PerpetratorRelationship | null): boolean =>
    relationship !== null && isFamilyRelationship(relationship);

  protected toggle<T>(control: FormControl<T[]>, value: T, checked: boolean): void {
    const rest = control.value.filter((item) => item !== value);
    control.setValue(checked ? [...rest, value] : rest);
    control.markAsDirty();
  }

  protected addPerpetrator(): void {
    this.form().controls.perpetrators.push(createPerpetratorForm());
  }

  protected removePerpetrator(index: number): void {
    this.form().controls.perpetrators.removeAt(index);
  }
}
