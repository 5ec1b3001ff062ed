import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import type { IntakeItemView } from '@caunoi/shared/contracts';
import { IntakeApiService } from '../data/intake-api.service';
import { OpenCaseComponent } from './open-case.component';

describe('OpenCaseComponent, step 1: consent first', () => {
  let fixture: ComponentFixture<OpenCaseComponent>;
  let element: HTMLElement;

  const byTestId = (id: string): HTMLElement | null =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const settle = (): Promise<void> => fixture.whenStable();
  const type = async (id: string, value: string): Promise<void> => {
    const input = byTestId(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  /** Material radios and checkboxes react to a click on their native input. */
  const tick = async (id: string): Promise<void> => {
    byTestId(id)?.querySelector<HTMLInputElement>('input')?.click();
    await settle();
  };
  const click = async (id: string): Promise<void> => {
    byTestId(id)?.click();
    await settle();
  };
  const problem = (): string | undefined => byTestId('consent-problem')?.textContent?.trim();

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [OpenCaseComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: AuthService,
          useValue: { me: signal({ user: { role: 'caseworker' }, agency: { id: 'a1' } }) },
        },
      ],
    });
    fixture = TestBed.createComponent(OpenCaseComponent);
    fixture.componentRef.setInput('workspace', {
      path: 'cases',
      roles: ['caseworker'],
      title: 'workspace.cases.title',
      body: 'workspace.cases.body',
    });
    element = fixture.nativeElement as HTMLElement;
    await settle();
  });

  it('blocks a child who consents alone and explains that a guardian must consent', async () => {
    await type('consent-age', '10');
    await tick('consent-given-yes');

    expect(problem()).toBe('Trẻ em dưới 16 tuổi cần sự đồng ý của cha mẹ hoặc người giám hộ.');
    await click('open-case-next');
    expect(byTestId('consent-given')).not.toBeNull();
    expect(byTestId('identity-full-name')).toBeNull();
  });

  it('asks a child of 7 or more to agree too, then lets the worker go on', async () => {
    await type('consent-age', '10');
    await tick('consent-given-yes');
    await tick('consent-by-guardian');

    expect(problem()).toBe('Trẻ từ 7 tuổi trở lên cũng phải đồng ý.');
    await tick('consent-child-assent');
    expect(problem()).toBeUndefined();

    await click('open-case-next');
    expect(byTestId('identity-full-name')).not.toBeNull();
  });

  it('does not let a caseworker record a best-interest decision', async () => {
    await type('consent-age', '10');
    await tick('consent-given-yes');
    const bestInterest = byTestId('consent-by-best_interest_decision')?.querySelector('input');
    expect(bestInterest?.disabled).toBe(true);
  });

  it('keeps only an anonymous record without consent: identity fields are switched off', async () => {
    await tick('consent-given-no');
    expect(byTestId('consent-anonymous')?.textContent).toContain('chỉ lưu hồ sơ ẩn danh');

    await click('open-case-next');
    expect((byTestId('identity-full-name') as HTMLInputElement).disabled).toBe(true);
    expect((byTestId('identity-phone') as HTMLInputElement).disabled).toBe(true);
  });

  it('fills in the name the volunteer wrote when the case opens from a community referral', async () => {
    TestBed.inject(IntakeApiService).remember({
      id: 'i1',
      source: 'community_referral',
      survivorName: 'Chị Hoa',
      survivorSex: 'female',
    } as IntakeItemView);
    fixture.componentRef.setInput('intakeId', 'i1');
    await settle();
    const survivor = fixture.componentInstance['form'].controls.survivor.controls;
    expect(survivor.fullName.value).toBe('Chị Hoa');
    expect(survivor.sex.value).toBe('female');
  });
});
