/**
 * The deployed entry shared by every folder under cloudfunctions/: composes
 * the function once at start-up, strips what the platform adds to the event
 * (`userInfo`, never trusted: caller-identity.ts), identifies the caller from
 * the platform, and runs the same function factory the emulator runs.
 *
 * A deployment missing a variable answers every call INTERNAL/not_configured
 * and its start-up log names each missing variable (never a value), rather
 * than pretending.
 */
import type { FunctionName, Result } from '../../core/api';
import { failure } from '../../core/failure';
import type { CloudFunction, Logger } from '../functions/boundary';
import type { Identify } from './caller-identity';
import { NotConfigured } from './environment';

/** What WeChat's cloud runtime adds to the event of a call from the mini-program. */
interface PlatformEvent {
  userInfo?: unknown;
  [key: string]: unknown;
}

export const consoleLog: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

export type DeployedComposer = (log: Logger) => CloudFunction;

export function deployedEntry(name: FunctionName, compose: DeployedComposer, identify: Identify, log: Logger = consoleLog) {
  let fn: CloudFunction | null = null;
  try {
    fn = compose(log);
  } catch (error) {
    // A NotConfigured message names missing or malformed variables, never their values.
    const what = error instanceof NotConfigured ? error.message : error instanceof Error ? error.name : 'unknown';
    log.error('function not configured', { function: name, what });
  }
  return async (event: unknown): Promise<Result<object>> => {
    if (!fn) return failure('INTERNAL', { reason: 'not_configured' });
    const { userInfo: _ignored, ...rest } = (event && typeof event === 'object' ? event : {}) as PlatformEvent;
    const identified = identify();
    if ('refused' in identified) {
      log.error('refused a call from outside the mini-program', { function: name, source: identified.refused.source });
      return failure('INVALID_INPUT', { reason: 'no_caller' });
    }
    return fn(rest, identified.caller);
  };
}
