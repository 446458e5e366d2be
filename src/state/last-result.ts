/** The outcome of the last enrollment attempt, for the result page; memory only. */
import type { CardView, Result } from '../../core/api';

export type EnrollOutcome = Result<{ card: CardView }>;

let last: EnrollOutcome | null = null;

export function setLastResult(outcome: EnrollOutcome): void {
  last = outcome;
}

export function lastResult(): EnrollOutcome | null {
  return last;
}

export function clearLastResult(): void {
  last = null;
}
