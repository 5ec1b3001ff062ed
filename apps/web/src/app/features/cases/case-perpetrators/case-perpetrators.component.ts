import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChildren,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  IncidentView,
  PerpetratorIdentity,
  PerpetratorView,
  SavePerpetratorRequest,
} from '@caunoi/shared/contracts';
import {
  CORRECTION_REASON_MAX,
  CORRECTION_REASON_MIN,
  PERPETRATOR_LIMITS,
} from '@caunoi/shared/contracts';
import type { AgeGroup, PerpetratorRelationship, Sex } from '@caunoi/shared/domain';
import { AGE_GROUPS, PERPETRATOR_RELATIONSHIPS, SEXES } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CorrectionHistoryComponent } from '../correction-history/correction-history.component';
import { PerpetratorsApiService } from '../data/perpetrators-api.service';

const L = PERPETRATOR_LIMITS;

/**
 * The perpetrator records of a case: coded facts and linked incidents in the list; the identity
 * (encrypted apart from the survivor's) only after a reveal, which the API audits. Editing starts
 * from a reveal too, and saves from the version it saw (a stale save is a 409 with a notice).
 */
@Component({
  selector: 'cn-case-perpetrators',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    CorrectionHistoryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-perpetrators.component.html',
  styleUrl: './case-perpetrators.component.scss',
})
export class CasePerpetratorsComponent {
  private readonly api = inject(PerpetratorsApiService);

  readonly caseId = input.required<string>();
  readonly incidents = input.required<IncidentView[]>();
  readonly canEdit = input(false);
  readonly canReveal = input(false);

  protected readonly sexes = SEXES;
  protected readonly ageGroups = AGE_GROUPS;
  protected readonly relationships = PERPETRATOR_RELATIONSHIPS;
  protected readonly records = signal<PerpetratorView[]>([]);
  protected readonly loading = signal(true);
  /** Identities revealed on this screen, by record id (gone when the tab closes). */
  protected readonly revealed = signal<Record<string, PerpetratorIdentity>>({});
  /** null: no form; 'new': adding; else the record being edited and the version it started from. */
  protected readonly editing = signal<'new' | { id: string; version: number } | null>(null);
  protected readonly staleVersion = signal<number | null>(null);
  protected readonly incidentDates = computed(
    () => new Map(this.incidents().map((i) => [i.id, i.occurredAt])),
  );

  protected readonly form = new FormGroup({
    relationship: new FormControl<PerpetratorRelationship>('unknown', { nonNullable: true }),
    sex: new FormControl<Sex>('unknown', { nonNullable: true }),
    ageGroup: new FormControl<AgeGroup>('unknown', { nonNullable: true }),
    identity: new FormGroup({
      fullName: new FormControl('', { nonNullable: true }),
      aliases: new FormControl('', { nonNullable: true }),
      phone: new FormControl('', { nonNullable: true }),
      address: new FormControl('', { nonNullable: true }),
      idNumber: new FormControl('', { nonNullable: true }),
    }),
    incidentIds: new FormControl<string[]>([], { nonNullable: true }),
    /** Why a recorded perpetrator is changed: required then, kept with the values it replaces. */
    reason: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form);
  protected readonly limits = L;
  private readonly histories = viewChildren(CorrectionHistoryComponent);

  constructor() {
    effect((onCleanup) => {
      const subscription = this.api.list(this.caseId()).subscribe({
        next: (list) => {
          this.records.set(list);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected async reveal(record: PerpetratorView): Promise<PerpetratorIdentity> {
    const shown = await firstValueFrom(this.api.reveal(this.caseId(), record.id));
    this.revealed.update((all) => ({ ...all, [record.id]: shown.identity }));
    return shown.identity;
  }

  protected hide(record: PerpetratorView): void {
    this.revealed.update((all) => {
      const rest = { ...all };
      delete rest[record.id];
      return rest;
    });
  }

  protected add(): void {
    this.form.reset();
    this.form.controls.reason.clearValidators();
    this.form.controls.reason.updateValueAndValidity();
    this.staleVersion.set(null);
    this.editing.set('new');
  }

  protected async edit(record: PerpetratorView): Promise<void> {
    const identity = this.revealed()[record.id] ?? (await this.reveal(record));
    this.form.reset({
      relationship: record.relationship,
      sex: record.sex,
      ageGroup: record.ageGroup,
      identity: {
        fullName: identity.fullName ?? '',
        aliases: identity.aliases.join(', '),
        phone: identity.phone ?? '',
        address: identity.address ?? '',
        idNumber: identity.idNumber ?? '',
      },
      incidentIds: record.incidentIds,
      reason: '',
    });
    this.form.controls.reason.setValidators([
      Validators.required,
      Validators.minLength(CORRECTION_REASON_MIN),
      Validators.maxLength(CORRECTION_REASON_MAX),
    ]);
    this.form.controls.reason.updateValueAndValidity();
    this.staleVersion.set(null);
    this.editing.set({ id: record.id, version: record.version });
  }

  protected cancel(): void {
    this.editing.set(null);
    this.staleVersion.set(null);
  }

  protected toggleIncident(id: string, checked: boolean): void {
    const ids = this.form.controls.incidentIds.value.filter((i) => i !== id);
    this.form.controls.incidentIds.setValue(checked ? [...ids, id] : ids);
  }

  protected async save(): Promise<void> {
    const target = this.editing();
    if (!target) return;
    const v = this.form.getRawValue();
    const i = v.identity;
    const request: SavePerpetratorRequest = {
      relationship: v.relationship,
      sex: v.sex,
      ageGroup: v.ageGroup,
      identity: {
        fullName: i.fullName.trim() || null,
        aliases: i.aliases
          .split(',')
          .map((a) => a.trim())
          .filter((a) => a.length > 0),
        phone: i.phone.trim() || null,
        address: i.address.trim() || null,
        idNumber: i.idNumber.trim() || null,
      },
      incidentIds: v.incidentIds,
    };
    const result = await this.submission.run(
      () =>
        firstValueFrom(
          target === 'new'
            ? this.api.create(this.caseId(), request)
            : this.api.update(this.caseId(), target.id, {
                ...request,
                version: target.version,
                reason: v.reason.trim(),
              }),
        ),
      { onError: (error) => this.onStale(error) },
    );
    if (!result.ok) return;
    const saved = result.value;
    this.records.update((list) =>
      target === 'new' ? [...list, saved] : list.map((r) => (r.id === saved.id ? saved : r)),
    );
    // What was revealed before the edit is out of date now.
    this.hide(saved);
    this.editing.set(null);
    if (target !== 'new')
      await this.histories()
        .find((h) => h.subjectId() === saved.id)
        ?.refresh();
  }

  /** Someone saved first: reload, keep what was typed, save from their version next. */
  private onStale(error: unknown): boolean {
    if (!(error instanceof HttpErrorResponse) || error.status !== 409) return false;
    const code = (error.error as { errors?: { code: string }[] } | null)?.errors?.[0]?.code;
    const target = this.editing();
    if (code !== 'stale_version' || !target || target === 'new') return false;
    this.api.list(this.caseId()).subscribe((list) => {
      this.records.set(list);
      const current = list.find((r) => r.id === target.id);
      if (!current) return;
      this.editing.set({ id: target.id, version: current.version });
      this.staleVersion.set(current.version);
    });
    return true;
  }
}
