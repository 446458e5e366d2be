/** The one way a Failure is made, by the function boundary and by the mini-program's client alike. */
import type { Failure } from './api';
import { bilingualMessage, type ErrorCode } from './errors';

export function failure(code: ErrorCode, extra: Pick<Failure, 'reason' | 'details'> = {}): Failure {
  return { ok: false, code, message: bilingualMessage(code), ...extra };
}
