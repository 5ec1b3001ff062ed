import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { ConferenceActionView } from '@caunoi/shared/contracts';
import { ConferenceActionListComponent } from './conference-action-list.component';

function action(change: Partial<ConferenceActionView> = {}): ConferenceActionView {
  return {
    id: 'a1',
    conferenceId: 'c1',
    conferenceCode: 'HLN-2026-0001',
    ownerAgencyId: 'police',
    ownerAgencyName: 'Công an Phường Hải Châu',
    description: 'Tuần tra quanh nơi ở',
    dueOn: '2999-01-01',
    dueAt: '2999-01-01T17:00:00.000Z',
    status: 'open',
    note: null,
    statusChangedAt: null,
    ...change,
  };
}

function setUp(
  inputs: { ownerAgencyId?: string | null; mayCancelAll?: boolean },
  actions: ConferenceActionView[],
) {
  TestBed.configureTestingModule({
    imports: [ConferenceActionListComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const fixture = TestBed.createComponent(ConferenceActionListComponent);
  fixture.componentRef.setInput('actions', actions);
  fixture.componentRef.setInput('ownerAgencyId', inputs.ownerAgencyId ?? null);
  fixture.componentRef.setInput('mayCancelAll', inputs.mayCancelAll ?? false);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const all = (id: string) => element.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`);
  return { fixture, backend: TestBed.inject(HttpTestingController), all };
}

describe('ConferenceActionListComponent', () => {
  it('lets the owner agency mark its open action done, with a note, and shows the new status', async () => {
    const { fixture, backend, all } = setUp({ ownerAgencyId: 'police' }, [
      action(),
      action({ id: 'a2', ownerAgencyId: 'health', ownerAgencyName: 'Bệnh viện' }),
    ]);
    // Only its own action offers "done"; none offers cancel-all.
    expect(all('conference-action-done')).toHaveLength(1);
    const note = all('conference-action-note-input')[0] as HTMLInputElement;
    note.value = 'Đã tuần tra';
    note.dispatchEvent(new Event('input'));
    all('conference-action-done')[0]?.click();
    const request = backend.expectOne('/api/conferences/c1/actions/a1/status');
    expect([request.request.method, request.request.body]).toEqual([
      'PUT',
      { status: 'done', note: 'Đã tuần tra' },
    ]);
    let emitted: ConferenceActionView | undefined;
    fixture.componentInstance.changed.subscribe((a) => (emitted = a));
    request.flush(action({ status: 'done', note: 'Đã tuần tra' }));
    await fixture.whenStable();
    expect(emitted?.status).toBe('done');
    backend.verify();
  });

  it('is read-only for the case plan screen, marks an open action past its day overdue', () => {
    const { all } = setUp({}, [
      action({ dueOn: '2000-01-01' }),
      action({ id: 'a2', status: 'done', note: 'Xong' }),
    ]);
    expect(all('conference-action-done')).toHaveLength(0);
    expect(all('conference-action-cancel')).toHaveLength(0);
    expect(Array.from(all('conference-action-status')).map((e) => e.textContent?.trim())).toEqual([
      'Quá hạn',
      'Đã hoàn thành',
    ]);
    expect(all('conference-action-note')[0]?.textContent).toContain('Xong');
  });

  it('lets the convening centre cancel any open action, not complete another agency’s', () => {
    const { all } = setUp({ ownerAgencyId: 'centre', mayCancelAll: true }, [action()]);
    expect(all('conference-action-done')).toHaveLength(0);
    expect(all('conference-action-cancel')).toHaveLength(1);
  });
});
