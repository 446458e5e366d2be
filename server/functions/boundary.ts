/**
 * The function boundary: the only place an error becomes
 * `{ ok: false, code, message }` (DESIGN.md §5). Unknown errors become
 * INTERNAL and are logged by type and location only, never by message: a
 * driver's message may quote the data it choked on.
 */
import type { Failure, Result } from '../../core/api';
import { EidError } from '../../core/errors';
import { failure } from '../../core/failure';
import { hasForbiddenKey } from '../../core/schemas';
import type { ZodType, ZodTypeDef } from 'zod';

/** Who is calling, as the platform (or the emulator) established it. */
export interface Caller {
  /** The mini-program user's OPENID; absent for calls not made by a citizen. */
  openid?: string;
}

export type CloudFunction = (event: unknown, caller: Caller) => Promise<Result<object>>;

export interface Logger {
  info(message: string, fields?: Record<string, string | number | boolean>): void;
  error(message: string, fields?: Record<string, string | number | boolean>): void;
}

export function toFailure(error: unknown, log: Logger): Failure {
  if (error instanceof EidError) {
    return failure(error.code, {
      ...(error.reason !== undefined && { reason: error.reason }),
      ...(error.details !== undefined && { details: { ...error.details } }),
    });
  }
  const where = error instanceof Error ? (error.stack?.split('\n')[1]?.trim() ?? '') : '';
  log.error('unexpected error', { type: error instanceof Error ? error.name : typeof error, where });
  return failure('INTERNAL');
}

/** Validates an event against its one declared schema; any mismatch is INVALID_INPUT naming the field, not the value. */
export function parseEvent<T>(schema: ZodType<T, ZodTypeDef, unknown>, event: unknown): T {
  if (hasForbiddenKey(event)) throw new EidError('INVALID_INPUT', { reason: 'forbidden_key' });
  const parsed = schema.safeParse(event);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const reason = issue?.code === 'invalid_union_discriminator' ? 'unknown_action' : 'schema';
  const field = issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(',') : '');
  throw new EidError('INVALID_INPUT', { reason, details: field ? { field: field.slice(0, 64) } : undefined });
}

export function requireCitizen(caller: Caller): string {
  if (!caller.openid) throw new EidError('INVALID_INPUT', { reason: 'no_caller' });
  return caller.openid;
}

/** Wraps a handler so that it always answers a Result and never throws at the caller. */
export function atBoundary(log: Logger, handler: (event: unknown, caller: Caller) => Promise<object>): CloudFunction {
  return async (event, caller) => {
    try {
      return { ok: true, ...(await handler(event, caller)) };
    } catch (error) {
      return toFailure(error, log);
    }
  };
}
