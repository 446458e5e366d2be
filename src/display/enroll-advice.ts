/**
 * What the citizen is told after an enrollment attempt or a face re-check,
 * and what they can do next: decided from the stable code and reason, never
 * from a message.
 */
import type { Failure } from '../../core/api';
import { ID_NUMBER_REASONS, NAME_REASONS } from '../../core/reasons';
import { attemptsLeft } from '../api/face-session';
import type { MessageKey, Vars } from '../i18n';
import type { EnrollOutcome } from '../state/last-result';
import { unavailableReason } from './unavailable';

export type NextAction = 'viewCard' | 'retryFace' | 'edit' | 'consent' | 'cards' | 'moveHere';

export interface Line {
  key: MessageKey;
  vars?: Vars;
}

export interface FailureAdvice {
  /** Why it failed and what to do, in one paragraph. */
  reason: Line;
  /** e.g. how many attempts are left. */
  extra?: Line;
  actions: NextAction[];
}

function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}

function faceAdvice(key: MessageKey, failure: Failure): FailureAdvice {
  const left = attemptsLeft(failure);
  return {
    reason: { key },
    extra: left === undefined ? undefined : { key: 'next.attemptsLeft', vars: { n: left } },
    actions: left === 0 ? ['cards'] : ['retryFace', 'cards'],
  };
}

function identityAdvice(reason: Failure['reason']): FailureAdvice {
  switch (reason) {
    case 'not_found':
      return { reason: { key: 'next.identity.not_found' }, actions: ['edit', 'cards'] };
    case 'name_mismatch':
      return { reason: { key: 'next.identity.name_mismatch' }, actions: ['edit', 'cards'] };
    case 'deceased':
    case 'cancelled':
      return { reason: { key: 'next.identity.closed' }, actions: ['cards'] };
    default:
      // No reason: the server says why only once liveness and face passed, so either may be what failed.
      return { reason: { key: 'next.IDENTITY_NOT_FOUND' }, actions: ['edit', 'retryFace', 'cards'] };
  }
}

export function adviceFor(failure: Failure): FailureAdvice {
  const unavailable = unavailableReason(failure);
  if (unavailable) return { reason: { key: unavailable }, actions: ['retryFace', 'cards'] };
  switch (failure.code) {
    case 'FACE_MISMATCH':
    case 'LIVENESS_FAILED':
      return faceAdvice(`next.${failure.code}`, failure);
    case 'FACE_SESSION_EXPIRED':
      return { reason: { key: 'next.FACE_SESSION_EXPIRED' }, actions: ['retryFace', 'cards'] };
    case 'CARD_EXISTS':
      // The identity's card lives in another account (another WeChat account, another browser): offer to move it here.
      if (failure.reason === 'id_number') return { reason: { key: 'next.CARD_EXISTS.id_number' }, actions: ['moveHere', 'cards'] };
      return { reason: { key: 'next.CARD_EXISTS' }, actions: ['cards'] };
    case 'MOVE_LIMITED':
    case 'RATE_LIMITED':
      return { reason: { key: `next.${failure.code}` }, actions: ['cards'] };
    case 'CONSENT_REQUIRED':
      return { reason: { key: 'next.CONSENT_REQUIRED' }, actions: ['consent', 'cards'] };
    case 'IDENTITY_NOT_FOUND':
      return identityAdvice(failure.reason);
    case 'ID_NUMBER_INVALID':
      return {
        reason: isOneOf(ID_NUMBER_REASONS, failure.reason) ? { key: `reason.id.${failure.reason}` } : { key: 'next.edit' },
        actions: ['edit', 'cards'],
      };
    case 'NAME_INVALID':
      return {
        reason: isOneOf(NAME_REASONS, failure.reason) ? { key: `reason.name.${failure.reason}` } : { key: 'next.edit' },
        actions: ['edit', 'cards'],
      };
    default:
      return { reason: { key: 'next.default' }, actions: ['cards'] };
  }
}

/** Whether the citizen's details are still needed after this outcome (to retry or correct them). */
export function needsDraftAfter(outcome: EnrollOutcome): boolean {
  if (outcome.ok) return false;
  return adviceFor(outcome).actions.some((action) => action === 'retryFace' || action === 'edit' || action === 'consent' || action === 'moveHere');
}
