/**
 * The local composition: the very same function factories that deploy,
 * wired (server/composition) to the embedded SQLite store, the SIMULATED
 * identity authority and development keys in the data folder.
 */
import type { KeyObject } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionName } from '../../core/api';
import { loadSyntheticPopulation, SimulatedAuthority } from '../adapters/authority/simulated-authority';
import { InProcessCheckBudget } from '../adapters/in-process/in-process-check-budget';
import type { IssuerKeys } from '../adapters/keys/issuer-keys';
import { developmentKeys, rotateDevelopmentIssuerKey } from '../adapters/keys/key-material';
import { SqliteServicesStore } from '../adapters/sqlite/sqlite-services-store';
import { SqliteStore } from '../adapters/sqlite/sqlite-store';
import { developmentServicesKeys } from '../adapters/keys/services-keys';
import { cryptoRandom, systemClock } from '../adapters/system';
import { composeDeps } from '../composition/compose-deps';
import { composeServices } from '../composition/compose-services';
import type { Deps } from '../domain/deps';
import type { ServicesDeps } from '../domain/services-deps';
import type { Clock } from '../domain/ports';
import { createAdminFunction } from '../functions/admin';
import type { CloudFunction, Logger } from '../functions/boundary';
import { createCitizenFunction } from '../functions/citizen';
import { createPartnerFunction } from '../functions/partner';
import { createVerifierFunction } from '../functions/verifier';

export interface Emulator {
  functions: Record<FunctionName, CloudFunction>;
  /** The issuer's keys, for the JWKS route. */
  issuer: IssuerKeys;
  /** Signs admin assertions; the emulator's operator holds it (development key). */
  adminKey: KeyObject;
  deps: Deps;
  /** The services journey (partners, tiles, grants), on the same SQLite file; loopback targets allowed for the sample partner. */
  services: ServicesDeps;
  close(): Promise<void>;
}

export interface EmulatorOptions {
  dataDir: string;
  log: Logger;
  env?: Record<string, string | undefined>;
  clock?: Clock;
}

export function composeEmulator({ dataDir, log, env = {}, clock = systemClock }: EmulatorOptions): Emulator {
  mkdirSync(dataDir, { recursive: true });
  // Development keys only, never the environment's: the emulator pairs keys with the SIMULATED
  // authority, and production keys would sign cards and tokens for synthetic people.
  if (env.EID_ISSUER_PRIVATE_KEY || env.EID_PII_ENC_KEY) log.info('ignoring EID_* keys from the environment: the emulator uses development keys only');
  const keys = developmentKeys(dataDir, () => clock.now());
  log.info(keys.created ? 'generated development keys (local emulator only)' : 'using development keys', { folder: keys.folder });
  const authority = new SimulatedAuthority(loadSyntheticPopulation(), cryptoRandom);
  log.info('identity authority', { label: authority.label });

  const store = SqliteStore.open(join(dataDir, 'eid.sqlite'));
  // One process over its own SQLite file: the check budget's places can live in memory.
  const deps = composeDeps({ store, authority, checkBudget: new InProcessCheckBudget(store), keys, clock, random: cryptoRandom });
  const servicesStore = SqliteServicesStore.open(join(dataDir, 'eid.sqlite'));
  const services = composeServices({ store: servicesStore, keys: developmentServicesKeys(dataDir), issuerKey: keys.issuer, allowLoopbackTargets: true });
  return {
    functions: {
      citizen: createCitizenFunction(deps, log, services),
      verifier: createVerifierFunction(deps, keys, log),
      partner: createPartnerFunction(deps, services, log),
      admin: createAdminFunction(deps, keys.adminKey, log, services, () => rotateDevelopmentIssuerKey(dataDir, keys.issuer, clock.now())),
    },
    issuer: keys.issuer,
    adminKey: keys.adminKey,
    deps,
    services,
    close: async () => {
      await servicesStore.close();
      await store.close();
    },
  };
}
