import { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { AgencyType, Role } from '@caunoi/shared/domain';
import { AuthService } from '../../../core/auth/auth.service';
import { vietnamToday } from '../../../shared/forms/vietnam-time';
import type { RecordServiceDialogData } from './record-service-dialog.component';
import { RecordServiceDialogComponent } from './record-service-dialog.component';
import { dialogTestProviders, settle } from '../../../../testing';

const ID = '44444444-4444-4444-8444-444444444444';
const URL = `/api/referrals/${ID}/services`;

const POLICE_FIELDS = [
  'reportRegistered',
  'summonsToCommunePolice',
  'noContactOrder',
  'criminalFileOpened',
];
const HEALTH_FIELDS = ['examination', 'treatment', 'forensicExamination', 'psychologicalCare'];

describe('RecordServiceDialogComponent', () => {
  let fixture: ComponentFixture<RecordServiceDialogComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  const close = jest.fn();

  const byTestId = (id: string): HTMLElement | null =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const sectorFieldsShown = (): string[] =>
    Array.from(element.querySelectorAll<HTMLElement>('[data-testid^="service-sector-"]')).map(
      (field) => field.dataset['testid']?.replace('service-sector-', '') ?? '',
    );

  async function render(
    user: { role: Role; agencyType: AgencyType },
    data: Partial<RecordServiceDialogData> = {},
  ): Promise<void> {
    localStorage.clear();
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [RecordServiceDialogComponent],
      providers: [
        ...dialogTestProviders(
          {
            id: ID,
            code: 'CG-2026-000123',
            services: ['police_protection'],
            sentAt: '2026-01-05T02:00:00.000Z',
            ...data,
          } satisfies RecordServiceDialogData,
          close,
        ),
        {
          provide: AuthService,
          useValue: {
            me: signal({
              user: { role: user.role },
              agency: { id: 'ag-1', name: 'Cơ quan nhận', type: user.agencyType },
            }),
          },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RecordServiceDialogComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  /** Material checkboxes react to a click on their native input. */
  async function tick(field: string): Promise<void> {
    byTestId(`service-sector-${field}`)?.querySelector<HTMLInputElement>('input')?.click();
    await fixture.whenStable();
  }

  async function choose(testId: string, label: string): Promise<void> {
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }),
    );
    await select.open();
    await select.clickOptions({ text: label });
    await fixture.whenStable();
  }

  async function typeDate(value: string): Promise<void> {
    const input = byTestId('service-provided-on') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    byTestId('service-submit')?.click();
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('shows a police liaison the police fields only, and sends only those', async () => {
    await render({ role: 'police_liaison', agencyType: 'police' });
    expect(sectorFieldsShown()).toEqual(POLICE_FIELDS);
    expect(byTestId('service-sector-summonsToCommunePolice')?.textContent?.trim()).toBe(
      'Triệu tập lên công an xã/phường',
    );

    await tick('summonsToCommunePolice');
    await choose('service-sector-noContactOrder', 'Đã đề nghị');
    await submit();

    const request = backend.expectOne(URL);
    expect(request.request.body).toEqual({
      serviceType: 'police_protection',
      providedOn: vietnamToday(),
      outcome: 'provided',
      sectorOutcome: {
        reportRegistered: false,
        summonsToCommunePolice: true,
        noContactOrder: 'requested',
        criminalFileOpened: false,
      },
      note: null,
    });
    request.flush({ id: ID, status: 'in_service' });
    await settle(fixture);
    expect(close).toHaveBeenCalledWith({ referral: { id: ID, status: 'in_service' } });
  });

  it('leaves out a list field nobody chose ("not yet known")', async () => {
    await render({ role: 'police_liaison', agencyType: 'police' });
    await submit();
    const request = backend.expectOne(URL);
    expect(Object.keys(request.request.body.sectorOutcome)).toEqual([
      'reportRegistered',
      'summonsToCommunePolice',
      'criminalFileOpened',
    ]);
    request.flush({ id: ID });
    await settle(fixture);
  });

  it('shows a health liaison the health fields only, and sends only those', async () => {
    await render(
      { role: 'health_liaison', agencyType: 'health' },
      { services: ['forensic_examination', 'emergency_medical_care'] },
    );
    expect(sectorFieldsShown()).toEqual(HEALTH_FIELDS);

    await tick('forensicExamination');
    await choose('service-outcome', 'Người bị bạo lực từ chối');
    const note = byTestId('service-note') as HTMLTextAreaElement;
    note.value = 'Đã hẹn lại lịch giám định';
    note.dispatchEvent(new Event('input'));
    await submit();

    const request = backend.expectOne(URL);
    expect(request.request.body).toEqual({
      serviceType: 'forensic_examination',
      providedOn: vietnamToday(),
      outcome: 'survivor_declined',
      sectorOutcome: {
        examination: false,
        treatment: false,
        forensicExamination: true,
        psychologicalCare: false,
      },
      note: 'Đã hẹn lại lịch giám định',
    });
    request.flush({ id: ID });
    await settle(fixture);
  });

  it('has no sector fields for a social-work centre', async () => {
    await render({ role: 'caseworker', agencyType: 'social_work_centre' });
    expect(byTestId('service-sector')).toBeNull();
    await submit();
    const request = backend.expectOne(URL);
    expect(request.request.body.sectorOutcome).toEqual({});
    request.flush({ id: ID });
    await settle(fixture);
  });

  it('refuses a date in the future or before the referral was sent', async () => {
    await render({ role: 'police_liaison', agencyType: 'police' });
    await typeDate('2026-01-04');
    await submit();
    expect(byTestId('service-provided-on-error')?.textContent?.trim()).toBe(
      'Ngày cung cấp không được trước ngày gửi chuyển gửi.',
    );
    await typeDate('2999-01-01');
    await submit();
    expect(byTestId('service-provided-on-error')?.textContent?.trim()).toBe(
      'Ngày cung cấp không được ở tương lai.',
    );
    backend.expectNone(URL);
  });
});
