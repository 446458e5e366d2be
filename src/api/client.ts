/**
 * The typed API client: one function per action, typed from core/api. A
 * network failure becomes an INTERNAL failure so pages handle one shape.
 */
import type { CitizenActions, Failure, Result, UpgradeView, VerificationView } from '../../core/api';
import { failure } from '../../core/failure';
import type { Scene } from '../../core/scenes';
import { verifyAtCounter } from './staff-verify';
import { upgradeAtTerminal, type TerminalUpgradeRequest } from './terminal-upgrade';
import { callFunction } from './transport';

const networkFailure = (): Failure => failure('INTERNAL', { reason: 'network' });

async function citizen<A extends keyof CitizenActions>(
  action: A,
  request: CitizenActions[A]['request'],
): Promise<Result<CitizenActions[A]['response']>> {
  try {
    return (await callFunction('citizen', { action, ...request })) as Result<CitizenActions[A]['response']>;
  } catch {
    return networkFailure();
  }
}

export const api = {
  startFace: (request: CitizenActions['startFace']['request'] = {}) => citizen('startFace', request),
  enroll: (request: CitizenActions['enroll']['request']) => citizen('enroll', request),
  getCard: () => citizen('getCard', {}),
  reauth: (request: CitizenActions['reauth']['request']) => citizen('reauth', request),
  present: (request: CitizenActions['present']['request']) => citizen('present', request),
  listUsage: (request: CitizenActions['listUsage']['request']) => citizen('listUsage', request),
  // Lifecycle (journey 6).
  reportLost: () => citizen('reportLost', {}),
  moveCard: (request: CitizenActions['moveCard']['request']) => citizen('moveCard', request),
  reinstate: (request: CitizenActions['reinstate']['request']) => citizen('reinstate', request),
  renew: (request: CitizenActions['renew']['request']) => citizen('renew', request),
  revoke: (request: CitizenActions['revoke']['request']) => citizen('revoke', request),
  // The colour upgrade (journey 4).
  setCardPassword: (request: CitizenActions['setCardPassword']['request']) => citizen('setCardPassword', request),
  unlockCardPassword: (request: CitizenActions['unlockCardPassword']['request']) => citizen('unlockCardPassword', request),
  presentUpgrade: () => citizen('presentUpgrade', {}),
  listUpgradeSites: (request: CitizenActions['listUpgradeSites']['request']) => citizen('listUpgradeSites', request),
  // Services (journey 5).
  listServices: (request: CitizenActions['listServices']['request']) => citizen('listServices', request),
  getTileConsent: (request: CitizenActions['getTileConsent']['request']) => citizen('getTileConsent', request),
  authorize: (request: CitizenActions['authorize']['request']) => citizen('authorize', request),
  listGrants: () => citizen('listGrants', {}),
  revokeGrant: (request: CitizenActions['revokeGrant']['request']) => citizen('revokeGrant', request),
  listExchanges: (request: CitizenActions['listExchanges']['request']) => citizen('listExchanges', request),
  /** The staff page's verification (see staff-verify.*.ts for how each platform does it). */
  verifyAtCounter: async (request: { token: string; scene: Scene }): Promise<Result<VerificationView>> => {
    try {
      return await verifyAtCounter(request);
    } catch {
      return networkFailure();
    }
  },
  /** The upgrade terminal page's submission (see terminal-upgrade.*.ts for how each platform does it). */
  upgradeAtTerminal: async (request: TerminalUpgradeRequest): Promise<Result<UpgradeView>> => {
    try {
      return await upgradeAtTerminal(request);
    } catch {
      return networkFailure();
    }
  },
};
