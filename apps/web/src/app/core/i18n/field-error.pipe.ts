import type { PipeTransform } from '@angular/core';
import { Pipe, inject } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { controlErrorMessage } from './field-errors';
import { TranslationService } from './translation.service';

/** `{{ form.controls.username.errors | fieldError: 'username' }}` inside a mat-error. */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly translation = inject(TranslationService);

  transform(errors: ValidationErrors | null | undefined, field: string): string {
    return controlErrorMessage(this.translation, field, errors ?? null) ?? '';
  }
}
