import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { settle } from '../../../../testing';
import { injectDialogs } from './dialogs';

@Component({ template: '' })
class CallerComponent {
  readonly dialogs = injectDialogs();
}

describe('injectDialogs', () => {
  async function setUp() {
    TestBed.configureTestingModule({
      imports: [CallerComponent],
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const fixture = TestBed.createComponent(CallerComponent);
    await settle(fixture);
    const seen: unknown[] = [];
    const ask = () =>
      fixture.componentInstance.dialogs
        .confirm({ message: 'common.cancel', confirm: 'common.save' })
        .subscribe({ next: (value) => seen.push(value), complete: () => seen.push('complete') });
    const click = async (id: string) => {
      await settle(fixture);
      document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)?.click();
      await settle(fixture);
    };
    return { fixture, seen, ask, click };
  }

  it('emits once when confirmed, and nothing when cancelled', async () => {
    const { seen, ask, click } = await setUp();
    ask();
    await click('confirm-ok');
    expect(seen).toEqual([true, 'complete']);

    seen.length = 0;
    ask();
    await click('confirm-cancel');
    expect(seen).toEqual(['complete']);
  });

  it('opens at a named width, never wider than the screen', async () => {
    const { fixture } = await setUp();
    const open = jest.spyOn(TestBed.inject(MatDialog), 'open');
    fixture.componentInstance.dialogs.open(CallerComponent, { x: 1 }, { width: 'large' });
    expect(open).toHaveBeenCalledWith(
      CallerComponent,
      expect.objectContaining({ data: { x: 1 }, width: '640px', maxWidth: '95vw' }),
    );
    TestBed.inject(MatDialog).closeAll();
  });

  it('stops listening once the caller is gone', async () => {
    const { fixture, seen, ask } = await setUp();
    ask();
    fixture.destroy();
    expect(seen).toEqual(['complete']);
    TestBed.inject(MatDialog).closeAll();
  });
});
