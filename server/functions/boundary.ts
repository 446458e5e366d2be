/**
 * The function boundary: the only place an error becomes
 * `{ ok: false, code, message }` (DESIGN.md §5). Unknown errors become
 * INTERNAL and are logged by type and location only, never by message: a
 * driver's message may quote the data it choked on.
 */
import type { Failure, Result } from '../../core/api';
import { EidError } from '../../core/errors';
import { failure } from '../../core/failure';
import { INPUT_REASONS, type InputReason } from '../../core/reasons';
import { eventShapeProblem } from '../../core/schemas';
import { ZodArray, ZodDiscriminatedUnion, ZodEffects, ZodNullable, ZodObject, ZodOptional, type ZodIssue, type ZodType, type ZodTypeDef } from 'zod';

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

/**
 * Validates an event against its one declared schema; any mismatch is
 * INVALID_INPUT naming the field, never the value. Only a field the schema
 * declares is named: a key the caller made up could be a name or an ID
 * number, so it is only ever "unknown field".
 */
export function parseEvent<T>(schema: ZodType<T, ZodTypeDef, unknown>, event: unknown): T {
  const shapeProblem = eventShapeProblem(event);
  if (shapeProblem) throw new EidError('INVALID_INPUT', { reason: shapeProblem });
  const parsed = schema.safeParse(event);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const reason = issue?.code === 'invalid_union_discriminator' ? 'unknown_action' : (declaredReason(issue) ?? 'schema');
  const field = issue && fieldNamed(issue, declaredKeys(schema));
  throw new EidError('INVALID_INPUT', { reason, details: field ? { field } : undefined });
}

/** A schema names a finer reason in its refusal's message (e.g. core/tile-manifest's `markup`); only a declared input reason counts. */
function declaredReason(issue: ZodIssue | undefined): InputReason | undefined {
  const message = issue?.message;
  return message !== undefined && (INPUT_REASONS as readonly string[]).includes(message) ? (message as InputReason) : undefined;
}

const UNKNOWN_FIELD = 'unknown field';

function fieldNamed(issue: ZodIssue, declared: ReadonlySet<string>): string | undefined {
  if (issue.code === 'unrecognized_keys') return UNKNOWN_FIELD;
  if (issue.path.length === 0) return undefined;
  const known = issue.path.every((segment) => typeof segment === 'number' || declared.has(segment));
  return known ? issue.path.join('.').slice(0, 64) : UNKNOWN_FIELD;
}

const declaredKeysBySchema = new WeakMap<object, ReadonlySet<string>>();

/** Every key a schema declares, at any depth: the only words a refusal may quote back. */
function declaredKeys(schema: ZodType<unknown, ZodTypeDef, unknown>): ReadonlySet<string> {
  let keys = declaredKeysBySchema.get(schema);
  if (!keys) {
    const collected = new Set<string>();
    const collect = (type: unknown): void => {
      if (type instanceof ZodObject) {
        for (const [key, child] of Object.entries(type.shape as Record<string, unknown>)) {
          collected.add(key);
          collect(child);
        }
      } else if (type instanceof ZodDiscriminatedUnion) (type.options as unknown[]).forEach(collect);
      else if (type instanceof ZodArray) collect(type.element);
      else if (type instanceof ZodOptional || type instanceof ZodNullable) collect(type.unwrap());
      else if (type instanceof ZodEffects) collect(type.innerType());
    };
    collect(schema);
    keys = collected;
    declaredKeysBySchema.set(schema, keys);
  }
  return keys;
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
