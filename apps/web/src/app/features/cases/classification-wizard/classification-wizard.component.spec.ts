import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import type { ClassificationAnswers } from '@caunoi/shared/domain';
import { ClassificationWizardComponent } from './classification-wizard.component';

@Component({
  selector: 'cn-test-host',
  imports: [ClassificationWizardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<cn-classification-wizard [control]="control" />`,
})
class HostComponent {
  readonly control = new FormControl<ClassificationAnswers>({}, { nonNullable: true });
}

describe('ClassificationWizardComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let element: HTMLElement;

  const byTestId = (id: string): HTMLElement | null =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const question = (): string => byTestId('classification-question')?.textContent?.trim() ?? '';
  const click = async (id: string): Promise<void> => {
    byTestId(id)?.click();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    localStorage.clear();
    fixture = TestBed.createComponent(HostComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('asks the GBVIMS questions one at a time, in order, and never offers a type picker', async () => {
    expect(question()).toContain('xâm nhập');
    expect(element.querySelectorAll('mat-select, select')).toHaveLength(0);
    expect(byTestId('classification-result')).toBeNull();

    await click('classification-no');
    expect(question()).toContain('tiếp xúc tình dục');
    await click('classification-no');
    expect(question()).toContain('bạo lực thể chất');
    expect(element.querySelectorAll('[data-testid="classification-step"]')).toHaveLength(2);
  });

  it('shows the type the first "yes" decides, and records the answers on the control', async () => {
    await click('classification-no');
    await click('classification-no');
    await click('classification-yes');

    expect(byTestId('classification-question')).toBeNull();
    expect(byTestId('classification-result')?.textContent).toContain('Bạo lực thể chất');
    expect(fixture.componentInstance.control.value).toEqual({
      penetration: false,
      sexual_contact: false,
      physical_assault: true,
    });
    expect(fixture.componentInstance.control.valid).toBe(true);
  });

  it('decides "not GBV" only after every question was answered "no"', async () => {
    for (let i = 0; i < 5; i++) await click('classification-no');
    expect(byTestId('classification-result')).toBeNull();
    await click('classification-no');
    expect(byTestId('classification-result')?.textContent).toContain(
      'Không phải bạo lực trên cơ sở giới',
    );
  });

  it('asks the later questions again when an earlier answer is changed', async () => {
    await click('classification-no');
    await click('classification-yes');
    expect(byTestId('classification-result')?.textContent).toContain('Tấn công tình dục');

    await click('classification-change-penetration');
    expect(question()).toContain('xâm nhập');
    expect(byTestId('classification-result')).toBeNull();
    expect(fixture.componentInstance.control.value).toEqual({});
  });
});
