import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { CaseDetailView, UserView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_MAX } from '@caunoi/shared/contracts';
import { firstValueFrom, forkJoin, map } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { UsersApiService } from '../../../shared/data/users-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CasesApiService } from '../data/cases-api.service';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export interface AssignDialogData {
  caseId: string;
  assignedUserId: string | null;
}

/** A supervisor gives a case to a caseworker (or a supervisor) of the centre, or back to the queue. */
@Component({
  selector: 'cn-assign-dialog',
  imports: [
    FormDialogComponent,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      cnFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      [title]="'cases.assignTitle' | t"
      [submitLabel]="'cases.assign' | t"
      testId="assign"
    >
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.assignedUserId' | t }}</mat-label>
        <mat-select formControlName="userId" data-testid="assign-user">
          <mat-option [value]="null">{{ 'cases.unassigned' | t }}</mat-option>
          @for (user of users(); track user.id) {
            <mat-option [value]="user.id"
              >{{ user.displayName }} ({{ 'role.' + user.role | t }})</mat-option
            >
          }
        </mat-select>
      </mat-form-field>
    </form>
  `,
})
export class AssignDialogComponent {
  private readonly api = inject(CasesApiService);
  private readonly dialogRef =
    inject<MatDialogRef<AssignDialogComponent, CaseDetailView>>(MatDialogRef);
  private readonly data = inject<AssignDialogData>(MAT_DIALOG_DATA);

  /** The case's centre is the supervisor's own (the rules allow no other). */
  protected readonly users = toSignal(this.staff(), { initialValue: [] as UserView[] });
  protected readonly form = new FormGroup({
    userId: new FormControl<string | null>(this.data.assignedUserId),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const { userId } = this.form.getRawValue();
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.assign(this.data.caseId, { userId })),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }

  private staff() {
    const users = inject(UsersApiService);
    const agencyId = inject(AuthService).me()?.agency.id;
    const byRole = (role: 'caseworker' | 'supervisor') =>
      users
        .list({ agencyId, role, limit: PAGE_SIZE_MAX })
        .pipe(map((page) => page.items.filter((user) => !user.disabled)));
    return forkJoin([byRole('caseworker'), byRole('supervisor')]).pipe(
      map(([caseworkers, supervisors]) => [...caseworkers, ...supervisors]),
    );
  }
}
