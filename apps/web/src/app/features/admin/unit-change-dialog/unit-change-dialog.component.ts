import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import type {
  AdministrativeUnitDetailView,
  AdministrativeUnitView,
} from '@caunoi/shared/contracts';
import {
  ADMINISTRATIVE_UNIT_NAME_MAX,
  MERGE_SOURCES_MAX,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import type { Observable } from 'rxjs';
import { firstValueFrom, of } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AdministrativeUnitsApiService } from '../../../shared/data/administrative-units-api.service';
import { AdministrativeUnitsService } from '../../../shared/data/administrative-units.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export type UnitChange = 'rename' | 'retire' | 'merge';

export interface UnitChangeDialogData {
  change: UnitChange;
  unit: AdministrativeUnitView;
}

/**
 * Rename, retire or merge one unit (the one the admin is looking at). A merge joins it, and any
 * other units of the same province chosen here, into an existing unit or a new one. Closes with
 * the unit to show next.
 */
@Component({
  selector: 'cn-unit-change-dialog',
  providers: [provideCalendarDays()],
  imports: [
    FormDialogComponent,
    MatDatepickerModule,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      cnFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      [title]="'units.' + data.change + 'Title' | t: { name: data.unit.name }"
      [submitLabel]="'units.' + data.change | t"
      testId="unit-change"
    >
      <p cnDialogIntro class="cn-hint">{{ 'units.' + data.change + 'Hint' | t }}</p>
      @if (data.change === 'rename') {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'units.newName' | t }}</mat-label>
          <input
            matInput
            formControlName="name"
            [maxlength]="nameMax"
            data-testid="unit-new-name"
          />
          <mat-error>{{ form.controls.name.errors | fieldError: 'name' }}</mat-error>
        </mat-form-field>
      }
      @if (data.change === 'merge') {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'units.mergeAlso' | t }}</mat-label>
          <mat-select formControlName="others" multiple data-testid="unit-merge-others">
            @for (unit of siblings(); track unit.code) {
              <mat-option [value]="unit.code">{{ unit.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.others.errors | fieldError: 'codes' }}</mat-error>
        </mat-form-field>
        <mat-radio-group formControlName="into" class="into">
          <mat-radio-button value="existing" data-testid="unit-merge-into-existing">{{
            'units.intoExisting' | t
          }}</mat-radio-button>
          <mat-radio-button value="new" data-testid="unit-merge-into-new">{{
            'units.intoNew' | t
          }}</mat-radio-button>
        </mat-radio-group>
        @if (form.controls.into.value === 'existing') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'units.successor' | t }}</mat-label>
            <mat-select formControlName="successor" data-testid="unit-merge-successor">
              @for (unit of successors(); track unit.code) {
                <mat-option [value]="unit.code">{{ unit.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.successor.errors | fieldError: 'successor' }}</mat-error>
          </mat-form-field>
        } @else {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'units.newCode' | t }}</mat-label>
            <input
              matInput
              formControlName="newCode"
              inputmode="numeric"
              data-testid="unit-merge-new-code"
            />
            <mat-hint>{{
              (data.unit.level === 'province' ? 'units.codeHintProvince' : 'units.codeHintCommune')
                | t
            }}</mat-hint>
            <mat-error>{{ form.controls.newCode.errors | fieldError: 'code' }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'units.newUnitName' | t }}</mat-label>
            <input
              matInput
              formControlName="newName"
              [maxlength]="nameMax"
              data-testid="unit-merge-new-name"
            />
            <mat-error>{{ form.controls.newName.errors | fieldError: 'name' }}</mat-error>
          </mat-form-field>
        }
      }
      <mat-form-field appearance="outline">
        <mat-label>{{ 'units.' + data.change + 'Date' | t }}</mat-label>
        <input
          matInput
          [matDatepicker]="unitChangeDatePicker"
          placeholder="dd/mm/yyyy"
          formControlName="date"
          [max]="today"
          data-testid="unit-change-date"
        />
        <mat-datepicker-toggle matIconSuffix [for]="unitChangeDatePicker" />
        <mat-datepicker #unitChangeDatePicker />
        <mat-error>{{ form.controls.date.errors | fieldError: dateField }}</mat-error>
      </mat-form-field>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
    .into {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 12px;
    }
  `,
})
export class UnitChangeDialogComponent {
  private readonly api = inject(AdministrativeUnitsApiService);
  private readonly units = inject(AdministrativeUnitsService);
  private readonly dialogRef =
    inject<MatDialogRef<UnitChangeDialogComponent, AdministrativeUnitDetailView>>(MatDialogRef);
  protected readonly data = inject<UnitChangeDialogData>(MAT_DIALOG_DATA);

  protected readonly nameMax = ADMINISTRATIVE_UNIT_NAME_MAX;
  protected readonly today = vietnamDateOf(new Date());
  protected readonly dateField = {
    rename: 'effectiveFrom',
    retire: 'effectiveTo',
    merge: 'effectiveOn',
  }[this.data.change];

  protected readonly form = new FormGroup({
    name: new FormControl(this.data.unit.name, {
      nonNullable: true,
      validators: this.data.change === 'rename' ? [Validators.required] : [],
    }),
    others: new FormControl<string[]>([], {
      nonNullable: true,
      validators: [Validators.maxLength(MERGE_SOURCES_MAX - 1)],
    }),
    into: new FormControl<'existing' | 'new'>('existing', { nonNullable: true }),
    successor: new FormControl<string | null>(null),
    newCode: new FormControl('', { nonNullable: true }),
    newName: new FormControl('', { nonNullable: true }),
    date: new FormControl(this.today, { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = formSubmission(this.form);

  /** Units in force of the same province (or the other provinces), this one left out. */
  private readonly peers = toSignal(this.peersOf(this.data.unit), {
    initialValue: [] as AdministrativeUnitView[],
  });
  protected readonly siblings = computed(() =>
    this.peers().filter((u) => u.code !== this.data.unit.code),
  );
  private readonly others = toSignal(this.form.controls.others.valueChanges, {
    initialValue: [] as string[],
  });
  protected readonly successors = computed(() =>
    this.siblings().filter((u) => !this.others().includes(u.code)),
  );

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    if (this.data.change === 'merge') this.requireSuccessor(value.into);
    const { code } = this.data.unit;
    const result = await this.submission.run(() => {
      switch (this.data.change) {
        case 'rename':
          return firstValueFrom(
            this.api.rename(code, { name: value.name.trim(), effectiveFrom: value.date }),
          );
        case 'retire':
          return firstValueFrom(this.api.retire(code, { effectiveTo: value.date }));
        case 'merge':
          return firstValueFrom(
            this.api.merge({
              codes: [code, ...value.others],
              effectiveOn: value.date,
              successor:
                value.into === 'existing'
                  ? { code: value.successor ?? '' }
                  : {
                      code: value.newCode.trim(),
                      name: value.newName.trim(),
                      parentCode: this.data.unit.parentCode,
                    },
            }),
          );
      }
    });
    if (!result.ok) return;
    this.units.changed([result.value, ...result.value.predecessors]);
    this.dialogRef.close(result.value);
  }

  /** The successor fields the chosen option needs (checked here, and again by the API). */
  private requireSuccessor(into: 'existing' | 'new'): void {
    const { successor, newCode, newName } = this.form.controls;
    successor.setValidators(into === 'existing' ? [Validators.required] : []);
    newCode.setValidators(into === 'new' ? [Validators.required] : []);
    newName.setValidators(into === 'new' ? [Validators.required] : []);
    for (const control of [successor, newCode, newName]) control.updateValueAndValidity();
  }

  private peersOf(unit: AdministrativeUnitView): Observable<AdministrativeUnitView[]> {
    if (this.data.change !== 'merge') return of([]);
    return unit.parentCode ? this.units.communes(unit.parentCode) : this.units.provinces();
  }
}
