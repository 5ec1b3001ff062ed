import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { RiskInstrumentView } from '@caunoi/shared/contracts';
import { RISK_ITEM_KINDS, checkRiskInstrument, maxRiskScore } from '@caunoi/shared/domain';
import { filter, firstValueFrom, map, startWith, switchMap } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { translateFieldError } from '../../../core/i18n/field-errors';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import type { HasUnsavedChanges } from '../../../shared/forms/unsaved-changes';
import { RiskInstrumentsApiService } from '../../../shared/data/risk-instruments-api.service';
import { formatVietnamDateTime } from '../../../core/i18n/vn-date.pipe';
import { formSubmission, refusalMessage } from '../../../shared/forms/form-submission';
import type { ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { ConfirmDialogComponent } from '../../../shared/ui/confirm-dialog/confirm-dialog.component';
import type { ItemForm } from './risk-instrument-form';
import {
  fillInstrumentForm,
  fitScaleLabels,
  instrumentContent,
  instrumentForm,
  itemForm,
} from './risk-instrument-form';

/**
 * `/admin/risk-instruments`: every version of each risk instrument, how many assessments use it, and
 * a new version made from one. A version is never edited: saving makes a draft (the next version),
 * publishing it makes it the one new assessments use and retires the previous one; assessments
 * already made keep theirs.
 */
@Component({
  selector: 'cn-risk-instruments',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './risk-instruments.component.html',
  styleUrl: './risk-instruments.component.scss',
})
export class RiskInstrumentsComponent implements HasUnsavedChanges {
  private readonly api = inject(RiskInstrumentsApiService);
  private readonly translation = inject(TranslationService);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly kinds = RISK_ITEM_KINDS;
  protected readonly instruments = signal<RiskInstrumentView[] | null>(null);
  /** The version whose items are shown. */
  protected readonly shown = signal<string | null>(null);
  /** The version the editor's new version is made from. */
  protected readonly base = signal<RiskInstrumentView | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly refusal = signal<string | null>(null);

  protected readonly form = instrumentForm();
  protected readonly submission = formSubmission(this.form);
  private readonly content = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => {
        const base = this.base();
        return base ? instrumentContent(this.form, base.content) : null;
      }),
    ),
    { initialValue: null },
  );
  /** The same rule the API applies, shown while the admin types. */
  protected readonly maxScore = computed(() => {
    const c = this.content();
    return c ? maxRiskScore(c.items) : 0;
  });
  protected readonly problems = computed(() => {
    const c = this.content();
    if (!c) return [];
    return checkRiskInstrument(c).map((p) => translateFieldError(this.translation, p));
  });

  constructor() {
    void this.load();
  }

  hasUnsavedChanges(): boolean {
    return this.base() !== null && this.form.dirty;
  }

  protected title(i: RiskInstrumentView): string {
    return this.translation.language() === 'en' ? i.content.title.en : i.content.title.vi;
  }

  protected text(t: { vi: string; en: string }): string {
    return this.translation.language() === 'en' ? t.en : t.vi;
  }

  protected when(instant: string | null): string {
    return instant ? formatVietnamDateTime(new Date(instant)) : '—';
  }

  protected toggle(i: RiskInstrumentView): void {
    this.shown.set(this.shown() === i.id ? null : i.id);
  }

  protected startFrom(i: RiskInstrumentView): void {
    this.notice.set(null);
    this.refusal.set(null);
    this.submission.clear();
    this.base.set(i);
    fillInstrumentForm(this.form, i.content);
    for (const item of this.form.controls.items.controls) this.watch(item);
    this.form.markAsPristine();
    this.form.updateValueAndValidity();
  }

  protected cancel(): void {
    this.base.set(null);
  }

  protected addItem(): void {
    const item = itemForm();
    this.watch(item);
    this.form.controls.items.push(item);
    this.form.markAsDirty();
  }

  protected removeItem(index: number): void {
    this.form.controls.items.removeAt(index);
    this.form.markAsDirty();
  }

  protected async save(): Promise<void> {
    const base = this.base();
    if (!base) return;
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.createDraft(instrumentContent(this.form, base.content))),
    );
    if (!result.ok) return;
    this.form.markAsPristine();
    this.base.set(null);
    // The list with the new draft first, then the notice that names it.
    await this.load();
    this.notice.set(
      this.translation.t('riskInstruments.saved', {
        code: result.value.code,
        version: result.value.version,
      }),
    );
  }

  protected publish(i: RiskInstrumentView): void {
    const current = this.instruments()?.find((x) => x.code === i.code && x.status === 'published');
    this.notice.set(null);
    this.refusal.set(null);
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          message: current ? 'riskInstruments.publishConfirm' : 'riskInstruments.publishFirst',
          params: {
            code: i.code,
            version: i.version,
            items: i.content.items.length,
            previous: current?.version ?? '',
          },
          confirm: 'riskInstruments.publish',
        },
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.publish(i.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (published) => {
          this.notice.set(
            this.translation.t('riskInstruments.published', {
              code: published.code,
              version: published.version,
            }),
          );
          void this.load();
        },
        error: (error: unknown) => this.refusal.set(refusalMessage(this.translation, error)),
      });
  }

  protected isScale(item: ItemForm): boolean {
    return item.controls.kind.value === 'scale';
  }

  private watch(item: ItemForm): void {
    fitScaleLabels(item);
    item.controls.kind.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => fitScaleLabels(item));
    item.controls.scaleMax.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => fitScaleLabels(item));
  }

  private async load(): Promise<void> {
    this.instruments.set(await firstValueFrom(this.api.list()));
  }
}
