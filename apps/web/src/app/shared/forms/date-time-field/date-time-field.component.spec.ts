import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { byTestId, settle, textOf, typeInto } from '../../../../testing';
import { DateTimeFieldComponent } from './date-time-field.component';

@Component({
  imports: [ReactiveFormsModule, DateTimeFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form">
      <cn-date-time-field formControlName="at" field="occurredAt" label="Thời điểm" testId="at" />
    </form>
  `,
})
class HostComponent {
  readonly form = new FormGroup({
    at: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
}

describe('DateTimeFieldComponent', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [HostComponent],
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const fixture = TestBed.createComponent(HostComponent);
    await settle(fixture);
    return { fixture, at: fixture.componentInstance.form.controls.at };
  }

  it('gives the form the value a datetime-local input gave, from a day and a time', async () => {
    const { fixture, at } = await render();
    expect(at.dirty).toBe(false);
    await typeInto(fixture, 'at', '05/12/2026');
    expect(at.value).toBe('');
    await typeInto(fixture, 'at-time', '21:07');
    expect(at.value).toBe('2026-12-05T21:07');
    expect(at.valid).toBe(true);
  });

  it('fills both from a whole date and time pasted into the date, and shows a value written', async () => {
    const { fixture, at } = await render();
    await typeInto(fixture, 'at', '2026-05-01T10:30');
    expect(at.value).toBe('2026-05-01T10:30');

    at.reset('2026-01-09T07:05');
    await settle(fixture);
    expect(at.dirty).toBe(false);
    byTestId<HTMLInputElement>(fixture, 'at')?.dispatchEvent(new Event('blur'));
    await settle(fixture);
    expect(byTestId<HTMLInputElement>(fixture, 'at')?.value).toBe('09/01/2026');
    expect(byTestId<HTMLInputElement>(fixture, 'at-time')?.value).toBe('07:05');
  });

  it('says in Vietnamese what is wrong: a day without a time, a time that is none', async () => {
    const { fixture, at } = await render();
    await typeInto(fixture, 'at', '05/12/2026');
    // Moving from the date to the time is not leaving the field.
    const time = byTestId(fixture, 'at-time');
    byTestId(fixture, 'at')?.dispatchEvent(
      new FocusEvent('focusout', { bubbles: true, relatedTarget: time }),
    );
    expect(at.touched).toBe(false);
    time?.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    expect(at.touched).toBe(true);
    await settle(fixture);
    expect(at.errors).toEqual(expect.objectContaining({ time_missing: true }));
    expect(textOf(fixture, 'at-error')).toBe('Thời điểm xảy ra: hãy nhập cả giờ.');

    await typeInto(fixture, 'at-time', '25:00');
    await settle(fixture);
    expect(Object.keys(at.errors ?? {})[0]).toBe('invalid_time');
    expect(textOf(fixture, 'at-error')).toContain('giờ không hợp lệ');
  });
});
