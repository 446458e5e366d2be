/**
 * The typed API client: one function per action, typed from core/api. A
 * network failure becomes an INTERNAL failure so pages handle one shape.
 */
import type { CitizenActions, Failure, Result } from '../../core/api';
import { ERROR_MESSAGES } from '../../core/errors';
import { callFunction } from './transport';

function networkFailure(): Failure {
  const m = ERROR_MESSAGES.INTERNAL;
  return { ok: false, code: 'INTERNAL', message: `${m.zh} (${m.en})`, reason: 'network' };
}

async function citizen<A extends keyof CitizenActions>(
  action: A,
  request: CitizenActions[A]['request'],
): Promise<Result<CitizenActions[A]['response']>> {
  try {
    return (await callFunction('citizen', { action, ...request })) as Result<CitizenActions[A]['response']>;
  } catch {
    return networkFailure();
  }
}

export const api = {
  startFace: () => citizen('startFace', {}),
  enroll: (request: CitizenActions['enroll']['request']) => citizen('enroll', request),
  getCard: () => citizen('getCard', {}),
};
