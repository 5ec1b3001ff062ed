import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { AdministrativeUnitView } from '@caunoi/shared/contracts';
import { of, startWith, switchMap } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AdministrativeUnitsService } from '../../data/administrative-units.service';

/**
 * Province, then commune: the province starts as the one of the value already chosen, else the
 * one of the user's agency; the commune list is that province's (loaded once per session).
 * Changing the province clears a commune of another province.
 */
@Component({
  selector: 'cn-commune-picker',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ 'field.provinceCode' | t }}</mat-label>
      <mat-select
        [value]="province()"
        (valueChange)="chooseProvince($event)"
        [disabled]="control().disabled"
        [attr.data-testid]="testId() + '-province'"
      >
        @for (unit of provinces(); track unit.code) {
          <mat-option [value]="unit.code">{{ unit.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label>{{ 'field.communeCode' | t }}</mat-label>
      <mat-select [formControl]="control()" [attr.data-testid]="testId()">
        @if (allowNone()) {
          <mat-option [value]="null">{{ 'common.notKnown' | t }}</mat-option>
        }
        @for (unit of communes(); track unit.code) {
          <mat-option [value]="unit.code">{{ unit.name }}</mat-option>
        }
      </mat-select>
      <mat-error>{{ control().errors | fieldError: field() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      /* Room for the province's floating label under a hint of the field above. */
      padding-top: 8px;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      column-gap: 12px;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class CommunePickerComponent {
  private readonly units = inject(AdministrativeUnitsService);
  private readonly destroyRef = inject(DestroyRef);

  readonly control = input.required<FormControl<string | null>>();
  /** The commune select's test id; the province select's is `<testId>-province`. */
  readonly testId = input.required<string>();
  /** The field name errors are labelled with. */
  readonly field = input('communeCode');
  /** Offers "not known" (the value null). */
  readonly allowNone = input(false);

  protected readonly province = signal<string>(this.units.homeProvinceCode());
  protected readonly provinces = this.units.provinceList();
  protected readonly communes = toSignal(
    toObservable(this.province).pipe(
      switchMap((code) => (code ? this.units.communes(code) : of([] as AdministrativeUnitView[]))),
    ),
    { initialValue: [] as AdministrativeUnitView[] },
  );

  constructor() {
    // A value set from outside (an edit form filled in, a draft restored) shows its own province.
    effect(() => {
      const control = this.control();
      untracked(() =>
        control.valueChanges
          .pipe(startWith(control.value), takeUntilDestroyed(this.destroyRef))
          .subscribe((code) => this.followValue(code)),
      );
    });
  }

  protected chooseProvince(code: string): void {
    this.province.set(code);
    const chosen = this.units.unit(this.control().value);
    if (chosen && chosen.parentCode !== code) this.control().setValue(null);
  }

  private followValue(code: string | null): void {
    if (!code) return;
    const known = this.units.unit(code);
    if (known?.parentCode) {
      this.province.set(known.parentCode);
      return;
    }
    // Not known yet: the lookup is batched; look again once it has arrived.
    this.units.whenKnown(code, (unit) => {
      if (unit.parentCode && this.control().value === code) this.province.set(unit.parentCode);
    });
  }
}
