/**
 * The cloud as a weapp page test fakes it: every call the page sends is
 * recorded (function name, then the event), and answered by the test's own
 * fake of the functions unless the test gave that action another answer (a
 * refusal, or a call held open).
 */
import type { Weapp } from './load-weapp';

export type SentCall = { name: string; action: string } & Record<string, unknown>;

export class FakeCloud {
  readonly calls: SentCall[] = [];
  /** Answers a test gives instead of the fake's own, by action. */
  readonly answers = new Map<string, () => unknown>();

  constructor(
    private readonly weapp: Weapp,
    answer: (event: { action: string } & Record<string, unknown>) => unknown,
  ) {
    weapp.onCallFunction((name, data) => {
      const event = data as { action: string } & Record<string, unknown>;
      this.calls.push({ name, ...event });
      const given = this.answers.get(event.action);
      return given ? given() : answer(event);
    });
  }

  /** The calls of one action, in the order sent. */
  sent(action: string): SentCall[] {
    return this.calls.filter((call) => call.action === action);
  }

  /** Forgets the calls (the platform's recorded calls too) and the tests' own answers, between tests. */
  reset(): void {
    this.weapp.clearCalls();
    this.calls.length = 0;
    this.answers.clear();
  }
}
