import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { IDLE_TIMING, IdleService } from './idle.service';

const TIMEOUT_SECONDS = 30 * 60;
const WARNING_SECONDS = 120;

describe('IdleService', () => {
  let idle: IdleService;
  let auth: { logout: jest.Mock; refresh: jest.Mock; endSession: jest.Mock };

  const advanceSeconds = (seconds: number): void => {
    jest.advanceTimersByTime(seconds * 1000);
  };
  const pressKey = (): void => {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
  };

  beforeEach(() => {
    jest.useFakeTimers();
    auth = {
      logout: jest.fn().mockResolvedValue(undefined),
      refresh: jest.fn(() => of({})),
      endSession: jest.fn().mockResolvedValue(undefined),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: auth },
        { provide: IDLE_TIMING, useValue: { warningSeconds: WARNING_SECONDS, tickMs: 1000 } },
      ],
    });
    idle = TestBed.inject(IdleService);
    idle.start(TIMEOUT_SECONDS);
  });

  afterEach(() => {
    idle.stop();
    jest.useRealTimers();
  });

  it('warns two minutes before the timeout, counts down, then signs out for inactivity', () => {
    advanceSeconds(TIMEOUT_SECONDS - WARNING_SECONDS - 1);
    expect(idle.warning()).toBe(false);

    advanceSeconds(1);
    expect(idle.warning()).toBe(true);
    expect(idle.secondsLeft()).toBe(WARNING_SECONDS);

    advanceSeconds(60);
    expect(idle.secondsLeft()).toBe(60);
    expect(auth.logout).not.toHaveBeenCalled();

    advanceSeconds(60);
    expect(auth.logout).toHaveBeenCalledWith('idle');
    expect(idle.warning()).toBe(false);
  });

  it('does not warn while the user keeps working', () => {
    for (let minute = 0; minute < 60; minute++) {
      advanceSeconds(60);
      pressKey();
    }
    expect(idle.warning()).toBe(false);
    expect(auth.logout).not.toHaveBeenCalled();
  });

  it('keeps the warning up when the mouse merely moves: the user must answer it', () => {
    advanceSeconds(TIMEOUT_SECONDS - WARNING_SECONDS);
    expect(idle.warning()).toBe(true);
    pressKey();
    advanceSeconds(WARNING_SECONDS);
    expect(auth.logout).toHaveBeenCalledWith('idle');
  });

  it('"stay signed in" renews the token and restarts the idle clock', () => {
    advanceSeconds(TIMEOUT_SECONDS - WARNING_SECONDS + 30);
    idle.staySignedIn();

    expect(auth.refresh).toHaveBeenCalledTimes(1);
    expect(idle.warning()).toBe(false);
    advanceSeconds(WARNING_SECONDS);
    expect(auth.logout).not.toHaveBeenCalled();
    advanceSeconds(TIMEOUT_SECONDS - WARNING_SECONDS * 2);
    expect(idle.warning()).toBe(true);
  });

  it('stops watching after stop() (signed out)', () => {
    idle.stop();
    advanceSeconds(TIMEOUT_SECONDS * 2);
    expect(idle.warning()).toBe(false);
    expect(auth.logout).not.toHaveBeenCalled();
  });
});
