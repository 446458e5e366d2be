/**
 * The deployed entry shared by every folder under cloudfunctions/: strips
 * what the platform adds to the event, takes the caller's OPENID from the
 * platform (never from a header), and runs the same function factory the
 * emulator runs.
 *
 * Composition happens on the first call (deployed-deps.ts); while an
 * adapter is missing, every call answers INTERNAL/not_configured and the log
 * names the gap, rather than pretending.
 */
import type { FunctionName, Result } from '../../core/api';
import { failure } from '../../core/failure';
import type { CloudFunction, Logger } from '../functions/boundary';
import { NotConfigured } from './deployed-deps';

/** What WeChat's cloud runtime adds to the event of a call from the mini-program. */
interface PlatformEvent {
  userInfo?: { appId?: string; openId?: string };
  [key: string]: unknown;
}

const log: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

export type DeployedComposer = (log: Logger) => CloudFunction;

export function deployedEntry(name: FunctionName, compose: DeployedComposer) {
  let fn: CloudFunction | undefined;
  return async (event: unknown): Promise<Result<object>> => {
    const { userInfo, ...rest } = (event && typeof event === 'object' ? event : {}) as PlatformEvent;
    try {
      fn ??= compose(log);
    } catch (error) {
      // A NotConfigured message names a missing adapter or variable, never data.
      const what = error instanceof NotConfigured ? error.message : error instanceof Error ? error.name : 'unknown';
      log.error('function not configured', { function: name, what });
      return failure('INTERNAL', { reason: 'not_configured' });
    }
    return fn(rest, { openid: typeof userInfo?.openId === 'string' ? userInfo.openId : undefined });
  };
}
