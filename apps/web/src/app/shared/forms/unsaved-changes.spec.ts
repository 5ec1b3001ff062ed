import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { firstValueFrom, isObservable, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import type { HasUnsavedChanges } from './unsaved-changes';
import { guardUnload, unsavedChangesGuard } from './unsaved-changes';

@Component({ selector: 'cn-dirty-page', template: '' })
class DirtyPageComponent implements HasUnsavedChanges {
  dirty = true;
  constructor() {
    guardUnload(() => this.dirty);
  }
  hasUnsavedChanges(): boolean {
    return this.dirty;
  }
}

describe('unsaved changes', () => {
  let signedIn = true;
  let answer: boolean | undefined;
  const opened: unknown[] = [];

  beforeEach(() => {
    signedIn = true;
    opened.length = 0;
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: { isSignedIn: () => signedIn } },
        {
          provide: MatDialog,
          useValue: {
            open: (_component: unknown, config: unknown) => {
              opened.push(config);
              return { afterClosed: () => of(answer) };
            },
          },
        },
      ],
    });
  });

  async function leave(page: Partial<HasUnsavedChanges>): Promise<boolean> {
    const result = TestBed.runInInjectionContext(() =>
      unsavedChangesGuard(
        page,
        {} as ActivatedRouteSnapshot,
        {} as RouterStateSnapshot,
        {} as RouterStateSnapshot,
      ),
    );
    return isObservable(result) ? ((await firstValueFrom(result)) as boolean) : (result as boolean);
  }

  it('leaves a saved page without asking', async () => {
    expect(await leave({ hasUnsavedChanges: () => false })).toBe(true);
    expect(opened).toHaveLength(0);
  });

  it('asks before leaving unsaved input, and stays unless told to leave', async () => {
    answer = undefined;
    expect(await leave({ hasUnsavedChanges: () => true })).toBe(false);
    answer = true;
    expect(await leave({ hasUnsavedChanges: () => true })).toBe(true);
    expect(opened[0]).toMatchObject({ data: { message: 'unsaved.message' } });
  });

  it('never holds up a session that ended (idle logout clears the screen at once)', async () => {
    signedIn = false;
    expect(await leave({ hasUnsavedChanges: () => true })).toBe(true);
    expect(opened).toHaveLength(0);
  });

  it('asks for a page whose nested form holds unsaved input (a tab of the case file)', async () => {
    answer = false;
    const fixture = TestBed.createComponent(DirtyPageComponent);
    expect(await leave({})).toBe(false);
    fixture.componentInstance.dirty = false;
    expect(await leave({})).toBe(true);
    fixture.componentInstance.dirty = true;
    fixture.destroy();
    expect(await leave({})).toBe(true);
  });

  it('asks the browser before a reload while dirty, and stops with the page', () => {
    const fixture = TestBed.createComponent(DirtyPageComponent);
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    fixture.componentInstance.dirty = false;
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    fixture.componentInstance.dirty = true;
    fixture.destroy();
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
