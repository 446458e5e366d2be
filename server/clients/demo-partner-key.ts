/**
 * Where the emulator keeps the SIMULATED demo partner's key, written once:
 * the emulator creates it there and its sample partner backend signs with it;
 * the CLI, the bench and the tests read it to act as that partner.
 * Development only; a real partner holds its own key.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PartnerCredential } from './partner-kit';

export const DEMO_PARTNER_ID = 'pt_simulated_demo';

/** The demo partner's tiles, seeded by the emulator: a pension query for any card, a housing fund withdrawal that needs a colour card, a Beijing-only residence registration. */
export const DEMO_TILES = {
  pension: 'tl_demo_pension',
  housing: 'tl_demo_housing',
  residence: 'tl_demo_residence',
} as const;

export function demoPartnerKeyFile(dataDir: string): string {
  return join(dataDir, 'keys', 'demo-partner-es256.pem');
}

/** The demo partner's credential, read from an emulator's data folder. */
export function loadDemoPartner(dataDir: string): PartnerCredential {
  return { partnerId: DEMO_PARTNER_ID, privateKey: createPrivateKey(readFileSync(demoPartnerKeyFile(dataDir))) };
}
