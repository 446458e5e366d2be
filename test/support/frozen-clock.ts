/** A clock that moves only when a test moves it. */
import type { Clock } from '../../server/domain/ports';

export class FrozenClock implements Clock {
  private current: number;

  constructor(iso = '2026-11-28T08:00:00.000Z') {
    this.current = Date.parse(iso);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
