/**
 * A failure in words: its title (narrowed by the reason where the reason
 * changes what the person should hear, e.g. a name that does not match) and
 * the support line that carries the stable code for a helpline.
 */
import type { Failure } from '../../core/api';
import type { ErrorCode } from '../../core/errors';
import type { ErrorReason } from '../../core/reasons';
import type { MessageKey } from '../i18n';

type TitleKey = ErrorCode | `${ErrorCode}.${ErrorReason}`;

/**
 * Titles more precise than core/errors' one per code. IDENTITY_NOT_FOUND
 * comes with a reason only once liveness and face passed (the server tells
 * nobody else why); without one the general title stays.
 */
const TITLES: Partial<Record<TitleKey, MessageKey>> = {
  'IDENTITY_NOT_FOUND.name_mismatch': 'fail.IDENTITY_NOT_FOUND.name_mismatch',
  'IDENTITY_NOT_FOUND.not_found': 'fail.IDENTITY_NOT_FOUND.not_found',
  'IDENTITY_NOT_FOUND.deceased': 'fail.IDENTITY_NOT_FOUND.closed',
  'IDENTITY_NOT_FOUND.cancelled': 'fail.IDENTITY_NOT_FOUND.closed',
  'INTERNAL.network': 'fail.INTERNAL.network',
};

/** The message key of a narrower title, when the failure has one. */
export function failureTitleKey(failure: Pick<Failure, 'code' | 'reason'>): MessageKey | undefined {
  return failure.reason === undefined ? undefined : TITLES[`${failure.code}.${failure.reason}`];
}

/** "IDENTITY_NOT_FOUND · name_mismatch": what a helpline needs, and nothing personal. */
export function supportCode(failure: Pick<Failure, 'code' | 'reason'>): string {
  return failure.reason ? `${failure.code} · ${failure.reason}` : failure.code;
}
