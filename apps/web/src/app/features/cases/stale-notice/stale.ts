import type { Signal } from '@angular/core';
import { computed } from '@angular/core';
import type { FormSubmission } from '../../../shared/forms/form-submission';

/** True when the last answer was a 409 `stale_version`: someone saved a newer version meanwhile. */
export function isStale(submission: FormSubmission): Signal<boolean> {
  return computed(() => submission.fieldErrors().some((e) => e.code === 'stale_version'));
}
