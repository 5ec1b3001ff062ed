import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { CaseNoteView } from '@caunoi/shared/contracts';
import localeVi from '@angular/common/locales/vi';
import { CaseNotesComponent } from './case-notes.component';

registerLocaleData(localeVi);

describe('CaseNotesComponent: correcting a note', () => {
  let fixture: ComponentFixture<CaseNotesComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const note: CaseNoteView = {
    id: 'n1',
    body: 'Hẹn ngày 12/12',
    authorUserId: 'u1',
    authorName: 'Cán bộ A',
    createdAt: '2026-12-01T03:00:00.000Z',
    version: 1,
  };
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
  };
  const type = async (id: string, value: string): Promise<void> => {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      `[data-testid="${id}"]`,
    );
    if (!input) throw new Error(`no ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  const click = async (id: string): Promise<void> => {
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();
    await settle();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseNotesComponent);
    fixture.componentRef.setInput('caseId', 'c1');
    fixture.componentRef.setInput('canWrite', true);
    element = fixture.nativeElement as HTMLElement;
    await settle();
    backend.expectOne('/api/cases/c1/notes').flush([note]);
    await settle();
  });

  afterEach(() => backend.verify());

  it('a stale correction overwrites nothing: reload shows their text, keeps mine, saves from theirs', async () => {
    await click('note-correct');
    await type('note-correct-body', 'Hẹn ngày 13/12');
    await type('note-correct-reason', 'Ghi nhầm ngày');
    await click('note-correct-save');
    const first = backend.expectOne('/api/cases/c1/notes/n1');
    expect(first.request.body).toEqual({
      body: 'Hẹn ngày 13/12',
      reason: 'Ghi nhầm ngày',
      version: 1,
    });
    first.flush(
      { statusCode: 409, errors: [{ field: 'version', code: 'stale_version', message: 's' }] },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(element.querySelector('[data-testid="stale-notice"]')?.textContent).toContain(
      'Người khác đã sửa bản ghi này',
    );

    await click('stale-reload');
    backend
      .expectOne('/api/cases/c1/notes')
      .flush([{ ...note, body: 'Hẹn ngày 14/12 (người khác sửa)', version: 2 }]);
    await settle();
    expect(element.querySelector('[data-testid="note-theirs"]')?.textContent).toContain(
      'Hẹn ngày 14/12 (người khác sửa)',
    );
    expect(
      element.querySelector<HTMLTextAreaElement>('[data-testid="note-correct-body"]')?.value,
    ).toBe('Hẹn ngày 13/12');
    expect(element.querySelector('[data-testid="stale-notice"]')).toBeNull();

    await click('note-correct-save');
    const second = backend.expectOne('/api/cases/c1/notes/n1');
    expect(second.request.body.version).toBe(2);
    second.flush({ ...note, body: 'Hẹn ngày 13/12', version: 3 });
    await settle();
    expect(element.querySelector('[data-testid="note-text"]')?.textContent).toBe('Hẹn ngày 13/12');
  });
});
