import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { firstInvalidField, provideFocusOnInvalidSubmit } from './focus-invalid';
import { formSubmission } from './form-submission';

/** A form that submits through FormSubmission; the API refuses `email` when asked to. */
@Component({
  selector: 'cn-test-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()">
      <input formControlName="name" data-testid="name" />
      <div formGroupName="contact">
        <input formControlName="email" data-testid="email" />
        <input formControlName="phone" data-testid="phone" />
      </div>
      <button type="submit" data-testid="submit">OK</button>
    </form>
  `,
})
class TestFormComponent {
  readonly form = new FormGroup({
    name: new FormControl('Lan', { nonNullable: true }),
    contact: new FormGroup({
      email: new FormControl('', { nonNullable: true }),
      phone: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    }),
  });
  readonly submission = formSubmission(this.form);
  refusal: HttpErrorResponse | null = null;

  save(): void {
    void this.submission.run(() =>
      this.refusal ? Promise.reject(this.refusal) : Promise.resolve('ok'),
    );
  }
}

/** A form with no FormSubmission: only the document's submit listener helps it. */
@Component({
  selector: 'cn-test-plain-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="form.markAllAsTouched()">
      <input formControlName="first" data-testid="first" />
      <input formControlName="second" data-testid="second" />
      <button type="submit" data-testid="submit">OK</button>
    </form>
  `,
})
class PlainFormComponent {
  readonly form = new FormGroup({
    first: new FormControl('x'),
    second: new FormControl('', [Validators.required]),
  });
}

function el(fixture: ComponentFixture<unknown>, testId: string): HTMLElement {
  const found = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(
    `[data-testid="${testId}"]`,
  );
  if (!found) throw new Error(`no ${testId}`);
  return found;
}

async function submit(fixture: ComponentFixture<unknown>): Promise<void> {
  el(fixture, 'submit').focus();
  el(fixture, 'submit').click();
  await fixture.whenStable();
  fixture.detectChanges();
  await fixture.whenStable();
}

describe('focus on the first field in error', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideFocusOnInvalidSubmit()] });
  });

  it('moves to the first invalid control of a failed submit, inside nested groups', async () => {
    const fixture = TestBed.createComponent(TestFormComponent);
    document.body.appendChild(fixture.nativeElement);
    fixture.detectChanges();
    await submit(fixture);
    expect(document.activeElement).toBe(el(fixture, 'phone'));
  });

  it('moves to the field the API refused', async () => {
    const fixture = TestBed.createComponent(TestFormComponent);
    document.body.appendChild(fixture.nativeElement);
    fixture.componentInstance.form.controls.contact.controls.phone.setValue('0905');
    fixture.componentInstance.refusal = new HttpErrorResponse({
      status: 400,
      error: { errors: [{ field: 'contact.email', code: 'isEmail', message: '' }] },
    });
    fixture.detectChanges();
    await submit(fixture);
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(document.activeElement).toBe(el(fixture, 'email'));
  });

  it('leaves the focus alone when the form is valid', async () => {
    const fixture = TestBed.createComponent(TestFormComponent);
    document.body.appendChild(fixture.nativeElement);
    fixture.componentInstance.form.controls.contact.controls.phone.setValue('0905');
    fixture.detectChanges();
    await submit(fixture);
    expect(document.activeElement).toBe(el(fixture, 'submit'));
  });

  it('helps a form without FormSubmission, from the document', async () => {
    const fixture = TestBed.createComponent(PlainFormComponent);
    document.body.appendChild(fixture.nativeElement);
    fixture.detectChanges();
    await submit(fixture);
    expect(document.activeElement).toBe(el(fixture, 'second'));
  });

  it('finds a custom control by its first focusable element, and skips groups', () => {
    const root = document.createElement('div');
    root.innerHTML = `
      <form class="ng-invalid">
        <div formGroupName="g" class="ng-invalid">
          <cn-picker formControlName="commune" class="ng-invalid"><span>Xã</span><input id="inner" /></cn-picker>
        </div>
      </form>`;
    expect(firstInvalidField(root)?.id).toBe('inner');
  });
});
