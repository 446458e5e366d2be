/**
 * Timer triggers of a deployed function (cloudbaserc.json `triggers`). The
 * admin function prunes what guards nothing any more (server/domain/prune.ts,
 * and the services journey's server/domain/services/prune-services.ts) every
 * ten minutes, as the emulator's timer does, so the deployed
 * collections stay bounded.
 *
 * A timer's event ({ Type: 'Timer', TriggerName }) is only an event, which any
 * caller can write; it is honoured only when the runtime says a timer fired:
 * it sets TRIGGER_SRC=timer for a timer trigger's call (tcb-admin-node reads
 * the same variable, src/utils/getWxCloudApiToken.js). Anything else goes to
 * the function as a call, whose schema refuses it.
 */
import { failure } from '../../core/failure';
import { checkpointIfMoved } from '../adapters/audit/audit-trail';
import type { IssuerSigningKey } from '../adapters/keys/issuer-keys';
import type { Deps } from '../domain/deps';
import { pruneExpired } from '../domain/prune';
import type { ServicesDeps } from '../domain/services-deps';
import { pruneServices } from '../domain/services/prune-services';
import type { CloudFunction, Logger } from '../functions/boundary';

export type Timers = Record<string, () => Promise<Record<string, number>>>;

const timerName = (event: unknown): string | null => {
  const { Type, TriggerName } = (event && typeof event === 'object' ? event : {}) as { Type?: unknown; TriggerName?: unknown };
  return Type === 'Timer' && typeof TriggerName === 'string' ? TriggerName : null;
};

export function withTimers(fn: CloudFunction, timers: Timers, firedByTimer: () => boolean, log: Logger): CloudFunction {
  return async (event, caller) => {
    const name = timerName(event);
    const run = name !== null && firedByTimer() ? timers[name] : undefined;
    if (!run) return fn(event, caller);
    try {
      const counts = await run();
      log.info(`timer ${name} ran`, counts);
      return { ok: true, ...counts };
    } catch (error) {
      log.error(`timer ${name} failed`, { type: error instanceof Error ? error.name : typeof error });
      return failure('INTERNAL');
    }
  };
}

/**
 * The admin function's timers (cloudbaserc.json): `prune` every ten minutes;
 * `auditCheckpoint` every hour, signing the usage chains' heads with the
 * issuer's current key when a chain moved on (server/adapters/audit/audit-trail.ts).
 */
export const ADMIN_TIMERS = ['prune', 'auditCheckpoint'] as const;

export const adminTimers = (deps: Pick<Deps, 'store' | 'clock'>, issuer: IssuerSigningKey, services?: ServicesDeps): Record<(typeof ADMIN_TIMERS)[number], Timers[string]> => ({
  prune: async () => ({ ...(await pruneExpired(deps)), ...(services ? await pruneServices(deps, services) : {}) }),
  auditCheckpoint: () => checkpointIfMoved(deps.store, issuer, deps.clock.now()),
});

/** The runtime's word that a timer trigger fired this call. */
export const firedByTimer = () => process.env.TRIGGER_SRC === 'timer';
