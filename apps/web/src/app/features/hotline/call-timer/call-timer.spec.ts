import { CallTimer, formatDuration } from './call-timer';

describe('CallTimer', () => {
  let timer: CallTimer;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-05-04T02:00:00Z'));
    timer = new CallTimer();
  });

  afterEach(() => {
    timer.dispose();
    jest.useRealTimers();
  });

  it('shows 00:00 until the call starts', () => {
    jest.advanceTimersByTime(5000);
    expect(timer.display()).toBe('00:00');
    expect(timer.running()).toBe(false);
    expect(timer.startedAt()).toBeNull();
  });

  it('counts every second while the call runs, as mm:ss', () => {
    timer.start();
    expect(timer.running()).toBe(true);
    jest.advanceTimersByTime(1000);
    expect(timer.display()).toBe('00:01');
    jest.advanceTimersByTime(64_000);
    expect(timer.display()).toBe('01:05');
    expect(timer.startedAt()).toBe('2026-05-04T02:00:00.000Z');
  });

  it('stops counting at the end of the call and keeps the duration', () => {
    timer.start();
    jest.advanceTimersByTime(90_000);
    timer.stop();
    expect(timer.running()).toBe(false);
    expect(timer.display()).toBe('01:30');
    expect(timer.endedAt()).toBe('2026-05-04T02:01:30.000Z');

    jest.advanceTimersByTime(60_000);
    expect(timer.display()).toBe('01:30');
  });

  it('starts from zero again after a reset', () => {
    timer.start();
    jest.advanceTimersByTime(10_000);
    timer.reset();
    expect(timer.display()).toBe('00:00');
    expect(timer.hasStarted()).toBe(false);
  });

  it('keeps counting minutes past an hour', () => {
    expect(formatDuration(75 * 60 + 2)).toBe('75:02');
  });
});

describe('CallTimer across pages', () => {
  afterEach(() => jest.useRealTimers());

  it('resumes a running call from its snapshot with the elapsed time intact', () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T10:00:00Z') });
    const before = new CallTimer();
    before.start();
    jest.advanceTimersByTime(65_000);
    const snapshot = before.snapshot();
    before.dispose();

    jest.advanceTimersByTime(10_000);
    const after = new CallTimer();
    after.restore(snapshot);
    expect(after.running()).toBe(true);
    expect(after.display()).toBe('01:15');
    jest.advanceTimersByTime(5_000);
    expect(after.display()).toBe('01:20');
    after.dispose();
  });

  it('keeps an ended call ended, and an unstarted one unstarted', () => {
    const ended = new CallTimer();
    ended.restore({ started: 1_000, ended: 61_000 });
    expect(ended.running()).toBe(false);
    expect(ended.display()).toBe('01:00');
    const fresh = new CallTimer();
    fresh.restore({ started: null, ended: null });
    expect(fresh.hasStarted()).toBe(false);
  });
});
