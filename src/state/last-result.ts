/** The outcome of the last enrolment attempt, for the result page; memory only. */
import type { CardView, Result } from '../../core/api';

export type EnrolOutcome = Result<{ card: CardView }>;

let last: EnrolOutcome | null = null;

export function setLastResult(outcome: EnrolOutcome): void {
  last = outcome;
}

export function lastResult(): EnrolOutcome | null {
  return last;
}

export function clearLastResult(): void {
  last = null;
}
