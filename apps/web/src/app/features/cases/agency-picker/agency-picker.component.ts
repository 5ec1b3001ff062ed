import type { OnInit } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ValidationErrors } from '@angular/forms';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { AgencyView, ReferralSuggestionView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_MAX } from '@caunoi/shared/contracts';
import type { ReferralTargetType } from '@caunoi/shared/domain';
import { REFERRAL_TARGET_TYPES } from '@caunoi/shared/domain';
import {
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  map,
  merge,
  of,
  skip,
  startWith,
  switchMap,
} from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Agency type, a directory search and the agency to refer to: agencies of the type that accept
 * referrals now and cover the survivor's commune. Choosing a type pre-selects the directory's
 * suggestion for it; the chosen agency's hours, phone and capacity are shown.
 */
@Component({
  selector: 'cn-agency-picker',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="picker">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.agencyType' | t }}</mat-label>
        <mat-select [formControl]="type()" data-testid="refer-agency-type">
          @for (option of types; track option) {
            <mat-option [value]="option" [attr.data-testid]="'refer-agency-type-' + option">{{
              'agencyType.' + option | t
            }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ errors().type | fieldError: 'agencyType' }}</mat-error>
      </mat-form-field>
      @if (selectedType()) {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'agencyPicker.search' | t }}</mat-label>
          <input matInput type="search" [formControl]="query" data-testid="refer-agency-search" />
          <mat-hint>{{
            (communeCode() ? 'agencyPicker.searchHint' : 'agencyPicker.noCommune') | t
          }}</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.agencyId' | t }}</mat-label>
          <mat-select [formControl]="agency()" data-testid="refer-agency">
            @for (option of options(); track option.id) {
              <mat-option
                [value]="option.id"
                [attr.data-testid]="'refer-agency-option-' + option.id"
                >{{ option.name }}
                @if (option.id === suggestedId()) {
                  ({{ 'agencyPicker.suggested' | t }})
                }
              </mat-option>
            }
          </mat-select>
          <mat-error data-testid="refer-agency-error">{{
            errors().agency | fieldError: 'agencyId'
          }}</mat-error>
        </mat-form-field>
        @if (searched() && options().length === 0) {
          <p class="cn-hint" data-testid="refer-agency-none">{{ 'agencyPicker.none' | t }}</p>
        }
        @if (selected(); as chosen) {
          <div class="details" data-testid="refer-agency-details">
            <strong>{{ chosen.name }}</strong>
            <span>{{
              chosen.open24h
                ? ('agencyPicker.open24h' | t)
                : ('agencyPicker.hours'
                  | t: { hours: chosen.openingHours ?? ('common.notKnown' | t) })
            }}</span>
            @if (chosen.phone) {
              <span>{{ 'agencyPicker.phone' | t: { phone: chosen.phone } }}</span>
            }
            @if (chosen.capacityNote) {
              <span>{{ 'agencyPicker.capacity' | t: { note: chosen.capacityNote } }}</span>
            }
          </div>
        }
      }
    </div>
  `,
  styles: `
    .picker {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .details {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 8px 12px;
      margin-bottom: 12px;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-low);
    }
  `,
})
export class AgencyPickerComponent implements OnInit {
  private readonly agencies = inject(AgenciesApiService);
  private readonly destroyRef = inject(DestroyRef);

  readonly type = input.required<FormControl<ReferralTargetType | null>>();
  readonly agency = input.required<FormControl<string | null>>();
  /** The survivor's commune; null searches the whole directory. */
  readonly communeCode = input<string | null>(null);
  readonly suggestions = input<readonly ReferralSuggestionView[]>([]);
  /** Not offered (the agency a referral is being re-routed away from). */
  readonly excludeAgencyId = input<string | null>(null);

  protected readonly types = REFERRAL_TARGET_TYPES;
  protected readonly query = new FormControl('', { nonNullable: true });

  protected readonly selectedType = signal<ReferralTargetType | null>(null);
  private readonly agencyId = signal<string | null>(null);
  private readonly results = signal<AgencyView[]>([]);
  protected readonly searched = signal(false);
  /** The controls' errors as a signal: the server's errors arrive without a change in this view. */
  protected readonly errors = signal<{
    type: ValidationErrors | null;
    agency: ValidationErrors | null;
  }>({
    type: null,
    agency: null,
  });
  /** Every agency seen (suggestions and results), so the chosen one keeps its details. */
  private readonly known = signal<ReadonlyMap<string, AgencyView>>(new Map());

  private readonly suggestion = computed(() => {
    const type = this.selectedType();
    const agency = this.suggestions().find((s) => s.agencyType === type)?.agency ?? null;
    return agency && agency.id !== this.excludeAgencyId() ? agency : null;
  });
  protected readonly suggestedId = computed(() => this.suggestion()?.id ?? null);

  /** The results, with the suggestion first and the chosen agency kept even when filtered out. */
  protected readonly options = computed(() => {
    const excluded = this.excludeAgencyId();
    const list = this.results().filter((agency) => agency.id !== excluded);
    const suggestion = this.suggestion();
    const ordered =
      suggestion && list.some((a) => a.id === suggestion.id)
        ? [suggestion, ...list.filter((a) => a.id !== suggestion.id)]
        : list;
    const chosen = this.selected();
    return chosen && !ordered.some((a) => a.id === chosen.id) ? [chosen, ...ordered] : ordered;
  });

  protected readonly selected = computed(() => {
    const id = this.agencyId();
    return id ? (this.known().get(id) ?? null) : null;
  });

  ngOnInit(): void {
    const type = this.type();
    const agency = this.agency();
    this.remember(this.suggestions().flatMap((s) => (s.agency ? [s.agency] : [])));

    const types = type.valueChanges.pipe(startWith(type.value), distinctUntilChanged());
    types.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((value) => {
      this.selectedType.set(value);
    });
    // A new type: its suggestion (or nothing), and a fresh search.
    types.pipe(skip(1), takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      this.query.setValue('');
      agency.setValue(this.suggestedId());
    });
    if (agency.value === null && this.suggestedId()) agency.setValue(this.suggestedId());

    agency.valueChanges
      .pipe(startWith(agency.value), takeUntilDestroyed(this.destroyRef))
      .subscribe((id) => this.agencyId.set(id));
    merge(type.events, agency.events)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.errors.set({ type: type.errors, agency: agency.errors }));

    const queries = this.query.valueChanges.pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((q) => q.trim()),
      startWith(''),
      distinctUntilChanged(),
    );
    combineLatest([types, queries])
      .pipe(
        switchMap(([value, q]) => {
          if (!value) return of(null);
          return this.agencies
            .list({
              type: value,
              q: q || undefined,
              coversCommune: this.communeCode() ?? undefined,
              acceptingReferrals: true,
              limit: PAGE_SIZE_MAX,
            })
            .pipe(
              map((page) => page.items),
              catchError(() => of([] as AgencyView[])),
            );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((items) => {
        this.results.set(items ?? []);
        this.searched.set(items !== null);
        if (items) this.remember(items);
      });
  }

  private remember(agencies: readonly AgencyView[]): void {
    if (agencies.length === 0) return;
    this.known.update((known) => {
      const next = new Map(known);
      for (const agency of agencies) next.set(agency.id, agency);
      return next;
    });
  }
}
