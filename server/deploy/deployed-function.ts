/**
 * The deployed entry shared by every folder under cloudfunctions/: strips
 * what the platform adds to the event, takes the caller's OPENID from the
 * platform (never from a header), and runs the same function factory the
 * emulator runs.
 *
 * Not yet wired: the CloudBase store adapter (tcb-admin-node) and the
 * platform face-verification authority are later work. Until they exist a
 * deployed call answers INTERNAL and logs why, rather than pretending.
 */
import type { FunctionName, Result } from '../../core/api';
import type { CloudFunction, Logger } from '../functions/boundary';
import { failure } from '../functions/boundary';

/** What WeChat's cloud runtime adds to the event of a call from the mini-program. */
interface PlatformEvent {
  userInfo?: { appId?: string; openId?: string };
  [key: string]: unknown;
}

const log: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

export type DeployedComposer = (name: FunctionName, log: Logger) => CloudFunction;

export const composeDeployed: DeployedComposer = () => {
  throw new Error('The deployed store and authority adapters are not built yet');
};

export function deployedEntry(name: FunctionName, compose: DeployedComposer = composeDeployed) {
  let fn: CloudFunction | undefined;
  return async (event: unknown): Promise<Result<object>> => {
    const { userInfo, ...rest } = (event && typeof event === 'object' ? event : {}) as PlatformEvent;
    try {
      fn ??= compose(name, log);
    } catch (error) {
      log.error('function not configured', { function: name, type: error instanceof Error ? error.name : 'unknown' });
      return failure('INTERNAL', { reason: 'not_configured' });
    }
    return fn(rest, { openid: typeof userInfo?.openId === 'string' ? userInfo.openId : undefined });
  };
}
