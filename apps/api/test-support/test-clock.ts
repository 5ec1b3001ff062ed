import { Clock } from '../src/common/clock';

/** A clock the test moves by hand. */
export class TestClock extends Clock {
  private current: Date;

  constructor(start = new Date()) {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  set(at: Date): void {
    this.current = new Date(at);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
