/**
 * What the staff member is told when a code is refused: chosen from the
 * stable code and reason (the verifier's named check), never from a message.
 */
import type { Failure } from '../../core/api';
import type { ErrorCode } from '../../core/errors';
import type { ErrorReason } from '../../core/reasons';
import type { MessageKey } from '../i18n';
import { unavailableReason } from './unavailable';

/** A code alone, or a code with the reason that narrows it: a misspelt code or reason does not compile. */
type RefusalKey = ErrorCode | `${ErrorCode}.${ErrorReason}`;

const REFUSALS: Partial<Record<RefusalKey, MessageKey>> = {
  CODE_INVALID: 'staff.why.CODE_INVALID',
  'CODE_INVALID.structure': 'staff.why.CODE_INVALID.structure',
  'CODE_INVALID.signature': 'staff.why.CODE_INVALID.signature',
  'CODE_INVALID.lifetime': 'staff.why.CODE_INVALID.lifetime',
  'CODE_INVALID.not_yet_valid': 'staff.why.CODE_INVALID.not_yet_valid',
  'CODE_INVALID.scene': 'staff.why.CODE_INVALID.scene',
  'CODE_INVALID.card': 'staff.why.CODE_INVALID.card',
  CODE_EXPIRED: 'staff.why.CODE_EXPIRED',
  CODE_USED: 'staff.why.CODE_USED',
  SCENE_NOT_ALLOWED: 'staff.why.SCENE_NOT_ALLOWED',
  'SCENE_NOT_ALLOWED.scene': 'staff.why.SCENE_NOT_ALLOWED.scene',
  'SCENE_NOT_ALLOWED.terminal': 'staff.why.SCENE_NOT_ALLOWED.terminal',
  CARD_SUSPENDED: 'staff.why.CARD_SUSPENDED',
  CARD_REVOKED: 'staff.why.CARD_REVOKED',
  CARD_EXPIRED: 'staff.why.CARD_EXPIRED',
  LEVEL_TOO_LOW: 'staff.why.LEVEL_TOO_LOW',
  VERIFIER_UNKNOWN: 'staff.why.VERIFIER_UNKNOWN',
  'VERIFIER_UNKNOWN.no_terminal_credential': 'staff.why.VERIFIER_UNKNOWN.no_terminal_credential',
  INVALID_INPUT: 'staff.why.INVALID_INPUT',
  // The colour upgrade at a terminal.
  PASSWORD_NOT_SET: 'staff.why.PASSWORD_NOT_SET',
  PASSWORD_WRONG: 'staff.why.PASSWORD_WRONG',
  PASSWORD_LOCKED: 'staff.why.PASSWORD_LOCKED',
  UPGRADE_NOT_PERMITTED: 'staff.why.UPGRADE_NOT_PERMITTED',
  'UPGRADE_NOT_PERMITTED.city': 'staff.why.UPGRADE_NOT_PERMITTED.city',
  IN_PERSON_CHECK_FAILED: 'staff.why.IN_PERSON_CHECK_FAILED',
  'IN_PERSON_CHECK_FAILED.id_card': 'staff.why.IN_PERSON_CHECK_FAILED.id_card',
  'IN_PERSON_CHECK_FAILED.face': 'staff.why.IN_PERSON_CHECK_FAILED.face',
  CARD_ALREADY_COLOUR: 'staff.why.CARD_ALREADY_COLOUR',
};

export function refusalReason(failure: Failure): MessageKey {
  const narrowed = failure.reason === undefined ? undefined : REFUSALS[`${failure.code}.${failure.reason}`];
  return unavailableReason(failure) ?? narrowed ?? REFUSALS[failure.code] ?? 'next.later';
}

/** How many card password tries are left, when a wrong password's refusal says (details.triesLeft). */
export function triesLeft(failure: Failure): number | undefined {
  const left = failure.code === 'PASSWORD_WRONG' ? failure.details?.triesLeft : undefined;
  return typeof left === 'number' ? left : undefined;
}
