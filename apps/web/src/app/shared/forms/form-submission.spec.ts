import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, FormGroupDirective, Validators } from '@angular/forms';
import type { FormSubmission } from './form-submission';
import { formSubmission } from './form-submission';

describe('FormSubmission', () => {
  const form = (): FormGroup =>
    new FormGroup({
      consent: new FormGroup({ givenBy: new FormControl('survivor') }),
      incident: new FormGroup({ discoveredAt: new FormControl('2026-05-01T10:00') }),
      name: new FormControl('', { validators: [Validators.maxLength(5)] }),
    });
  const refusal = (status: number, body: object): HttpErrorResponse =>
    new HttpErrorResponse({ status, error: body });

  let group: FormGroup;
  let submission: FormSubmission;

  beforeEach(() => {
    localStorage.clear();
    group = form();
    submission = TestBed.runInInjectionContext(() => formSubmission(group));
  });

  it('puts nested API field errors on the nested controls', async () => {
    const result = await submission.run(() =>
      Promise.reject(
        refusal(400, {
          errors: [
            { field: 'incident.discoveredAt', code: 'before_occurred', message: '' },
            { field: 'consent.givenBy', code: 'guardian_consent_required', message: '' },
            { field: 'somethingElse', code: 'isNotEmpty', message: '' },
          ],
        }),
      ),
    );
    expect(result.ok).toBe(false);
    expect(group.get('incident.discoveredAt')?.errors?.['server']?.code).toBe('before_occurred');
    expect(group.get('consent.givenBy')?.errors?.['server']?.code).toBe(
      'guardian_consent_required',
    );
    expect(submission.otherErrors().map((e) => e.field)).toEqual(['somethingElse']);
    expect(submission.allMessages()).toHaveLength(3);
  });

  it('turns a refusal without field errors into one readable message', async () => {
    await submission.run(() =>
      Promise.reject(refusal(409, { statusCode: 409, message: 'already_handed_over' })),
    );
    expect(submission.otherMessages()).toEqual([
      'Cuộc gọi đã được chuyển cho trung tâm, không thể sửa nữa.',
    ]);
    await submission.run(() => Promise.reject(refusal(404, { message: 'Not Found' })));
    expect(submission.otherMessages()).toEqual([
      'Không tìm thấy bản ghi, hoặc bạn không có quyền xem bản ghi này.',
    ]);
  });

  it('does not send an invalid form, and sends one request at a time', async () => {
    group.get('name')?.setValue('far too long');
    const action = jest.fn().mockResolvedValue('done');
    expect((await submission.run(action)).ok).toBe(false);
    expect(action).not.toHaveBeenCalled();

    group.get('name')?.setValue('ok');
    let release: (value: string) => void = () => undefined;
    const first = submission.run(() => new Promise<string>((resolve) => (release = resolve)));
    expect(submission.submitting()).toBe(true);
    expect((await submission.run(action)).ok).toBe(false);
    release('first');
    expect(await first).toEqual({ ok: true, value: 'first' });
    expect(submission.submitting()).toBe(false);
  });

  it('after success: empties the form, forgets the submit, and is "saved" until the next edit', async () => {
    const directive = new FormGroupDirective([], []);
    directive.form = group;
    directive.onSubmit(new Event('submit'));
    expect(directive.submitted).toBe(true);
    group.controls['name'].setValue('Lan');
    group.markAsDirty();
    const result = await submission.run(() => Promise.resolve('ok'));
    expect(result.ok).toBe(true);
    submission.succeeded(directive, { name: '' });
    expect(directive.submitted).toBe(false);
    expect(group.pristine).toBe(true);
    expect(group.controls['name'].value).toBe('');
    expect(submission.saved()).toBe(true);
    group.controls['name'].setValue('Hoa');
    group.markAsDirty();
    group.controls['name'].updateValueAndValidity();
    expect(submission.saved()).toBe(false);
  });
});
