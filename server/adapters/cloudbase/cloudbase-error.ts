/**
 * The one place where what tcb-admin-node answers becomes a value or a thrown
 * CloudBaseError. Its database API resolves failures as values
 * ({ code, message }) outside transactions and throws the same values inside
 * them; transport failures it rejects with an Error (and, in three query
 * methods without a .catch, never settles: database.ts turns those into
 * values too). The message is dropped: a driver's message may quote the data
 * it choked on, and only the code is read.
 *
 * Codes this adapter reads (https://docs.cloudbase.net/error-code/):
 * DATABASE_DUPLICATE_WRITE (a unique index, `_id` included, already holds the
 * value) and DATABASE_TRANSACTION_CONFLICT (another transaction holds or
 * changed a document this one writes; the only code transactions.ts retries).
 */
import type { ErrorValue } from 'tcb-admin-node';

export const DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE';
export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
/** Our own code for a request that did not reach CloudBase or got no readable answer (database.ts). */
export const TRANSPORT_FAILED = 'EID_TRANSPORT_FAILED';

export class CloudBaseError extends Error {
  constructor(readonly code: string) {
    super(`CloudBase database error ${code}`);
    this.name = 'CloudBaseError';
  }
}

const isErrorValue = (value: unknown): value is { code: string } =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && (value as { code: string }).code !== '';

/** An SDK reply as its value, or its error value thrown as a CloudBaseError. */
export async function unwrap<T>(reply: Promise<T | ErrorValue>): Promise<T> {
  const value = await reply.catch((thrown: unknown) => {
    throw asCloudBaseError(thrown);
  });
  if (isErrorValue(value)) throw new CloudBaseError(value.code);
  return value as T;
}

/** What a transaction call threw, as a CloudBaseError when it is an SDK error value; anything else as it was. */
export function asCloudBaseError(thrown: unknown): unknown {
  if (thrown instanceof CloudBaseError) return thrown;
  return isErrorValue(thrown) ? new CloudBaseError(thrown.code) : thrown;
}

export const hasCode = (error: unknown, code: string): boolean => error instanceof CloudBaseError && error.code === code;
