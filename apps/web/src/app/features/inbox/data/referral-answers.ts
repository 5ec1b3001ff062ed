import { HttpErrorResponse } from '@angular/common/http';
import type { InboxReferralDetailView } from '@caunoi/shared/contracts';
import { apiErrorBody, fieldErrorsOf } from '../../../core/http/api-errors';

/** Longest note on an answer (decline, service record, completion). */
export const NOTE_MAX_LENGTH = 2000;

/**
 * What an answer dialog (decline, record service, complete) closes with: the referral as it is
 * now, or the server's refusal because the referral changed under it (409) or is gone (404), which
 * the detail page explains before it loads the referral again.
 */
export type AnswerOutcome = { referral: InboxReferralDetailView } | { refusal: HttpErrorResponse };

/** A refusal the dialog does not keep to itself: the referral, not the form, is the problem. */
export function isReferralRefusal(error: unknown): error is HttpErrorResponse {
  return error instanceof HttpErrorResponse && (error.status === 409 || error.status === 404);
}

/** The state machine said no: e.g. accepting a referral the sender has just withdrawn. */
export function isInvalidTransition(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return false;
  return (
    fieldErrorsOf(error).some((e) => e.code === 'invalid_transition') ||
    apiErrorBody(error)?.message === 'invalid_transition'
  );
}
