/**
 * What to tell when the service could not answer (INTERNAL): check the
 * connection when the network failed on the way, otherwise try later. Every
 * page that explains a failure asks here first.
 */
import type { Failure } from '../../core/api';

export function unavailableReason(failure: Failure): 'next.network' | 'next.later' | undefined {
  if (failure.code !== 'INTERNAL') return undefined;
  return failure.reason === 'network' ? 'next.network' : 'next.later';
}
